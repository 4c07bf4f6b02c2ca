"""The Python 3.11 layer widens safe_eval's opcode whitelists: what Odoo 11
evaluates must evaluate, and what its sandbox refused must still be refused."""
import pytest

from odoo.tools.safe_eval import test_python_expr as check_python_expr
from odoo.tools.safe_eval import const_eval, expr_eval, safe_eval


@pytest.mark.parametrize('expr, context, expected', [
    ("[('state', 'in', ['draft', 'done'])]", {}, [('state', 'in', ['draft', 'done'])]),
    ("[('id', 'not in', ids)]", {'ids': [1, 2]}, [('id', 'not in', [1, 2])]),
    ("a is None and b is not None", {'a': None, 'b': 1}, True),
    ("'%s-%05d' % (prefix, number)", {'prefix': 'JJ', 'number': 42}, 'JJ-00042'),
    ("'%(a)s/%(b)s' % {'a': 1, 'b': 2}", {}, '1/2'),
    ("[x * 2 for x in values if x > 1]", {'values': [1, 2, 3]}, [4, 6]),
    ("{k: v for k, v in pairs}", {'pairs': [('a', 1)]}, {'a': 1}),
    ("sum(x for x in values)", {'values': [1, 2, 3]}, 6),
    ("dict(default_type='out_invoice', active_test=False)", {},
     {'default_type': 'out_invoice', 'active_test': False}),
    ("o.get('x', 3)", {'o': {}}, 3),
    ("values[1:] + [-values[0] // 2]", {'values': [4, 5]}, [5, -2]),
    ("uid if uid else False", {'uid': 7}, 7),
    ("{'search_default_overdue': 1, 'group_by': ['dealer_id']}", {},
     {'search_default_overdue': 1, 'group_by': ['dealer_id']}),
])
def test_safe_eval_evaluates(expr, context, expected):
    assert safe_eval(expr, context) == expected


def test_safe_eval_exec_mode_with_loops_and_try():
    """Server actions run statements: loops, conditions and try/except."""
    code = (
        "total = 0\n"
        "for v in values:\n"
        "    if v is None:\n"
        "        continue\n"
        "    try:\n"
        "        total += 10 // v\n"
        "    except Exception:\n"
        "        total -= 1\n"
        "while total > 100:\n"
        "    total -= 100\n"
        "result = total\n"
    )
    ctx = {'values': [1, None, 0, 5]}
    safe_eval(code, ctx, mode='exec', nocopy=True)
    assert ctx['result'] == 11


@pytest.mark.parametrize('expr', [
    "__import__('os').system('true')",
    "().__class__.__bases__[0].__subclasses__()",
    "x.__class__",
    "getattr(x, '__class__')",
    "(lambda: 1).__code__",
    "[c for c in ().__class__.__mro__]",
    "open('/etc/passwd')",
    "eval('1')",
])
def test_safe_eval_refuses(expr):
    with pytest.raises((NameError, ValueError)):
        safe_eval(expr, {'x': object()})


def test_safe_eval_refuses_attribute_assignment():
    class Target(object):
        a = 0
    target = Target()
    with pytest.raises(ValueError, match='STORE_ATTR'):
        safe_eval("x.a = 1", {'x': target}, mode='exec')
    assert target.a == 0


@pytest.mark.parametrize('code', [
    "import os",
    "from os import path",
    "with x:\n    pass",
    "del x.a",
    "def f():\n    global y\n    y = 1",
])
def test_safe_eval_refuses_statements(code):
    with pytest.raises((NameError, ValueError, SyntaxError)):
        safe_eval(code, {'x': object()}, mode='exec')


def test_const_and_expr_eval_stay_narrow():
    assert const_eval("[1, 2, (3, 4), {'a': 'b'}]") == [1, 2, (3, 4), {'a': 'b'}]
    assert expr_eval("[1, 2] * 2") == [1, 2, 1, 2]
    with pytest.raises(ValueError):
        const_eval("[x]")            # names are not constants
    with pytest.raises(ValueError):
        expr_eval("len([1])")        # names and calls are not expressions
    assert check_python_expr("[('a', '=', 1)]") is False
    assert 'STORE_ATTR' in check_python_expr("x.a = 1", mode='exec')
    with pytest.raises(NameError):
        check_python_expr("x.__class__")


# ---------------------------------------------------------------------------
# str.format / format_map and frame attributes (runtime/safe_eval_sandbox.py)
# ---------------------------------------------------------------------------
import json  # noqa: E402
import traceback  # noqa: E402
import uuid  # noqa: E402

import odoo  # noqa: E402
from markupsafe import Markup  # noqa: E402
from odoo.tests.common import HttpCase, TransactionCase  # noqa: E402

# Reads the master password with nothing but safe_eval's builtins (len):
# builtins module -> BuiltinImporter -> importlib._bootstrap globals -> sys.
CONFIG_LEAK = ("'{0.__self__.__loader__.load_module.__func__.__globals__[sys]"
               ".modules[odoo.tools.config].config.options[admin_passwd]}'.format(len)")


def _exception_text(exc):
    """Everything a caller could be shown: messages and tracebacks, chained."""
    return ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__))


@pytest.fixture
def secret(monkeypatch):
    value = 'secret-%s' % uuid.uuid4().hex
    monkeypatch.setitem(odoo.tools.config.options, 'admin_passwd', value)
    return value


class _Public(object):
    name = 'public'
    _cr = 'private cursor'
    format = 'A4'   # e.g. report.paperformat's field "format"


class _Holder(object):
    """Keeps str.format as an attribute of another class."""
    format = str.format


class _Proxy(object):
    """Delegates attributes to a string, like a lazy translation."""
    def __init__(self, value):
        self._value = value

    def __getattr__(self, name):
        return getattr(self._value, name)


def _generator():
    yield 1


def _traceback():
    try:
        raise ValueError('x')
    except ValueError as e:
        return e.__traceback__


@pytest.mark.parametrize('expr', [
    CONFIG_LEAK,
    "'{0.__globals__}'.format(f)",
    "'{0.__globals__}'.format(lambda: 1)",
    "'{0.__class__.__mro__}'.format(x)",
    "'{0.__class__}'.format(1)",
    "'{0._cr}'.format(obj)",
    "'{0.name._x}'.format(obj)",
    "'{0[0].__class__}'.format([1])",
    "'{a.__class__}'.format_map({'a': 1})",
    "'{a.__class__}'.format(a=1)",
    "'{0:{1.__class__}}'.format(1, 2)",
    "str.format('{0.__class__}', 1)",
    "list(map(str.format, ['{0.__class__}'], [1]))",
    "[f('{0.__class__}', 1) for f in [str.format]]",
    "(lambda s: s.format(1))('{0.__class__}')",
    "s.format(1)",
    "'{0.__class__}'.ｆｏｒｍａｔ(1)",  # NFKC: the attribute is "format"
    "proxy.format(1)",
    "H.format('{0.__class__}', 1)",
    "m.format(1)",
    "M.format(m, 1)",
    "'{0.gi_frame}'.format(gen)",
    "'{0.gi_code}'.format(gen)",
    "'{0.gi_yieldfrom}'.format(gen)",
    "'{0.tb_frame}'.format(tb)",
    "'{0.tb_next}'.format(tb)",
    "'{0.f_lineno}'.format(frame)",
    "'{0.f_back}'.format(frame)",
    "'{0.co_name}'.format(code)",
    "'{0.mro}'.format(int)",
])
def test_safe_eval_refuses_format_escapes(expr, secret):
    context = {
        'x': object(), 'f': _generator, 'obj': _Public(), 'gen': _generator(),
        's': '{0.__class__}', 'proxy': _Proxy('{0.__class__}'), 'H': _Holder,
        'm': Markup('{0.__class__}'), 'M': Markup,
        'tb': _traceback(), 'frame': _traceback().tb_frame, 'code': _generator.__code__,
    }
    with pytest.raises(ValueError, match='forbidden attribute') as info:
        safe_eval(expr, context)
    assert secret not in _exception_text(info.value)


def test_safe_eval_config_leak_in_exec_mode(secret):
    """Server-action style code: in a function, and with format_map."""
    ctx = {}
    for code in ["def f():\n    return %s\nresult = f()" % CONFIG_LEAK,
                 "fmt = '{a.__self__.__loader__}'.format_map\nresult = fmt({'a': len})"]:
        with pytest.raises(ValueError, match='forbidden attribute') as info:
            safe_eval(code, ctx, mode='exec', nocopy=True)
        assert secret not in _exception_text(info.value)
    assert 'result' not in ctx


@pytest.mark.parametrize('code', [
    "_safe_eval_format_attr('', 'format')",
    "_safe_eval_format_attr = lambda o, n: n",
    "def f(_safe_eval_format_attr):\n    return 1",
])
def test_safe_eval_refuses_the_format_helper_name(code):
    with pytest.raises((NameError, ValueError), match='_safe_eval_format_attr'):
        safe_eval(code, {}, mode='exec')


@pytest.mark.parametrize('attribute', [
    'gi_frame', 'gi_code', 'gi_yieldfrom', 'cr_frame', 'cr_code', 'cr_await',
    'ag_frame', 'ag_code', 'tb_frame', 'tb_next', 'f_globals', 'f_locals',
    'f_builtins', 'f_back', 'f_code', 'co_code', 'func_globals', 'func_code',
])
def test_safe_eval_refuses_frame_and_code_attributes(attribute):
    """Refused by name before anything runs, in code as in format strings."""
    for expr in ["(x for x in [1]).%s" % attribute,
                 "gen.%s.f_lineno" % attribute]:
        with pytest.raises(NameError, match=attribute):
            safe_eval(expr, {'gen': _generator()})
    with pytest.raises(ValueError, match='forbidden attribute'):
        safe_eval("'{0.%s}'.format(gen)" % attribute, {'gen': _generator()})
    with pytest.raises(NameError, match=attribute):
        check_python_expr("x.%s" % attribute)   # view/action validation


@pytest.mark.parametrize('expr, context, expected', [
    ("'%s' % x", {'x': 5}, '5'),
    ("'{} {}'.format(a, b)", {'a': 1, 'b': 'x'}, '1 x'),
    ("'{0:.2f}'.format(x)", {'x': 3.14159}, '3.14'),
    ("'{name}'.format(name=n)", {'n': '旧件'}, '旧件'),
    ("'{0[0]}'.format(l)", {'l': [7]}, '7'),
    ("'{0[key]}-{0[1]}'.format(d)", {'d': {'key': 'k', 1: 'one'}}, 'k-one'),
    ("'{0.name}'.format(obj)", {'obj': _Public()}, 'public'),
    ("'{0.real:>4}|{0!r}'.format(x)", {'x': 5}, '   5|5'),
    ("'{a}/{b}'.format_map(d)", {'d': {'a': 1, 'b': 2}}, '1/2'),
    ("'{0:{1}}'.format(x, spec)", {'x': 2.5, 'spec': '.3f'}, '2.500'),
    ("'{{}} {}'.format(1)", {}, '{} 1'),
    ("str.format('{}!', 1)", {}, '1!'),
    ("list(map('{}-{}'.format, [1, 2], 'ab'))", {}, ['1-a', '2-b']),
    ("proxy.format(2)", {'proxy': _Proxy('[{}]')}, '[2]'),
    ("obj.format", {'obj': _Public()}, 'A4'),   # not a string: unchanged
    ("f'{x:>3}|{x!r}'", {'x': 1}, '  1|1'),
    ("'%(a)s-%(b)05.1f' % d", {'d': {'a': 'x', 'b': 2}}, 'x-002.0'),
])
def test_safe_eval_allowed_formatting(expr, context, expected):
    assert safe_eval(expr, context) == expected


def test_safe_eval_markup_format_still_escapes():
    result = safe_eval("m.format(v, name=v)", {'m': Markup('<b>{0}</b>{name}'), 'v': '<i>'})
    assert result == Markup('<b>&lt;i&gt;</b>&lt;i&gt;')
    assert isinstance(result, Markup)
    assert safe_eval("M.format(M('<p>{}</p>'), '&')", {'M': Markup}) == Markup('<p>&amp;</p>')


def test_safe_eval_format_in_exec_mode():
    code = (
        "def label(p):\n"
        "    return '{0[code]}: {1:.1f}'.format(p, p['qty'])\n"
        "lines = [label(p) for p in parts]\n"
        "result = ', '.join(lines)\n"
    )
    ctx = {'parts': [{'code': 'A', 'qty': 1}, {'code': 'B', 'qty': 2.25}]}
    safe_eval(code, ctx, mode='exec', nocopy=True)
    assert ctx['result'] == 'A: 1.0, B: 2.2'


class TestSafeEvalFormatRecords(TransactionCase):

    def test_record_public_fields_and_private_attributes(self):
        partner = self.env['res.partner'].create({'name': '宁夏代理商'})
        assert safe_eval("'{0.name}/{0.id}'.format(r)", {'r': partner}) == \
            '宁夏代理商/%d' % partner.id
        assert safe_eval("'{0.country_id.name}'.format(r)", {'r': partner}) == 'False'
        for attribute in ('_cr', '_context', '_uid', 'env._cr', '__class__'):
            with pytest.raises(ValueError, match='forbidden attribute'):
                safe_eval("'{0.%s}'.format(r)" % attribute, {'r': partner})

    def test_domains_and_contexts_still_evaluate(self):
        """Domains and contexts of actions and views (the XML eval= path)."""
        for action in self.env['ir.actions.act_window'].search(
                [('res_model', 'like', 'oldparts.%')]):
            safe_eval(action.context or '{}', {'uid': self.env.uid, 'active_id': 1,
                                                'active_ids': [1], 'context': {}})
            assert isinstance(safe_eval(action.domain or '[]', {'uid': self.env.uid}), list)

    def test_server_action_formats_a_message(self):
        partner = self.env['res.partner'].create({'name': 'Dealer'})
        action = self.env['ir.actions.server'].create({
            'name': 'rt format', 'model_id': self.env.ref('base.model_res_partner').id,
            'state': 'code',
            'code': "record.write({'comment': '{0.name}: {1:.1f}'.format(record, 2.5)})",
        })
        action.with_context(active_model='res.partner', active_id=partner.id).run()
        assert partner.comment == 'Dealer: 2.5'


def _composer_context(domain):
    return {
        'active_model': 'res.partner',
        'active_domain': domain,
        'default_composition_mode': 'mass_mail',
        'default_model': 'res.partner',
        'default_use_active_domain': True,
    }


# The leak as a dealer would send it: the domain leaf's field name is the
# formatted secret, so without the fix search() refuses it with
# "Invalid field '<secret>' in leaf" and shows it to him.
LEAKING_DOMAIN = "[(%s, '=', 1)]" % CONFIG_LEAK


class TestMailComposerActiveDomain(TransactionCase):

    def setUp(self):
        super(TestMailComposerActiveDomain, self).setUp()
        self.secret = 'secret-%s' % uuid.uuid4().hex
        options = odoo.tools.config.options
        previous = options.get('admin_passwd')
        options['admin_passwd'] = self.secret
        self.addCleanup(options.__setitem__, 'admin_passwd', previous)
        self.user = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Composer Dealer', 'login': 'rt_composer_dealer',
            'email': 'rt_composer_dealer@example.com',
            'groups_id': [(6, 0, [self.env.ref('oldparts_module.group_oldparts_dealer').id,
                                  self.env.ref('base.group_partner_manager').id])],
        })
        assert not self.user.has_group('base.group_system')
        assert self.user.has_group('base.group_user')

    def test_composer_refuses_format_escape_in_active_domain(self):
        Composer = self.env['mail.compose.message'].sudo(self.user)
        composer = Composer.with_context(_composer_context(LEAKING_DOMAIN)).create(
            {'subject': 'Hello', 'body': '<p>Hi</p>'})
        assert composer.use_active_domain and composer.composition_mode == 'mass_mail'
        mails_before = self.env['mail.mail'].search_count([])
        with pytest.raises(ValueError, match='forbidden attribute') as info:
            composer.send_mail()
        assert self.secret not in _exception_text(info.value)
        assert self.env['mail.mail'].search_count([]) == mails_before

    def test_composer_with_a_plain_active_domain_still_sends(self):
        partner = self.env['res.partner'].create({
            'name': 'rt-composer-target', 'email': 'target@example.com'})
        domain = "[('name', '=', '{}-{}'.format('rt-composer', 'target'))]"
        composer = self.env['mail.compose.message'].sudo(self.user).with_context(
            _composer_context(domain)).create({'subject': 'Hello', 'body': '<p>Hi</p>'})
        composer.send_mail()
        mails = self.env['mail.mail'].search([('recipient_ids', 'in', partner.ids)])
        assert len(mails) == 1 and mails.subject == 'Hello'


class TestMailComposerJsonRpc(HttpCase):
    """The same escape sent over JSON-RPC by a logged-in dealer."""

    def _call_kw(self, model, method, args, kwargs):
        payload = {'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': {
            'model': model, 'method': method, 'args': args, 'kwargs': kwargs}}
        response = self.opener.post(
            'http://%s:%s/web/dataset/call_kw/%s/%s' % (
                odoo.tests.common.HOST, odoo.tests.common.PORT, model, method),
            data=json.dumps(payload), headers={'Content-Type': 'application/json'},
            timeout=60)
        assert response.status_code == 200
        return response.text, response.json()

    def test_json_rpc_composer_refuses_and_leaks_nothing(self):
        secret = 'secret-%s' % uuid.uuid4().hex
        options = odoo.tools.config.options
        previous = options.get('admin_passwd')
        options['admin_passwd'] = secret
        self.addCleanup(options.__setitem__, 'admin_passwd', previous)
        # Odoo 11's HttpCase: the HTTP requests see the registry's test
        # cursor, not self.cr, so the user is created on that cursor.
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env['res.users'].with_context(no_reset_password=True).create({
                'name': 'RPC Dealer', 'login': 'rt_rpc_dealer', 'password': 'rt_rpc_dealer',
                'email': 'rt_rpc_dealer@example.com',
                'groups_id': [(6, 0, [env.ref('oldparts_module.group_oldparts_dealer').id])],
            })
        # HttpCase.authenticate() reads the user on self.cr: log in by hand
        db = self.session.db
        uid = self.registry['res.users'].authenticate(db, 'rt_rpc_dealer', 'rt_rpc_dealer', None)
        assert uid
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, uid, {})
            assert not env.user.has_group('base.group_system')
            self.session.uid, self.session.login = uid, 'rt_rpc_dealer'
            self.session.session_token = odoo.service.security.compute_session_token(
                self.session, env)
            self.session.context = dict(env['res.users'].context_get())
        odoo.http.root.session_store.save(self.session)
        context = dict(_composer_context(LEAKING_DOMAIN), lang='en_US')
        text, created = self._call_kw('mail.compose.message', 'create',
                                      [{'subject': 'Hello', 'body': '<p>Hi</p>'}],
                                      {'context': context})
        assert 'result' in created, text[:500]
        text, answer = self._call_kw('mail.compose.message', 'send_mail',
                                     [[created['result']]], {'context': context})
        assert 'error' in answer and 'result' not in answer
        assert 'forbidden attribute' in answer['error']['data']['message']
        assert secret not in text


class TestQWebExpressions(TransactionCase):
    """QWeb t-esc compiles its expressions itself (ir_qweb._compile_expr) and
    checks them with safe_eval's assert_valid_codeobj: formatting works as
    in Odoo 11, the longer list of frame attributes is refused there too."""

    def _render(self, expr, values):
        view = self.env['ir.ui.view'].create({
            'name': 'rt_qweb_format', 'type': 'qweb',
            'arch': '<t t-name="rt_qweb_format"><p t-esc="%s"/></t>' % expr})
        return self.env['ir.qweb'].render(view.id, values).decode()

    def test_t_esc_format_and_percent(self):
        html = self._render("'{0:.2f} {1}'.format(x, name) + ' %s' % x", {'x': 2.5, 'name': '<b>'})
        assert html == '<p>2.50 &lt;b&gt; 2.5</p>'

    def test_t_esc_refuses_frame_attributes(self):
        with pytest.raises(Exception, match='gi_code'):
            self._render("(x for x in []).gi_code", {})

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

"""Every user-visible term of the module is written in English and
translated to Simplified Chinese; users read messages and forms in their
own language."""
import ast
import os
import re

import polib

from odoo.exceptions import UserError, ValidationError
from odoo.tests.common import TransactionCase

from .returns_common import OldpartsReturnsCase
from .sale_common import OldpartsSaleCase

CJK = re.compile('[\u4e00-\u9fff]')
PLACEHOLDER = re.compile(r'%\((\w+)\)[sdf]')
POSITIONAL = re.compile(r'%(?![(%])')
MODULE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), 'oldparts_module')
# Rewritten in parallel (issue 9, approval and state messages): their
# messages are converted there; drop them from here once merged.
def _needs_translation(msgid):
    """Strings with no letters to translate (codes, punctuation) are exempt."""
    return bool(re.search('[A-Za-z]{2}', msgid))


def _source_msgids():
    """(file, line, msgid) of every _() call of the module's Python code."""
    found = []
    for folder, _dirs, files in os.walk(MODULE):
        for name in files:
            if not name.endswith('.py'):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, MODULE)
            with open(path, encoding='utf-8') as handle:
                tree = ast.parse(handle.read(), path)
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                        and node.func.id == '_':
                    arg = node.args[0] if node.args else None
                    msgid = arg.value if isinstance(arg, ast.Constant) \
                        and isinstance(arg.value, str) else None
                    found.append((relative, node.lineno, msgid))
    return found


class TestCatalog(TransactionCase):
    """The files: i18n/zh_CN.po, i18n/oldparts_module.pot and the sources."""

    def setUp(self):
        super(TestCatalog, self).setUp()
        self.po = polib.pofile(os.path.join(MODULE, 'i18n', 'zh_CN.po'))
        self.pot = polib.pofile(os.path.join(MODULE, 'i18n', 'oldparts_module.pot'))
        self.translations = {e.msgid: e.msgstr for e in self.po}

    def test_msgids_english(self):
        """No msgid of the catalog contains a Chinese character."""
        for catalog in (self.po, self.pot):
            chinese = [e.msgid for e in catalog if CJK.search(e.msgid)]
            self.assertFalse(chinese, 'Chinese in msgids of %s: %s' % (
                os.path.basename(catalog.fpath), chinese[:20]))

    def test_po_translated(self):
        """Every msgid of zh_CN.po has a Chinese translation, with the same
        named placeholders, and the .pot lists the same terms."""
        untranslated = [e.msgid for e in self.po if _needs_translation(e.msgid)
                        and (not e.msgstr.strip() or e.msgstr == e.msgid)]
        self.assertFalse(untranslated, 'untranslated: %s' % untranslated[:20])
        fuzzy = [e.msgid for e in self.po if 'fuzzy' in e.flags]
        self.assertFalse(fuzzy, 'fuzzy: %s' % fuzzy[:20])
        placeholders = [e.msgid for e in self.po if e.msgstr and
                        sorted(PLACEHOLDER.findall(e.msgid)) != sorted(PLACEHOLDER.findall(e.msgstr))]
        self.assertFalse(placeholders, 'placeholders differ: %s' % placeholders[:20])
        self.assertEqual({e.msgid for e in self.pot}, set(self.translations))

    def test_python_messages(self):
        """Every _() of the Python code takes one English literal, with
        named placeholders only (the arguments are given once, by name),
        translated in zh_CN.po."""
        calls = _source_msgids()
        self.assertGreater(len(calls), 100)
        problems = []
        for path, line, msgid in calls:
            where = '%s:%d' % (path, line)
            if msgid is None:
                problems.append('%s: _() of something else than a literal' % where)
            elif CJK.search(msgid):
                problems.append('%s: Chinese in %r' % (where, msgid))
            elif POSITIONAL.search(msgid.replace('%%', '')):
                problems.append('%s: positional placeholder in %r' % (where, msgid))
            elif _needs_translation(msgid) and self.translations.get(msgid, msgid) == msgid:
                problems.append('%s: no Chinese for %r' % (where, msgid))
        self.assertFalse(problems, '\n'.join(problems))

    def test_sql_constraints_translated(self):
        """The messages of the SQL constraints are English, exported as
        sql_constraint terms and read in Chinese by a Chinese user."""
        Part = self.env['oldparts.part']
        message = dict((name, msg) for name, _sql, msg in Part._sql_constraints)['name_company_uniq']
        self.assertFalse(CJK.search(message))
        chinese = self.env['ir.translation']._get_source(
            None, 'sql_constraint', 'zh_CN', message)
        self.assertTrue(CJK.search(chinese), chinese)



class TestChineseTranslation(TransactionCase):

    def setUp(self):
        super(TestChineseTranslation, self).setUp()
        self.assertTrue(self.env['res.lang'].search([('code', '=', 'zh_CN')]),
                        'make test loads zh_CN')
        self.zh = self.env(context=dict(self.env.context, lang='zh_CN'))

    def _untranslated(self, pairs):
        return sorted({src for src, value in pairs
                       if src and not CJK.search(src) and (not value or value == src)
                       and re.search('[A-Za-z]{2}', src) and src not in ('ID',)})

    def test_field_labels_and_help(self):
        """Every label and help text of the module's own fields reads in Chinese."""
        fields = self.env['ir.model.fields'].search([
            ('modules', 'ilike', 'oldparts_module')])
        fields = fields.filtered(lambda f: 'oldparts_module' in f.modules.split(', ')
                                 and f.name not in ('id', 'display_name', '__last_update',
                                                    'create_uid', 'create_date',
                                                    'write_uid', 'write_date'))
        self.assertGreater(len(fields), 200)
        zh_fields = fields.with_context(lang='zh_CN')
        missing = self._untranslated(
            (f.field_description, zf.field_description) for f, zf in zip(fields, zh_fields))
        self.assertFalse(missing, 'field labels without Chinese: %s' % missing)

    def test_menus_and_actions(self):
        """The module's menus and window actions are in Chinese."""
        data = self.env['ir.model.data'].search([
            ('module', '=', 'oldparts_module'),
            ('model', 'in', ('ir.ui.menu', 'ir.actions.act_window'))])
        self.assertGreater(len(data), 20)
        pairs = []
        for xmlid in data:
            record = self.env[xmlid.model].browse(xmlid.res_id)
            pairs.append((record.name, record.with_context(lang='zh_CN').name))
        missing = self._untranslated(pairs)
        self.assertFalse(missing, 'menus/actions without Chinese: %s' % missing)
        root = self.env.ref('oldparts_module.oldparts_menu_root').with_context(lang='zh_CN')
        self.assertEqual(root.name, '售后旧件')

    def test_every_po_entry_translated(self):
        """No term of the module is stored without its Chinese translation."""
        self.env.cr.execute("""
            SELECT src, value FROM ir_translation
             WHERE lang = 'zh_CN' AND module = 'oldparts_module'""")
        rows = self.env.cr.fetchall()
        self.assertGreater(len(rows), 400)
        missing = self._untranslated(rows)
        self.assertFalse(missing, 'terms without Chinese: %s' % missing[:30])

    def test_selection_values(self):
        """States and disposal types show in Chinese in the ledger."""
        Part = self.env['oldparts.part'].with_context(lang='zh_CN')
        states = dict(Part._fields['state']._description_selection(Part.env))
        types = dict(Part._fields['disposal_type']._description_selection(Part.env))
        self.assertEqual(states['in_return'], '返司中')
        self.assertEqual(types['local_sale'], '当地销售旧件')
        self.assertEqual(Part.fields_get(['delay_days'])['delay_days']['string'], '延期天数')


class TestRefusalLanguage(OldpartsReturnsCase):
    """A refusal reads in the language of the user who gets it, and only in
    that language."""

    def _messages(self, exception, call):
        """The message of ``call``'s refusal for an en_US and a zh_CN user."""
        messages = {}
        for lang in ('en_US', 'zh_CN'):
            with self._refused(exception, lang=lang) as refusal:
                call()
            messages[lang] = getattr(refusal.exception, 'name', None) or str(refusal.exception)
        self.assertFalse(CJK.search(messages['en_US']), messages['en_US'])
        self.assertTrue(CJK.search(messages['zh_CN']), messages['zh_CN'])
        return messages

    def test_part_refusal(self):
        part = self._create_part()
        messages = self._messages(ValidationError, lambda: part.sudo(self.engineer_a).write(
            {'quantity': 0.0}))
        self.assertEqual(messages['en_US'], 'The quantity of old part %s must be greater '
                                            'than zero.' % part.name)
        self.assertEqual(messages['zh_CN'], '旧件 %s 的数量必须大于零。' % part.name)

    def test_shipment_refusal(self):
        part = self._handed_over_part()
        shipment = self._shipment(part, confirm=False, waybill_number=False)
        messages = self._messages(
            UserError, lambda: shipment.sudo(self.keeper_a).action_confirm())
        self.assertIn('enter the carrier and the waybill number', messages['en_US'])
        self.assertIn('请填写承运商和运单号', messages['zh_CN'])
        self.assertIn(shipment.name, messages['zh_CN'])

    def test_report_language(self):
        """The packing list prints in the printing user's language."""
        part = self._handed_over_part()
        shipment = self._shipment(part)
        report = self.env.ref('oldparts_module.action_report_oldparts_return_packing_list')
        texts = {}
        for lang in ('en_US', 'zh_CN'):
            with self._users_lang(lang):
                html = report.sudo(self.keeper_a).render_qweb_html(shipment.ids)[0]
            texts[lang] = re.sub(r'<[^>]+>', ' ', html.decode('utf-8'))
        self.assertIn('Old-Part Return Packing List', texts['en_US'])
        self.assertNotIn('返司旧件装箱清单', texts['en_US'])
        self.assertIn('Waybill', texts['en_US'])
        self.assertIn('返司旧件装箱清单', texts['zh_CN'])
        self.assertNotIn('Old-Part Return Packing List', texts['zh_CN'])
        self.assertIn('运单号', texts['zh_CN'])
        for text in texts.values():
            self.assertIn(shipment.name, text)


class TestSaleRefusalLanguage(OldpartsSaleCase):

    def test_sale_application_refusal(self):
        application = self._create_application(
            self._handed_over_part(), quotes=(2000.0, 1900.0))
        texts = {}
        for lang in ('en_US', 'zh_CN'):
            with self._refused(ValidationError, lang=lang) as refusal:
                application.sudo(self.dealer_user_a).action_submit()
            texts[lang] = refusal.exception.name
        self.assertEqual(texts['en_US'], '%s needs quotes from at least 3 different buyers '
                                         '(2 given).' % application.name)
        self.assertEqual(texts['zh_CN'], '%s 至少需要 3 家不同废品收购商的报价（现有 2 家）。'
                         % application.name)

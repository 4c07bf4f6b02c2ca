"""Every user-visible term of the module is translated to Simplified Chinese."""
import re

from odoo.tests.common import TransactionCase

CJK = re.compile('[\u4e00-\u9fff]')


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

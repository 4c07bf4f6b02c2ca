"""Importing old parts from a spreadsheet with Chinese headers, through
Odoo's own import (base_import), starting from the downloadable template."""
import io

import xlrd
import xlsxwriter

from .common import OldpartsCase

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


class TestPartImport(OldpartsCase):

    @classmethod
    def setUpClass(cls):
        super(TestPartImport, cls).setUpClass()
        cls.env['res.lang'].load_lang('zh_CN')
        cls.specialist.lang = 'zh_CN'
        cls.engineer_a.lang = 'zh_CN'

    def _preview_and_import(self, user, content):
        # the web client sends the user's language in the context
        wizard = self.env['base_import.import'].sudo(user).with_context(lang=user.lang).create({
            'res_model': 'oldparts.part', 'file': content,
            'file_name': 'parts.xlsx', 'file_type': XLSX})
        options = {'headers': True, 'quoting': '"', 'separator': ',', 'encoding': 'utf-8',
                   'float_thousand_separator': ',', 'float_decimal_separator': '.',
                   'date_format': '%Y-%m-%d', 'datetime_format': ''}
        preview = wizard.parse_preview(options)
        self.assertNotIn('error', preview, preview.get('error'))
        fields = [preview['matches'][i][0] if preview['matches'].get(i) else False
                  for i in range(len(preview['headers']))]
        return preview, fields, wizard.do(fields, options)

    def test_template_has_chinese_headers(self):
        """A Chinese-speaking user downloads a template whose headers are the Chinese labels."""
        content = self.env['oldparts.part'].sudo(self.engineer_a).with_context(
            lang='zh_CN')._import_template_xlsx()
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        headers = sheet.row_values(0)
        for label in ('代理商', '申请人（服务工程师）', '区域', '申请日期', '审批号/派工订单号',
                      '设备编号', '物料编码', '数量', '单价', '旧件问题', '完工日期', '回复日期', '备注'):
            self.assertIn(label, headers)
        self.assertEqual(sheet.row_values(1)[headers.index('代理商')], self.dealer_a.name)

    def test_import_chinese_headers_creates_parts(self):
        """A filled-in template imports: every column mapped, parts numbered, dates computed."""
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {'in_memory': True})
        sheet = book.add_worksheet('旧件')
        rows = [
            ['代理商', '区域', '审批号/派工订单号', '设备编号', '物料编码', '数量', '单价',
             '旧件问题', '完工日期', '备注'],
            [self.dealer_a.name, '宁夏回族自治区', 'PG-2026-0101', 'QY50K-0009', 'YG-001', 2, 1200,
             '油缸内泄', self._date(-3), '导入测试'],
            [self.dealer_a.name, '宁夏回族自治区', 'PG-2026-0102', 'QY50K-0010', 'YG-001', 1, 800.5,
             '密封件老化', self._date(-10), ''],
        ]
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
        book.close()
        preview, fields, messages = self._preview_and_import(self.engineer_a, output.getvalue())
        self.assertNotIn(False, fields, 'every Chinese header maps to a field: %s' % fields)
        self.assertFalse(messages, messages)
        parts = self.env['oldparts.part'].search([('work_order_ref', 'in', ('PG-2026-0101', 'PG-2026-0102'))],
                                                 order='work_order_ref')
        self.assertEqual(len(parts), 2)
        self.assertEqual(parts.mapped('dealer_id'), self.dealer_a)
        self.assertEqual(parts.mapped('product_id'), self.product)
        self.assertEqual(parts.mapped('state_id'), self.state_nx)
        self.assertEqual(parts[0].amount_total, 2400.0)
        self.assertTrue(all(p.name.startswith('JJ') for p in parts))
        self.assertEqual(parts[1].delay_days, 3)

    def test_import_refuses_bad_rows_and_saves_nothing(self):
        """A row with a zero quantity makes the import fail with the rule's message; no row is kept."""
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {'in_memory': True})
        sheet = book.add_worksheet()
        for c, value in enumerate(['代理商', '物料编码', '数量', '完工日期', '设备编号']):
            sheet.write(0, c, value)
        for c, value in enumerate([self.dealer_a.name, 'YG-001', 1, self._date(-1), 'OK-1']):
            sheet.write(1, c, value)
        for c, value in enumerate([self.dealer_a.name, 'YG-001', 0, self._date(-1), 'BAD-1']):
            sheet.write(2, c, value)
        book.close()
        preview, fields, messages = self._preview_and_import(self.engineer_a, output.getvalue())
        self.assertTrue(messages)
        self.assertIn('数量必须大于零', ' '.join(m['message'] for m in messages))
        self.assertFalse(self.env['oldparts.part'].search([('equipment_ref', 'in', ('OK-1', 'BAD-1'))]))

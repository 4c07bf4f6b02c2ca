"""The local-disposal forms and the price tables as people print them
(附件五 六 九 十-十三): PDFs for a Chinese and an English reader, the
spreadsheets read back, the price tables imported back with Odoo's Import."""
import base64

from .forms_common import FormsMixin
from .sale_common import OldpartsSaleCase


class TestFormsSale(FormsMixin, OldpartsSaleCase):

    def _both(self, xmlid, records, user, png):
        return {lang: self._form_text(xmlid, records, user, lang, png=png)
                for lang in ('zh_CN', 'en_US')}

    def _sold_and_paid(self):
        """A lot approved, weighed at 1.9 t, invoiced and paid."""
        part = self._handed_over_part()
        application = self._create_application(part, buyer_bears_costs=True)
        application.sudo(self.dealer_user_a).action_submit()
        self._approve_all(application)
        application.sudo(self.dealer_user_a).write({
            'weighbridge_weight': 1.9, 'weighbridge_ticket': 'BD-0001',
            'sale_date': self._date(0)})
        application.sudo(self.dealer_user_a).action_execute()
        action = application.sudo(self.finance).action_register_payment()
        payment = self.env['account.payment'].sudo(self.finance).with_context(
            action['context']).create({
                'journal_id': self.bank_journal.id,
                'payment_method_id': self.env.ref('account.account_payment_method_manual_in').id})
        payment.post()
        self.assertEqual(application.state, 'paid')
        return part, application, payment

    def test_sale_application_and_receipt(self):
        """Form 5 shows the sale made and the signers; Form 6 the amount in words."""
        part, application, payment = self._sold_and_paid()
        texts = self._both('oldparts_module.action_report_oldparts_sale_application', application,
                           self.specialist, 'form05_sale_application')
        common = (application.name, part.name, 'QY25K-ZB2', self.buyers[0].name, 'BD-0001',
                  '1.900', '3,800.00', '2,000.00', '1,900.00', '1,800.00')
        self.assertTexts(texts['zh_CN'], common + (
            '附件五', '旧件变卖申请单', '过磅重量', '变卖结果', '总经理', '财务', '部门负责人', '已回款'))
        self.assertTexts(texts['en_US'], common + (
            'Form 5', 'Old-Part Sale Application', 'Sale Made', 'Weighbridge Weight (t)',
            'General Manager', 'Finance', 'Paid'), absent=('旧件变卖申请单',))
        texts = self._both('oldparts_module.action_report_oldparts_payment_receipt', payment,
                           self.finance, 'form06_payment_receipt')
        common = (payment.name, application.name, self.buyers[0].name, '叁仟捌佰元整', '1.900')
        self.assertTexts(texts['zh_CN'], common + ('附件六', '回款单', '出纳'))
        self.assertTexts(texts['en_US'], common + ('Form 6', 'Payment Receipt', 'Cashier'),
                         absent=('回款单',))
        # the spreadsheet: parts and quotes, the selected quote with the sale made
        book, content = self._form_xlsx('oldparts_module.action_report_oldparts_sale_application_xlsx',
                                        application, self.specialist, 'zh_CN')
        self.assertEqual(book.sheet_names(), ['售后旧件', '收购商报价'])
        parts = book.sheet_by_index(0)
        self.assertEqual(parts.row_values(0)[:4], ['申请单', '代理商', '日期', '旧件编号'])
        self.assertEqual(parts.cell_value(1, 3), part.name)
        self.assertAlmostEqual(parts.cell_value(1, 7), 1.85)
        self.assertEqual(str(self._cell_date(book, parts.cell(1, 2))), application.date)
        quotes = book.sheet_by_index(1)
        self.assertEqual(quotes.row_values(0)[4:6], ['报价(元/吨)', '已选'])
        prices = {quotes.cell_value(r, 1): quotes.row_values(r) for r in range(1, quotes.nrows)}
        self.assertEqual(prices[self.buyers[0].name][4:], [2000.0, '是', 1.9, 3800.0])
        self.assertEqual(prices[self.buyers[1].name][4:], [1900.0, '否', '', ''])
        self.assertSheetLayout(content, 0, 11, index=1)
        self.assertSheetLayout(content, 0, 8, index=2)

    def test_scrap_signoff(self):
        """Form 9: the method's label, the parts and one signature line per witness."""
        part = self._handed_over_part('destroy')
        signoff = self.env['oldparts.scrap.signoff'].sudo(self.dealer_user_a).create({
            'dealer_id': part.dealer_id.id, 'method': 'destroy', 'part_ids': [(6, 0, part.ids)],
            'place': '银川服务站', 'reason': '无索赔价值、无变卖价值。',
            'witness_ids': [(0, 0, {'name': name, 'department': department})
                            for name, department in (('王强', '服务部'), ('李娜', '财务部'),
                                                     ('赵刚', '配件管理科'))]})
        texts = self._both('oldparts_module.action_report_oldparts_scrap_signoff', signoff,
                           self.specialist, 'form09_scrap_signoff')
        common = (signoff.name, part.name, 'QY25K-ZB2', '王强', '李娜', '赵刚', '配件管理科', '银川服务站')
        self.assertTexts(texts['zh_CN'], common + ('附件九', '旧件报废签收单', '见证人', '签字', '销毁'),
                         absent=('destroy',))
        self.assertTexts(texts['en_US'], common + ('Form 9', 'Old-Part Scrap Sign-off Form',
                                                   'Witnesses', 'Destroyed'))

    def _reimport(self, records, xmlid, user, meanwhile):
        """Download the spreadsheet, let ``meanwhile`` change the records,
        then give the file to Odoo's Import as it is: every column is
        recognised and the same records get the file's values back."""
        book, content = self._form_xlsx(xmlid, records, user, 'zh_CN')
        meanwhile()
        # the web client sends the user's language in the context
        Import = self.env['base_import.import'].sudo(user).with_context(lang='zh_CN')
        wizard = Import.create({
            'res_model': records._name, 'file': content, 'file_name': 'prices.xlsx',
            'file_type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'})
        options = {'headers': True, 'quoting': '"', 'separator': ',', 'encoding': 'utf-8',
                   'date_format': '%Y-%m-%d', 'datetime_format': '', 'float_thousand_separator': ',',
                   'float_decimal_separator': '.', 'advanced': False}
        with self._users_lang('zh_CN'):
            preview = wizard.parse_preview(options)
            self.assertFalse(preview.get('error'), preview)
            fields = [(preview['matches'].get(index) or [None])[0]
                      for index in range(len(preview['headers']))]
            self.assertNotIn(None, fields,
                             'a column Import does not recognise: %s' % preview['headers'])
            messages = wizard.do(fields, options)
        self.assertFalse([m for m in messages if m.get('type') == 'error'], messages)
        return book, fields

    def test_structural_references(self):
        """Forms 10-12: one form per standard; the spreadsheet goes back in through Import."""
        Reference = self.env['oldparts.structural.reference'].sudo(self.specialist)
        jib = Reference.create({'name': '塔机起重臂第三节', 'standard': '2', 'crane_model': 'QTZ125',
                                'grade_id': self.heavy.id, 'weight': 0.92, 'price': 2100.0})
        references = self.boom_reference | jib
        texts = self._both('oldparts_module.action_report_oldparts_structural_reference', references,
                           self.specialist, 'form10_structural_reference')
        self.assertTexts(texts['zh_CN'], ('附件十', '附件十一', '参考标准一', '参考标准二', '主臂第二节',
                                          '塔机起重臂第三节', 'QY25K-ZB2', '1.850', '2,000.00',
                                          '3,700.00'))
        self.assertTexts(texts['en_US'], ('Form 10', 'Form 11', 'Reference Standard 1',
                                          'Reference Standard 2', 'QTZ125', '0.920'))
        self.assertNotIn('附件十二', texts['zh_CN'])
        book, fields = self._reimport(
            references, 'oldparts_module.action_report_oldparts_structural_reference_xlsx',
            self.specialist, lambda: jib.write({'price': 1.0, 'weight': 5.0}))
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.row_values(0), ['外部 ID', '参考标准', '机型', '部件类型', '物料',
                                               '等级', '重量（吨）', '单价（元/吨）'])
        self.assertEqual(fields, ['id', 'standard', 'crane_model', 'name', 'product_id',
                                  'grade_id', 'weight', 'price'])
        self.assertEqual(sheet.cell_value(2, 7), 2100.0)
        self.assertEqual((jib.price, jib.weight), (2100.0, 0.92))
        self.assertEqual(self.env['oldparts.structural.reference'].search_count(
            [('id', 'in', references.ids)]), 2)
        self.assertEqual(self.env['oldparts.structural.reference'].search_count(
            [('name', '=', '塔机起重臂第三节')]), 1)
        self.assertEqual(self.boom_reference.weight, 1.85)

    def test_dealer_base_prices(self):
        """Form 13 lists each dealer's base price; its spreadsheet goes back in through Import."""
        Base = self.env['oldparts.dealer.base.price'].sudo(self.specialist)
        prices = Base.create({'dealer_id': self.dealer_a.id, 'grade_id': self.heavy.id,
                              'date_from': self._date(-3), 'price': 1750.0, 'note': '2026年度'}) \
            | Base.create({'dealer_id': self.dealer_b.id, 'date_from': self._date(-3), 'price': 1800.0})
        texts = self._both('oldparts_module.action_report_oldparts_dealer_base_price', prices,
                           self.specialist, 'form13_dealer_base_price')
        common = ('NX01', 'GD01', '宁夏甲代理商', '广东乙代理商', '1,750.00', '1,800.00', '2026年度')
        self.assertTexts(texts['zh_CN'], common + ('附件十三', '各代理商废品处理基价', '参考标准四',
                                                   '所有等级'))
        self.assertTexts(texts['en_US'], common + ('Form 13', 'Reference Standard 4', 'All Grades'))
        book, fields = self._reimport(
            prices, 'oldparts_module.action_report_oldparts_dealer_base_price_xlsx', self.specialist,
            lambda: prices[1].write({'price': 99.0}))
        sheet = book.sheet_by_index(0)
        self.assertEqual(fields, ['id', 'dealer_id', 'grade_id', 'date_from', 'price', 'note'])
        self.assertEqual(str(self._cell_date(book, sheet.cell(1, 3))), self._date(-3))
        self.assertEqual(sorted(sheet.col_values(4, 1)), [1750.0, 1800.0])
        self.assertEqual(prices[1].price, 1800.0)
        self.assertEqual(self.env['oldparts.dealer.base.price'].search_count(
            [('dealer_id', 'in', (self.dealer_a | self.dealer_b).ids)]), 2)
        self.assertEqual(prices[0].price, 1750.0)

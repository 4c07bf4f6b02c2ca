"""The return-side forms as people print them (附件一 二 三 四 七 八), for a
Chinese and an English reader, rendered by wkhtmltopdf and read back."""
import time

from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval

from .forms_common import FormsMixin
from .returns_common import OldpartsReturnsCase


class TestFormsReturns(FormsMixin, OldpartsReturnsCase):

    def _both(self, xmlid, records, user, png):
        return {lang: self._form_text(xmlid, records, user, lang, png=png)
                for lang in ('zh_CN', 'en_US')}

    def test_packing_list(self):
        """Form 1 on A4 under the company's name: one material-code column, no receipt status while draft."""
        part_1 = self._handed_over_part(product_id=self.product_serial.id, lot_name='SN-777')
        part_2 = self._handed_over_part(work_order_ref='PG-2026-0002')
        shipment = self._shipment(part_1 | part_2, confirm=False)
        xmlid = 'oldparts_module.action_report_oldparts_return_packing_list'
        pdf = self._form_pdf(xmlid, shipment, self.keeper_a, 'zh_CN')
        pages, size = self._pdf_pages(pdf)
        self.assertEqual(pages, 1)
        self.assertIn('A4', size)
        texts = self._both(xmlid, shipment, self.keeper_a, 'form01_packing_list')
        common = (shipment.name, part_1.name, part_2.name, 'HZ-002', 'YG-001', 'SN-777',
                  'PG-2026-0002', '宁夏甲代理商', '回转马达', '液压油缸', self.company.name,
                  '71.00')
        self.assertTexts(texts['zh_CN'], common + ('附件一', '返司旧件装箱清单', '仓管员', '承运商', '草稿'),
                         absent=('运输中', 'Packing List', 'YourCompany'))
        self.assertEqual(texts['zh_CN'].count('物料编码'), 1)
        self.assertTexts(texts['en_US'], common + ('Form 1', 'Old-Part Return Packing List',
                                                   'Material', 'Draft'),
                         absent=('返司旧件装箱清单', 'In Transit'))
        # the narrow column wraps its header: "Material" over "Code", once
        self.assertEqual(texts['en_US'].count('Code'), 1)
        # the file name, in the reader's language
        report = self.env.ref(xmlid)
        for lang, title in (('zh_CN', '返司旧件装箱清单'), ('en_US', 'Return Packing List')):
            with self._users_lang(lang):
                name = safe_eval(report.print_report_name,
                                 {'object': shipment.sudo(self.keeper_a), 'time': time})
            self.assertEqual(name, '%s %s' % (title, shipment.name))
        # another dealer's keeper cannot print it (QWeb wraps the access error)
        with self.assertRaises(Exception) as refusal:
            self._form_pdf(xmlid, shipment, self.keeper_b, 'en_US')
        self.assertIn('Document type: oldparts.return.shipment, Operation: read',
                      str(refusal.exception))
        # received at HQ: the receipt of each part is printed
        shipment.action_confirm()
        self._validate(shipment.sudo().picking_id, missing_parts=part_2)
        text = self._form_text(xmlid, shipment, self.keeper_a, 'zh_CN')
        self.assertTexts(text, ('已接收', '缺失'), absent=('运输中',))

    def test_labels_only_for_returned_parts(self):
        """Form 2 prints a label for each part to return, none for a part sold locally."""
        returned = self._handed_over_part()
        local = self._create_part(user=self.engineer_a, has_claim_value=False, is_reusable=False,
                                  scrap_value=3000.0, work_order_ref='PG-2026-0099')
        local.sudo(self.specialist).action_classify()
        self.assertFalse(local.return_required)
        xmlid = 'oldparts_module.action_report_oldparts_part_label'
        texts = self._both(xmlid, returned | local, self.keeper_a, 'form02_label')
        self.assertEqual(texts['zh_CN'].count('返司旧件标识'), 1)
        self.assertTexts(texts['zh_CN'], (returned.name, '附件二'), absent=(local.name,))
        self.assertTexts(texts['en_US'], (returned.name, 'Returned Old-Part Label'),
                         absent=(local.name, '返司旧件标识'))
        pages, size = self._pdf_pages(self._form_pdf(xmlid, returned, self.keeper_a, 'en_US'))
        self.assertIn('283 x 198', size)  # 100 x 70 mm
        self.assertRefused(UserError, 'no return label to print', '没有可打印的返司标识',
                           lambda: self._form_pdf(xmlid, local, self.keeper_a, None))

    def test_freight_request(self):
        """Form 4 with the shipment's parts, the amount and the signers."""
        shipment = self._shipment(self._handed_over_part())
        request = self.env['oldparts.freight.request'].sudo(self.keeper_a).create({
            'shipment_id': shipment.id, 'carrier_id': self.carrier.id, 'amount': 3000.0})
        texts = self._both('oldparts_module.action_report_oldparts_freight_request', request,
                           self.keeper_a, 'form04_freight_request')
        common = (request.name, shipment.name, '德邦物流', 'DB20260001', '3,000.00', 'YG-001')
        self.assertTexts(texts['zh_CN'], common + ('附件四', '旧件返司运费申请单', '经办人', '专干',
                                                   '部门负责人', '财务'))
        self.assertTexts(texts['en_US'], common + ('Form 4', 'Old-Part Return Freight Request',
                                                   'Handled by', 'Finance'),
                         absent=('旧件返司运费申请单',))

    def test_disposal_form(self):
        """Form 8 names each part's material and prints labels of decision and responsibility."""
        part = self._determined_part()
        form = self.env['oldparts.disposal'].sudo(self.materials).create({'line_ids': [
            (0, 0, {'part_id': part.id, 'decision': 'claim', 'supplier_id': self.supplier.id,
                    'claim_amount': 900.0})]})
        texts = self._both('oldparts_module.action_report_oldparts_disposal', form,
                           self.materials, 'form08_disposal')
        common = (form.name, part.name, 'YG-001', '液压油缸', '液压件供应商', '900.00')
        self.assertTexts(texts['zh_CN'], common + ('附件八', '旧件回司处置单', '物料名称', '供应商',
                                                   '总经理'), absent=('claim', 'supplier '))
        self.assertTexts(texts['en_US'], common + ('Form 8', 'Returned Old-Part Disposal Form',
                                                   'Material Name', 'Claim against Supplier'))

    def _start_count(self):
        action = self.env.ref('oldparts_module.stock_inventory_action_oldparts')
        context = dict(self.env.context, **safe_eval(action.context))
        Inventory = self.env['stock.inventory'].sudo(self.materials).with_context(context)
        inventory = Inventory.create(Inventory.default_get(['name', 'location_id', 'filter']))
        inventory.action_start()
        return inventory

    def test_count_sheet(self):
        """Form 7 lists the part numbers on each shelf, in the PDF and in the spreadsheet."""
        at_hq = self._received_part()
        at_a = self._handed_over_part(work_order_ref='PG-2026-0002')
        at_b = self._handed_over_part(engineer=self.engineer_b, work_order_ref='PG-2026-0003')
        inventory = self._start_count()
        texts = self._both('oldparts_module.action_report_oldparts_inventory_count', inventory,
                           self.materials, 'form07_count_sheet')
        common = (inventory.name, at_hq.name, at_a.name, at_b.name, 'YG-001', '液压油缸')
        self.assertTexts(texts['zh_CN'], common + ('附件七', '旧件库存盘点表', '旧件编号'))
        self.assertTexts(texts['en_US'], common + ('Form 7', 'Old-Part Inventory Count Sheet'))
        book, content = self._form_xlsx('oldparts_module.action_report_oldparts_inventory_count_xlsx',
                                        inventory, self.materials, 'zh_CN')
        sheet = book.sheet_by_index(0)
        headers = sheet.row_values(0)
        self.assertEqual(headers[:3], ['库位', '物料编码', '物料'])
        self.assertEqual(len(headers), 8)
        self.assertSheetLayout(content, 0, 8)
        rows = [sheet.row_values(index) for index in range(1, sheet.nrows)]
        by_part = {part: row for row in rows for part in row[4].split('\n') if part}
        # (the demo data's parts are on the shelves too)
        self.assertLessEqual({at_hq.name, at_a.name, at_b.name}, set(by_part))
        self.assertEqual(by_part[at_a.name][1], 'YG-001')
        self.assertEqual(by_part[at_a.name][5], 1.0)
        self.assertIn(self.loc_a.name, by_part[at_a.name][0])

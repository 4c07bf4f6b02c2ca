"""Part labels (附件二 返司旧件标识) and finding a part by scanning its barcode."""
from lxml import etree

from odoo.tools.safe_eval import safe_eval

from .returns_common import OldpartsReturnsCase


class TestReturnsLabel(OldpartsReturnsCase):

    def _scan(self, user, scanned):
        """What the old-parts search finds when the scanner types the code
        into the search box: the search view's first field, as the web
        client applies it."""
        Part = self.env['oldparts.part'].sudo(user)
        arch = Part.fields_view_get(view_type='search')['arch']
        field = etree.fromstring(arch).xpath('//field')[0]
        self.assertEqual(field.get('name'), 'name')
        domain = safe_eval(field.get('filter_domain'), {'self': scanned})
        return Part.search(domain)

    def test_label_pdf(self):
        """One label per part with the part number, dealer, work order, equipment, material and two codes."""
        part_1 = self._handed_over_part(product_id=self.product_serial.id, lot_name='SN-900')
        part_2 = self._handed_over_part(work_order_ref='PG-2026-0002', equipment_ref='QY50K-0009')
        pdf = self._pdf('oldparts_module.action_report_oldparts_part_label',
                        part_1 | part_2, user=self.keeper_a, lang='zh_CN')
        text = self._pdf_text(pdf)
        self.assertEqual(text.count('返司旧件标识'), 2)
        for expected in (part_1.name, part_2.name, '宁夏甲代理商', 'PG-2026-0001',
                         'PG-2026-0002', 'QY25K-0001', 'QY50K-0009', 'HZ-002', 'YG-001',
                         'SN-900'):
            self.assertIn(expected, text)
        # A Code128 barcode and a QR code per label.
        self.assertEqual(self._pdf_image_count(pdf), 4)

    def test_label_from_shipment(self):
        """The shipment prints the labels of its parts."""
        part = self._handed_over_part()
        shipment = self._shipment(part, confirm=False)
        action = shipment.action_print_labels()
        self.assertEqual(action['report_name'], 'oldparts_module.report_oldparts_part_label')
        self.assertEqual(action['context']['active_ids'], part.ids)

    def test_barcode_values(self):
        """The barcode holds the part number; the QR code adds dealer, work order, equipment, material."""
        part = self._handed_over_part()
        Label = self.env['report.oldparts_module.report_oldparts_part_label']
        self.assertEqual(Label._qr_value(part).split('\n'),
                         [part.name, 'NX01', 'PG-2026-0001', 'QY25K-0001', 'YG-001'])
        self.assertTrue(Label._barcode_src('Code128', part.name, 600, 100)
                        .startswith('data:image/png;base64,'))
        self.assertTrue(Label._barcode_src('QR', Label._qr_value(part), 200, 200)
                        .startswith('data:image/png;base64,'))

    def test_scan_finds_part(self):
        """Scanning the label's barcode into the search finds the part, for its own dealer only."""
        part = self._handed_over_part()
        self._handed_over_part(work_order_ref='PG-2026-0002')
        self.assertEqual(self._scan(self.keeper_a, part.name), part)
        self.assertEqual(self._scan(self.materials, part.name), part)
        self.assertFalse(self._scan(self.keeper_b, part.name))

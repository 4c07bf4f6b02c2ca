"""Shared set-up of the returns tests (issue #4): accounts, a serial-tracked
material, a carrier, and helpers that walk parts through the real steps as
the real roles (hand-over, shipment, HQ receipt, responsibility)."""
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager

import odoo
from odoo.tools import float_round

from .common import OldpartsCase


class OldpartsReturnsCase(OldpartsCase):

    @classmethod
    def setUpClass(cls):
        super(OldpartsReturnsCase, cls).setUpClass()
        Account = cls.env['account.account']
        cls.freight_account = Account.search([
            ('code', '=', '5601'), ('company_id', '=', cls.company.id)], limit=1) \
            or Account.search([('company_id', '=', cls.company.id),
                               ('internal_type', '=', 'other')], limit=1)
        cls.claim_account = Account.search([
            ('code', '=', '5402'), ('company_id', '=', cls.company.id)], limit=1) \
            or cls.freight_account
        cls.company.write({
            'oldparts_freight_account_id': cls.freight_account.id,
            'oldparts_claim_account_id': cls.claim_account.id,
        })
        cls.hq = cls.company.oldparts_hq_location_id
        cls.root = cls.company.oldparts_location_id
        cls.service = cls.company.oldparts_service_location_id
        cls.refurbish = cls.company.oldparts_refurbish_location_id
        cls.stock = cls.env.ref('stock.warehouse0').lot_stock_id
        cls.supplier_location = cls.env.ref('stock.stock_location_suppliers')
        cls.loc_a = cls.dealer_a.oldparts_location_id
        cls.loc_b = cls.dealer_b.oldparts_location_id
        cls.product_serial = cls.env['product.product'].create({
            'name': '回转马达', 'default_code': 'HZ-002', 'type': 'product',
            'tracking': 'serial', 'standard_price': 8000.0})
        cls.carrier = cls.env['res.partner'].create({
            'name': '德邦物流', 'supplier': True, 'is_company': True})
        cls.keeper_b = cls._create_user('keeper_b', 'group_oldparts_keeper', cls.dealer_b)
        cls.users['keeper_b'] = cls.keeper_b

    # ------------------------------------------------------------------
    # Stock
    # ------------------------------------------------------------------
    def _qty(self, location, product=None, lot=None):
        """Quantity on hand of the material in the location (and its children)."""
        quants = self.env['stock.quant'].sudo().search([
            ('product_id', '=', (product or self.product).id),
            ('location_id', 'child_of', location.id)])
        if lot is not None:
            quants = quants.filtered(lambda q: q.lot_id == lot)
        return float_round(sum(quants.mapped('quantity')), precision_digits=3)

    # ------------------------------------------------------------------
    # The steps, as the real roles
    # ------------------------------------------------------------------
    def _handed_over_part(self, engineer=None, **values):
        """A part to return to the company, classified by the specialist and
        handed over by the engineer."""
        engineer = engineer or self.engineer_a
        values.setdefault('has_claim_value', True)
        values.setdefault('dealer_id', engineer.oldparts_dealer_id.id)
        part = self._create_part(user=engineer, **values)
        part.sudo(self.specialist).action_classify()
        part.sudo(engineer).action_hand_over()
        return part.sudo(engineer)

    def _shipment(self, parts, keeper=None, confirm=True, **values):
        keeper = keeper or self.keeper_a
        vals = {
            'carrier_id': self.carrier.id,
            'waybill_number': 'DB20260001',
            'line_ids': [(0, 0, {'part_id': part.id, 'box_number': str(index + 1),
                                 'weight': 35.5})
                         for index, part in enumerate(parts)],
        }
        vals.update(values)
        shipment = self.env['oldparts.return.shipment'].sudo(keeper).create(vals)
        if confirm:
            shipment.action_confirm()
        return shipment

    def _validate(self, picking, missing_parts=None, backorder=False, user=None):
        """HQ checks the boxes: every part is counted in but the missing ones,
        then validates as materials management (with or without backorder)."""
        picking = picking.sudo(user or self.materials)
        missing_parts = missing_parts or self.env['oldparts.part']
        for move in picking.move_lines:
            for move_line in move.move_line_ids:
                move_line.qty_done = 0.0 if move.oldparts_part_id in missing_parts \
                    else move_line.product_uom_qty
        result = picking.button_validate()
        if isinstance(result, dict) and result.get('res_model') == 'stock.backorder.confirmation':
            wizard = self.env['stock.backorder.confirmation'].sudo(
                user or self.materials).browse(result['res_id'])
            if backorder:
                wizard.process()
            else:
                wizard.process_cancel_backorder()
        return picking

    def _received_part(self, **values):
        part = self._handed_over_part(**values)
        shipment = self._shipment(part)
        self._validate(shipment.sudo().picking_id)
        return part

    def _determined_part(self, responsibility='supplier', **values):
        part = self._received_part(**values)
        part.sudo(self.specialist).write({
            'responsibility': responsibility,
            'supplier_id': self.supplier.id if responsibility == 'supplier' else False,
        })
        part.sudo(self.specialist).action_determine_responsibility()
        return part

    # ------------------------------------------------------------------
    # Reports
    # ------------------------------------------------------------------
    @contextmanager
    def _real_pdf(self):
        """Odoo 11 renders HTML instead of PDF under test unless a test report
        directory is configured: configure one for the block."""
        directory = tempfile.mkdtemp(prefix='oldparts_reports_')
        saved = odoo.tools.config['test_report_directory']
        odoo.tools.config['test_report_directory'] = directory
        try:
            yield directory
        finally:
            odoo.tools.config['test_report_directory'] = saved
            shutil.rmtree(directory, ignore_errors=True)

    def _pdf(self, report_xmlid, records, user=None, lang='en_US'):
        """The PDF as ``user`` prints it, reading ``lang``."""
        report = self.env.ref(report_xmlid)
        if user:
            report = report.sudo(user)
        with self._real_pdf(), self._users_lang(lang):
            pdf, report_format = report.render_qweb_pdf(records.ids)
        self.assertEqual(report_format, 'pdf')
        self.assertTrue(pdf.startswith(b'%PDF'))
        return pdf

    def _pdf_text(self, pdf):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, 'report.pdf')
            with open(path, 'wb') as handle:
                handle.write(pdf)
            return subprocess.check_output(['pdftotext', '-layout', path, '-']).decode('utf-8')

    def _pdf_image_count(self, pdf):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, 'report.pdf')
            with open(path, 'wb') as handle:
                handle.write(pdf)
            listing = subprocess.check_output(['pdfimages', '-list', path]).decode('utf-8')
        return len(listing.strip().splitlines()) - 2

"""Returned parts that HQ's disposal form (附件八) decided to sell are sold
through a sale application of HQ, from the HQ old-part warehouse."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .sale_common import OldpartsSaleCase


class TestSaleHQ(OldpartsSaleCase):

    @classmethod
    def setUpClass(cls):
        super(TestSaleHQ, cls).setUpClass()
        cls.carrier = cls.env['res.partner'].create({
            'name': '德邦物流', 'supplier': True, 'is_company': True})
        cls.hq = cls.company._oldparts_returns_setup().oldparts_hq_location_id

    def _returned_part(self, decision='sell'):
        """A boom section returned to HQ on a packing list, judged, and given
        a decision by an approved disposal form."""
        part = self._create_part(user=self.engineer_a, product_id=self.boom.id,
                                 has_claim_value=True)
        part.sudo(self.specialist).action_classify()
        part.sudo(self.engineer_a).action_hand_over()
        shipment = self.env['oldparts.return.shipment'].sudo(self.keeper_a).create({
            'carrier_id': self.carrier.id, 'waybill_number': 'DB20260001',
            'line_ids': [(0, 0, {'part_id': part.id, 'box_number': '1', 'weight': 1850.0})]})
        shipment.action_confirm()
        picking = shipment.sudo().picking_id.sudo(self.materials)
        for line in picking.move_lines.mapped('move_line_ids'):
            line.qty_done = line.product_uom_qty
        picking.button_validate()
        part.sudo(self.specialist).write({'responsibility': 'company'})
        part.sudo(self.specialist).action_determine_responsibility()
        form = self.env['oldparts.disposal'].sudo(self.materials).create({
            'line_ids': [(0, 0, {'part_id': part.id, 'decision': decision})]})
        form.action_submit()
        form.sudo(self.specialist).action_approve()
        form.action_done()
        return part.with_env(self.env)

    def _hq_application(self, parts, user=None, **values):
        values.setdefault('state_id', self.state_gd.id)
        values.setdefault('dealer_id', False)
        return self._create_application(
            parts, user=user or self.specialist, weights=[1.9] * len(parts),
            sale_origin='hq', **values)

    def test_hq_sells_returned_part_from_its_warehouse(self):
        """A returned boom decided for sale: HQ applies, gets approval, sells from the HQ warehouse."""
        part = self._returned_part()
        self.assertEqual((part.state, part.hq_decision), ('responsibility_determined', 'sell'))
        self.assertEqual(self._location(part), self.hq)
        self.assertEqual(self._qty(self.boom, self.hq), 1.0)
        application = self._hq_application(part)
        self.assertFalse(application.dealer_id)
        self.assertEqual(application.market_price, 2000.0)
        self.assertEqual(application.market_price_date, self._date(-5))
        application.sudo(self.specialist).action_submit()
        self.assertEqual(part.state, 'responsibility_determined')
        self._approve_all(application)
        application.sudo(self.materials).write({
            'weighbridge_weight': 1.9, 'sale_date': self._date(0)})
        application.sudo(self.materials).action_execute()
        self.assertEqual(application.state, 'sold')
        self.assertEqual(part.state, 'disposed')
        self.assertEqual(self._qty(self.boom, self.hq), 0.0)
        self.assertEqual(application.picking_ids.location_id, self.hq)
        self.assertEqual(application.invoice_id.amount_total, 3800.0)
        self._assert_move_posted_and_balanced(application.invoice_id.move_id)

    def test_returned_part_not_decided_for_sale_refused(self):
        """A returned part HQ decided to scrap cannot go on a sale application."""
        part = self._returned_part(decision='scrap')
        with self.assertRefused(ValidationError, 'not decided for sale'):
            self._hq_application(part)

    def test_dealer_parts_not_on_hq_application(self):
        """A dealer's local-sale part cannot be sold by HQ, nor a returned part by a dealer."""
        with self.assertRefused(ValidationError, 'not decided for sale'):
            self._hq_application(self._handed_over_part())
        returned = self._returned_part()
        with self.assertRefused(ValidationError, 'not classified for local sale'):
            self._create_application(returned, weights=[1.9])

    def test_dealers_do_not_see_hq_applications(self):
        """HQ applications have no dealer: dealer users neither see nor create them
        (the record rule hides the new record, so its checks cannot read it either)."""
        application = self._hq_application(self._returned_part())
        Application = self.env['oldparts.sale.application']
        self.assertFalse(Application.sudo(self.dealer_user_a).search(
            [('id', '=', application.id)]))
        with self.assertRefused((AccessError, ValidationError)):
            Application.sudo(self.dealer_user_a).create({
                'sale_origin': 'hq', 'dealer_id': False, 'state_id': self.state_gd.id})

    def test_hq_application_has_no_dealer(self):
        """A dealer on an HQ application is refused."""
        with self.assertRefused(ValidationError, 'has no dealer'):
            self.env['oldparts.sale.application'].sudo(self.specialist).create({
                'sale_origin': 'hq', 'dealer_id': self.dealer_a.id})

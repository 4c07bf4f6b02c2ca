"""Return shipments (返司发运, 附件一 装箱清单): the return picking, HQ receipt,
discrepancies, repeated actions and refusals."""
from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .returns_common import OldpartsReturnsCase


class TestReturnsShipment(OldpartsReturnsCase):

    def test_ship_and_receive(self):
        """Two parts in two boxes: one picking dealer A -> HQ, validated by HQ, parts received."""
        part_1 = self._handed_over_part()
        part_2 = self._handed_over_part(work_order_ref='PG-2026-0002')
        shipment = self._shipment(part_1 | part_2, confirm=False)
        self.assertTrue(shipment.name.startswith('JJFY'))
        self.assertEqual(shipment.box_count, 2)
        self.assertEqual(shipment.total_weight, 71.0)
        shipment.action_confirm()
        self.assertEqual(shipment.state, 'shipped')
        self.assertEqual((part_1 | part_2).mapped('state'), ['in_return', 'in_return'])
        self.assertEqual(part_1.shipped_date, shipment.ship_date)
        picking = shipment.sudo().picking_id
        self.assertEqual(len(shipment.sudo().picking_ids), 1)
        self.assertEqual(picking.state, 'assigned')
        self.assertEqual(picking.location_id, self.loc_a)
        self.assertEqual(picking.location_dest_id, self.hq)
        self.assertEqual(picking.partner_id, self.dealer_a)
        self.assertEqual(picking.picking_type_id, self.company.oldparts_return_picking_type_id)
        self.assertEqual(picking.move_lines.mapped('oldparts_part_id'), part_1 | part_2)
        self.assertEqual(sum(picking.move_lines.mapped('product_uom_qty')), 2.0)
        # In transit: still on hand at the dealer (reserved), nothing at HQ yet.
        self.assertEqual(self._qty(self.loc_a), 2.0)
        self.assertEqual(self._qty(self.hq), 0.0)

        self._validate(picking)
        self.assertEqual(picking.state, 'done')
        self.assertEqual((part_1 | part_2).mapped('state'), ['received', 'received'])
        self.assertEqual(shipment.state, 'done')
        self.assertEqual(shipment.receipt_date, fields.Date.context_today(shipment))
        self.assertEqual(shipment.line_ids.mapped('receipt_state'), ['received', 'received'])
        self.assertFalse(shipment.has_discrepancy)
        self.assertEqual(self._qty(self.loc_a), 0.0)
        self.assertEqual(self._qty(self.hq), 2.0)

    def test_validate_without_counting(self):
        """HQ clicks Validate without entering quantities: the immediate transfer receives every part."""
        part = self._handed_over_part()
        shipment = self._shipment(part)
        picking = shipment.sudo().picking_id.sudo(self.materials)
        result = picking.button_validate()
        self.assertEqual(result['res_model'], 'stock.immediate.transfer')
        self.env['stock.immediate.transfer'].sudo(self.materials).browse(result['res_id']).process()
        self.assertEqual(picking.state, 'done')
        self.assertEqual(part.state, 'received')
        self.assertEqual(self._qty(self.hq), 1.0)
        self.assertEqual(shipment.state, 'done')

    def test_repeated_actions_create_nothing(self):
        """Shipping twice is refused; validating the done picking again moves nothing more."""
        part = self._handed_over_part()
        shipment = self._shipment(part)
        self.assertRefused(UserError, 'Cannot ship', '无法发运', lambda: shipment.action_confirm())
        self.assertEqual(self.env['stock.picking'].search_count(
            [('oldparts_shipment_id', '=', shipment.id)]), 1)
        picking = self._validate(shipment.sudo().picking_id)
        moves = self.env['stock.move'].search([('oldparts_part_id', '=', part.id)])
        picking.action_done()
        picking.button_validate()
        self.assertEqual(self.env['stock.move'].search([('oldparts_part_id', '=', part.id)]), moves)
        self.assertEqual(self._qty(self.hq), 1.0)
        self.assertEqual(self._qty(self.loc_a), 0.0)
        self.assertEqual(part.state, 'received')
        self.assertEqual(shipment.state, 'done')

    def test_missing_part_is_a_discrepancy(self):
        """HQ validates without one part and no backorder: the part is recorded missing, not dropped."""
        part_1 = self._handed_over_part()
        part_2 = self._handed_over_part(work_order_ref='PG-2026-0002')
        shipment = self._shipment(part_1 | part_2)
        self._validate(shipment.sudo().picking_id, missing_parts=part_2)
        line_1, line_2 = shipment.line_ids.sorted('box_number')
        self.assertEqual(line_1.receipt_state, 'received')
        self.assertEqual(line_2.receipt_state, 'missing')
        self.assertEqual(line_2.received_qty, 0.0)
        self.assertTrue(shipment.has_discrepancy)
        self.assertEqual(shipment.discrepancy_count, 1)
        self.assertEqual(shipment.state, 'done')
        self.assertEqual(part_1.state, 'received')
        self.assertEqual(part_2.state, 'in_return')
        self.assertEqual(self._qty(self.hq), 1.0)
        self.assertEqual(self._qty(self.loc_a), 1.0)
        activity = shipment.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(
                'oldparts_module.mail_activity_type_oldparts_discrepancy'))
        self.assertIn(self.specialist, activity.mapped('user_id'))
        self.assertNotIn(self.keeper_a, activity.mapped('user_id'))
        self.assertIn(part_2.name, activity[0].note)

    def test_missing_part_arrives_on_backorder(self):
        """A part missing from the first receipt and kept on a backorder is received when it arrives."""
        part_1 = self._handed_over_part()
        part_2 = self._handed_over_part(work_order_ref='PG-2026-0002')
        shipment = self._shipment(part_1 | part_2)
        self._validate(shipment.sudo().picking_id, missing_parts=part_2, backorder=True)
        self.assertEqual(shipment.line_ids.sorted('box_number')[1].receipt_state, 'missing')
        self.assertEqual(shipment.state, 'shipped')
        backorder = shipment.sudo().picking_ids - shipment.sudo().picking_id
        self.assertEqual(len(backorder), 1)
        self.assertEqual(backorder.move_lines.oldparts_part_id, part_2)
        self._validate(backorder)
        self.assertEqual(shipment.line_ids.mapped('receipt_state'), ['received', 'received'])
        self.assertFalse(shipment.has_discrepancy)
        self.assertEqual(part_2.state, 'received')
        self.assertEqual(shipment.state, 'done')
        self.assertEqual(self._qty(self.hq), 2.0)

    def test_serials_reserved_per_part(self):
        """Two serial parts of the same material each travel under their own serial."""
        part_1 = self._handed_over_part(product_id=self.product_serial.id, lot_name='SN-001')
        part_2 = self._handed_over_part(product_id=self.product_serial.id, lot_name='SN-002',
                                        work_order_ref='PG-2026-0002')
        shipment = self._shipment(part_2 | part_1)
        picking = shipment.sudo().picking_id
        for move in picking.move_lines:
            self.assertEqual(move.move_line_ids.lot_id, move.oldparts_part_id.sudo().stock_lot_id)
        self._validate(picking)
        for part in part_1 | part_2:
            self.assertEqual(self._qty(self.hq, self.product_serial, part.sudo().stock_lot_id), 1.0)

    def test_foreign_dealer_part_refused(self):
        """Dealer A's keeper cannot pack dealer B's part; dealer B's keeper does not see A's shipment."""
        part_b = self._handed_over_part(engineer=self.engineer_b)
        self.assertRefused(ValidationError, 'belongs to dealer', '属于代理商',
            lambda: self._shipment(part_b, confirm=False))
        part_a = self._handed_over_part()
        shipment = self._shipment(part_a, confirm=False)
        Shipment = self.env['oldparts.return.shipment'].sudo(self.keeper_b)
        self.assertFalse(Shipment.search([('id', '=', shipment.id)]))
        with self.assertRaises(AccessError):
            shipment.sudo(self.keeper_b).action_confirm()
        other_part_a = self._handed_over_part(work_order_ref='PG-2026-0002')
        with self.assertRaises(AccessError):
            with self.env.cr.savepoint():
                self._shipment(other_part_a, keeper=self.keeper_b, confirm=False,
                               dealer_id=self.dealer_a.id)
        self.assertEqual(shipment.state, 'draft')

    def test_wrong_state_refused(self):
        """Only handed-over parts to return can be packed, each on one open shipment."""
        draft = self._create_part(user=self.engineer_a, has_claim_value=True)
        self.assertRefused(ValidationError, 'cannot be packed', '不能装箱',
            lambda: self._shipment(draft, confirm=False))
        local = self._create_part(user=self.engineer_a, scrap_value=500.0)
        local.sudo(self.specialist).action_classify()
        self.assertEqual(local.disposal_type, 'local_sale')
        local.sudo(self.engineer_a).action_hand_over()
        self.assertRefused(ValidationError, 'cannot be packed', '不能装箱',
            lambda: self._shipment(local, confirm=False))
        part = self._handed_over_part(work_order_ref='PG-2026-0002')
        self._shipment(part, confirm=False)
        self.assertRefused(ValidationError, 'is already on', '已在',
            lambda: self._shipment(part, confirm=False))

    def test_confirm_needs_carrier_and_waybill(self):
        """Shipping without carrier or waybill number is refused; nothing is created."""
        part = self._handed_over_part()
        shipment = self._shipment(part, confirm=False, waybill_number=False)
        self.assertRefused(UserError, 'carrier and the waybill', '承运商和运单号',
            lambda: shipment.action_confirm())
        empty = self.env['oldparts.return.shipment'].sudo(self.keeper_a).create({
            'carrier_id': self.carrier.id, 'waybill_number': 'X1'})
        self.assertRefused(UserError, 'no parts to ship', '没有要发运的旧件',
            lambda: empty.action_confirm())
        self.assertFalse(self.env['stock.picking'].search(
            [('oldparts_shipment_id', 'in', (shipment | empty).ids)]))

    def test_shipped_shipment_cannot_be_deleted_or_cancelled(self):
        """A shipped return shipment is neither cancelled nor deleted."""
        shipment = self._shipment(self._handed_over_part())
        self.assertRefused(UserError, 'Cannot cancel', '无法取消', lambda: shipment.action_cancel())
        self.assertRefused(UserError, 'cannot be deleted', '不能删除', lambda: shipment.unlink())

    def test_packing_list_fixed_once_shipped(self):
        """Once shipped, parts, boxes and weights are fixed; the discrepancy note stays writable."""
        shipment = self._shipment(self._handed_over_part())
        line = shipment.line_ids
        other = self._handed_over_part(work_order_ref='PG-2026-0002')
        self.assertRefused(UserError, 'can no longer change', '不能再修改',
            lambda: line.write({'box_number': '9'}))
        self.assertRefused(UserError, 'can no longer change', '不能再修改',
            lambda: shipment.write({'line_ids': [(0, 0, {'part_id': other.id, 'box_number': '2'})]}))
        self.assertRefused(UserError, 'can no longer change', '不能再修改', lambda: line.unlink())
        line.write({'discrepancy_note': '箱子破损 box damaged'})
        self.assertEqual(line.box_number, '1')
        self.assertEqual(len(shipment.line_ids), 1)

    def test_packing_list_pdf(self):
        """The packing list (附件一) prints the boxes, parts, carrier and waybill."""
        part_1 = self._handed_over_part(product_id=self.product_serial.id, lot_name='SN-777')
        part_2 = self._handed_over_part(work_order_ref='PG-2026-0002')
        shipment = self._shipment(part_1 | part_2)
        text = self._pdf_text(self._pdf(
            'oldparts_module.action_report_oldparts_return_packing_list', shipment,
            user=self.keeper_a, lang='zh_CN'))
        for expected in ('返司旧件装箱清单', shipment.name, part_1.name, part_2.name,
                         'DB20260001', '德邦物流', 'HZ-002', 'YG-001', 'SN-777',
                         'PG-2026-0002', '宁夏甲代理商'):
            self.assertIn(expected, text)

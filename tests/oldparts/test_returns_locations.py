"""Old-part locations and the hand-over into the dealer's location."""
from odoo.exceptions import AccessError, UserError

from .returns_common import OldpartsReturnsCase


class TestReturnsLocations(OldpartsReturnsCase):

    def test_data_locations(self):
        """The main company has the old-part parent, the HQ warehouse and the virtual source from data."""
        self.assertEqual(self.root, self.env.ref('oldparts_module.stock_location_oldparts'))
        self.assertEqual(self.root.usage, 'view')
        self.assertEqual(self.hq.location_id, self.root)
        self.assertEqual(self.hq.usage, 'internal')
        self.assertTrue(self.hq.is_oldparts_location)
        self.assertIn(self.service.usage, ('inventory',))
        self.assertEqual(self.company.oldparts_return_picking_type_id,
                         self.env.ref('oldparts_module.picking_type_oldparts_return'))

    def test_dealer_location_created(self):
        """Flagging a partner as dealer gives it an internal old-part location under the parent."""
        self.assertEqual(self.loc_a.location_id, self.root)
        self.assertEqual(self.loc_a.usage, 'internal')
        self.assertEqual(self.loc_a.company_id, self.company)
        self.assertEqual(self.loc_a.oldparts_dealer_id, self.dealer_a)
        self.assertIn('NX01', self.loc_a.name)
        partner = self.env['res.partner'].create({'name': '湖北丙代理商', 'is_company': True})
        self.assertFalse(partner.oldparts_location_id)
        partner.write({'is_oldparts_dealer': True, 'oldparts_dealer_code': 'HB01'})
        self.assertEqual(partner.oldparts_location_id.location_id, self.root)
        self.assertEqual(partner.oldparts_location_id.name, '[HB01] 湖北丙代理商')
        partner.write({'is_oldparts_dealer': True})
        self.assertEqual(self.env['stock.location'].search_count(
            [('oldparts_dealer_id', '=', partner.id)]), 1)

    def test_other_company_gets_its_locations(self):
        """Another company gets its own old-part locations, not the main company's."""
        company = self.env['res.company'].create({'name': '起重机二公司'})
        setup = company._oldparts_returns_setup()
        self.assertEqual(setup.oldparts_hq_location_id.company_id, company)
        self.assertNotEqual(setup.oldparts_hq_location_id, self.hq)
        self.assertEqual(setup.oldparts_return_picking_type_id.code, 'internal')
        again = company._oldparts_returns_setup()
        self.assertEqual(again.oldparts_hq_location_id, setup.oldparts_hq_location_id)
        # named in English, read in Chinese by a Chinese user
        hq = setup.oldparts_hq_location_id
        self.assertEqual(hq.with_context(lang='en_US').name, 'HQ Old-Part Warehouse')
        self.assertEqual(hq.with_context(lang='zh_CN').name, '回司旧件库')
        self.assertEqual(setup.oldparts_return_picking_type_id.with_context(lang='zh_CN').name,
                         '旧件返司')

    def test_hand_over_moves_part_to_dealer_location(self):
        """The engineer hands a part over: it is on hand in dealer A's location, nowhere else."""
        part = self._handed_over_part()
        self.assertEqual(part.state, 'handed_over')
        self.assertEqual(self._qty(self.loc_a), 1.0)
        self.assertEqual(self._qty(self.loc_b), 0.0)
        self.assertEqual(self._qty(self.hq), 0.0)
        move = part.sudo().stock_move_ids
        self.assertEqual(len(move), 1)
        self.assertEqual(move.state, 'done')
        self.assertEqual(move.location_id, self.service)
        self.assertEqual(move.location_dest_id, self.loc_a)
        self.assertEqual(part.sudo()._oldparts_stock_location(), self.loc_a)
        # The warehouse's own stock of the material is not changed by old parts.
        self.assertEqual(self.product.qty_available, 0.0)

    def test_hand_over_twice_creates_nothing(self):
        """A second click on hand-over is refused and no second move is made."""
        part = self._handed_over_part()
        self.assertRefused(UserError, 'Cannot hand over', '无法交接', lambda: part.action_hand_over())
        self.assertEqual(len(part.sudo().stock_move_ids), 1)
        self.assertEqual(self._qty(self.loc_a), 1.0)

    def test_hand_over_foreign_part_refused(self):
        """Dealer B's engineer cannot hand over dealer A's part."""
        part = self._create_part(user=self.engineer_a, has_claim_value=True)
        part.sudo(self.specialist).action_classify()
        with self.assertRaises(AccessError):
            part.sudo(self.engineer_b).action_hand_over()
        self.assertEqual(self._qty(self.loc_a), 0.0)

    def test_serial_kept(self):
        """A serial-tracked failed part enters the dealer's location under its own serial."""
        part = self._handed_over_part(product_id=self.product_serial.id, lot_name='SN-A-001')
        lot = part.sudo().stock_lot_id
        self.assertEqual(lot.name, 'SN-A-001')
        self.assertEqual(lot.product_id, self.product_serial)
        self.assertEqual(self._qty(self.loc_a, self.product_serial, lot), 1.0)

    def test_serial_required(self):
        """A tracked material handed over without its serial is refused in both languages."""
        part = self._create_part(user=self.engineer_a, has_claim_value=True,
                                 product_id=self.product_serial.id)
        part.sudo(self.specialist).action_classify()
        self.assertRefused(UserError, 'record the serial/lot', '序列号',
            lambda: part.sudo(self.engineer_a).action_hand_over())
        self.assertEqual(part.state, 'classified')
        self.assertEqual(self._qty(self.loc_a, self.product_serial), 0.0)

    def test_no_book_value(self):
        """Old parts carry no book value unless the company books them."""
        part = self._handed_over_part()
        move = part.sudo().stock_move_ids
        self.assertEqual(move.value, 0.0)
        self.assertFalse(move._is_in())
        self.assertEqual(self.product.stock_value, 0.0)
        self.assertEqual(self.product.qty_at_date, 0.0)
        self.company.oldparts_book_value = True
        self.product.invalidate_cache()
        self.assertEqual(self.product.qty_at_date, 1.0)
        self.assertEqual(self.product.stock_value, 1200.0)
        valued = self._handed_over_part(work_order_ref='PG-2026-0002')
        self.assertEqual(valued.sudo().stock_move_ids.value, 1200.0)

    def test_cancel_takes_part_out(self):
        """Cancelling a handed-over part takes it out of the dealer's location again."""
        part = self._handed_over_part()
        part.sudo(self.specialist).action_cancel()
        self.assertEqual(part.state, 'cancel')
        self.assertEqual(self._qty(self.loc_a), 0.0)
        self.assertEqual(len(part.sudo().stock_move_ids), 2)

    def test_manual_ship_and_receive_refused(self):
        """A part in stock is shipped only by a return shipment, received only
        by its picking: a client can neither call those steps nor write the state."""
        part = self._handed_over_part()
        with self.assertRefused(UserError, 'cannot be changed here'):
            part.sudo(self.keeper_a).write({'state': 'in_return'})
        self.assertFalse(hasattr(part, 'action_ship'))
        self.assertEqual(part.state, 'handed_over')
        shipment = self._shipment(part)
        self.assertEqual(part.state, 'in_return')
        with self.assertRefused(UserError, 'cannot be changed here'):
            part.sudo(self.materials).write({'state': 'received'})
        self.assertFalse(hasattr(part, 'action_receive'))
        self.assertEqual(part.state, 'in_return')
        self.assertEqual(shipment.sudo().picking_id.state, 'assigned')

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockMove(models.Model):
    _inherit = 'stock.move'

    oldparts_part_id = fields.Many2one(
        'oldparts.part', string='Old Part', index=True, ondelete='restrict',
        help='The old part this move carries (hand-over, return, disposal).')
    oldparts_shipment_line_id = fields.Many2one(
        'oldparts.return.shipment.line', string='Packing List Line', index=True,
        ondelete='restrict')

    def _prepare_merge_moves_distinct_fields(self):
        """Each old part keeps its own move: never merge two parts of the
        same material."""
        return super(StockMove, self)._prepare_merge_moves_distinct_fields() + [
            'oldparts_part_id', 'oldparts_shipment_line_id']

    def _update_reserved_quantity(self, need, available_quantity, location_id,
                                  lot_id=None, package_id=None, owner_id=None,
                                  strict=True):
        """An old part is one physical piece: reserve its own serial/lot,
        never another dealer's piece of the same material."""
        part_lot = self.oldparts_part_id.stock_lot_id
        if part_lot and not lot_id:
            lot_id = part_lot
            available_quantity = min(
                available_quantity,
                self.env['stock.quant']._get_available_quantity(
                    self.product_id, location_id, lot_id=part_lot,
                    package_id=package_id, owner_id=owner_id, strict=strict))
        return super(StockMove, self)._update_reserved_quantity(
            need, available_quantity, location_id, lot_id=lot_id,
            package_id=package_id, owner_id=owner_id, strict=strict)

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StockPicking(models.Model):
    _inherit = 'stock.picking'

    # Copied on purpose: a backorder of a return picking stays on its shipment.
    oldparts_shipment_id = fields.Many2one(
        'oldparts.return.shipment', string='Old-Part Return Shipment', index=True,
        readonly=True, ondelete='restrict')
    oldparts_disposal_id = fields.Many2one(
        'oldparts.disposal', string='Old-Part Disposal Form', index=True,
        readonly=True, copy=False, ondelete='restrict')

    @api.multi
    def action_done(self):
        """HQ validating a return picking receives the parts found in the
        boxes and records the missing ones."""
        res = super(StockPicking, self).action_done()
        self.mapped('oldparts_shipment_id')._oldparts_update_receipt()
        return res

    @api.multi
    def action_cancel(self):
        res = super(StockPicking, self).action_cancel()
        self.mapped('oldparts_shipment_id')._oldparts_update_receipt()
        return res

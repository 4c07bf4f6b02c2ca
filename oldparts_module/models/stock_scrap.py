# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockScrap(models.Model):
    _inherit = 'stock.scrap'

    oldparts_part_id = fields.Many2one(
        'oldparts.part', string='Old Part', index=True, ondelete='restrict',
        readonly=True)
    oldparts_disposal_id = fields.Many2one(
        'oldparts.disposal', string='Old-Part Disposal Form', index=True,
        ondelete='restrict', readonly=True)

    def _prepare_move_values(self):
        values = super(StockScrap, self)._prepare_move_values()
        if self.oldparts_part_id:
            values['oldparts_part_id'] = self.oldparts_part_id.id
        return values

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# A part is on a shelf from its hand-over until it is disposed of.
IN_STOCK_STATES = ('handed_over', 'in_return', 'in_local_disposal', 'received',
                   'responsibility_determined')


class ReportOldpartsInventoryCount(models.AbstractModel):
    """附件七 旧件库存盘点表: each count line with the old-part numbers that
    should be on that shelf, so the counter ticks them off one by one."""
    _name = 'report.oldparts_module.report_oldparts_inventory_count'
    _description = 'Old-Part Count Sheet'

    @api.model
    def get_report_values(self, docids, data=None):
        inventories = self.env['stock.inventory'].browse(docids)
        return {
            'doc_ids': docids,
            'doc_model': 'stock.inventory',
            'docs': inventories,
            'count_lines': {inventory.id: self._count_lines(inventory)
                            for inventory in inventories},
        }

    @api.model
    def _count_lines(self, inventory):
        """The inventory's lines in shelf order, each with its parts:
        [{'line': stock.inventory.line, 'parts': oldparts.part}]."""
        lines = inventory.line_ids.sorted(lambda l: (
            l.location_id.complete_name or '', l.product_id.default_code or '',
            l.prod_lot_id.name or '', l.id))
        parts = self.env['oldparts.part'].sudo().search([
            ('company_id', '=', inventory.company_id.id),
            ('product_id', 'in', lines.mapped('product_id').ids),
            ('state', 'in', IN_STOCK_STATES)], order='name')
        by_place = {}
        for part in parts:
            location = part._oldparts_stock_location()
            if location:
                by_place.setdefault((location.id, part.product_id.id), []).append(part.id)
        Part = self.env['oldparts.part']
        result = []
        for line in lines:
            part_ids = by_place.get((line.location_id.id, line.product_id.id), [])
            found = Part.browse(part_ids)
            if line.prod_lot_id:
                found = found.filtered(lambda p: (p.lot_name or '') == line.prod_lot_id.name)
            result.append({'line': line, 'parts': found})
        return result

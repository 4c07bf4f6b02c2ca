# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models


class ReportOldpartsInventoryCountXlsx(models.AbstractModel):
    """附件七 旧件库存盘点表 as a spreadsheet: one row per count line with the
    part numbers to tick off, the book quantity and the counted one."""
    _name = 'report.oldparts_module.xlsx_inventory_count'
    _inherit = 'report.oldparts_module.xlsx'
    _description = 'Old-Part Count Sheet (Spreadsheet)'

    def generate_xlsx_report(self, workbook, data, inventories):
        formats = self._xlsx_formats(workbook)
        Count = self.env['report.oldparts_module.report_oldparts_inventory_count']
        columns = [_('Storage Location'), _('Material Code'), _('Material'), _('Serial/Lot'),
                   _('Old-Part Numbers'), _('Book Quantity'), _('Counted Quantity'),
                   _('Difference')]
        kinds = ['text', 'text', 'text', 'text', 'text', 'quantity', 'quantity', 'quantity']
        for inventory in inventories:
            counted = inventory.state == 'done'
            rows = []
            for item in Count._count_lines(inventory):
                line = item['line']
                rows.append([
                    line.location_id.display_name, line.product_id.default_code or '',
                    line.product_id.name, line.prod_lot_id.name or '',
                    '\n'.join(item['parts'].mapped('name')), line.theoretical_qty,
                    line.product_qty if counted or line.product_qty != line.theoretical_qty
                    else None,
                    line.product_qty - line.theoretical_qty if counted else None,
                ])
            sheet = workbook.add_worksheet((inventory.name or _('Count'))[:31])
            self._xlsx_table(sheet, formats, 0, columns, rows, kinds)

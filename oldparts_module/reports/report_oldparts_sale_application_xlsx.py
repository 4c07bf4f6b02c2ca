# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models


class ReportOldpartsSaleApplicationXlsx(models.AbstractModel):
    """附件五 旧件变卖申请单 as a spreadsheet: the parts, the buyers' quotes
    and the sale made, one sheet each."""
    _name = 'report.oldparts_module.xlsx_sale_application'
    _inherit = 'report.oldparts_module.xlsx'
    _description = 'Old-Part Sale Application (Spreadsheet)'

    def generate_xlsx_report(self, workbook, data, applications):
        formats = self._xlsx_formats(workbook)
        parts_sheet = workbook.add_worksheet(_('Old Parts'))
        quotes_sheet = workbook.add_worksheet(_('Buyer Quotes'))
        parts, quotes = [], []
        for app in applications:
            # the amount sold comes from the invoice: read for any reader of the application
            sold = app.sudo().amount_sold
            for line in app.line_ids:
                parts.append([
                    app.name, app.dealer_id.name, self._as_date(app.date), line.part_id.name,
                    line.product_id.default_code or '', line.product_id.name,
                    line.grade_id.name or '', line.weight,
                    _('Weighed') if line.is_weighed else _('Reference Weight'),
                    line.market_price, self._as_date(line.market_price_date)])
            for quote in app.quote_ids:
                quotes.append([
                    app.name, quote.partner_id.name, quote.contact_name, quote.phone,
                    quote.price, _('Yes') if quote == app.quote_id else _('No'),
                    app.weighbridge_weight if quote == app.quote_id else None,
                    sold if quote == app.quote_id else None])
        self._xlsx_table(
            parts_sheet, formats, 0,
            [_('Application'), _('Dealer'), _('Date'), _('Part No.'), _('Material Code'),
             _('Material'), _('Grade'), _('Weight (t)'), _('Weight Source'),
             _('Market Price (yuan/t)'), _('Price Date')], parts,
            ['text', 'text', 'date', 'text', 'text', 'text', 'text', 'quantity', 'text',
             'money', 'date'])
        self._xlsx_table(
            quotes_sheet, formats, 0,
            [_('Application'), _('Buyer'), _('Contact Person'), _('Phone'),
             _('Quote (yuan/t)'), _('Selected'), _('Weighbridge Weight (t)'),
             _('Amount Sold')], quotes,
            ['text', 'text', 'text', 'text', 'money', 'text', 'quantity', 'money'])

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockLocation(models.Model):
    _inherit = 'stock.location'

    is_oldparts_location = fields.Boolean(
        string='Old-Part Location', index=True, copy=False,
        help='A dealer\'s old-part location, the HQ old-part warehouse or their '
             'parent. Old parts kept here carry no book value unless the '
             'company says so.')
    oldparts_dealer_id = fields.Many2one(
        'res.partner', string='Old-Parts Dealer', index=True, copy=False,
        ondelete='restrict', help='The dealer whose old parts are kept here.')

    def _should_be_valued(self):
        """Old parts are written off when replaced: keeping them must not
        create stock value unless the company books them."""
        if self.is_oldparts_location and not self.company_id.oldparts_book_value:
            return False
        return super(StockLocation, self)._should_be_valued()

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    is_oldparts_dealer = fields.Boolean(
        string='Old-Parts Dealer', index=True,
        help='A dealer whose service engineers replace parts.')
    oldparts_dealer_code = fields.Char(string='Dealer Code')

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    oldparts_settlement_id = fields.Many2one(
        'oldparts.settlement', string='Old-Part Incentive Settlement', index=True,
        readonly=True, copy=False, ondelete='restrict')

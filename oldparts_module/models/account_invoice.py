# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    oldparts_disposal_id = fields.Many2one(
        'oldparts.disposal', string='Old-Part Disposal Form', index=True,
        readonly=True, copy=False, ondelete='restrict',
        help='The returned-part disposal form whose supplier claim this refund is.')
    oldparts_freight_request_id = fields.Many2one(
        'oldparts.freight.request', string='Old-Part Freight Request', index=True,
        readonly=True, copy=False, ondelete='restrict')

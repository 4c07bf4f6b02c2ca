# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = 'res.company'

    oldparts_handover_days = fields.Integer(
        string='Old-Part Hand-over Period (days)', default=7,
        help='Required hand-over date = completion date + this many days.')
    oldparts_gift_value_limit = fields.Monetary(
        string='Old-Part Gift Value Limit', default=100.0,
        help='A part with no claim or reuse value whose scrap value is below '
             'this is proposed as a gift rather than a local sale.')

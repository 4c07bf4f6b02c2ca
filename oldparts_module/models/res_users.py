# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = 'res.users'

    oldparts_dealer_id = fields.Many2one(
        'res.partner', string='Old-Parts Dealer',
        domain=[('is_oldparts_dealer', '=', True)],
        help='Dealer users, engineers and keepers see only this dealer\'s old parts.')

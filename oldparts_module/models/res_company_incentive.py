# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    """Where the incentive settlements are booked."""
    _inherit = 'res.company'

    oldparts_incentive_account_id = fields.Many2one(
        'account.account', string='Incentive Service Fee Account',
        domain=[('deprecated', '=', False)],
        help='Expense account of the dealers\' service fees on which the monthly '
             'old-part rewards (vendor bills) and penalties (vendor refunds) are booked.')
    oldparts_incentive_journal_id = fields.Many2one(
        'account.journal', string='Incentive Journal',
        domain=[('type', '=', 'purchase')],
        help='Purchase journal of the settlement bills and refunds; empty: the '
             'first purchase journal of the company.')

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

    # --- local sale, destruction and gift (regulation sections 4 and 9) ----
    oldparts_buyer_costs_floor_rate = fields.Float(
        string='Floor When the Buyer Bears the Costs (%)', default=85.0,
        digits=(16, 2),
        help='When the buyer bears labour, lifting, transport and cutting, the '
             'sale price may go down to this share of the market price.')
    oldparts_min_quotes = fields.Integer(
        string='Minimum Buyer Quotes', default=3,
        help='A sale application needs quotes from at least this many buyers.')
    oldparts_split_window_days = fields.Integer(
        string='Lot Splitting Window (days)', default=30,
        help="A dealer's sale applications within this many days of each other "
             "count as one lot for the approval amount, so that splitting a lot "
             "does not avoid an approval step.")
    oldparts_weight_tolerance = fields.Float(
        string='Weighbridge Weight Tolerance (%)', default=5.0, digits=(16, 2),
        help='A sale whose weighbridge weight differs from the approved weight '
             'by more than this share needs a new approval.')
    oldparts_scrap_income_account_id = fields.Many2one(
        'account.account', string='Scrap Income Account',
        domain=[('deprecated', '=', False)],
        help='Income account of the customer invoices of old-part sales.')
    oldparts_scrap_journal_id = fields.Many2one(
        'account.journal', string='Scrap Sale Journal',
        domain=[('type', '=', 'sale')],
        help='Journal of the customer invoices of old-part sales; empty: the '
             'first sale journal of the company.')
    oldparts_min_witnesses = fields.Integer(
        string='Minimum Disposal Witnesses', default=3,
        help='A scrap sign-off needs at least this many witnesses.')
    oldparts_witness_distinct_departments = fields.Boolean(
        string='Witnesses from Different Departments', default=True,
        help='The minimum number of witnesses must come from as many '
             'different departments.')
    oldparts_signoff_photo_required = fields.Boolean(
        string='Photos Required on Scrap Sign-offs', default=True)

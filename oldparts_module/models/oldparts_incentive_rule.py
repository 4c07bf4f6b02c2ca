# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

RULE_KINDS = [
    ('delay_day', 'Penalty per Delay Day per Part'),
    ('not_handed_over', 'Penalty per Part Not Handed Over within N Days'),
    ('not_shipped', 'Penalty per Part Not Shipped within N Days'),
    ('missing_written_off', 'Penalty per Part Missing at HQ (Dealer Responsible)'),
    ('unauthorized_disposal', 'Penalty per Unauthorised Local Disposal'),
    ('ontime_reward', 'Reward for the Monthly On-time Hand-over Rate'),
]
APPLIES_TO = [
    ('dealer', 'Dealer'),
    ('engineer', 'Engineer'),
    ('both', 'Dealer and Engineer'),
]
# kinds that need a number of days / a rate threshold
DAYS_KINDS = ('not_handed_over', 'not_shipped')
REWARD_KINDS = ('ontime_reward',)


class OldpartsIncentiveRule(models.Model):
    """One reward or penalty of section 7 (7.4) of the regulation, settled in
    the dealers' and engineers' service fees. The regulation gives no
    amounts: every amount, period and threshold is configuration, valid
    between two dates. Plain fields only, so that a spreadsheet of rules
    imports as it is."""
    _name = 'oldparts.incentive.rule'
    _description = 'Old-Part Incentive Rule'
    _order = 'company_id, kind, date_from desc, id'

    name = fields.Char(string='Rule', required=True)
    company_id = fields.Many2one(
        'res.company', string='Company', required=True, index=True,
        default=lambda self: self.env['res.company']._company_default_get(
            'oldparts.incentive.rule'))
    currency_id = fields.Many2one(related='company_id.currency_id', readonly=True)
    kind = fields.Selection(
        RULE_KINDS, string='Kind', required=True, index=True,
        help='Delay day: each day a part is handed over after its required date '
             '(or after the replied date when a reason was given). Not handed over / '
             'not shipped: once per part, when the hand-over (counted from the '
             'completion date) or the shipment to HQ (counted from the hand-over) '
             'takes more than the number of days. Missing at HQ: once per part '
             'written off with the dealer responsible. Unauthorised disposal: once '
             'per part sold, destroyed or given away locally without approval or '
             'below the floor without an accepted reason. Reward: once a month when '
             'the on-time hand-over rate reaches the threshold.')
    applies_to = fields.Selection(
        APPLIES_TO, string='Applies To', required=True, default='dealer',
        help='Engineer: the line goes to the part\'s engineer (deducted from or '
             'added to the dealer\'s service fee on the engineer\'s behalf).')
    amount = fields.Monetary(
        string='Amount', required=True, currency_field='currency_id',
        help='Per delay day and part, per part, or per month for the reward.')
    cap = fields.Monetary(
        string='Cap per Part', currency_field='currency_id',
        help='At most this much for one part under this rule, over all '
             'settlements (for the reward: per month). Zero: no cap.')
    days = fields.Integer(
        string='Within (days)',
        help='Not handed over: days from the completion date. Not shipped: days '
             'from the hand-over date.')
    threshold = fields.Float(
        string='On-time Rate Threshold (%)', digits=(16, 2),
        help='The reward is due when the month\'s on-time hand-over rate reaches '
             'this percentage.')
    min_parts = fields.Integer(
        string='Minimum Parts Due', default=1,
        help='The reward needs at least this many parts due in the month.')
    date_from = fields.Date(string='Valid From', required=True, index=True,
                            default=fields.Date.context_today)
    date_to = fields.Date(string='Valid To', index=True,
                          help='Last day the rule applies; empty: open-ended.')
    active = fields.Boolean(default=True)
    note = fields.Text(string='Remarks')

    @api.constrains('amount', 'cap', 'days', 'threshold', 'date_from', 'date_to', 'kind')
    def _check_values(self):
        for rule in self:
            rounding = rule.currency_id.rounding or 0.01
            if float_compare(rule.amount, 0.0, precision_rounding=rounding) <= 0:
                raise ValidationError(_(
                    'Incentive rule %(rule)s: the amount must be greater than zero.') % {
                    'rule': rule.name})
            if float_compare(rule.cap, 0.0, precision_rounding=rounding) < 0:
                raise ValidationError(_(
                    'Incentive rule %(rule)s: the cap cannot be negative.') % {
                    'rule': rule.name})
            if rule.kind in DAYS_KINDS and rule.days <= 0:
                raise ValidationError(_(
                    'Incentive rule %(rule)s: give the number of days.') % {
                    'rule': rule.name})
            if rule.kind in REWARD_KINDS and not 0 < rule.threshold <= 100:
                raise ValidationError(_(
                    'Incentive rule %(rule)s: the on-time rate threshold is a '
                    'percentage between 0 and 100.') % {'rule': rule.name})
            if rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(_(
                    'Incentive rule %(rule)s ends before it starts.') % {
                    'rule': rule.name})

    @api.constrains('kind', 'applies_to', 'date_from', 'date_to', 'company_id', 'active')
    def _check_overlap(self):
        """One rule of a kind per beneficiary and day: a day or a part is
        never counted twice because two rules overlap."""
        for rule in self.filtered('active'):
            beneficiaries = ('dealer', 'both') if rule.applies_to == 'dealer' else (
                ('engineer', 'both') if rule.applies_to == 'engineer'
                else ('dealer', 'engineer', 'both'))
            domain = [
                ('id', '!=', rule.id), ('company_id', '=', rule.company_id.id),
                ('kind', '=', rule.kind), ('applies_to', 'in', beneficiaries),
                '|', ('date_to', '=', False), ('date_to', '>=', rule.date_from)]
            if rule.date_to:
                domain.append(('date_from', '<=', rule.date_to))
            other = self.sudo().search(domain, limit=1)
            if other:
                raise ValidationError(_(
                    'Incentive rules %(rule)s and %(other)s are of the same kind, for '
                    'the same beneficiary, valid on the same days.') % {
                    'rule': rule.name, 'other': other.name})

    def _is_valid_on(self, date):
        """``date`` (Odoo's date string) is within the rule's validity."""
        self.ensure_one()
        return self.date_from <= date and (not self.date_to or date <= self.date_to)

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .oldparts_document_mixin import insert_rows
from .oldparts_incentive_rule import RULE_KINDS

DISPUTE_STATES = [
    ('none', 'Not Disputed'),
    ('disputed', 'Disputed'),
    ('waived', 'Dispute Accepted (Waived)'),
    ('upheld', 'Dispute Rejected'),
]


class OldpartsSettlementLine(models.Model):
    """One reward or penalty of a settlement: a rule applied to a part (or,
    for the reward, to the month), for the dealer or one of its engineers.
    The days or the part it counts are stored (kind, part, beneficiary,
    dates), so that no later settlement counts them again. Written by the
    computation only; the dealer may dispute it."""
    _name = 'oldparts.settlement.line'
    _description = 'Old-Part Incentive Settlement Line'
    _inherit = ['oldparts.document.line.mixin']
    _order = 'settlement_id, beneficiary, engineer_id, kind, part_id, date_from, id'
    _oldparts_parent_field = 'settlement_id'

    settlement_id = fields.Many2one(
        'oldparts.settlement', string='Settlement', required=True, index=True,
        ondelete='cascade', readonly=True)
    company_id = fields.Many2one(related='settlement_id.company_id', store=True,
                                 readonly=True, index=True)
    dealer_id = fields.Many2one(related='settlement_id.dealer_id', store=True,
                                readonly=True, index=True)
    currency_id = fields.Many2one(related='settlement_id.currency_id', readonly=True)
    settlement_state = fields.Selection(related='settlement_id.state', readonly=True)
    rule_id = fields.Many2one('oldparts.incentive.rule', string='Rule', required=True,
                              readonly=True, ondelete='restrict', index=True)
    kind = fields.Selection(RULE_KINDS, string='Kind', required=True, readonly=True,
                            index=True)
    beneficiary = fields.Selection(
        [('dealer', 'Dealer'), ('engineer', 'Engineer')], string='For', required=True,
        readonly=True, index=True)
    engineer_id = fields.Many2one('res.users', string='Engineer', readonly=True, index=True)
    part_id = fields.Many2one('oldparts.part', string='Old Part', readonly=True, index=True,
                              ondelete='restrict')
    quantity = fields.Integer(string='Quantity', readonly=True,
                              help='Delay days, or parts (for the reward: parts due).')
    quantity_unit = fields.Char(string='Unit', compute='_compute_quantity_unit')
    date_from = fields.Date(string='From', readonly=True,
                            help='First delay day counted, or the day of the breach.')
    date_to = fields.Date(string='To', readonly=True, help='Last delay day counted.')
    amount = fields.Monetary(string='Amount', readonly=True, currency_field='currency_id',
                             help='Positive: reward; negative: penalty.')
    capped = fields.Boolean(string='Capped', readonly=True,
                            help='The rule\'s cap per part limited the amount.')
    rate = fields.Float(string='On-time Rate (%)', readonly=True, digits=(16, 2))
    dispute_state = fields.Selection(DISPUTE_STATES, string='Dispute', default='none',
                                     required=True, readonly=True)
    dispute_reason = fields.Text(string='Dispute Reason', readonly=True)
    dispute_answer = fields.Text(string='Answer to the Dispute', readonly=True)

    def _compute_quantity_unit(self):
        days, parts = _('days'), _('parts')
        for line in self:
            line.quantity_unit = days if line.kind == 'delay_day' else parts

    # ------------------------------------------------------------------
    # Created by the computation
    # ------------------------------------------------------------------
    INSERT_FIELDS = ('settlement_id', 'company_id', 'dealer_id', 'rule_id', 'kind',
                     'beneficiary', 'engineer_id', 'part_id', 'quantity', 'date_from',
                     'date_to', 'amount', 'capped', 'rate', 'dispute_state', 'dispute_reason',
                     'dispute_answer')

    @api.model
    def _insert_lines(self, lines):
        """Create the computed lines (dicts of INSERT_FIELDS, dates as
        strings; the company and dealer those of the settlement), 1,000 per
        INSERT, then recompute what depends on them (the settlements'
        totals) once: a month's settlement of a national network has
        thousands of lines, which ``create`` writes at 10 ms a line."""
        if not lines:
            return self.browse()
        defaults = {'quantity': 0, 'amount': 0.0, 'rate': 0.0, 'capped': False,
                    'dispute_state': 'none'}
        rows = []
        for vals in lines:
            row = dict(defaults)
            row.update((fname, value) for fname, value in vals.items()
                       if value is not None and value is not False)
            rows.append([row.get(fname) for fname in self.INSERT_FIELDS])
        ids = insert_rows(self.env, self._table, self.INSERT_FIELDS, rows)
        created = self.browse(ids)
        self.env['oldparts.settlement'].invalidate_cache(['line_ids', 'dealer_line_ids',
                                                          'engineer_line_ids'])
        created.modified([fname for fname in self.INSERT_FIELDS])
        self.recompute()
        return created

    # ------------------------------------------------------------------
    # Dispute
    # ------------------------------------------------------------------
    @api.model
    def _dispute_key_of(self, vals):
        return (vals.get('part_id') or False, vals['rule_id'], vals['beneficiary'],
                vals.get('engineer_id') or False, vals['date_from'])

    @api.model
    def _dispute_values_of(self, row):
        """What a recomputed line keeps of the line it replaces (``row``:
        the old line read)."""
        vals = {'dispute_state': row['dispute_state'], 'dispute_reason': row['dispute_reason'],
                'dispute_answer': row['dispute_answer']}
        if row['dispute_state'] == 'waived':
            vals['amount'] = 0.0
        return vals

    @api.multi
    def action_dispute(self, reason):
        """The dealer disputes lines of its checked or submitted settlement:
        the settlement goes back to draft for the specialist to answer."""
        if not (reason or '').strip():
            raise UserError(_('Give the reason of the dispute.'))
        user = self.env.user
        is_dealer = user.has_group('oldparts_module.group_oldparts_dealer')
        for line in self:
            settlement = line.settlement_id
            if not is_dealer or user.oldparts_dealer_id != line.dealer_id:
                raise UserError(_(
                    'Only the dealer of settlement %(settlement)s may dispute its lines.') % {
                    'settlement': settlement.name})
            if settlement.state not in ('checked', 'submitted'):
                states = dict(settlement._fields['state']._description_selection(self.env))
                raise UserError(_(
                    'Settlement %(settlement)s is in state "%(state)s": its lines can be '
                    'disputed once checked and until approved.') % {
                    'settlement': settlement.name, 'state': states[settlement.state]})
        for line in self.sudo()._action_env():
            line.write({'dispute_state': 'disputed', 'dispute_reason': reason,
                        'dispute_answer': False})
            settlement = line.settlement_id
            if settlement.state != 'draft':
                settlement._oldparts_on_state('draft')
                settlement.write({'state': 'draft'})
            settlement.message_post(body=_(
                'Line disputed by %(user)s: %(line)s. Reason: %(reason)s') % {
                'user': user.name, 'line': line.display_name, 'reason': reason})
        return True

    def _answer_dispute(self, state, answer):
        self.sudo().mapped('settlement_id').with_env(self.env)._check_group(
            'oldparts_module.group_oldparts_specialist')
        for line in self:
            if line.dispute_state != 'disputed':
                raise UserError(_('Line %(line)s is not disputed.') % {
                    'line': line.display_name})
            if line.settlement_id.state != 'draft':
                raise UserError(_(
                    'Answer the disputes of settlement %(settlement)s while it is in '
                    'draft.') % {'settlement': line.settlement_id.name})
        for line in self.sudo()._action_env():
            vals = {'dispute_state': state, 'dispute_answer': answer}
            if state == 'waived':
                vals['amount'] = 0.0
            line.write(vals)
            line.settlement_id.message_post(body=_('Dispute answered: %(line)s: %(answer)s') % {
                'line': line.display_name, 'answer': answer or '-'})
        return True

    @api.multi
    def action_waive(self, answer=None):
        """The specialist accepts the dispute: the line stays (its days are
        counted) with no amount."""
        return self._answer_dispute('waived', answer)

    @api.multi
    def action_uphold(self, answer=None):
        """The specialist rejects the dispute: the line stays as computed."""
        return self._answer_dispute('upheld', answer)

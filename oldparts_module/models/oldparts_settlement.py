# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

from . import oldparts_incentive_compute as compute

STATES = [
    ('draft', 'Draft'),
    ('checked', 'Checked'),
    ('submitted', 'To Approve'),
    ('approved', 'Approved'),
    ('posted', 'Posted'),
    ('cancel', 'Cancelled'),
]
DRAFT_ONLY = {state: [('readonly', True)] for state, _label in STATES if state != 'draft'}
SPECIALIST = 'oldparts_module.group_oldparts_specialist'
FINANCE = 'oldparts_module.group_oldparts_finance'
DEALER = 'oldparts_module.group_oldparts_dealer'
# the ledger fields the computation reads
PART_FIELDS = ['engineer_id', 'replacement_date', 'required_handover_date', 'reply_date',
               'reply_reason', 'handover_date', 'shipped_date', 'disposal_type', 'state',
               'responsibility', 'responsibility_date', 'unauthorized_disposal_date']
PART_DATES = ('replacement_date', 'required_handover_date', 'reply_date', 'handover_date',
              'shipped_date', 'responsibility_date', 'unauthorized_disposal_date')


def month_bounds(year, month):
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


class OldpartsSettlement(models.Model):
    """Monthly incentive settlement of a dealer (奖罚结算单): the rewards and
    penalties of section 7 for the dealer and its engineers, computed from
    the ledger, checked by the specialist, approved by the configured steps
    and posted as an adjustment of the dealer's service fee -- a vendor bill
    for a net reward, a vendor refund for a net penalty."""
    _name = 'oldparts.settlement'
    _description = 'Old-Part Incentive Settlement'
    _sequence_code = 'oldparts.settlement'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'oldparts.approval.mixin',
                'oldparts.document.mixin']
    _order = 'date_from desc, dealer_id, id desc'
    _mail_post_access = 'read'

    state = fields.Selection(
        STATES, string='Status', required=True, readonly=True, copy=False,
        default='draft', index=True, track_visibility='onchange',
        help='Draft: computed from the ledger, recomputed on request. Checked: '
             'the specialist verified the lines. To approve: the approval steps. '
             'Posted: the vendor bill or refund on the dealer is booked; the '
             'settlement no longer changes.')
    dealer_id = fields.Many2one(
        'res.partner', string='Dealer', required=True, index=True,
        domain=[('is_oldparts_dealer', '=', True)], readonly=True,
        states={'draft': [('readonly', False)]}, track_visibility='onchange')
    date_from = fields.Date(string='Month', required=True, index=True, readonly=True,
                            states={'draft': [('readonly', False)]},
                            help='First day of the settled month.')
    date_to = fields.Date(string='Month End', compute='_compute_date_to', store=True)
    cutoff_date = fields.Date(
        string='Counted Until', readonly=True, copy=False,
        help='The last day counted: the end of the month, or the day of the last '
             'computation when the month was not over.')
    line_ids = fields.One2many(
        'oldparts.settlement.line', 'settlement_id', string='Lines', readonly=True,
        copy=False)
    dealer_line_ids = fields.One2many(
        'oldparts.settlement.line', 'settlement_id', string='Dealer Lines', readonly=True,
        domain=[('beneficiary', '=', 'dealer')])
    engineer_line_ids = fields.One2many(
        'oldparts.settlement.line', 'settlement_id', string='Engineer Lines', readonly=True,
        domain=[('beneficiary', '=', 'engineer')])
    amount_penalty = fields.Monetary(
        string='Penalties', compute='_compute_amounts', store=True)
    amount_reward = fields.Monetary(
        string='Rewards', compute='_compute_amounts', store=True)
    amount_total = fields.Monetary(
        string='Net Adjustment', compute='_compute_amounts', store=True,
        help='Rewards minus penalties: positive, a vendor bill on the dealer; '
             'negative, a vendor refund.')
    dispute_count = fields.Integer(
        string='Open Disputes', compute='_compute_amounts', store=True)
    checked_by_id = fields.Many2one('res.users', string='Checked By', readonly=True,
                                    copy=False)
    invoice_id = fields.Many2one(
        'account.invoice', string='Service Fee Adjustment', readonly=True, copy=False,
        groups='account.group_account_invoice,oldparts_module.group_oldparts_user')
    note = fields.Text(string='Remarks')

    @api.depends('date_from')
    def _compute_date_to(self):
        for settlement in self:
            if settlement.date_from:
                start = fields.Date.from_string(settlement.date_from)
                settlement.date_to = fields.Date.to_string(
                    month_bounds(start.year, start.month)[1])
            else:
                settlement.date_to = False

    @api.depends('line_ids.amount', 'line_ids.dispute_state')
    def _compute_amounts(self):
        for settlement in self:
            amounts = settlement.line_ids.mapped('amount')
            settlement.amount_penalty = -sum(a for a in amounts if a < 0)
            settlement.amount_reward = sum(a for a in amounts if a > 0)
            settlement.amount_total = sum(amounts)
            settlement.dispute_count = len(settlement.line_ids.filtered(
                lambda l: l.dispute_state == 'disputed'))

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains('dealer_id', 'date_from', 'company_id', 'state')
    def _check_one_per_month(self):
        for settlement in self:
            if settlement.date_from and settlement.date_from[8:10] != '01':
                raise ValidationError(_(
                    'Settlement %(settlement)s: the month starts on its first day.') % {
                    'settlement': settlement.name})
            if not settlement.dealer_id.is_oldparts_dealer:
                raise ValidationError(_('%(dealer)s is not flagged as a dealer.') % {
                    'dealer': settlement.dealer_id.display_name})
            if settlement.state == 'cancel':
                continue
            other = self.sudo().search([
                ('id', '!=', settlement.id), ('dealer_id', '=', settlement.dealer_id.id),
                ('company_id', '=', settlement.company_id.id),
                ('date_from', '=', settlement.date_from), ('state', '!=', 'cancel')],
                limit=1)
            if other:
                raise ValidationError(_(
                    '%(dealer)s already has settlement %(other)s for this month.') % {
                    'dealer': settlement.dealer_id.display_name, 'other': other.name})

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def _oldparts_transitions(self):
        return {
            'action_compute': (('draft',), (SPECIALIST,), _('recompute')),
            'action_check': (('draft',), (SPECIALIST,), _('check')),
            'action_submit': (('checked',), (SPECIALIST,), _('submit')),
            'action_post': (('approved',), (FINANCE, SPECIALIST), _('post')),
            'action_cancel': (('draft', 'checked', 'submitted', 'approved'), (SPECIALIST,),
                              _('cancel')),
            'action_draft': (('checked', 'cancel'), (SPECIALIST,), _('reset to draft')),
        }

    @api.multi
    def action_compute(self):
        """Recompute the lines from the ledger: the same ledger gives the
        same lines; dispute decisions are kept."""
        self._check_transition('action_compute')
        self._compute_settlements()
        return True

    @api.multi
    def action_check(self):
        self._check_transition('action_check')
        for settlement in self:
            if settlement.dispute_count:
                raise UserError(_(
                    'Settlement %(settlement)s: answer the disputed lines first.') % {
                    'settlement': settlement.name})
            settlement._incentive_account()
            settlement._action_write({'state': 'checked', 'checked_by_id': self.env.uid})
        return True

    @api.multi
    def action_submit(self):
        """Ask for approval; with no step configured, approved at once."""
        self._check_transition('action_submit')
        for settlement in self._action_env():
            settlement.write({'state': 'submitted'})
            if settlement._approval_request():
                settlement._approval_done()
        return True

    @api.multi
    def action_post(self):
        """Book the adjustment of the dealer's service fee."""
        self._check_transition('action_post')
        for settlement in self.sudo():
            vals = {'state': 'posted'}
            if not float_is_zero(settlement.amount_total,
                                 precision_rounding=settlement.currency_id.rounding or 0.01):
                invoice = settlement._create_invoice()
                invoice.action_invoice_open()
                vals['invoice_id'] = invoice.id
            settlement._action_write(vals)
            settlement.message_post(body=_('Posted: %(amount)s') % {
                'amount': settlement.amount_total})
        return True

    @api.multi
    def action_view_invoice(self):
        action_xmlid = 'account.action_invoice_tree2'
        return self._oldparts_action_view(action_xmlid, self.sudo().invoice_id,
                                          'account.invoice_supplier_form')

    @api.multi
    def action_send(self):
        """The scorecard to the dealer, through Odoo's mail composer."""
        self.ensure_one()
        template = self.env.ref('oldparts_module.mail_template_oldparts_scorecard')
        compose_form = self.env.ref('mail.email_compose_message_wizard_form')
        return {
            'name': _('Send the Scorecard'),
            'type': 'ir.actions.act_window',
            'view_type': 'form',
            'view_mode': 'form',
            'res_model': 'mail.compose.message',
            'views': [(compose_form.id, 'form')],
            'view_id': compose_form.id,
            'target': 'new',
            'context': {
                'default_model': self._name,
                'default_res_id': self.id,
                'default_use_template': True,
                'default_template_id': template.id,
                'default_composition_mode': 'comment',
            },
        }

    @api.multi
    def action_print_scorecard(self):
        return self.env.ref('oldparts_module.action_report_oldparts_scorecard').report_action(self)

    # ------------------------------------------------------------------
    # Approval (oldparts.approval.mixin)
    # ------------------------------------------------------------------
    def _approval_amount(self):
        return abs(self.amount_total)

    def _approval_done(self):
        for settlement in self.sudo():
            if settlement.state == 'submitted':
                settlement._action_write({'state': 'approved'})

    def _approval_refused(self, reason):
        """Back to draft: the specialist recomputes or corrects, the reason
        is in the chatter."""
        self.sudo()._action_write({'state': 'draft'})

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    def _cutoff(self, today=None):
        self.ensure_one()
        today = today or fields.Date.from_string(fields.Date.context_today(self))
        return min(fields.Date.from_string(self.date_to), today)

    @api.model
    def _rule_dicts(self, company, until):
        rules = self.env['oldparts.incentive.rule'].sudo().search([
            ('company_id', '=', company.id), ('date_from', '<=', until)])
        return [{
            'id': r.id, 'kind': r.kind, 'applies_to': r.applies_to, 'amount': r.amount,
            'cap': r.cap, 'days': r.days, 'threshold': r.threshold,
            'min_parts': r.min_parts, 'date_from': compute.to_date(r.date_from),
            'date_to': compute.to_date(r.date_to)} for r in rules]

    @api.model
    def _part_dicts(self, company, dealers, until):
        """The dealers' parts of the company recorded by ``until``, their
        columns read in one query (a national ledger: 100,000 parts, which
        the ORM's read takes 15 s to convert), grouped by dealer."""
        parts = self.env['oldparts.part'].sudo().search([
            ('company_id', '=', company.id), ('dealer_id', 'in', dealers.ids),
            ('replacement_date', '<=', fields.Date.to_string(until)),
            ('state', '!=', 'cancel')])
        by_dealer = {}
        for row in parts._read_columns(PART_FIELDS + ['dealer_id']):
            for fname in PART_DATES:
                row[fname] = compute.to_date(row[fname])
            row['engineer_id'] = row['engineer_id'] or False
            by_dealer.setdefault(row['dealer_id'], []).append(row)
        return by_dealer

    def _counted_dicts(self):
        """What the other non-cancelled settlements of the dealers counted."""
        rows = self.env['oldparts.settlement.line'].sudo().search_read([
            ('settlement_id', 'not in', self.ids),
            ('settlement_id.state', '!=', 'cancel'),
            ('company_id', 'in', self.mapped('company_id').ids),
            ('dealer_id', 'in', self.mapped('dealer_id').ids)],
            ['dealer_id', 'part_id', 'rule_id', 'kind', 'beneficiary', 'engineer_id',
             'date_from', 'date_to', 'amount'])
        by_dealer = {}
        for row in rows:
            by_dealer.setdefault(row['dealer_id'][0], []).append({
                'part_id': row['part_id'] and row['part_id'][0],
                'rule_id': row['rule_id'] and row['rule_id'][0],
                'kind': row['kind'], 'beneficiary': row['beneficiary'],
                'engineer_id': row['engineer_id'] and row['engineer_id'][0],
                'date_from': compute.to_date(row['date_from']),
                'date_to': compute.to_date(row['date_to']), 'amount': row['amount']})
        return by_dealer

    def _compute_settlements(self):
        """Compute the lines of the settlements (drafts of one month or
        several), reading the ledger once per company and month."""
        Line = self.env['oldparts.settlement.line'].sudo()
        for (company, date_from), settlements in self._group_by_company_month().items():
            month_start = compute.to_date(date_from)
            month_end = compute.to_date(settlements[0].date_to)
            cutoff = settlements[0]._cutoff()
            rules = self._rule_dicts(company, fields.Date.to_string(cutoff))
            parts = self._part_dicts(company, settlements.mapped('dealer_id'), cutoff)
            counted = settlements._counted_dicts()
            rounding = company.currency_id.rounding or 0.01
            # the answers to disputes survive the recomputation
            kept = {}
            for row in Line.search_read([('settlement_id', 'in', settlements.ids),
                                         ('dispute_state', '!=', 'none')],
                                        ['settlement_id', 'part_id', 'rule_id', 'beneficiary',
                                         'engineer_id', 'date_from', 'dispute_state',
                                         'dispute_reason', 'dispute_answer']):
                key = (row['part_id'] and row['part_id'][0], row['rule_id'][0],
                       row['beneficiary'], row['engineer_id'] and row['engineer_id'][0],
                       row['date_from'])
                kept.setdefault(row['settlement_id'][0], {})[key] = Line._dispute_values_of(row)
            Line.search([('settlement_id', 'in', settlements.ids)])._action_env().unlink()
            lines = []
            for settlement in settlements:
                dealer = settlement.dealer_id.id
                values = compute.settlement_lines(
                    parts.get(dealer, []), rules, counted.get(dealer, []),
                    month_start, month_end, cutoff, rounding)
                answers = kept.get(settlement.id, {})
                for vals in values:
                    vals = dict(vals, settlement_id=settlement.id,
                                company_id=settlement.company_id.id, dealer_id=dealer,
                                date_from=fields.Date.to_string(vals['date_from']),
                                date_to=fields.Date.to_string(vals['date_to']))
                    vals.update(answers.get(Line._dispute_key_of(vals), {}))
                    lines.append(vals)
            Line._insert_lines(lines)
            settlements._action_write({'cutoff_date': fields.Date.to_string(cutoff)})

    def _group_by_company_month(self):
        groups = {}
        for settlement in self:
            key = (settlement.company_id, settlement.date_from)
            groups[key] = groups.get(key, self.browse()) | settlement
        return groups

    @api.model
    def _generate(self, company, year, month, dealers=None):
        """Draft settlements of the month for the dealers (every dealer with
        parts in the company when none given), computed; a dealer's existing
        draft is recomputed, a settlement past draft is left as it is."""
        start, _end = month_bounds(year, month)
        if dealers is None:
            groups = self.env['oldparts.part'].sudo().read_group(
                [('company_id', '=', company.id)], ['dealer_id'], ['dealer_id'])
            dealers = self.env['res.partner'].browse(
                [group['dealer_id'][0] for group in groups if group['dealer_id']])
        existing = self.sudo().search([
            ('company_id', '=', company.id), ('dealer_id', 'in', dealers.ids),
            ('date_from', '=', fields.Date.to_string(start)), ('state', '!=', 'cancel')])
        drafts = existing.filtered(lambda s: s.state == 'draft')
        missing = dealers - existing.mapped('dealer_id')
        # the month's drafts of every dealer are created together: their
        # computed fields computed together once their lines exist, and no
        # creation message each (two chatter messages and a computation a
        # draft were most of the time of 200 drafts): their history starts
        # when they are checked
        Create = self.with_context(mail_create_nolog=True, mail_create_nosubscribe=True,
                                   mail_notrack=True, recompute=False)
        for dealer in missing:
            drafts |= Create.create({
                'company_id': company.id, 'dealer_id': dealer.id,
                'date_from': fields.Date.to_string(start)})
        drafts._compute_settlements()
        return drafts | existing

    @api.model
    def _cron_generate_monthly(self):
        """On the first days of a month: the drafts of the month before, for
        every company (only dealers with something to settle are kept)."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        for company in self.env['res.company'].sudo().search([]):
            settlements = self.sudo()._generate(company, year, month)
            settlements.filtered(lambda s: s.state == 'draft' and not s.line_ids).unlink()
        return True

    # ------------------------------------------------------------------
    # Posting
    # ------------------------------------------------------------------
    def _incentive_account(self):
        return self._oldparts_company_account('oldparts_incentive_account_id', _(
            'Set the service fee account for old-part incentives of company '
            '%(company)s first (Settings > Companies > Old Parts).'))

    def _incentive_journal(self):
        self.ensure_one()
        return self.company_id.oldparts_incentive_journal_id or \
            self._oldparts_company_journal('purchase', _(
                'Company %(company)s has no purchase journal for the service fee '
                'adjustments.'))

    def _prepare_invoice_values(self):
        """A vendor bill for a net reward, a vendor refund for a net penalty;
        one line per rule and beneficiary."""
        self.ensure_one()
        refund = float_compare(self.amount_total, 0.0,
                               precision_rounding=self.currency_id.rounding or 0.01) < 0
        sign = -1.0 if refund else 1.0
        dealer = self.dealer_id.with_context(force_company=self.company_id.id)
        grouped = {}
        for line in self.line_ids:
            key = (line.rule_id, line.engineer_id)
            grouped[key] = grouped.get(key, 0.0) + line.amount
        account = self._incentive_account()
        invoice_lines = []
        for (rule, engineer), amount in sorted(grouped.items(), key=lambda i: (
                i[0][0].id, i[0][1].id)):
            if float_is_zero(amount, precision_rounding=self.currency_id.rounding or 0.01):
                continue
            label = '%s %s' % (self.name, rule.name)
            if engineer:
                label = _('%(label)s (engineer %(engineer)s)') % {
                    'label': label, 'engineer': engineer.name}
            invoice_lines.append((0, 0, {
                'name': label, 'account_id': account.id, 'quantity': 1.0,
                'price_unit': sign * amount}))
        return {
            'type': 'in_refund' if refund else 'in_invoice',
            'partner_id': self.dealer_id.id,
            'company_id': self.company_id.id,
            'journal_id': self._incentive_journal().id,
            'currency_id': self.currency_id.id,
            'account_id': dealer.property_account_payable_id.id,
            'date_invoice': self.date_to,
            'origin': self.name,
            'reference': self.name,
            'oldparts_settlement_id': self.id,
            'invoice_line_ids': invoice_lines,
        }

    def _create_invoice(self):
        self.ensure_one()
        vals = self._prepare_invoice_values()
        return self.env['account.invoice'].sudo().with_context(
            type=vals['type'], company_id=self.company_id.id).create(vals)

    # ------------------------------------------------------------------
    # Scorecard
    # ------------------------------------------------------------------
    def _scorecard_lang(self):
        """The reader's language: the printing user's when they are of the
        dealer, else the dealer's."""
        self.ensure_one()
        user = self.env.user
        if user.oldparts_dealer_id == self.dealer_id or not self.dealer_id.lang:
            return user.lang
        return self.dealer_id.lang

    def _scorecard_values(self):
        """The dealer's KPIs of the month, from the ledger."""
        self.ensure_one()
        start = compute.to_date(self.date_from)
        end = compute.to_date(self.date_to)
        cutoff = self._cutoff()
        Part = self.env['oldparts.part'].sudo()
        parts = Part.search_read([
            ('company_id', '=', self.company_id.id), ('dealer_id', '=', self.dealer_id.id),
            ('state', '!=', 'cancel')], PART_FIELDS + ['delay_days'])
        for row in parts:
            for fname in PART_DATES:
                row[fname] = compute.to_date(row[fname])
        due, ontime = compute.ontime_stats(parts, start, end, cutoff)
        handed = [p for p in parts if p['handover_date'] and start <= p['handover_date'] <= end]
        delays = [max(0, (p['handover_date'] - compute.delay_base(p)).days)
                  for p in handed if compute.delay_base(p)]
        types = {}
        for p in parts:
            if p['replacement_date'] and start <= p['replacement_date'] <= end \
                    and p['disposal_type']:
                types[p['disposal_type']] = types.get(p['disposal_type'], 0) + 1
        labels = dict(Part._fields['disposal_type']._description_selection(self.env))
        overdue = Part.search([
            ('company_id', '=', self.company_id.id), ('dealer_id', '=', self.dealer_id.id),
            ('is_overdue', '=', True)], order='required_handover_date', limit=12)
        return {
            'due': due,
            'ontime': ontime,
            'ontime_rate': round(100.0 * ontime / due, 1) if due else 0.0,
            'handed_over': len(handed),
            'average_delay': round(sum(delays) / len(delays), 1) if delays else 0.0,
            'overdue_count': Part.search_count([
                ('company_id', '=', self.company_id.id),
                ('dealer_id', '=', self.dealer_id.id), ('is_overdue', '=', True)]),
            'overdue_parts': overdue,
            'disposal_types': [(labels[k], v) for k, v in sorted(types.items())],
        }

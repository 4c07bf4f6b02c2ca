# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date, timedelta

import xlsxwriter

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from .oldparts_document_mixin import in_action
from .oldparts_incentive_compute import to_date

# what the delays of a part are computed from (see delay_values)
DELAY_FIELDS = ['required_handover_date', 'reply_date', 'reply_reason', 'handover_date', 'state']


def delay_base_date(part):
    """The date delays count from: the required date, or the replied date
    when the engineer gave a reason for a later hand-over. ``part``: a
    record or a dict of its DELAY_FIELDS (dates as strings)."""
    base = part['required_handover_date']
    if part['reply_date'] and part['reply_reason'] and base and part['reply_date'] > base:
        base = part['reply_date']
    return base


def delay_values(part, today):
    """(delay days, overdue) on ``today`` (a date) of ``part`` (a record
    or a dict of its DELAY_FIELDS): the days from the base date to the
    hand-over, or to today while the part is not handed over."""
    base = delay_base_date(part)
    if not base or part['state'] == 'cancel':
        return 0, False
    handover = part['handover_date']
    end = to_date(handover) if handover else today
    days = max(0, (end - to_date(base)).days)
    return days, not handover and days > 0

DISPOSAL_TYPES = [
    ('return', 'Return to Company'),
    ('local_sale', 'Local Sale'),
    ('destroy', 'Local Destruction'),
    ('gift', 'Gift'),
]
PART_CATEGORIES = [
    ('electrical', 'Electrical'),
    ('chassis', 'Chassis'),
    ('structural', 'Structural'),
    ('hydraulic', 'Hydraulic'),
    ('other', 'Other'),
]
RESPONSIBILITIES = [
    ('supplier', 'Supplier'),
    ('company', 'Company'),
    ('dealer', 'Dealer'),
    ('customer', 'Customer (misuse)'),
    ('undetermined', 'Undetermined'),
]
STATES = [
    ('draft', 'Draft'),
    ('classified', 'Classified'),
    ('handed_over', 'Handed Over'),
    ('in_return', 'In Return'),
    ('in_local_disposal', 'In Local Disposal'),
    ('received', 'Received at HQ'),
    ('responsibility_determined', 'Responsibility Determined'),
    ('disposed', 'Disposed'),
    ('written_off', 'Written Off'),
    ('cancel', 'Cancelled'),
]
# The disposal type is decided; it can no longer change from these states on.
LOCKED_TYPE_STATES = ('in_return', 'received', 'responsibility_determined', 'disposed')
# From the hand-over on, the part's stock move was made from what was
# recorded: the record is fixed (read-only by its declaration, which the
# web client shows and write() enforces).
HANDED_OVER_STATES = ('handed_over', 'in_return', 'in_local_disposal', 'received',
                      'responsibility_determined', 'disposed', 'written_off', 'cancel')
LOCKED_AFTER_HANDOVER = {state: [('readonly', True)] for state in HANDED_OVER_STATES}
SPECIALIST = 'oldparts_module.group_oldparts_specialist'
MATERIALS = 'oldparts_module.group_oldparts_materials'
DEALER = 'oldparts_module.group_oldparts_dealer'
PORTAL = 'oldparts_module.group_oldparts_portal'


# Portal: the hand-over is still to be made in these states; within this
# many days of the required date a part shows as urgent.
TO_HAND_OVER_STATES = ('draft', 'classified')
URGENT_DAYS = 2


class OldpartsPart(models.Model):
    """One failed part replaced in after-sales service (旧件), from the
    replacement to its final disposal."""
    _name = 'oldparts.part'
    _description = 'Old Part'
    _sequence_code = 'oldparts.part'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'oldparts.document.mixin',
                'oldparts.portal.mixin']
    _oldparts_portal_path = 'part'
    # readers post in the chatter: the dealer's engineer (portal, read only)
    # and the specialist talk in one place
    _mail_post_access = 'read'
    _order = 'replacement_date desc, id desc'

    state = fields.Selection(
        STATES, string='Status', required=True, readonly=True, copy=False,
        default='draft', index=True, track_visibility='onchange',
        group_expand='_expand_states',
        help="Draft: recorded by the engineer. Classified: disposal type confirmed. "
             "Handed over: the engineer gave the part to the field warehouse keeper. "
             "In return / In local disposal: shipped to HQ, or being sold, destroyed "
             "or given away locally. Received: arrived at the HQ old-part warehouse. "
             "Responsibility determined: who is responsible is decided. "
             "Disposed: final disposal done.")

    company_id = fields.Many2one(
        states={'draft': [('readonly', False)], 'classified': [('readonly', False)]})

    # --- replacement (附件三 旧件返司进度汇报表) -------------------------------
    dealer_id = fields.Many2one(
        'res.partner', string='Dealer', required=True, index=True,
        domain=[('is_oldparts_dealer', '=', True)], track_visibility='onchange',
        default=lambda self: self.env.user.oldparts_dealer_id,
        states=LOCKED_AFTER_HANDOVER)
    engineer_id = fields.Many2one(
        'res.users', string='Applicant (Engineer)', index=True,
        default=lambda self: self.env.user, track_visibility='onchange',
        help='Applicant: the engineer who replaced the part and must hand it over.',
        states=LOCKED_AFTER_HANDOVER)
    state_id = fields.Many2one(
        'res.country.state', string='Region', index=True,
        help='Province where the part was replaced.')
    work_order_ref = fields.Char(
        string='Approval / Work Order No.', index=True,
        help='Approval number = dispatch (work) order number.')
    equipment_ref = fields.Char(
        string='Equipment No.', index=True, help="The machine's vehicle code.")
    product_id = fields.Many2one(
        'product.product', string='Material Code', required=True, index=True,
        help='Material code of the replaced part.',
        states=LOCKED_AFTER_HANDOVER)
    lot_name = fields.Char(
        string='Serial / Lot of the Failed Part', states=LOCKED_AFTER_HANDOVER)
    quantity = fields.Float(
        string='Quantity', required=True, default=1.0,
        digits=dp.get_precision('Product Unit of Measure'),
        states=LOCKED_AFTER_HANDOVER)
    price_unit = fields.Monetary(
        string='Unit Price', currency_field='currency_id', states=LOCKED_AFTER_HANDOVER)
    amount_total = fields.Monetary(
        string='Total', compute='_compute_amount_total', store=True,
        currency_field='currency_id')
    failure_reason = fields.Text(string='Old-Part Problem', help='Why the part was replaced.')
    request_date = fields.Date(string='Application Date', index=True)
    replacement_date = fields.Date(
        string='Completion Date', required=True, index=True,
        default=fields.Date.context_today,
        help='Date the engineer finished the replacement.',
        states=LOCKED_AFTER_HANDOVER)
    required_handover_date = fields.Date(
        string='Required Hand-over Date', compute='_compute_required_handover_date',
        store=True, index=True,
        help='Completion date + the hand-over period of the company (7 days).')
    reply_date = fields.Date(
        string='Reply Date',
        help='Hand-over date the engineer promised the field warehouse keeper.',
        states=LOCKED_AFTER_HANDOVER)
    reply_reason = fields.Text(
        string='Reason for Late Reply',
        help='Required when the promised date is after the required hand-over date.',
        states=LOCKED_AFTER_HANDOVER)
    handover_date = fields.Date(
        string='Hand-over Date', index=True, track_visibility='onchange', copy=False,
        readonly=True, states={'classified': [('readonly', False)]},
        help='Date the engineer handed the part to the field warehouse keeper.')
    shipped_date = fields.Date(
        string='Shipped Date', index=True, track_visibility='onchange', readonly=True, copy=False,
        help='Set when the return shipment carrying the part is shipped.')
    delay_days = fields.Integer(
        string='Delay Days', compute='_compute_delay_days', store=True,
        help='Days past the required date (or past the replied date when a reason '
             'was given) until hand-over, or until today while outstanding. '
             'Refreshed daily by the scheduled job.')
    is_overdue = fields.Boolean(
        string='Hand-over Overdue', compute='_compute_delay_days', store=True, index=True)
    note = fields.Text(string='Remarks')

    # --- disposal type (section 2) ---------------------------------------------
    has_claim_value = fields.Boolean(string='Has Warranty-Claim Value',
        states=LOCKED_AFTER_HANDOVER)
    is_reusable = fields.Boolean(string='Reusable',
        states=LOCKED_AFTER_HANDOVER)
    rectification_required = fields.Boolean(
        string='Technical Rectification Requires Return',
        states=LOCKED_AFTER_HANDOVER)
    return_requested = fields.Boolean(
        string='Company Asks for It Back', default=True,
        states=LOCKED_AFTER_HANDOVER)
    estimated_return_cost = fields.Monetary(
        string='Estimated Return Freight', currency_field='currency_id',
        states=LOCKED_AFTER_HANDOVER)
    reuse_value = fields.Monetary(string='Reuse Value', currency_field='currency_id',
        states=LOCKED_AFTER_HANDOVER)
    scrap_value = fields.Monetary(
        string='Estimated Scrap Value', currency_field='currency_id',
        states=LOCKED_AFTER_HANDOVER)
    proposed_disposal_type = fields.Selection(
        DISPOSAL_TYPES, string='Proposed Disposal Type',
        compute='_compute_proposed_disposal_type', store=True,
        help='Proposed from the criteria per section 2 of the regulation.')
    disposal_type = fields.Selection(
        DISPOSAL_TYPES, string='Disposal Type', index=True, copy=False,
        track_visibility='onchange',
        states={state: [('readonly', True)] for state in LOCKED_TYPE_STATES + (
            'in_local_disposal', 'written_off', 'cancel')})
    disposal_override_reason = fields.Text(
        string='Reason for Overriding the Proposal', copy=False,
        states={state: [('readonly', True)] for state in LOCKED_TYPE_STATES + (
            'in_local_disposal', 'written_off', 'cancel')})
    can_classify = fields.Boolean(
        compute='_compute_can_classify',
        help='The current user is an old-parts specialist: the form lets them '
             'choose the disposal type.')
    next_step = fields.Char(
        compute='_compute_next_step', string='Next Step',
        help='What happens next, and who does it.')
    classified_by_id = fields.Many2one(
        'res.users', string='Classified By', readonly=True, copy=False)
    return_required = fields.Boolean(
        string='Must Return to Company?', compute='_compute_return_required',
        store=True, index=True)

    # --- responsibility (section 5) ---------------------------------------------
    origin = fields.Selection(
        [('domestic', 'Domestic'), ('imported', 'Imported')],
        string='Origin', default='domestic', required=True,
        states=LOCKED_AFTER_HANDOVER)
    is_critical = fields.Boolean(string='Critical Part',
        states=LOCKED_AFTER_HANDOVER)
    analysis_abroad = fields.Boolean(string='Analysed Abroad',
        states=LOCKED_AFTER_HANDOVER)
    part_category = fields.Selection(PART_CATEGORIES, string='Part Category', default='other',
        states=LOCKED_AFTER_HANDOVER)
    review_date = fields.Date(
        string='Review Date', track_visibility='onchange',
        states={state: [('readonly', True)] for state in (
            'responsibility_determined', 'disposed', 'written_off', 'cancel')})
    responsibility_days = fields.Integer(
        string='Days to Determine Responsibility',
        compute='_compute_responsibility_deadline', store=True)
    responsibility_deadline = fields.Date(
        string='Responsibility Deadline', compute='_compute_responsibility_deadline',
        store=True, index=True)
    responsibility = fields.Selection(
        RESPONSIBILITIES, string='Responsibility', track_visibility='onchange', copy=False,
        readonly=True, states={'received': [('readonly', False)],
                               'in_return': [('readonly', False)]})
    responsibility_date = fields.Date(
        string='Responsibility Determined On', copy=False,
        readonly=True, states={'received': [('readonly', False)]})
    supplier_id = fields.Many2one(
        'res.partner', string='Supplier',
        states={state: [('readonly', True)] for state in (
            'responsibility_determined', 'disposed', 'written_off', 'cancel')})
    missing_reason = fields.Text(
        string='Missing-Part Resolution', copy=False, readonly=True,
        states={'in_return': [('readonly', False)]},
        help='For a part not found at the HQ receipt: what happened to it. '
             'Required to write it off.')
    live_document_ref = fields.Char(
        string='Open Document', readonly=True, copy=False, index=True,
        help='The one open document (return shipment, sale application, scrap '
             'sign-off or disposal form) the part is on.')

    # --- after receipt at HQ (附件八 旧件回司处置单) ------------------------------
    hq_decision = fields.Selection(readonly=True, selection=[
        ('reuse', 'Reuse'),
        ('refurbish', 'Refurbish'),
        ('claim', 'Claim against Supplier'),
        ('scrap', 'Scrap'),
        ('sell', 'Sell'),
    ], string='HQ Disposal Decision', copy=False, track_visibility='onchange',
        help='Set by the approved returned-part disposal form.')

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.model
    def _expand_states(self, states, domain, order):
        """Kanban columns in the order of the process."""
        return [key for key, _label in STATES]

    def _compute_can_classify(self):
        can = self._is_specialist()
        for part in self:
            part.can_classify = can

    @api.depends('state', 'disposal_type')
    def _compute_next_step(self):
        for part in self:
            part.next_step = part._next_step_text()

    def _next_step_text(self):
        """One sentence on the form: what happens next, and who does it."""
        self.ensure_one()
        if self.state == 'draft':
            return _('Next: the old-parts specialist checks the criteria and '
                     'confirms the disposal type.')
        if self.state == 'classified':
            return _('Next: the engineer hands the part over to the field warehouse '
                     'keeper (Hand Over; set the hand-over date first if it was not today).')
        if self.state == 'handed_over' and self.disposal_type == 'return':
            return _('Next: the keeper packs the part on a return shipment and ships '
                     'it to HQ (New Return Shipment).')
        if self.state == 'handed_over':
            return _('Next: the dealer applies for its local disposal: a sale '
                     'application, or a scrap sign-off for destruction or gift.')
        if self.state == 'in_return':
            return _('Next: HQ materials management validates the return picking '
                     'when the boxes arrive.')
        if self.state == 'received':
            return _('Next: the specialist records who is responsible (Responsibility '
                     'tab) and presses Determine Responsibility.')
        if self.state == 'responsibility_determined':
            return _('Next: a returned-part disposal form decides what becomes of '
                     'the part.')
        if self.state == 'in_local_disposal':
            return _('Next: the approved sale application or scrap sign-off '
                     'completes the disposal.')
        return False

    @api.depends('quantity', 'price_unit', 'currency_id')
    def _compute_amount_total(self):
        for part in self:
            amount = part.quantity * part.price_unit
            part.amount_total = part.currency_id.round(amount) if part.currency_id else amount

    @api.depends('replacement_date', 'company_id.oldparts_handover_days')
    def _compute_required_handover_date(self):
        for part in self:
            if part.replacement_date:
                days = part.company_id.with_context(prefetch_fields=False).oldparts_handover_days
                part.required_handover_date = fields.Date.to_string(
                    fields.Date.from_string(part.replacement_date) + timedelta(days=days))
            else:
                part.required_handover_date = False

    def _delay_base_date(self):
        """The date delays count from: the required date, or the replied date
        when the engineer gave a reason for a later hand-over."""
        self.ensure_one()
        return delay_base_date(self)

    @api.depends('required_handover_date', 'reply_date', 'reply_reason',
                 'handover_date', 'state')
    def _compute_delay_days(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        for part in self:
            part.delay_days, part.is_overdue = part._delay_values(today)

    def _delay_values(self, today):
        """(delay days, overdue) of the part on ``today`` (a date)."""
        self.ensure_one()
        return delay_values(self, today)

    @api.depends('has_claim_value', 'is_reusable', 'rectification_required',
                 'return_requested', 'estimated_return_cost', 'reuse_value',
                 'scrap_value', 'company_id.oldparts_gift_value_limit')
    def _compute_proposed_disposal_type(self):
        for part in self:
            part.proposed_disposal_type = part._propose_disposal_type()

    def _propose_disposal_type(self):
        """Section 2 of the regulation: return what has claim value, is needed
        for a technical rectification, or is reusable and worth the freight;
        sell locally what has scrap value; give away what has little; destroy
        what has none."""
        self.ensure_one()
        rounding = self.currency_id.rounding or 0.01
        if self.has_claim_value or self.rectification_required:
            return 'return'
        if self.is_reusable and self.return_requested and float_compare(
                self.estimated_return_cost, self.reuse_value,
                precision_rounding=rounding) <= 0:
            return 'return'
        if float_compare(self.scrap_value, 0.0, precision_rounding=rounding) <= 0:
            return 'destroy'
        if float_compare(self.scrap_value, self.company_id.oldparts_gift_value_limit,
                         precision_rounding=rounding) < 0:
            return 'gift'
        return 'local_sale'

    @api.depends('disposal_type')
    def _compute_return_required(self):
        for part in self:
            part.return_required = part.disposal_type == 'return'

    @api.depends('review_date', 'origin', 'is_critical', 'analysis_abroad', 'company_id')
    def _compute_responsibility_deadline(self):
        Rule = self.env['oldparts.responsibility.rule']
        for part in self:
            rule = Rule._find_for_part(part)
            part.responsibility_days = rule.days if rule else 0
            if part.review_date and rule:
                part.responsibility_deadline = fields.Date.to_string(
                    fields.Date.from_string(part.review_date) + timedelta(days=rule.days))
            else:
                part.responsibility_deadline = False

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains('quantity', 'price_unit')
    def _check_quantity_price(self):
        for part in self:
            # only the unit's rounding is read (not every column of the product)
            uom = part.product_id.with_context(prefetch_fields=False).uom_id
            if float_compare(part.quantity, 0.0, precision_rounding=uom.rounding or 0.001) <= 0:
                raise ValidationError(_(
                    'The quantity of old part %(part)s must be greater than zero.') % {
                    'part': part.name,
                })
            if float_compare(part.price_unit, 0.0, precision_rounding=part.currency_id.rounding or 0.01) < 0:
                raise ValidationError(_(
                    'The unit price of old part %(part)s cannot be negative.') % {
                    'part': part.name,
                })

    @api.constrains('replacement_date', 'handover_date', 'shipped_date')
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for part in self:
            if part.replacement_date and part.replacement_date > today:
                raise ValidationError(_(
                    'The completion date of old part %(part)s cannot be in the future.') % {
                    'part': part.name,
                })
            if part.handover_date and part.replacement_date \
                    and part.handover_date < part.replacement_date:
                raise ValidationError(_(
                    'Old part %(part)s cannot be handed over before it was replaced.') % {
                    'part': part.name,
                })
            if part.shipped_date and (not part.handover_date
                                      or part.shipped_date < part.handover_date):
                raise ValidationError(_(
                    'Old part %(part)s cannot be shipped before it was handed over.') % {
                    'part': part.name,
                })

    @api.constrains('reply_date', 'reply_reason', 'required_handover_date')
    def _check_reply_reason(self):
        for part in self:
            if part.reply_date and part.required_handover_date \
                    and part.reply_date > part.required_handover_date \
                    and not (part.reply_reason or '').strip():
                raise ValidationError(_(
                    'Old part %(part)s: a reply date after the required hand-over date '
                    'needs a reason.') % {'part': part.name})

    @api.constrains('disposal_type', 'proposed_disposal_type', 'disposal_override_reason')
    def _check_disposal_override(self):
        for part in self:
            if part.disposal_type and part.proposed_disposal_type \
                    and part.disposal_type != part.proposed_disposal_type \
                    and not (part.disposal_override_reason or '').strip():
                raise ValidationError(_(
                    'Old part %(part)s: choosing another disposal type than the proposed '
                    'one needs a reason.') % {'part': part.name})

    @api.constrains('dealer_id')
    def _check_dealer(self):
        self._oldparts_check_dealer_flag()

    @api.constrains('engineer_id', 'dealer_id')
    def _check_engineer_dealer(self):
        """The applicant is an engineer of the part's dealer (or company
        staff recording on the dealer's behalf)."""
        for part in self:
            dealer = part.engineer_id.sudo().oldparts_dealer_id
            if dealer and dealer != part.dealer_id:
                raise ValidationError(_(
                    'Old part %(part)s: %(engineer)s is an engineer of %(other)s, '
                    'not of %(dealer)s.') % {
                    'part': part.name, 'engineer': part.engineer_id.name,
                    'other': dealer.name, 'dealer': part.dealer_id.name})

    @api.constrains('responsibility', 'supplier_id')
    def _check_supplier_responsibility(self):
        for part in self:
            if part.responsibility == 'supplier' and not part.supplier_id:
                raise ValidationError(_(
                    'Old part %(part)s: name the supplier held responsible.') % {
                    'part': part.name,
                })

    @api.onchange('dealer_id')
    def _onchange_dealer_id(self):
        if self.dealer_id.state_id and not self.state_id:
            self.state_id = self.dealer_id.state_id

    @api.onchange('product_id')
    def _onchange_product_id(self):
        if self.product_id and not self.price_unit:
            self.price_unit = self.product_id.standard_price

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_cr
    def init(self):
        """Partial indexes for what the ledger filters on at scale (100,000
        parts, a few thousand still open): the default list (filter Open,
        default order, then its count) and the daily job's outstanding parts.
        The predicates are written as the ORM writes the domains (``not in``
        comes with ``OR ... IS NULL``), so that PostgreSQL can use them.

        Pages filled to 90 %: the daily job rewrites the delay of every
        overdue part; with room on the page (and no indexed column changed)
        PostgreSQL updates the row in place (HOT), without a new entry in
        each of the table's twenty indexes."""
        self.env.cr.execute("ALTER TABLE oldparts_part SET (fillfactor = 90)")
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS oldparts_part_open_index
                ON oldparts_part (replacement_date DESC, id DESC)
             WHERE ((state NOT IN ('disposed', 'cancel')) OR state IS NULL)""")
        # the list's count under the company rule, from the index alone
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS oldparts_part_open_company_index
                ON oldparts_part (company_id)
             WHERE ((state NOT IN ('disposed', 'cancel')) OR state IS NULL)""")
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS oldparts_part_outstanding_index
                ON oldparts_part (required_handover_date)
             WHERE handover_date IS NULL AND state IN ('draft', 'classified')""")

    @api.model
    def create(self, vals):
        self._check_disposal_rights(vals)
        self._check_dealer_scope(vals.get('dealer_id') or self.env.user.oldparts_dealer_id.id)
        part = super(OldpartsPart, self).create(vals)
        part._schedule_late_reply_activity()
        return part

    @api.multi
    def write(self, vals):
        self._check_disposal_rights(vals)
        if 'dealer_id' in vals:
            self._check_dealer_scope(vals['dealer_id'])
        res = super(OldpartsPart, self).write(vals)
        if 'reply_date' in vals or 'reply_reason' in vals:
            self._schedule_late_reply_activity()
        return res

    @api.multi
    def unlink(self):
        if self.filtered(lambda p: p.state != 'draft'):
            raise UserError(_('Only draft old parts can be deleted; cancel the others.'))
        return super(OldpartsPart, self).unlink()

    @api.model
    def _check_disposal_rights(self, vals):
        """Only the specialist chooses the type. The web client sends every
        field of the form on create, empty ones as False: an empty type or
        reason is no choice. On write, only a value that differs from the
        record's is a choice."""
        if self._is_specialist() or in_action(self.env):
            return
        chosen = {f: vals[f] for f in ('disposal_type', 'disposal_override_reason')
                  if f in vals and vals[f]}
        if self:
            chosen = {f: v for f, v in chosen.items()
                      if any(part[f] != v for part in self)}
            if 'disposal_type' in vals and not vals['disposal_type'] \
                    and any(self.mapped('disposal_type')):
                chosen['disposal_type'] = False
        if chosen:
            raise UserError(_('Only the old-parts specialist decides the disposal type.'))

    @api.model
    def _check_dealer_scope(self, dealer_id):
        """Dealer-side users record parts for their own dealer only; said
        clearly here rather than as a record-rule failure after the fact."""
        user = self.env.user
        if self.env.uid == SUPERUSER_ID or user.has_group('oldparts_module.group_oldparts_user') \
                or not user.has_group('oldparts_module.group_oldparts_dealer'):
            return
        if not dealer_id or dealer_id != user.oldparts_dealer_id.id:
            raise AccessError(_(
                'You can only record old parts of your own dealer (%(dealer)s).') % {
                'dealer': user.oldparts_dealer_id.display_name or '-',
            })

    def _is_specialist(self):
        return self.env.uid == SUPERUSER_ID or self.env.user.has_group(
            'oldparts_module.group_oldparts_specialist')

    # ------------------------------------------------------------------
    # Actions (the only way the state moves)
    # ------------------------------------------------------------------
    def _oldparts_transitions(self):
        """The ledger's state machine. The steps a document takes for the
        part (ship, start local disposal, receive, dispose) are private
        ``_action_*`` methods: only the document's own action moves them."""
        return {
            'action_classify': (('draft',), (SPECIALIST,), _('classify')),
            'action_hand_over': (('classified',), (DEALER, PORTAL, SPECIALIST), _('hand over')),
            '_action_ship': (('handed_over',), (), _('ship')),
            '_action_start_local_disposal': (
                ('handed_over',), (), _('start the local disposal')),
            '_action_receive': (('in_return',), (), _('receive')),
            'action_found': (('in_return',), (MATERIALS, SPECIALIST),
                             _('record as found')),
            'action_write_off': (('in_return',), (SPECIALIST,), _('write off')),
            'action_determine_responsibility': (
                ('received',), (SPECIALIST,), _('determine the responsibility')),
            '_action_dispose': (('responsibility_determined', 'in_local_disposal'), (),
                                _('dispose of')),
            '_action_undo_disposal': (('disposed',), (), _('undo the disposal')),
            'action_cancel': (('draft', 'classified', 'handed_over'), (SPECIALIST,),
                              _('cancel')),
            'action_draft': (('cancel',), (SPECIALIST,), _('reset to draft')),
        }

    @api.multi
    def action_classify(self):
        """The specialist confirms the proposed disposal type, or overrides
        it with a reason."""
        self._check_transition('action_classify')
        for part in self:
            vals = {'state': 'classified', 'classified_by_id': self.env.uid}
            if not part.disposal_type:
                vals['disposal_type'] = part.proposed_disposal_type
            part._action_write(vals)
        return True

    @api.multi
    def action_hand_over(self):
        """The engineer hands the part to the field warehouse keeper, on the
        hand-over date entered (today when none); a stocked part enters its
        dealer's old-part location (see the stock section)."""
        self._oldparts_check_lot()
        self._check_transition('action_hand_over')
        today = fields.Date.context_today(self)
        for part in self:
            part._action_write({
                'state': 'handed_over',
                'handover_date': part.handover_date or today,
            })
        self._clear_activities('oldparts_module.mail_activity_type_oldparts_handover')
        self._oldparts_stock_hand_over()
        return True

    def _action_ship(self, ship_date=None):
        """Shipped to headquarters: called by the return shipment."""
        self._check_transition('_action_ship')
        not_return = self.filtered(lambda p: p.disposal_type != 'return')
        if not_return:
            raise UserError(_('%(part)s is not to be returned to the company.') % {
                'part': not_return[0].name})
        today = fields.Date.context_today(self)
        for part in self:
            part._action_write({'state': 'in_return',
                                'shipped_date': ship_date or part.shipped_date or today})
        return True

    @api.multi
    def action_new_return_shipment(self):
        """Packs the parts in box 1 of a new draft return shipment of their
        dealer and opens it (boxes, weights, carrier and waybill are filled
        in there)."""
        self._check_group(DEALER, SPECIALIST)
        self._check_state(('handed_over',), _('pack'))
        dealers = self.mapped('dealer_id')
        if len(dealers) != 1 or self.filtered(lambda p: p.disposal_type != 'return'):
            raise UserError(_(
                'Only parts of one dealer handed over for return can be packed together.'))
        shipment = self.env['oldparts.return.shipment'].create({
            'dealer_id': dealers.id,
            'company_id': self[0].company_id.id,
            'line_ids': [(0, 0, {'part_id': part.id, 'box_number': '1'}) for part in self],
        })
        return {
            'type': 'ir.actions.act_window',
            'name': _('New Return Shipment'),
            'res_model': 'oldparts.return.shipment',
            'res_id': shipment.id,
            'view_mode': 'form',
            'views': [(False, 'form')],
            'target': 'current',
            'context': {'form_view_initial_mode': 'edit'},
        }

    def _action_start_local_disposal(self):
        """Sale, destruction or gift on site starts: called by the sale
        application or the scrap sign-off."""
        self._check_transition('_action_start_local_disposal')
        returned = self.filtered(lambda p: p.disposal_type == 'return')
        if returned:
            raise UserError(_(
                '%(part)s must be returned to the company, not disposed of locally.') % {
                'part': returned[0].name})
        self._action_write({'state': 'in_local_disposal'})
        return True

    def _action_receive(self):
        """HQ materials management received the part (its return picking)."""
        self._check_transition('_action_receive')
        self._action_write({'state': 'received'})
        return True

    @api.multi
    def action_found(self):
        """A part missing at the HQ receipt turned up later: it is received."""
        self._check_transition('action_found')
        self._action_env()._action_receive()
        for part in self:
            part.message_post(body=_('Found after the receipt: %(note)s') % {
                'note': part.missing_reason or '-'})
        self._oldparts_stock_found()
        return True

    @api.multi
    def action_write_off(self):
        """A part missing at the HQ receipt is written off, with who is
        responsible for its loss and what happened."""
        self._check_transition('action_write_off')
        for part in self:
            if not (part.missing_reason or '').strip() or not part.responsibility \
                    or part.responsibility == 'undetermined':
                raise UserError(_(
                    'Old part %(part)s: record what happened to it and who is '
                    'responsible before writing it off.') % {'part': part.name})
        today = fields.Date.context_today(self)
        for part in self:
            part._action_write({'state': 'written_off',
                                'responsibility_date': part.responsibility_date or today})
        self._oldparts_stock_write_off()
        return True

    @api.multi
    def action_determine_responsibility(self):
        self._check_transition('action_determine_responsibility')
        missing = self.filtered(lambda p: not p.responsibility or p.responsibility == 'undetermined')
        if missing:
            raise UserError(_('Old part %(part)s: choose who is responsible first.') % {
                'part': missing[0].name})
        today = fields.Date.context_today(self)
        for part in self:
            part._action_write({
                'state': 'responsibility_determined',
                'responsibility_date': part.responsibility_date or today,
            })
        self._clear_activities('oldparts_module.mail_activity_type_oldparts_responsibility')
        return True

    def _action_dispose(self):
        """Final disposal done: called by the document that carried it out
        (disposal form, sale, scrap sign-off). A part received at HQ needs
        the HQ decision of an approved returned-part disposal form (附件八)."""
        self._oldparts_check_hq_decision()
        self._check_transition('_action_dispose')
        self._action_write({'state': 'disposed'})
        return True

    def _action_undo_disposal(self, state):
        """The document that disposed of the part was reversed: the part is
        back where it was before (in local disposal, or decided at HQ)."""
        self._check_transition('_action_undo_disposal')
        self._action_write({'state': state})
        return True

    @api.multi
    def action_cancel(self):
        self._check_transition('action_cancel')
        at_dealer = self._oldparts_at_dealer()
        self._action_write({'state': 'cancel'})
        self.sudo().mapped('activity_ids').unlink()
        at_dealer._oldparts_stock_cancel()
        return True

    # ------------------------------------------------------------------
    # Activities and the daily job
    # ------------------------------------------------------------------
    def _schedule_late_reply_activity(self):
        """A reply date after the required date is reported to the service
        manager representative."""
        for part in self:
            if part.reply_date and part.required_handover_date \
                    and part.reply_date > part.required_handover_date \
                    and not part.handover_date and part.state != 'cancel':
                part._schedule_activity(
                    'oldparts_module.mail_activity_type_oldparts_late_reply',
                    part._group_users('oldparts_module.group_oldparts_service_manager'),
                    _('Late hand-over promised'),
                    _(
                        '%(engineer)s promises the hand-over on %(date)s (required '
                        '%(required_date)s): %(reason)s') % {
                        'engineer': part.engineer_id.name or '',
                        'date': part.reply_date,
                        'required_date': part.required_handover_date,
                        'reason': part.reply_reason or '',
                    },
                    fields.Date.context_today(part))

    def _recompute_stored(self, fnames):
        """Recompute stored computed fields whose inputs are not fields: the
        user's today (delays) or a configuration table (deadlines).

        By batches of the prefetch size: Odoo 11's recompute looks up each
        record in the whole to-do set, which is quadratic on a large set."""
        for ids in self.env.cr.split_for_in_conditions(self.ids, size=models.PREFETCH_MAX):
            batch = self.browse(ids)
            batch.invalidate_cache(fnames, batch.ids)
            for fname in fnames:
                self.env.add_todo(self._fields[fname], batch)
            batch.recompute()

    def _read_columns(self, fnames):
        """The stored plain columns ``fnames`` of these parts (found by a
        search, under the user's record rules), as dicts in their order
        (dates as strings, many2one as ids, untranslated), in one query per
        10,000 parts: what the daily job and the progress report read of
        thousands of parts, without the ORM's conversions of every value
        (a third of the job's time, most of the report's). The user's
        rights on the model and the fields are checked."""
        self.check_access_rights('read')
        self.check_field_access_rights('read', list(fnames))
        assert all(self._fields[fname].store and not self._fields[fname].translate
                   and self._fields[fname].type in (
                       'char', 'text', 'date', 'integer', 'float', 'monetary', 'boolean',
                       'selection', 'many2one') for fname in fnames), fnames
        by_id = {}
        for ids in self.env.cr.split_for_in_conditions(self.ids, size=10000):
            self.env.cr.execute('SELECT id, %s FROM %s WHERE id IN %%s' % (
                ', '.join('"%s"' % fname for fname in fnames), self._table), (ids,))
            by_id.update((row['id'], row) for row in self.env.cr.dictfetchall())
        return [by_id[part_id] for part_id in self.ids if part_id in by_id]

    def _refresh_delays(self, columns=()):
        """The daily refresh of delays: the values come from the compute's
        own rule (``delay_values``) applied to the few columns it needs,
        read in one query per thousand parts; only the parts whose delay or
        overdue flag changed since the last run are written, in one UPDATE
        (every overdue part changes every day: one recompute and UPDATE per
        distinct value would cost a query per few parts). Returns the rows
        of the overdue parts, with their ``columns``."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        changed, overdue = [], []
        for row in self._read_columns(
                DELAY_FIELDS + ['delay_days', 'is_overdue'] + list(columns)):
            values = delay_values(row, today)
            if values != (row['delay_days'] or 0, bool(row['is_overdue'])):
                changed.append((row['id'],) + values)
            if values[1]:
                overdue.append(row)
        if changed:
            self.check_access_rights('write')
            for index in range(0, len(changed), 5000):
                chunk = changed[index:index + 5000]
                self.env.cr.execute(
                    "UPDATE oldparts_part AS p SET delay_days = v.days, is_overdue = v.overdue, "
                    "write_uid = %s, write_date = (now() at time zone 'UTC') "
                    "FROM (VALUES " + ', '.join(['(%s, %s, %s)'] * len(chunk)) + ") "
                    "AS v(id, days, overdue) WHERE p.id = v.id",
                    [self.env.uid] + [value for row in chunk for value in row])
            self.browse([row[0] for row in changed]).modified(['delay_days', 'is_overdue'])
        return overdue

    @api.model
    def _cron_oldparts_reminders(self):
        """Daily: refresh delay days, remind overdue hand-overs and
        responsibility deadlines due in two days or past. The job reads the
        few columns it needs of thousands of parts, and only the reminders
        that do not exist yet are written (a handful a day)."""
        outstanding = self.search([
            ('handover_date', '=', False),
            ('state', 'in', ('draft', 'classified'))])
        overdue = outstanding._refresh_delays(columns=('engineer_id', 'company_id'))
        today = fields.Date.context_today(self)
        specialists = {}

        def specialists_of(company_id):
            if company_id not in specialists:
                specialists[company_id] = self._group_users_of(
                    'oldparts_module.group_oldparts_specialist',
                    self.env['res.company'].browse(company_id)).ids
            return specialists[company_id]

        def missing(activity_xmlid, rows):
            """(part, users) of the parts (rows of engineer_id and
            company_id) whose users lack the activity, and what exists."""
            existing = self._open_activity_keys(activity_xmlid, [row['id'] for row in rows])
            todo = []
            for row in rows:
                user_ids = [row['engineer_id']] if row.get('engineer_id') \
                    else specialists_of(row['company_id'])
                user_ids = [uid for uid in user_ids if (row['id'], uid) not in existing]
                if user_ids:
                    todo.append((self.browse(row['id']), self.env['res.users'].browse(user_ids)))
            return todo, existing

        handover = 'oldparts_module.mail_activity_type_oldparts_handover'
        todo, existing = missing(handover, overdue)
        summary = _('Hand over old part')
        self._schedule_activities(handover, [
            (part, users, summary, lambda part: _('%(part)s is %(days)d day(s) late.') % {
                'part': part.name,
                'days': part.delay_days,
            }, today) for part, users in todo], existing)
        soon = fields.Date.to_string(
            fields.Date.from_string(today) + timedelta(days=2))
        due = self.search([
            ('responsibility_deadline', '!=', False),
            ('responsibility_deadline', '<=', soon),
            ('state', 'not in', ('responsibility_determined', 'disposed', 'cancel'))])
        responsibility = 'oldparts_module.mail_activity_type_oldparts_responsibility'
        todo, existing = missing(responsibility, due._read_columns(['company_id']))
        summary = _('Determine responsibility')
        self._schedule_activities(responsibility, [
            (part, users, summary, lambda part: _(
                'Responsibility for %(part)s is due on %(date)s.') % {
                'part': part.name,
                'date': part.responsibility_deadline,
            }, part.responsibility_deadline) for part, users in todo], existing)
        return True

    # ------------------------------------------------------------------
    # Spreadsheet import template
    # ------------------------------------------------------------------
    _IMPORT_TEMPLATE_FIELDS = [
        'dealer_id', 'engineer_id', 'state_id', 'request_date', 'work_order_ref',
        'equipment_ref', 'product_id', 'quantity', 'price_unit', 'failure_reason',
        'replacement_date', 'reply_date', 'reply_reason', 'origin', 'is_critical',
        'part_category', 'note',
    ]

    @api.model
    def _import_template_xlsx(self):
        """An .xlsx whose headers are the field labels in the user's language
        (Chinese for a zh_CN user), so that Odoo's import maps every column
        by itself; one example row shows the expected values."""
        fields_info = self.fields_get(self._IMPORT_TEMPLATE_FIELDS, ['string', 'type'])
        example = {
            'dealer_id': self.env.user.oldparts_dealer_id.name or '',
            'engineer_id': self.env.user.name,
            'state_id': self.env.user.oldparts_dealer_id.state_id.name or '',
            'request_date': fields.Date.context_today(self),
            'work_order_ref': 'PG-0001', 'equipment_ref': 'QY25K-0001',
            'product_id': '', 'quantity': 1, 'price_unit': 0,
            'failure_reason': '', 'replacement_date': fields.Date.context_today(self),
            'reply_date': '', 'reply_reason': '', 'origin': dict(
                self._fields['origin']._description_selection(self.env))['domestic'],
            'is_critical': 0, 'part_category': dict(
                self._fields['part_category']._description_selection(self.env))['other'],
            'note': '',
        }
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {'in_memory': True})
        sheet = workbook.add_worksheet(_('Old Parts'))
        bold = workbook.add_format({'bold': True, 'bg_color': '#DDEBF7', 'border': 1})
        for col, fname in enumerate(self._IMPORT_TEMPLATE_FIELDS):
            sheet.write(0, col, fields_info[fname]['string'], bold)
            sheet.write(1, col, example[fname])
            sheet.set_column(col, col, 16)
        workbook.close()
        return output.getvalue()

    # ==================================================================
    # Stock side of the ledger (was models/oldparts_part_stock.py)
    # The part enters the dealer's old-part location when it is handed
    # over, travels to HQ on a return picking and leaves by the disposal
    # decided at HQ. Called from action_hand_over, action_found,
    # action_write_off, action_cancel and _action_dispose above.
    # ==================================================================
    # Products that have stock moves; a service product has none.
    _STOCKED_TYPES = ('product', 'consu')

    stock_move_ids = fields.One2many(
        'stock.move', 'oldparts_part_id', string='Stock Moves', readonly=True,
        groups='stock.group_stock_user')
    stock_lot_id = fields.Many2one(
        'stock.production.lot', string='Serial / Lot in Stock', readonly=True,
        copy=False, groups='stock.group_stock_user', help='Serial or lot of the failed part, kept in stock when '
                         'the material is tracked.')
    shipment_line_ids = fields.One2many(
        'oldparts.return.shipment.line', 'part_id', string='Packing List Lines',
        readonly=True)
    stock_move_count = fields.Integer(
        compute='_compute_stock_move_count', groups='stock.group_stock_user')

    def _compute_stock_move_count(self):
        for part in self:
            part.stock_move_count = len(part.stock_move_ids)

    @api.multi
    def action_view_stock_moves(self):
        return self._oldparts_action_view('stock.stock_move_action', self.sudo().stock_move_ids)

    def _oldparts_check_hq_decision(self):
        """A part received at HQ is disposed of by a returned-part disposal
        form (附件八), which sets the HQ decision first."""
        undecided = self.filtered(
            lambda p: p.state == 'responsibility_determined' and not p.hq_decision)
        if undecided:
            raise UserError(_(
                'Old part %(part)s needs an approved returned-part disposal form.') % {
                'part': undecided[0].name})

    def _oldparts_stock_found(self):
        """A missing part found later comes into the HQ old-part warehouse
        from wherever its stock stayed."""
        for part in self.filtered(lambda p: p._oldparts_is_stocked()):
            location = part._oldparts_stock_location()
            hq = part.company_id._oldparts_returns_setup().oldparts_hq_location_id
            if location and location != hq:
                part._oldparts_stock_move(part._prepare_stock_move_values(
                    location, hq, _('Old part %(part)s found after the receipt') % {
                        'part': part.name}))

    def _oldparts_stock_write_off(self):
        """A written-off part leaves the stock as an inventory loss."""
        loss = self.env.ref('stock.location_inventory')
        for part in self.filtered(lambda p: p._oldparts_is_stocked()):
            location = part._oldparts_stock_location()
            if location:
                part._oldparts_stock_move(part._prepare_stock_move_values(
                    location, loss, _('Old part %(part)s written off') % {'part': part.name}))

    def _oldparts_at_dealer(self):
        """The parts in their dealer's old-part location (handed over)."""
        return self.filtered(
            lambda p: p._oldparts_stock_location() and p.state == 'handed_over')

    def _oldparts_stock_cancel(self):
        """A cancelled part leaves the dealer's old-part location again."""
        for part in self:
            location = part._oldparts_stock_location()
            part._oldparts_stock_move(part._prepare_stock_move_values(
                location, part.company_id._oldparts_returns_setup().oldparts_service_location_id,
                _('Cancelled old part %(part)s') % {'part': part.name}))

    def _oldparts_is_stocked(self):
        self.ensure_one()
        return self.product_id.type in self._STOCKED_TYPES

    def _oldparts_stock_location(self):
        """The internal location the part is in now, from its done moves
        (empty when it is not in stock)."""
        self.ensure_one()
        moves = self.sudo().stock_move_ids.filtered(lambda m: m.state == 'done')
        last = moves.sorted(lambda m: (m.date, m.id))[-1:]
        location = last.location_dest_id
        return location if location.usage == 'internal' else location.browse()

    def _prepare_handover_move_values(self, location_dest):
        """Values of the move that brings the failed part from the machine
        into the dealer's old-part location."""
        self.ensure_one()
        source = self.company_id._oldparts_returns_setup().oldparts_service_location_id
        return self._prepare_stock_move_values(
            source, location_dest, _('Hand-over of old part %(part)s') % {'part': self.name})

    def _prepare_stock_move_values(self, location, location_dest, name):
        self.ensure_one()
        return {
            'name': name,
            'origin': self.name,
            'company_id': self.company_id.id,
            'product_id': self.product_id.id,
            'product_uom': self.product_id.uom_id.id,
            'product_uom_qty': self.quantity,
            'location_id': location.id,
            'location_dest_id': location_dest.id,
            'partner_id': self.dealer_id.id,
            'oldparts_part_id': self.id,
        }

    def _oldparts_lot(self):
        """The failed part's serial/lot as a stock lot, when the material is
        tracked and the engineer recorded it."""
        self.ensure_one()
        part = self.sudo()
        if part.product_id.tracking == 'none' or not (part.lot_name or '').strip():
            return part.env['stock.production.lot']
        if not part.stock_lot_id:
            Lot = part.env['stock.production.lot']
            name = part.lot_name.strip()
            part._action_env().stock_lot_id = Lot.search([('product_id', '=', part.product_id.id),
                                            ('name', '=', name)], limit=1) \
                or Lot.create({'name': name, 'product_id': part.product_id.id})
        return part.stock_lot_id

    def _oldparts_stock_move(self, move_values):
        """Move the part at once, without a picking (hand-over, cancellation)."""
        self.ensure_one()
        move_values = dict(move_values, move_line_ids=[(0, 0, {
            'product_id': self.product_id.id,
            'product_uom_id': self.product_id.uom_id.id,
            'qty_done': self.quantity,
            'location_id': move_values['location_id'],
            'location_dest_id': move_values['location_dest_id'],
            'lot_id': self._oldparts_lot().id,
        })])
        move = self.env['stock.move'].sudo().create(move_values)
        move._action_done()
        return move

    def _oldparts_check_lot(self):
        for part in self:
            if part._oldparts_is_stocked() and part.product_id.tracking != 'none' \
                    and not (part.lot_name or '').strip():
                raise UserError(_(
                    'Old part %(part)s: %(product)s is tracked by serial/lot; record the '
                    'serial/lot of the failed part before handing it over.') % {
                    'part': part.name,
                    'product': part.product_id.display_name,
                })

    def _oldparts_stock_hand_over(self):
        for part in self:
            if not part._oldparts_is_stocked() or part._oldparts_stock_location():
                continue
            location = part.dealer_id._oldparts_dealer_location(part.company_id)
            part._oldparts_stock_move(part._prepare_handover_move_values(location))
        return True

    # ==================================================================
    # Portal side of the ledger (what /my/oldparts shows: the filters of
    # the parts list, the days left or overdue, a dealer's month)
    # ==================================================================
    @api.model
    def _oldparts_portal_filters(self):
        """``{key: (label, domain)}`` of the portal's parts list, in order."""
        return [
            ('all', _('All'), []),
            ('to_hand_over', _('To Hand Over'), [
                ('state', 'in', TO_HAND_OVER_STATES), ('handover_date', '=', False)]),
            ('overdue', _('Overdue'), [('is_overdue', '=', True)]),
            ('to_return', _('To Return to Company'), [
                ('state', '=', 'handed_over'), ('disposal_type', '=', 'return')]),
            ('local_disposal', _('In Local Disposal'), [('state', '=', 'in_local_disposal')]),
        ]

    @api.model
    def _oldparts_portal_search_domain(self, search):
        """Part number, work order or equipment number."""
        search = (search or '').strip()
        if not search:
            return []
        return ['|', '|', ('name', 'ilike', search), ('work_order_ref', 'ilike', search),
                ('equipment_ref', 'ilike', search)]

    def _oldparts_days_left(self):
        """Days left until the hand-over is due (negative: days overdue),
        counted from the date delays count from; None once handed over."""
        self.ensure_one()
        if self.handover_date or self.state not in TO_HAND_OVER_STATES:
            return None
        base = self._delay_base_date()
        if not base:
            return None
        today = fields.Date.from_string(fields.Date.context_today(self))
        return (fields.Date.from_string(base) - today).days

    def _oldparts_deadline_status(self):
        """(css class, text) of the hand-over deadline for the portal."""
        self.ensure_one()
        days = self._oldparts_days_left()
        if days is None:
            if self.handover_date and self.delay_days:
                return ('warning', _('Handed over %(days)d day(s) late') % {
                    'days': self.delay_days})
            return ('default', '')
        if days < 0:
            return ('danger', _('%(days)d day(s) overdue') % {'days': -days})
        if days <= URGENT_DAYS:
            return ('warning', _('%(days)d day(s) left') % {'days': days})
        return ('success', _('%(days)d day(s) left') % {'days': days})

    @api.model
    def _oldparts_month_bounds(self, month=None):
        """First and last day of ``month`` ('YYYY-MM'; the user's current
        month when empty or not a month)."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        try:
            year, mon = [int(x) for x in (month or '').split('-')]
            first = date(year, mon, 1)
        except ValueError:
            first = today.replace(day=1)
        following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        return first, following - timedelta(days=1)

    @api.model
    def _oldparts_monthly_overview(self, dealer, month=None):
        """A dealer's month (regulation section 6): parts replaced, parts
        whose hand-over fell due, how many of those were handed over on
        time, the on-time rate, and the parts overdue now."""
        first, last = self._oldparts_month_bounds(month)
        start, end = fields.Date.to_string(first), fields.Date.to_string(last)
        base = [('dealer_id', '=', dealer.id), ('state', '!=', 'cancel')]
        replaced = self.search_count(base + [
            ('replacement_date', '>=', start), ('replacement_date', '<=', end)])
        due = self.search(base + [
            ('required_handover_date', '>=', start), ('required_handover_date', '<=', end)])
        handed = due.filtered('handover_date')
        on_time = handed.filtered(lambda p: not p.delay_days)
        return {
            'month': first.strftime('%Y-%m'),
            'previous': (first - timedelta(days=1)).strftime('%Y-%m'),
            'next': (last + timedelta(days=1)).strftime('%Y-%m'),
            'replaced': replaced,
            'due': len(due),
            'handed_over': len(handed),
            'on_time': len(on_time),
            'on_time_rate': round(100.0 * len(on_time) / len(due), 1) if due else None,
            'overdue': self.search(base + [('is_overdue', '=', True)],
                                   order='required_handover_date, id'),
        }


class OldpartsPartIncentive(models.Model):
    """What the incentive settlement needs that the ledger did not record:
    a local sale, destruction or gift done without approval (or below the
    floor without an accepted reason). The module's own documents never let
    it happen; the specialist records it when an inspection finds it."""
    _inherit = 'oldparts.part'

    unauthorized_disposal_date = fields.Date(
        string='Unauthorised Disposal Found On', copy=False, index=True,
        track_visibility='onchange',
        help='Recorded by the old-parts specialist: the part was sold, destroyed or '
             'given away locally without approval, or sold below the floor without '
             'an accepted reason. Penalised by the incentive rules.')
    unauthorized_disposal_note = fields.Text(
        string='Unauthorised Disposal', copy=False,
        help='What was found: how the part was disposed of, by whom, at what price.')

    _INCENTIVE_FIELDS = ('unauthorized_disposal_date', 'unauthorized_disposal_note')

    @api.model
    def _check_incentive_rights(self, vals, records=None):
        if self._is_specialist():
            return
        changed = [f for f in self._INCENTIVE_FIELDS if f in vals and (
            any(part[f] != vals[f] for part in records) if records else vals[f])]
        if changed:
            raise UserError(_(
                'Only the old-parts specialist records an unauthorised disposal.'))

    @api.model
    def create(self, vals):
        self._check_incentive_rights(vals)
        return super(OldpartsPartIncentive, self).create(vals)

    @api.multi
    def write(self, vals):
        self._check_incentive_rights(vals, self)
        return super(OldpartsPartIncentive, self).write(vals)


# 附件三 旧件返司进度汇报表: the columns of the regulation (section 6), in its
# order. Each is (row key, English label, kind); the label is translated
# where the report is drawn (see _progress_report_columns).
PROGRESS_COLUMNS = (
    ('request_date', 'date'),
    ('work_order_ref', 'text'),
    ('equipment_ref', 'text'),
    ('material_code', 'text'),
    ('quantity', 'quantity'),
    ('price_unit', 'money'),
    ('amount_total', 'money'),
    ('applicant', 'text'),
    ('region', 'text'),
    ('problem', 'text'),
    ('must_return', 'text'),
    ('replacement_date', 'date'),
    ('required_handover_date', 'date'),
    ('reply_date', 'date'),
    ('delay_days', 'integer'),
    ('handover_date', 'date'),
    ('shipped_date', 'date'),
    ('note', 'text'),
)


class OldpartsPartProgressReport(models.Model):
    _inherit = 'oldparts.part'

    @api.model
    def _progress_report_columns(self):
        """(key, label, kind) of the progress report's columns, labels in the
        user's language."""
        labels = {
            'request_date': _('Application Date'),
            'work_order_ref': _('Approval No.'),
            'equipment_ref': _('Equipment No.'),
            'material_code': _('Material Code'),
            'quantity': _('Quantity'),
            'price_unit': _('Unit Price'),
            'amount_total': _('Total Price'),
            'applicant': _('Applicant'),
            'region': _('Region'),
            'problem': _('Old-Part Problem'),
            'must_return': _('Must Return?'),
            'replacement_date': _('Completion Date'),
            'required_handover_date': _('Required Hand-over Date'),
            'reply_date': _('Reply Date'),
            'delay_days': _('Delay Days'),
            'handover_date': _('Collection Date'),
            'shipped_date': _('Return Date'),
            'note': _('Remarks'),
        }
        return [(key, labels[key], kind) for key, kind in PROGRESS_COLUMNS]

    @api.model
    def _progress_report_rows(self, domain):
        """The rows of the return progress report (附件三) for the parts the
        user may read within ``domain``: plain dicts (dates as date objects,
        numbers as floats, labels in the user's language), ordered by dealer,
        region and completion date. One search, the columns in one query
        and the names of the many2one values in one per column: the weekly
        mail and the spreadsheet of 10,000 parts take the same path."""
        parts = self.search(domain, order='dealer_id, state_id, replacement_date, id')
        yes, no = _('Yes'), _('No')
        values_list = parts._read_columns([
            'name', 'dealer_id', 'state_id', 'engineer_id', 'product_id',
            'request_date', 'work_order_ref', 'equipment_ref', 'quantity',
            'price_unit', 'amount_total', 'failure_reason', 'return_required',
            'replacement_date', 'required_handover_date', 'reply_date',
            'delay_days', 'is_overdue', 'handover_date', 'shipped_date', 'note'])
        names = {fname: self._display_names(self._fields[fname].comodel_name, [
            values[fname] for values in values_list if values[fname]])
            for fname in ('dealer_id', 'state_id', 'engineer_id', 'product_id')}
        rows = []
        for values in values_list:
            rows.append({
                'id': values['id'],
                'part': values['name'],
                'dealer_id': values['dealer_id'],
                'dealer': names['dealer_id'].get(values['dealer_id'], ''),
                'region_id': values['state_id'],
                'request_date': to_date(values['request_date']),
                'work_order_ref': values['work_order_ref'] or '',
                'equipment_ref': values['equipment_ref'] or '',
                'material_code': names['product_id'].get(values['product_id'], ''),
                'quantity': values['quantity'] or 0.0,
                'price_unit': values['price_unit'] or 0.0,
                'amount_total': values['amount_total'] or 0.0,
                'applicant': names['engineer_id'].get(values['engineer_id'], ''),
                'region': names['state_id'].get(values['state_id'], ''),
                'problem': values['failure_reason'] or '',
                'must_return': yes if values['return_required'] else no,
                'replacement_date': to_date(values['replacement_date']),
                'required_handover_date': to_date(values['required_handover_date']),
                'reply_date': to_date(values['reply_date']),
                'delay_days': values['delay_days'] or 0,
                'is_overdue': bool(values['is_overdue']),
                'handover_date': to_date(values['handover_date']),
                'shipped_date': to_date(values['shipped_date']),
                'note': values['note'] or '',
            })
        return rows

    @api.model
    def _progress_report_groups(self, rows, group_by='dealer'):
        """Rows grouped by dealer or region, in order, each group with its
        totals (quantity, amount, delay days, late parts)."""
        groups = []
        index = {}
        key_name = 'region' if group_by == 'region' else 'dealer'
        for row in rows:
            key = row[key_name + '_id'] if key_name == 'dealer' else row['region_id']
            group = index.get(key)
            if group is None:
                group = index[key] = {
                    'name': row[key_name] or _('No Region'), 'rows': [],
                    'quantity': 0.0, 'amount_total': 0.0, 'delay_days': 0, 'late': 0}
                groups.append(group)
            group['rows'].append(row)
            group['quantity'] += row['quantity']
            group['amount_total'] += row['amount_total']
            group['delay_days'] += row['delay_days']
            group['late'] += 1 if row['delay_days'] > 0 else 0
        return groups

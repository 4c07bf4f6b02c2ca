# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_round

STATES = [
    ('draft', 'Draft'),
    ('submitted', 'To Approve'),
    ('approved', 'Approved'),
    ('sold', 'Sold'),
    ('paid', 'Paid'),
    ('reversed', 'Reversed'),
    ('cancel', 'Cancelled'),
]
SALE_ORIGINS = [
    ('dealer', 'Dealer (local sale)'),
    ('hq', 'HQ (returned parts)'),
]
# States in which an application counts towards its dealer's lot.
ACTIVE_STATES = ('submitted', 'approved', 'sold', 'paid')
READONLY_STATES = {state: [('readonly', True)] for state, _label in STATES if state != 'draft'}
# The sale is recorded on an approved application only.
EXECUTION_STATES = {'approved': [('readonly', False)]}
DEALER = 'oldparts_module.group_oldparts_dealer'
PORTAL = 'oldparts_module.group_oldparts_portal'
SPECIALIST = 'oldparts_module.group_oldparts_specialist'
MATERIALS = 'oldparts_module.group_oldparts_materials'
FINANCE = 'oldparts_module.group_oldparts_finance'
GENERAL_MANAGER = 'oldparts_module.group_oldparts_general_manager'


class OldpartsSaleApplication(models.Model):
    """Old-part sale application (附件五 旧件变卖申请单): a dealer's lot of
    old parts classified for local sale -- or a lot of returned parts that
    HQ decided to sell -- priced against the regional scrap market (section
    4), with buyer quotes, approved, sold against a customer invoice and
    paid against a receipt (附件六 回款单)."""
    _name = 'oldparts.sale.application'
    _description = 'Old-Part Sale Application'
    _sequence_code = 'oldparts.sale.application'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'oldparts.approval.mixin',
                'oldparts.local.disposal.mixin', 'oldparts.document.mixin',
                'oldparts.portal.mixin']
    _oldparts_portal_path = 'sale'
    # readers post in the chatter: the dealer's engineer (portal, read only)
    # and the specialist talk in one place
    _mail_post_access = 'read'
    _order = 'date desc, id desc'
    _oldparts_holding_states = ('draft', 'submitted', 'approved')

    state = fields.Selection(
        STATES, string='Status', required=True, readonly=True, copy=False,
        default='draft', index=True, track_visibility='onchange',
        help='Draft: the dealer prepares the lot and the quotes. To approve: '
             'the specialist verifies, then the general manager decides. '
             'Approved: the dealer may sell. Sold: weighed, delivered and '
             'invoiced. Paid: finance received the buyer\'s payment.')
    sale_origin = fields.Selection(
        SALE_ORIGINS, string='Sold By', required=True, default='dealer',
        states=READONLY_STATES,
        help='Dealer: parts classified for local sale, sold where they are. '
             'HQ: returned parts whose disposal form decided to sell them, sold '
             'from the HQ old-part warehouse.')
    dealer_id = fields.Many2one(
        'res.partner', string='Dealer', index=True,
        domain=[('is_oldparts_dealer', '=', True)], states=READONLY_STATES,
        default=lambda self: self.env.user.oldparts_dealer_id,
        track_visibility='onchange')
    state_id = fields.Many2one(
        'res.country.state', string='Province', required=True, index=True,
        states=READONLY_STATES,
        help='The regional market price of this province applies.')
    date = fields.Date(
        string='Application Date', required=True, index=True, copy=False,
        default=fields.Date.context_today, states=READONLY_STATES,
        help='The market price of this day applies (or the latest earlier one).')
    user_id = fields.Many2one(
        'res.users', string='Applicant', default=lambda self: self.env.user,
        states=READONLY_STATES)
    line_ids = fields.One2many(
        'oldparts.sale.application.line', 'application_id', string='Old Parts',
        states=READONLY_STATES, copy=False)
    quote_ids = fields.One2many(
        'oldparts.sale.quote', 'application_id', string='Buyer Quotes',
        states=READONLY_STATES, copy=False)
    note = fields.Text(string='Remarks')

    # --- pricing (section 4) ------------------------------------------------
    total_weight = fields.Float(
        string='Total Weight (t)', compute='_compute_market_price', store=True,
        digits=(16, 3))
    market_price = fields.Monetary(
        string='Market Price per Ton', compute='_compute_market_price', store=True,
        help='The regional market price; for a lot of mixed grades, the price '
             'of each grade weighted by the weight of its parts.')
    market_price_date = fields.Date(
        string='Market Price Date', compute='_compute_market_price', store=True,
        help='The oldest price date used: when it is not the application date, '
             'there was no price published that day.')
    market_price_outdated = fields.Boolean(
        string='Earlier Market Price', compute='_compute_market_price', store=True)
    dealer_base_price = fields.Monetary(
        string='Dealer Base Price per Ton', compute='_compute_market_price', store=True,
        help="The dealer's scrap base price (reference standard 4), weighted "
             "like the market price; for reference.")
    buyer_bears_costs = fields.Boolean(
        string='Buyer Bears Labour, Lifting, Transport and Cutting',
        states=READONLY_STATES, default=True)
    remote_province_id = fields.Many2one(
        'oldparts.remote.province', string='Remote Province',
        compute='_compute_remote_province', store=True)
    remote_reduction_min = fields.Float(related='remote_province_id.reduction_min', readonly=True)
    remote_reduction_max = fields.Float(related='remote_province_id.reduction_max', readonly=True)
    remote_reduction = fields.Float(
        string='Remote Reduction (%)', digits=(16, 2), states=READONLY_STATES,
        help='In a remote province, the floor may go down by a further '
             'reduction within the configured range.')
    floor_rate = fields.Float(
        string='Floor Rate (%)', compute='_compute_floor_rate', store=True, digits=(16, 2),
        help='100%, or the configured share of the market price when the buyer '
             'bears the costs; kept as it was when the application was made.')
    floor_price = fields.Monetary(
        string='Floor Price per Ton', compute='_compute_floor_price', store=True,
        help='Market price x floor rate x (1 - remote reduction).')
    quote_id = fields.Many2one(
        'oldparts.sale.quote', string='Selected Quote', states=READONLY_STATES,
        domain="[('application_id', '=', id)]", copy=False, track_visibility='onchange')
    buyer_id = fields.Many2one(
        related='quote_id.partner_id', string='Buyer', store=True, readonly=True)
    price = fields.Monetary(
        related='quote_id.price', string='Price per Ton', store=True, readonly=True)
    best_quote_price = fields.Monetary(
        string='Best Quote per Ton', compute='_compute_quote_flags', store=True)
    is_below_floor = fields.Boolean(
        string='Below the Floor', compute='_compute_quote_flags', store=True)
    is_not_best_quote = fields.Boolean(
        string='Not the Best Quote', compute='_compute_quote_flags', store=True)
    below_floor_reason = fields.Text(
        string='Reason for a Price Below the Floor', states=READONLY_STATES)
    quote_choice_reason = fields.Text(
        string='Reason for Not Taking the Best Quote', states=READONLY_STATES)
    amount_total = fields.Monetary(
        string='Estimated Amount', compute='_compute_amount_total', store=True,
        help='Price per ton x total weight: the amount the approval steps apply to.')
    lot_amount = fields.Monetary(
        string='Amount of the Lot', compute='_compute_lot',
        help="This application and the dealer's other applications within the "
             "splitting window: the approval steps apply to this amount.")
    lot_application_ids = fields.Many2many(
        'oldparts.sale.application', string='Applications of the Same Lot',
        compute='_compute_lot')
    is_split_suspect = fields.Boolean(
        string='Possibly Split Lot', compute='_compute_lot',
        help='Together with other applications of the dealer it reaches an '
             'approval step that it alone does not.')
    reversal_reason = fields.Text(
        string='Reason for the Reversal', copy=False, readonly=True,
        states={'sold': [('readonly', False)]},
        help='Why a recorded sale is reversed (credit note and return of the parts).')
    refund_id = fields.Many2one(
        'account.invoice', string='Credit Note', readonly=True, copy=False)

    # --- execution ------------------------------------------------------------
    sale_date = fields.Date(
        string='Sale Date', copy=False, readonly=True, states=EXECUTION_STATES)
    weighbridge_weight = fields.Float(
        string='Weighbridge Weight (t)', digits=(16, 3), copy=False, readonly=True,
        states=EXECUTION_STATES)
    weighbridge_ticket = fields.Char(
        string='Weighbridge Ticket No.', copy=False, readonly=True,
        states=EXECUTION_STATES)
    invoice_id = fields.Many2one(
        'account.invoice', string='Customer Invoice', readonly=True, copy=False)
    invoice_state = fields.Selection(related='invoice_id.state', string='Invoice Status',
                                     readonly=True)
    amount_sold = fields.Monetary(
        related='invoice_id.amount_total', string='Sale Amount', readonly=True)
    picking_ids = fields.Many2many(
        'stock.picking', 'oldparts_sale_application_picking_rel',
        'application_id', 'picking_id', string='Deliveries', readonly=True, copy=False)
    payment_ids = fields.Many2many(
        'account.payment', string='Receipts', compute='_compute_payment_ids',
        groups='account.group_account_invoice')

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends('line_ids.weight', 'line_ids.market_price', 'line_ids.market_price_date',
                 'line_ids.dealer_base_price', 'date', 'currency_id')
    def _compute_market_price(self):
        for application in self:
            lines = application.line_ids
            weight = sum(lines.mapped('weight'))
            market = base = 0.0
            if weight > 0:
                market = sum(l.weight * l.market_price for l in lines) / weight
                base = sum(l.weight * l.dealer_base_price for l in lines) / weight
            currency = application.currency_id
            application.total_weight = weight
            application.market_price = currency.round(market) if currency else market
            application.dealer_base_price = currency.round(base) if currency else base
            dates = [d for d in lines.mapped('market_price_date') if d]
            application.market_price_date = min(dates) if dates else False
            application.market_price_outdated = bool(dates) and min(dates) != application.date

    @api.depends('state_id', 'company_id')
    def _compute_remote_province(self):
        Remote = self.env['oldparts.remote.province']
        for application in self:
            application.remote_province_id = Remote._find_for_state(
                application.state_id, application.company_id) if application.state_id else False

    # The company's rate is read when the application is made; on purpose no
    # dependency on it, so that a later change of the setting does not
    # rewrite the floor of applications already approved.
    @api.depends('buyer_bears_costs', 'company_id')
    def _compute_floor_rate(self):
        for application in self:
            application.floor_rate = application.company_id.oldparts_buyer_costs_floor_rate \
                if application.buyer_bears_costs else 100.0

    @api.depends('market_price', 'floor_rate', 'remote_reduction', 'currency_id')
    def _compute_floor_price(self):
        for application in self:
            floor = application.market_price * application.floor_rate / 100.0 \
                * (1.0 - application.remote_reduction / 100.0)
            application.floor_price = application.currency_id.round(floor) \
                if application.currency_id else floor

    @api.depends('quote_ids.price', 'quote_id', 'price', 'floor_price', 'currency_id')
    def _compute_quote_flags(self):
        for application in self:
            rounding = application.currency_id.rounding or 0.01
            best = max(application.quote_ids.mapped('price') or [0.0])
            application.best_quote_price = best
            selected = bool(application.quote_id)
            application.is_below_floor = selected and float_compare(
                application.price, application.floor_price, precision_rounding=rounding) < 0
            application.is_not_best_quote = selected and float_compare(
                application.price, best, precision_rounding=rounding) < 0

    @api.depends('price', 'total_weight', 'currency_id')
    def _compute_amount_total(self):
        for application in self:
            amount = application.price * application.total_weight
            application.amount_total = application.currency_id.round(amount) \
                if application.currency_id else amount

    @api.depends('amount_total', 'dealer_id', 'date', 'company_id')
    def _compute_lot(self):
        for application in self:
            others = application._lot_applications()
            application.lot_application_ids = others
            application.lot_amount = application.amount_total + sum(others.mapped('amount_total'))
            application.is_split_suspect = bool(others) and bool(
                application._lot_tiers() - application._approval_tiers(application.amount_total))

    @api.depends('invoice_id.payment_ids')
    def _compute_payment_ids(self):
        for application in self:
            # computed with the other fields of the form, for dealers too
            application.payment_ids = application.sudo().invoice_id.payment_ids

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains('remote_reduction', 'remote_province_id')
    def _check_remote_reduction(self):
        for application in self:
            reduction = application.remote_reduction
            if float_compare(reduction, 0.0, precision_digits=2) == 0:
                continue
            remote = application.remote_province_id
            if not remote:
                raise ValidationError(_(
                    '%(application)s: %(province)s is not a remote province; no further '
                    'reduction is allowed.') % {
                    'application': application.name,
                    'province': application.state_id.name,
                })
            if float_compare(reduction, remote.reduction_min, precision_digits=2) < 0 \
                    or float_compare(reduction, remote.reduction_max, precision_digits=2) > 0:
                raise ValidationError(_(
                    '%(application)s: the remote reduction in %(province)s must be '
                    'between %(min)s%% and %(max)s%%.') % {
                    'application': application.name,
                    'province': application.state_id.name,
                    'min': remote.reduction_min,
                    'max': remote.reduction_max,
                })

    @api.constrains('dealer_id', 'sale_origin')
    def _check_dealer(self):
        for application in self:
            if application.sale_origin == 'hq':
                if application.dealer_id:
                    raise ValidationError(_(
                        '%(application)s: a sale of returned parts by HQ has no dealer.') % {
                        'application': application.name,
                    })
                continue
            application._oldparts_check_dealer_flag()

    @api.constrains('quote_id')
    def _check_quote_id(self):
        for application in self:
            if application.quote_id and application.quote_id.application_id != application:
                raise ValidationError(_(
                    '%(application)s: the selected quote belongs to another application.') % {
                    'application': application.name,
                })

    @api.constrains('state', 'line_ids', 'quote_ids', 'quote_id')
    def _check_submission(self):
        """What the specialist and the general manager need to decide
        (sections 4.2 and 4.3): parts with weights, three quotes, a
        selected buyer."""
        for application in self.filtered(lambda a: a.state in ACTIVE_STATES):
            if not application.line_ids:
                raise ValidationError(_('%(application)s has no old parts.') % {
                    'application': application.name,
                })
            for line in application.line_ids.filtered(lambda l: l.weight <= 0):
                raise ValidationError(_(
                    '%(application)s: old part %(part)s has no weight: weigh it, or give '
                    'its part type a weight reference.') % {
                    'application': application.name,
                    'part': line.part_id.name,
                })
            minimum = application.company_id.oldparts_min_quotes
            buyers = application.quote_ids.mapped('partner_id.commercial_partner_id')
            if len(buyers) < minimum:
                raise ValidationError(_(
                    '%(application)s needs quotes from at least %(minimum)d different '
                    'buyers (%(count)d given).') % {
                    'application': application.name,
                    'minimum': minimum,
                    'count': len(buyers),
                })
            if not application.quote_id:
                raise ValidationError(_(
                    '%(application)s: select the quote of the buyer to sell to.') % {
                    'application': application.name,
                })

    @api.constrains('state', 'is_below_floor', 'is_not_best_quote',
                    'below_floor_reason', 'quote_choice_reason')
    def _check_price_reasons(self):
        """A price below the floor, or another buyer than the best bidder,
        is a special case that needs a written reason (section 4.3)."""
        for application in self.filtered(lambda a: a.state in ACTIVE_STATES):
            if application.is_below_floor and not (application.below_floor_reason or '').strip():
                raise ValidationError(_(
                    '%(application)s: the price %(price)s is below the floor %(floor)s; '
                    'give the reason.') % {
                    'application': application.name,
                    'price': application.price,
                    'floor': application.floor_price,
                })
            if application.is_not_best_quote and not (application.quote_choice_reason or '').strip():
                raise ValidationError(_(
                    '%(application)s: the selected quote %(price)s is not the best one '
                    '(%(best_price)s); give the reason.') % {
                    'application': application.name,
                    'price': application.price,
                    'best_price': application.best_quote_price,
                })

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange('dealer_id')
    def _onchange_dealer_id(self):
        if self.dealer_id.state_id:
            self.state_id = self.dealer_id.state_id

    @api.onchange('state_id', 'company_id')
    def _onchange_remote_reduction(self):
        """In a remote province the reduction starts at the smallest one
        allowed; elsewhere there is none."""
        remote = self.env['oldparts.remote.province']._find_for_state(
            self.state_id, self.company_id) if self.state_id else False
        if not remote:
            self.remote_reduction = 0.0
        elif not remote.reduction_min <= self.remote_reduction <= remote.reduction_max:
            self.remote_reduction = remote.reduction_min

    @api.onchange('sale_origin')
    def _onchange_sale_origin(self):
        if self.sale_origin == 'hq':
            self.dealer_id = False
            self.state_id = self.company_id.state_id

    @api.onchange('state_id', 'date')
    def _onchange_price_keys(self):
        for line in self.line_ids:
            line.update(line._market_price_values(self, line._find_market_price(self)))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        if not vals.get('state_id'):
            if vals.get('dealer_id'):
                vals['state_id'] = self.env['res.partner'].browse(vals['dealer_id']).state_id.id
            elif vals.get('sale_origin') == 'hq':
                company = self.env['res.company'].browse(vals['company_id']) \
                    if vals.get('company_id') else self.env.user.company_id
                vals['state_id'] = company.state_id.id
        return super(OldpartsSaleApplication, self).create(vals)

    @api.multi
    def write(self, vals):
        res = super(OldpartsSaleApplication, self).write(vals)
        if {'state_id', 'date', 'company_id', 'dealer_id'} & set(vals):
            self.filtered(lambda a: a.state == 'draft').mapped('line_ids')._lookup_market_price()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _oldparts_transitions(self):
        applicants = (DEALER, SPECIALIST, MATERIALS)
        return {
            'action_refresh_prices': (('draft',), applicants, _('refresh the prices')),
            'action_submit': (('draft',), applicants + (PORTAL,), _('submit')),
            'action_execute': (('approved',), applicants, _('record the sale')),
            'action_register_payment': (('sold',), (FINANCE,), _('register the payment')),
            '_action_mark_paid': (('sold',), (), _('mark as paid')),
            '_action_reopen': (('paid',), (), _('reopen')),
            'action_reverse': (('sold',), (GENERAL_MANAGER, SPECIALIST), _('reverse the sale')),
            'action_cancel': (('draft', 'submitted', 'approved'), applicants, _('cancel')),
            'action_draft': (('submitted', 'approved', 'cancel'), applicants,
                             _('send back to draft')),
        }

    def _oldparts_held_parts(self):
        return self.line_ids.mapped('part_id')

    @api.multi
    def action_refresh_prices(self):
        """Look the market prices up again (a price may have been published
        since the application was made)."""
        self._check_transition('action_refresh_prices')
        self.mapped('line_ids')._lookup_market_price()
        return True

    @api.multi
    def action_submit(self):
        """The dealer submits the lot: market prices are looked up, the
        parts' local disposal starts, the approval steps are created."""
        self._check_transition('action_submit')
        for application in self._action_env():
            parts = application.line_ids.mapped('part_id')
            application._check_sale_parts(parts, _('submit'))
            application.line_ids._lookup_market_price(raise_if_missing=True)
            application.write({'state': 'submitted', 'refusal_reason': False})
            parts.filtered(lambda p: p.state == 'handed_over').sudo() \
                ._action_start_local_disposal()
            if application.is_split_suspect:
                application.message_post(body=_(
                    'Possibly split lot: with %(applications)s the amount of the lot is '
                    '%(amount)s, which needs more approval steps than this application '
                    'alone.') % {
                    'applications': ', '.join(application.lot_application_ids.mapped('name')),
                    'amount': application.lot_amount,
                })
            if application._approval_request():
                application._approval_done()
        return True

    def _approval_amount(self):
        """Splitting a lot does not avoid a step: the steps apply to the
        amount of the whole lot."""
        self.ensure_one()
        return self.lot_amount

    def _approval_done(self):
        self._action_write({'state': 'approved'})

    def _check_weighbridge_weight(self):
        """The weighed lot is the approved lot: a weight beyond the
        company's tolerance from the approved total needs a new approval."""
        for application in self:
            if float_compare(application.weighbridge_weight, 0.0, precision_digits=3) <= 0:
                raise UserError(_('%(application)s: enter the weighbridge weight.') % {
                    'application': application.name})
            tolerance = application.company_id.oldparts_weight_tolerance / 100.0
            approved = application.total_weight
            if float_compare(abs(application.weighbridge_weight - approved),
                             approved * tolerance, precision_digits=3) > 0:
                raise UserError(_(
                    '%(application)s: the weighbridge weight %(weighed)s t differs from '
                    'the approved weight %(approved)s t by more than %(tolerance)s %%. '
                    'Send the application back to draft, correct the weights and submit '
                    'it for approval again.') % {
                    'application': application.name,
                    'weighed': application.weighbridge_weight,
                    'approved': approved,
                    'tolerance': application.company_id.oldparts_weight_tolerance})

    @api.multi
    def action_execute(self):
        """The sale is done: the buyer weighed the lot; the parts leave the
        dealer's old-part location and the invoice at the approved price
        per ton is posted."""
        self._check_transition('action_execute')
        self._check_weighbridge_weight()
        for application in self._action_env():
            parts = application.line_ids.mapped('part_id')
            parts._check_state(application._sale_part_states(True), _('sell'))
            sale_date = application.sale_date or fields.Date.context_today(application)
            pickings = application._oldparts_deliver(parts, application.buyer_id)
            invoice = application._create_invoice(sale_date)
            invoice.action_invoice_open()
            application.write({
                'state': 'sold',
                'sale_date': sale_date,
                'invoice_id': invoice.id,
                'picking_ids': [(4, picking.id) for picking in pickings],
            })
            parts.sudo()._action_dispose()
        return True

    @api.multi
    def action_register_payment(self):
        """Finance registers the buyer's payment against the invoice."""
        self.ensure_one()
        self._check_transition('action_register_payment')
        return {
            'name': _('Register Payment'),
            'type': 'ir.actions.act_window',
            'res_model': 'account.payment',
            'view_type': 'form',
            'view_mode': 'form',
            'view_id': self.env.ref('account.view_account_payment_invoice_form').id,
            'target': 'new',
            'context': {
                'default_invoice_ids': [(4, self.invoice_id.id, None)],
                'default_payment_date': fields.Date.context_today(self),
            },
        }

    def _action_mark_paid(self):
        """The invoice is paid: called when the buyer's payment reconciles it."""
        self._check_transition('_action_mark_paid')
        unpaid = self.filtered(lambda a: a.invoice_id.state != 'paid')
        if unpaid:
            raise UserError(_('The invoice of %(application)s is not paid.') % {
                'application': unpaid[0].name})
        self._action_write({'state': 'paid'})
        return True

    def _action_reopen(self):
        """The payment was unreconciled: the sale waits for it again."""
        self._check_transition('_action_reopen')
        self._action_write({'state': 'sold'})
        return True

    @api.multi
    def action_reverse(self):
        """A wrong sale is reversed, never deleted: the general manager (or
        the specialist) reverses it with a reason; a credit note cancels the
        invoice and a return brings the parts back to where they left, in
        local disposal again."""
        self._check_transition('action_reverse')
        for application in self._action_env():
            if not (application.reversal_reason or '').strip():
                raise UserError(_(
                    '%(application)s: give the reason for the reversal first.') % {
                    'application': application.name})
            refund = application._create_refund()
            application._oldparts_return_pickings()
            parts = application.line_ids.mapped('part_id')
            parts.sudo()._action_undo_disposal(
                'responsibility_determined' if application.sale_origin == 'hq'
                else 'in_local_disposal')
            application.write({'state': 'reversed', 'refund_id': refund.id})
            application.message_post(body=_('Sale reversed: %(reason)s') % {
                'reason': application.reversal_reason})
        return True

    @api.multi
    def action_cancel(self):
        """The dealer withdraws a draft; the specialist may cancel until the
        sale is recorded."""
        if not self._oldparts_user_in((SPECIALIST,)):
            self._check_state(('draft',), _('cancel'))
        return super(OldpartsSaleApplication, self).action_cancel()

    @api.multi
    def action_print_receipt(self):
        self.ensure_one()
        if not self.payment_ids:
            raise UserError(_('%(application)s has no receipt yet.') % {
                'application': self.name,
            })
        return self.env.ref('oldparts_module.action_report_oldparts_payment_receipt').report_action(
            self.payment_ids)

    @api.multi
    def action_view_invoice(self):
        return self._oldparts_action_view(
            'account.action_invoice_tree1', self.invoice_id, 'account.invoice_form')

    @api.multi
    def action_view_pickings(self):
        return self._oldparts_action_view('stock.action_picking_tree_all', self.picking_ids)

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _sale_part_states(self, approved=False):
        """The ledger states of parts that may be sold: a dealer's parts are
        handed over (in local disposal once submitted); returned parts wait
        at HQ with their responsibility determined."""
        self.ensure_one()
        if self.sale_origin == 'hq':
            return ('responsibility_determined',)
        return ('in_local_disposal',) if approved else ('handed_over', 'in_local_disposal')

    def _sale_part_error(self, part):
        """Why the part cannot be on this application (None when it can)."""
        self.ensure_one()
        if part.company_id != self.company_id:
            return _('Old part %(part)s belongs to another company.')
        if self.sale_origin == 'hq':
            if part.hq_decision != 'sell':
                return _('Old part %(part)s is not decided for sale at HQ.')
        elif part.disposal_type != 'local_sale':
            return _('Old part %(part)s is not classified for local sale.')
        elif part.dealer_id != self.dealer_id:
            return _('Old part %(part)s belongs to another dealer.')
        return None

    def _check_sale_parts(self, parts, action_label):
        self.ensure_one()
        for part in parts:
            error = self._sale_part_error(part)
            if error:
                raise UserError(error % {'part': part.name})
        parts._check_state(self._sale_part_states(), action_label)

    def _lot_applications(self):
        """The dealer's other applications within the splitting window."""
        self.ensure_one()
        if not self.date:
            return self.browse()
        window = timedelta(days=self.company_id.oldparts_split_window_days)
        day = fields.Date.from_string(self.date)
        domain = [
            ('dealer_id', '=', self.dealer_id.id),
            ('company_id', '=', self.company_id.id),
            ('state', 'in', ACTIVE_STATES),
            ('date', '>=', fields.Date.to_string(day - window)),
            ('date', '<=', fields.Date.to_string(day + window)),
        ]
        if isinstance(self.id, int):
            domain.append(('id', '!=', self.id))
        return self.sudo().search(domain).sudo(self.env.uid)

    def _lot_tiers(self):
        return self._approval_tiers(self.lot_amount)

    def _scrap_income_account(self):
        self.ensure_one()
        account = self.company_id.oldparts_scrap_income_account_id
        if not account:
            raise UserError(_(
                'Set the scrap income account of %(company)s (Old Parts settings of '
                'the company).') % {'company': self.company_id.name})
        return account

    def _scrap_journal(self):
        self.ensure_one()
        return self.company_id.oldparts_scrap_journal_id or self._oldparts_company_journal(
            'sale', _('Company %(company)s has no sale journal.'))

    def _grade_quantities(self):
        """The weighbridge weight shared out among the grades in proportion
        to the parts' weights; the last grade takes the rounding rest so
        that the tons invoiced are the tons weighed."""
        self.ensure_one()
        weights = {}
        for line in self.line_ids:
            weights[line.grade_id] = weights.get(line.grade_id, 0.0) + line.weight
        total = sum(weights.values())
        grades = sorted(weights, key=lambda g: (g.sequence, g.id))
        quantities, rest = {}, self.weighbridge_weight
        for grade in grades[:-1]:
            quantities[grade] = float_round(
                self.weighbridge_weight * weights[grade] / total, precision_digits=3)
            rest -= quantities[grade]
        quantities[grades[-1]] = float_round(rest, precision_digits=3)
        return [(grade, quantities[grade]) for grade in grades]

    def _prepare_invoice_line_values(self, grade, quantity, account):
        self.ensure_one()
        product = grade.product_id
        if not product:
            raise UserError(_('Grade %(grade)s has no scrap product to invoice.') % {
                'grade': grade.name,
            })
        fiscal_position = self.buyer_id.property_account_position_id
        taxes = product.taxes_id.filtered(lambda t: t.company_id == self.company_id)
        if fiscal_position:
            taxes = fiscal_position.map_tax(taxes, product, self.buyer_id)
        return {
            'product_id': product.id,
            'name': '%s %s' % (grade.name, self.name),
            'quantity': quantity,
            'uom_id': product.uom_id.id,
            'price_unit': self.price,
            'account_id': account.id,
            'invoice_line_tax_ids': [(6, 0, taxes.ids)],
        }

    def _prepare_invoice_values(self, sale_date):
        self.ensure_one()
        buyer = self.buyer_id.with_context(force_company=self.company_id.id)
        account = self._scrap_income_account()
        return {
            'type': 'out_invoice',
            'partner_id': buyer.id,
            'account_id': buyer.property_account_receivable_id.id,
            'journal_id': self._scrap_journal().id,
            'company_id': self.company_id.id,
            'currency_id': self.currency_id.id,
            'date_invoice': sale_date,
            'origin': self.name,
            'name': self.weighbridge_ticket or self.name,
            'fiscal_position_id': buyer.property_account_position_id.id,
            'invoice_line_ids': [
                (0, 0, self._prepare_invoice_line_values(grade, quantity, account))
                for grade, quantity in self._grade_quantities() if quantity > 0],
        }

    def _create_refund(self):
        """Credit note of the whole invoice, posted and reconciled with it."""
        self.ensure_one()
        invoice = self.invoice_id.sudo()
        refund = invoice.refund(
            date_invoice=fields.Date.context_today(self),
            description=_('Reversal of %(application)s') % {'application': self.name})
        refund.action_invoice_open()
        lines = (invoice.move_id.line_ids | refund.move_id.line_ids).filtered(
            lambda l: l.account_id == invoice.account_id and not l.reconciled)
        if invoice.state == 'open' and len(lines) > 1:
            lines.reconcile()
        return refund

    def _oldparts_return_pickings(self):
        """The parts come back from the buyer to where they left."""
        self.ensure_one()
        for picking in self.sudo().picking_ids.filtered(lambda p: p.state == 'done'):
            wizard = self.env['stock.return.picking'].sudo().with_context(
                active_id=picking.id, active_ids=picking.ids).create({})
            for line in wizard.product_return_moves:
                line.quantity = line.move_id.product_uom_qty
            new_id, _type = wizard._create_returns()
            returned = self.env['stock.picking'].sudo().browse(new_id)
            returned.action_assign()
            for move_line in returned.move_line_ids:
                move_line.qty_done = move_line.product_uom_qty
            returned.action_done()
            self.write({'picking_ids': [(4, returned.id)]})

    def _create_invoice(self, sale_date):
        """Invoiced as superuser for the company: dealers have no accounting
        rights; the amounts come from the approved application."""
        self.ensure_one()
        return self.env['account.invoice'].sudo().with_context(
            force_company=self.company_id.id, type='out_invoice').create(
                self._prepare_invoice_values(sale_date))

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare


class OldpartsFreightRequest(models.Model):
    """Return freight cost request (附件四 旧件返司运费申请单): what the carrier
    charges for one return shipment. Approved by the configured steps
    (oldparts.approval.tier), it becomes a vendor bill of the carrier on the
    freight expense account of the company."""
    _name = 'oldparts.freight.request'
    _description = 'Old-Part Return Freight Request'
    _sequence_code = 'oldparts.freight.request'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'oldparts.approval.mixin',
                'oldparts.document.mixin']
    _order = 'request_date desc, id desc'
    _mail_post_access = 'read'

    state = fields.Selection([
        ('draft', 'Draft'),
        ('submitted', 'To Approve'),
        ('approved', 'Approved'),
        ('cancel', 'Cancelled'),
    ], string='Status', required=True, readonly=True, copy=False, default='draft',
        index=True, track_visibility='onchange',
        help='Approved: every approval step agreed and the carrier\'s vendor bill '
             'was created for Finance.')
    shipment_id = fields.Many2one(
        'oldparts.return.shipment', string='Return Shipment', required=True,
        index=True, ondelete='restrict', readonly=True,
        states={'draft': [('readonly', False)]},
        domain=[('state', 'in', ('shipped', 'done'))])
    dealer_id = fields.Many2one(
        related='shipment_id.dealer_id', store=True, readonly=True, index=True)
    waybill_number = fields.Char(related='shipment_id.waybill_number', readonly=True)
    total_weight = fields.Float(related='shipment_id.total_weight', readonly=True)
    box_count = fields.Integer(related='shipment_id.box_count', readonly=True)
    request_date = fields.Date(
        string='Request Date', required=True, default=fields.Date.context_today,
        readonly=True, states={'draft': [('readonly', False)]})
    requested_by_id = fields.Many2one(
        'res.users', string='Requested By', default=lambda self: self.env.user,
        readonly=True)
    carrier_id = fields.Many2one(
        'res.partner', string='Carrier', required=True, track_visibility='onchange',
        readonly=True, states={'draft': [('readonly', False)]})
    amount = fields.Monetary(
        string='Freight Amount', required=True, currency_field='currency_id',
        track_visibility='onchange', readonly=True,
        states={'draft': [('readonly', False)]})
    note = fields.Text(string='Remarks')
    invoice_id = fields.Many2one(
        'account.invoice', string='Vendor Bill', readonly=True, copy=False,
        groups='account.group_account_invoice')
    invoice_state = fields.Selection(
        related='invoice_id.state', string='Bill Status', readonly=True,
        groups='account.group_account_invoice')

    @api.onchange('shipment_id')
    def _onchange_shipment_id(self):
        if self.shipment_id.carrier_id:
            self.carrier_id = self.shipment_id.carrier_id
        if self.shipment_id.company_id:
            self.company_id = self.shipment_id.company_id

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains('amount')
    def _check_amount(self):
        for request in self:
            if float_compare(request.amount, 0.0,
                             precision_rounding=request.currency_id.rounding or 0.01) <= 0:
                raise ValidationError(_(
                    'Freight request %(request)s: the amount must be greater than zero.') % {
                    'request': request.name,
                })

    @api.constrains('shipment_id', 'state', 'company_id')
    def _check_shipment(self):
        """One freight request per shipment: a cancelled one may be replaced
        (a refused one is back in draft, to be corrected)."""
        for request in self.sudo():
            if request.shipment_id.company_id != request.company_id:
                raise ValidationError(_(
                    'Freight request %(request)s and its return shipment belong to '
                    'different companies.') % {'request': request.name})
            if request.state == 'cancel':
                continue
            other = request.search([
                ('shipment_id', '=', request.shipment_id.id), ('id', '!=', request.id),
                ('state', '!=', 'cancel')], limit=1)
            if other:
                raise ValidationError(_(
                    'Return shipment %(shipment)s already has freight request '
                    '%(request)s.') % {
                    'shipment': request.shipment_id.name,
                    'request': other.name,
                })

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        if vals.get('shipment_id'):
            shipment = self.env['oldparts.return.shipment'].browse(vals['shipment_id'])
            vals.setdefault('company_id', shipment.company_id.id)
            vals.setdefault('carrier_id', shipment.carrier_id.id)
        return super(OldpartsFreightRequest, self).create(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _oldparts_transitions(self):
        requesters = ('oldparts_module.group_oldparts_dealer',
                      'oldparts_module.group_oldparts_specialist')
        return {
            'action_submit': (('draft',), requesters, _('submit')),
            'action_cancel': (('draft', 'submitted'), requesters, _('cancel')),
            'action_draft': (('cancel',), requesters, _('reset to draft')),
        }

    @api.multi
    def action_submit(self):
        """Ask for approval; with no step configured for the amount, the
        request is approved at once."""
        self._check_transition('action_submit')
        for request in self._action_env():
            if request.shipment_id.state not in ('shipped', 'done'):
                raise UserError(_(
                    'Freight request %(request)s: return shipment %(shipment)s has not '
                    'been shipped.') % {
                    'request': request.name,
                    'shipment': request.shipment_id.name,
                })
            request._freight_account()
            request.write({'state': 'submitted', 'refusal_reason': False})
            if request._approval_request():
                request._approval_done()
        return True

    @api.multi
    def action_view_invoice(self):
        return self._oldparts_action_view(
            'account.action_invoice_tree2', self.invoice_id, 'account.invoice_supplier_form')

    # ------------------------------------------------------------------
    # Approval (oldparts.approval.mixin)
    # ------------------------------------------------------------------
    def _approval_amount(self):
        return self.amount

    def _approval_done(self):
        """Every step approved: the approver's rights were checked by the
        mixin; the bill is created for Finance whoever approved last."""
        for request in self.sudo():
            if request.state != 'submitted':
                continue
            vals = {'state': 'approved'}
            if not request.invoice_id:
                vals['invoice_id'] = request._create_vendor_bill().id
            request._action_write(vals)
            request.message_post(body=_('Approved; vendor bill created for %(carrier)s.') % {
                'carrier': request.carrier_id.display_name,
            })

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _freight_account(self):
        return self._oldparts_company_account('oldparts_freight_account_id', _(
            'Set the return freight expense account of company %(company)s first '
            '(Settings > Companies > Old Parts).'))

    def _freight_journal(self):
        self.ensure_one()
        return self._oldparts_company_journal('purchase', _(
            'Company %(company)s has no purchase journal for the freight bill.'))

    def _prepare_vendor_bill_values(self):
        self.ensure_one()
        carrier = self.carrier_id.with_context(force_company=self.company_id.id)
        shipment = self.shipment_id
        return {
            'type': 'in_invoice',
            'partner_id': self.carrier_id.id,
            'company_id': self.company_id.id,
            'journal_id': self._freight_journal().id,
            'currency_id': self.currency_id.id,
            'account_id': carrier.property_account_payable_id.id,
            'payment_term_id': carrier.property_supplier_payment_term_id.id,
            'origin': '%s %s' % (self.name, shipment.name),
            'reference': shipment.waybill_number,
            'oldparts_freight_request_id': self.id,
            'invoice_line_ids': [(0, 0, {
                'name': _('Old-part return freight %(shipment)s, waybill %(waybill)s') % {
                    'shipment': shipment.name,
                    'waybill': shipment.waybill_number or '',
                },
                'account_id': self._freight_account().id,
                'quantity': 1.0,
                'price_unit': self.amount,
            })],
        }

    def _create_vendor_bill(self):
        self.ensure_one()
        return self.env['account.invoice'].sudo().with_context(
            type='in_invoice', company_id=self.company_id.id).create(
            self._prepare_vendor_bill_values())

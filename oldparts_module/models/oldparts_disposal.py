# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import OrderedDict

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class OldpartsDisposal(models.Model):
    """Returned-part disposal form (附件八 旧件回司处置单): what HQ does with old
    parts received and judged (responsibility determined): reuse, refurbish,
    claim against the supplier, scrap or sell. Approved by the configured
    steps (by the value of the parts), then carried out in stock and
    accounting at once."""
    _name = 'oldparts.disposal'
    _description = 'Returned Old-Part Disposal Form'
    _sequence_code = 'oldparts.disposal'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'oldparts.approval.mixin',
                'oldparts.document.mixin']
    _order = 'date desc, id desc'
    _oldparts_holding_states = ('draft', 'submitted', 'approved')
    _mail_post_access = 'read'

    state = fields.Selection([
        ('draft', 'Draft'),
        ('submitted', 'To Approve'),
        ('approved', 'Approved'),
        ('done', 'Done'),
        ('cancel', 'Cancelled'),
    ], string='Status', required=True, readonly=True, copy=False, default='draft',
        index=True, track_visibility='onchange',
        help='Approved: the decisions may be carried out. Done: the parts were '
             'moved, scrapped or claimed, and disposed of in the ledger.')
    date = fields.Date(
        string='Date', required=True, default=fields.Date.context_today,
        readonly=True, states={'draft': [('readonly', False)]})
    user_id = fields.Many2one(
        'res.users', string='Prepared By', default=lambda self: self.env.user,
        readonly=True)
    line_ids = fields.One2many(
        'oldparts.disposal.line', 'disposal_id', string='Parts', copy=True,
        readonly=True, states={'draft': [('readonly', False)]})
    amount_total = fields.Monetary(
        string='Value of the Parts', compute='_compute_amount_total', store=True,
        currency_field='currency_id',
        help='Sum of the parts\' values; the approval steps depend on it.')
    done_date = fields.Date(string='Carried Out On', readonly=True, copy=False)
    picking_ids = fields.One2many(
        'stock.picking', 'oldparts_disposal_id', string='Transfers', readonly=True,
        groups='stock.group_stock_user')
    scrap_ids = fields.One2many(
        'stock.scrap', 'oldparts_disposal_id', string='Scraps', readonly=True,
        groups='stock.group_stock_user')
    refund_ids = fields.One2many(
        'account.invoice', 'oldparts_disposal_id', string='Supplier Refunds',
        readonly=True, groups='account.group_account_invoice')
    picking_count = fields.Integer(
        compute='_compute_counts', groups='stock.group_stock_user')
    scrap_count = fields.Integer(
        compute='_compute_counts', groups='stock.group_stock_user')
    refund_count = fields.Integer(
        compute='_compute_refund_count', groups='account.group_account_invoice')
    note = fields.Text(string='Remarks')

    @api.depends('line_ids.amount')
    def _compute_amount_total(self):
        for disposal in self:
            disposal.amount_total = sum(disposal.line_ids.mapped('amount'))

    def _compute_counts(self):
        for disposal in self:
            disposal.picking_count = len(disposal.picking_ids)
            disposal.scrap_count = len(disposal.scrap_ids)

    def _compute_refund_count(self):
        for disposal in self:
            disposal.refund_count = len(disposal.refund_ids)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _oldparts_transitions(self):
        hq = ('oldparts_module.group_oldparts_specialist',
              'oldparts_module.group_oldparts_materials')
        return {
            'action_submit': (('draft',), hq, _('submit')),
            'action_done': (('approved',), hq, _('carry out')),
            'action_cancel': (('draft', 'submitted', 'approved'), hq, _('cancel')),
            'action_draft': (('cancel',), hq, _('reset to draft')),
        }

    def _oldparts_held_parts(self):
        return self.line_ids.mapped('part_id')

    @api.multi
    def action_submit(self):
        self._check_transition('action_submit')
        for disposal in self._action_env():
            if not disposal.line_ids:
                raise UserError(_('Disposal form %(disposal)s has no parts.') % {
                    'disposal': disposal.name,
                })
            disposal.line_ids._check_ready()
            disposal.write({'state': 'submitted', 'refusal_reason': False})
            if disposal._approval_request():
                disposal._approval_done()
        return True

    @api.multi
    def action_done(self):
        """Carry out the approved decisions: transfers, scraps, supplier
        returns and refunds, then the ledger (hq_decision, disposal)."""
        self._check_transition('action_done')
        for disposal in self._action_env():
            disposal.line_ids._check_ready()
            disposal._carry_out_transfers()
            disposal._carry_out_scraps()
            disposal._carry_out_refunds()
            for line in disposal.line_ids:
                line.part_id.sudo()._action_write({'hq_decision': line.decision})
            to_dispose = disposal.line_ids.filtered(lambda l: l.decision != 'sell').mapped('part_id')
            to_dispose.sudo()._action_dispose()
            disposal.write({'state': 'done',
                            'done_date': fields.Date.context_today(disposal)})
        return True

    @api.multi
    def action_view_pickings(self):
        return self._oldparts_action_view('stock.action_picking_tree_all', self.picking_ids)

    @api.multi
    def action_view_scraps(self):
        return self._oldparts_action_view('stock.action_stock_scrap', self.scrap_ids)

    @api.multi
    def action_view_refunds(self):
        return self._oldparts_action_view('account.action_invoice_in_refund', self.refund_ids)

    # ------------------------------------------------------------------
    # Approval (oldparts.approval.mixin)
    # ------------------------------------------------------------------
    def _approval_amount(self):
        return self.amount_total

    def _approval_done(self):
        self.sudo().filtered(lambda d: d.state == 'submitted')._action_write(
            {'state': 'approved'})

    # ------------------------------------------------------------------
    # Carrying out
    # ------------------------------------------------------------------
    def _transfer_groups(self):
        """Lines moved by a transfer, grouped by (operation type, destination,
        partner): one picking each."""
        self.ensure_one()
        setup = self.company_id._oldparts_returns_setup()
        groups = OrderedDict()
        for line in self.line_ids:
            if line.decision == 'reuse':
                key = (setup.oldparts_internal_picking_type_id,
                       self.company_id._oldparts_reuse_location(), self.env['res.partner'])
            elif line.decision == 'refurbish':
                key = (setup.oldparts_internal_picking_type_id,
                       setup.oldparts_refurbish_location_id, self.env['res.partner'])
            elif line.decision == 'claim' and line.claim_return:
                supplier = line.supplier_id.with_context(force_company=self.company_id.id)
                key = (setup.oldparts_supplier_picking_type_id,
                       supplier.property_stock_supplier, line.supplier_id)
            else:
                continue
            groups.setdefault(key, self.env['oldparts.disposal.line'])
            groups[key] |= line
        return groups

    def _carry_out_transfers(self):
        self.ensure_one()
        source = self.company_id._oldparts_returns_setup().oldparts_hq_location_id
        Picking = self.env['stock.picking']
        for (picking_type, destination, partner), lines in self._transfer_groups().items():
            picking = Picking.create({
                'picking_type_id': picking_type.id,
                'partner_id': partner.id,
                'company_id': self.company_id.id,
                'location_id': source.id,
                'location_dest_id': destination.id,
                'origin': self.name,
                'oldparts_disposal_id': self.id,
                'move_lines': [(0, 0, line._prepare_move_values(source, destination))
                               for line in lines],
            })
            picking.action_confirm()
            picking.action_assign()
            for move in picking.move_lines:
                for move_line in move.move_line_ids:
                    move_line.qty_done = move_line.product_uom_qty
            if picking._check_backorder():
                raise UserError(_(
                    'Disposal form %(disposal)s: some parts are not in stock at '
                    '%(location)s.') % {
                    'disposal': self.name,
                    'location': source.display_name,
                })
            picking.action_done()
            for line in lines:
                line.picking_id = picking

    def _carry_out_scraps(self):
        self.ensure_one()
        source = self.company_id._oldparts_returns_setup().oldparts_hq_location_id
        scrap_location = self.env['stock.location'].search([
            ('scrap_location', '=', True),
            ('company_id', 'in', (self.company_id.id, False))], limit=1)
        for line in self.line_ids.filtered(lambda l: l.decision == 'scrap'):
            part = line.part_id
            scrap = self.env['stock.scrap'].create({
                'product_id': part.product_id.id,
                'product_uom_id': part.product_id.uom_id.id,
                'scrap_qty': part.quantity,
                'lot_id': part.stock_lot_id.id,
                'location_id': source.id,
                'scrap_location_id': scrap_location.id,
                'origin': '%s %s' % (self.name, part.name),
                'oldparts_part_id': part.id,
                'oldparts_disposal_id': self.id,
            })
            scrap.do_scrap()
            line.scrap_id = scrap

    def _carry_out_refunds(self):
        """One supplier refund (in_refund) per supplier for the claimed
        amounts."""
        self.ensure_one()
        by_supplier = OrderedDict()
        for line in self.line_ids.filtered(lambda l: l.decision == 'claim' and l.claim_amount):
            by_supplier.setdefault(line.supplier_id, self.env['oldparts.disposal.line'])
            by_supplier[line.supplier_id] |= line
        for supplier, lines in by_supplier.items():
            refund = self.env['account.invoice'].sudo().with_context(
                type='in_refund', company_id=self.company_id.id).create(
                self._prepare_refund_values(supplier, lines))
            lines.sudo()._action_env().write({'refund_id': refund.id})

    def _prepare_refund_values(self, supplier, lines):
        self.ensure_one()
        partner = supplier.with_context(force_company=self.company_id.id)
        journal = self._oldparts_company_journal('purchase', _(
            'Company %(company)s has no purchase journal for the supplier refund.'))
        return {
            'type': 'in_refund',
            'partner_id': supplier.id,
            'company_id': self.company_id.id,
            'journal_id': journal.id,
            'currency_id': self.currency_id.id,
            'account_id': partner.property_account_payable_id.id,
            'origin': self.name,
            'oldparts_disposal_id': self.id,
            'invoice_line_ids': [(0, 0, line._prepare_refund_line_values()) for line in lines],
        }

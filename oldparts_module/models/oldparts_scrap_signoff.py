# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

STATES = [
    ('draft', 'Draft'),
    ('submitted', 'To Approve'),
    ('approved', 'Approved'),
    ('done', 'Done'),
    ('cancel', 'Cancelled'),
]
ACTIVE_STATES = ('submitted', 'approved', 'done')
READONLY_STATES = {state: [('readonly', True)] for state, _label in STATES if state != 'draft'}
METHODS = [
    ('destroy', 'Destroyed'),
    ('gift', 'Given Away'),
]


class OldpartsScrapSignoff(models.Model):
    """Scrap sign-off form (附件九 旧件报废签收单): old parts without sale
    value destroyed, or given away, on site, witnessed by people of
    different departments, with photos, after approval."""
    _name = 'oldparts.scrap.signoff'
    _description = 'Old-Part Scrap Sign-off'
    _sequence_code = 'oldparts.scrap.signoff'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'oldparts.approval.mixin',
                'oldparts.local.disposal.mixin', 'oldparts.document.mixin']
    _order = 'disposal_date desc, id desc'
    _oldparts_holding_states = ('draft', 'submitted', 'approved')

    state = fields.Selection(
        STATES, string='Status', required=True, readonly=True, copy=False,
        default='draft', index=True, track_visibility='onchange',
        help='Draft: the dealer lists the parts, the witnesses and the photos. '
             'To approve: the approvers decide. Approved: the dealer may destroy '
             'or give the parts away. Done: the parts left the stock.')
    dealer_id = fields.Many2one(
        'res.partner', string='Dealer', required=True, index=True,
        domain=[('is_oldparts_dealer', '=', True)], states=READONLY_STATES,
        default=lambda self: self.env.user.oldparts_dealer_id,
        track_visibility='onchange')
    method = fields.Selection(
        METHODS, string='Method', required=True, default='destroy',
        states=READONLY_STATES, track_visibility='onchange')
    recipient_id = fields.Many2one(
        'res.partner', string='Given To', states=READONLY_STATES,
        help='Who receives the parts given away.')
    disposal_date = fields.Date(
        string='Disposal Date', required=True, default=fields.Date.context_today,
        states={'done': [('readonly', True)], 'cancel': [('readonly', True)]})
    place = fields.Char(string='Place', states=READONLY_STATES)
    user_id = fields.Many2one(
        'res.users', string='Applicant', default=lambda self: self.env.user,
        states=READONLY_STATES)
    part_ids = fields.Many2many(
        'oldparts.part', 'oldparts_scrap_signoff_part_rel', 'signoff_id', 'part_id',
        string='Old Parts', states=READONLY_STATES, copy=False,
        domain="[('dealer_id', '=', dealer_id), ('disposal_type', '=', method), "
               "('state', 'in', ('handed_over', 'in_local_disposal'))]")
    witness_ids = fields.One2many(
        'oldparts.scrap.signoff.witness', 'signoff_id', string='Witnesses',
        states=READONLY_STATES, copy=False)
    reason = fields.Text(string='Reason', states=READONLY_STATES,
                         help='Why the parts have no (or little) sale value.')
    amount_total = fields.Monetary(
        string='Value of the Parts', compute='_compute_amount_total', store=True,
        help='Total of the parts; the approval steps apply to it.')
    photo_count = fields.Integer(string='Photos', compute='_compute_photo_count')
    scrap_ids = fields.Many2many(
        'stock.scrap', 'oldparts_scrap_signoff_scrap_rel', 'signoff_id', 'scrap_id',
        string='Scrap Orders', readonly=True, copy=False)
    picking_ids = fields.Many2many(
        'stock.picking', 'oldparts_scrap_signoff_picking_rel', 'signoff_id', 'picking_id',
        string='Deliveries', readonly=True, copy=False)

    @api.depends('part_ids.amount_total')
    def _compute_amount_total(self):
        for signoff in self:
            signoff.amount_total = sum(signoff.part_ids.mapped('amount_total'))

    def _photos(self):
        self.ensure_one()
        return self.env['ir.attachment'].sudo().search([
            ('res_model', '=', self._name), ('res_id', '=', self.id),
            ('mimetype', '=like', 'image/%')])

    def _compute_photo_count(self):
        for signoff in self:
            signoff.photo_count = len(signoff._photos()) if isinstance(signoff.id, int) else 0

    @api.constrains('dealer_id')
    def _check_dealer(self):
        self._oldparts_check_dealer_flag()

    @api.constrains('method', 'recipient_id')
    def _check_recipient(self):
        for signoff in self:
            if signoff.method == 'gift' and not signoff.recipient_id:
                raise ValidationError(_(
                    '%(signoff)s: name who receives the parts given away.') % {
                    'signoff': signoff.name,
                })

    @api.constrains('state', 'witness_ids', 'part_ids')
    def _check_submission(self):
        """At least N witnesses, from N different departments (section 9),
        and parts whose disposal type is the method."""
        for signoff in self.filtered(lambda s: s.state in ACTIVE_STATES):
            if not signoff.part_ids:
                raise ValidationError(_('%(signoff)s has no old parts.') % {
                    'signoff': signoff.name,
                })
            company = signoff.company_id
            minimum = company.oldparts_min_witnesses
            witnesses = signoff.witness_ids
            if len(witnesses) < minimum:
                raise ValidationError(_(
                    '%(signoff)s needs at least %(minimum)d witnesses (%(count)d given).') % {
                    'signoff': signoff.name,
                    'minimum': minimum,
                    'count': len(witnesses),
                })
            departments = set(witnesses.mapped(lambda w: (w.department or '').strip().lower()))
            if company.oldparts_witness_distinct_departments and len(departments) < minimum:
                raise ValidationError(_(
                    '%(signoff)s: the witnesses must come from at least %(minimum)d '
                    'different departments (%(count)d given).') % {
                    'signoff': signoff.name,
                    'minimum': minimum,
                    'count': len(departments),
                })

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _oldparts_transitions(self):
        dealer_or_specialist = ('oldparts_module.group_oldparts_dealer',
                                'oldparts_module.group_oldparts_specialist')
        return {
            'action_submit': (('draft',), dealer_or_specialist, _('submit')),
            'action_done': (('approved',), dealer_or_specialist, _('confirm the disposal')),
            'action_cancel': (('draft', 'submitted', 'approved'), dealer_or_specialist,
                              _('cancel')),
            'action_draft': (('cancel',), dealer_or_specialist, _('reset to draft')),
        }

    def _oldparts_held_parts(self):
        return self.part_ids

    @api.multi
    def action_submit(self):
        self._check_transition('action_submit')
        for signoff in self._action_env():
            signoff._oldparts_check_parts(signoff.part_ids, (signoff.method,), _('submit'))
            if signoff.company_id.oldparts_signoff_photo_required and not signoff._photos():
                raise UserError(_('%(signoff)s: attach photos of the parts.') % {
                    'signoff': signoff.name})
            signoff.write({'state': 'submitted', 'refusal_reason': False})
            signoff.part_ids.filtered(
                lambda p: p.state == 'handed_over').sudo()._action_start_local_disposal()
            if signoff._approval_request():
                signoff._approval_done()
        return True

    def _approval_amount(self):
        self.ensure_one()
        return self.amount_total

    def _approval_done(self):
        self._action_write({'state': 'approved'})

    @api.multi
    def action_done(self):
        """The parts were destroyed (scrapped) or handed to the recipient."""
        self._check_transition('action_done')
        for signoff in self._action_env():
            parts = signoff.part_ids
            parts._check_state(('in_local_disposal',), _('dispose of'))
            if signoff.method == 'destroy':
                signoff.write({'scrap_ids': [(4, s.id) for s in signoff._oldparts_scrap(parts)]})
            else:
                pickings = signoff._oldparts_deliver(parts, signoff.recipient_id)
                signoff.write({'picking_ids': [(4, p.id) for p in pickings]})
            signoff.write({'state': 'done'})
            parts.sudo()._action_dispose()
        return True

    @api.multi
    def action_cancel(self):
        """The dealer withdraws a draft; the specialist may cancel until the
        parts are disposed of."""
        if not self._oldparts_user_in(('oldparts_module.group_oldparts_specialist',)):
            self._check_state(('draft',), _('cancel'))
        return super(OldpartsScrapSignoff, self).action_cancel()

    @api.multi
    def action_view_photos(self):
        self.ensure_one()
        action = self.env.ref('base.action_attachment').read()[0]
        action['domain'] = [('res_model', '=', self._name), ('res_id', '=', self.id)]
        action['context'] = {'default_res_model': self._name, 'default_res_id': self.id}
        return action

    @api.multi
    def action_view_stock(self):
        if self.scrap_ids:
            return self._oldparts_action_view('stock.action_stock_scrap', self.scrap_ids)
        return self._oldparts_action_view('stock.action_picking_tree_all', self.picking_ids)

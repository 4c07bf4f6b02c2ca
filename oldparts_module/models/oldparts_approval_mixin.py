# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class OldpartsApprovalMixin(models.AbstractModel):
    """Sequential approval by configurable steps (oldparts.approval.tier).

    A consuming model inherits this mixin (and mail.activity.mixin), calls
    ``_approval_request()`` when the document is submitted, and implements
    ``_approval_done()`` (all steps approved). The document's states are
    ``draft`` -> ``submitted`` -> ``approved``: a refusal sends it back to
    ``draft`` with the reason (``refusal_reason``, cleared on the next
    submission), the same for every document.
    ``_approval_amount()`` gives the amount the steps' thresholds compare to.
    """
    _name = 'oldparts.approval.mixin'
    _description = 'Old Parts Approval'

    approval_review_ids = fields.One2many(
        'oldparts.approval.review', 'res_id', string='Approvals',
        domain=lambda self: [('res_model', '=', self._name)], copy=False, readonly=True)
    approval_pending_group_id = fields.Many2one(
        'res.groups', string='Awaiting Approval By',
        compute='_compute_approval_pending')
    can_approve = fields.Boolean(
        string='Awaiting My Approval', compute='_compute_approval_pending',
        search='_search_can_approve')
    refusal_reason = fields.Text(string='Refusal Reason', readonly=True, copy=False)

    @api.depends('approval_review_ids.status')
    def _compute_approval_pending(self):
        user_groups = self.env.user.groups_id
        for record in self:
            pending = record._approval_review('pending')
            record.approval_pending_group_id = pending.group_id
            record.can_approve = bool(pending) and (
                pending.group_id in user_groups or self.env.uid == SUPERUSER_ID)

    def _search_can_approve(self, operator, value):
        """Documents whose pending step is for one of the user's groups; for
        the administrator (SUPERUSER_ID), who may approve every step, every
        document awaiting a step (the same rule as ``can_approve``)."""
        domain = [('res_model', '=', self._name), ('status', '=', 'pending')]
        if self.env.uid != SUPERUSER_ID:
            domain.append(('group_id', 'in', self.env.user.groups_id.ids))
        reviews = self.env['oldparts.approval.review'].sudo().search(domain)
        positive = (operator == '=') == bool(value)
        return [('id', 'in' if positive else 'not in', reviews.mapped('res_id'))]

    def _approval_review(self, status):
        """The first review of the document in ``status`` (the step pending,
        or the next one waiting)."""
        self.ensure_one()
        return self.approval_review_ids.filtered(lambda r: r.status == status)[:1]

    def _approval_amount(self):
        return 0.0

    def _approval_company(self):
        return self.company_id if 'company_id' in self._fields else self.env.user.company_id

    def _approval_currency(self):
        return self._approval_company().currency_id

    def _approval_tiers(self, amount=None):
        """The steps that apply to this document (or to ``amount``), in order:
        the one place the steps are chosen."""
        self.ensure_one()
        company = self._approval_company()
        tiers = self.env['oldparts.approval.tier'].sudo().search([
            ('model_name', '=', self._name),
            ('company_id', 'in', (company.id, False))])
        rounding = self._approval_currency().rounding or 0.01
        amount = self._approval_amount() if amount is None else amount
        return tiers.filtered(lambda t: float_compare(
            amount, t.min_amount, precision_rounding=rounding) >= 0)

    def _approval_request(self):
        """Create the reviews; returns True when no step applies (nothing to
        approve). The first step gets an activity per approver."""
        Review = self.env['oldparts.approval.review'].sudo()
        no_step = True
        for record in self:
            record.approval_review_ids.sudo().unlink()
            tiers = record._approval_tiers()
            for index, tier in enumerate(tiers):
                Review.create({
                    'res_model': record._name,
                    'res_id': record.id,
                    'company_id': record._approval_company().id,
                    'dealer_id': record.dealer_id.id if 'dealer_id' in record._fields else False,
                    'tier_id': tier.id,
                    'sequence': index + 1,
                    'group_id': tier.group_id.id,
                    'status': 'pending' if index == 0 else 'waiting',
                })
            # res_id is an integer, not a many2one: Odoo does not add the new
            # reviews to the cached one2many by itself.
            record.invalidate_cache(['approval_review_ids'], record.ids)
            if tiers:
                no_step = False
                record._approval_notify_pending()
        return no_step

    def _approval_notify_pending(self):
        """An activity for each approver of the pending step."""
        today = fields.Date.context_today(self)
        for record in self:
            pending = record._approval_review('pending')
            if pending:
                record._schedule_activity(
                    'oldparts_module.mail_activity_type_oldparts_approval',
                    record._group_users(pending.group_id),
                    _('To approve: %(step)s') % {'step': pending.name}, False, today)

    def _oldparts_on_state(self, state):
        """Cancelled or back to draft: the open steps and their activities go
        (the steps done stay, as the history of the document)."""
        if state in ('draft', 'cancel'):
            self._approval_clear_activities()
            self.mapped('approval_review_ids').filtered(
                lambda r: r.status in ('waiting', 'pending')).sudo().unlink()
            self.invalidate_cache(['approval_review_ids'], self.ids)
        return super(OldpartsApprovalMixin, self)._oldparts_on_state(state)

    def _approval_clear_activities(self):
        activity_type = self.env.ref('oldparts_module.mail_activity_type_oldparts_approval')
        self.sudo().mapped('activity_ids').filtered(
            lambda a: a.activity_type_id == activity_type).unlink()

    @api.multi
    def action_approve(self):
        for record in self:
            pending = record._approval_review('pending')
            if not pending:
                raise UserError(_('%(document)s is not waiting for an approval.') % {
                    'document': record.display_name})
            if not record.can_approve:
                raise UserError(_(
                    'Only a member of "%(group)s" may approve this step of %(document)s.') % {
                    'group': pending.group_id.name, 'document': record.display_name})
            pending.sudo().write({
                'status': 'approved', 'done_by_id': self.env.uid,
                'done_date': fields.Datetime.now()})
            record._approval_clear_activities()
            record.message_post(body=_('Approved: %(step)s') % {'step': pending.name})
            following = record._approval_review('waiting')
            if following:
                following.sudo().write({'status': 'pending'})
                record._approval_notify_pending()
            else:
                record._action_env()._approval_done()
        return True

    @api.multi
    def action_refuse_wizard(self):
        """Ask the approver for the reason of the refusal."""
        action = self.env.ref('oldparts_module.oldparts_approval_refuse_action').read()[0]
        action['context'] = {'active_model': self._name, 'active_ids': self.ids,
                             'active_id': self.id}
        return action

    @api.multi
    def action_refuse(self, reason):
        if not (reason or '').strip():
            raise UserError(_('Give the reason of the refusal.'))
        for record in self:
            pending = record._approval_review('pending')
            if not pending or not record.can_approve:
                raise UserError(_('You cannot refuse %(document)s now.') % {
                    'document': record.display_name})
            pending.sudo().write({
                'status': 'refused', 'done_by_id': self.env.uid,
                'done_date': fields.Datetime.now(), 'reason': reason})
            record.approval_review_ids.filtered(
                lambda r: r.status == 'waiting').sudo().unlink()
            record.invalidate_cache(['approval_review_ids'], record.ids)
            record._approval_clear_activities()
            record.message_post(body=_('Refused: %(step)s. Reason: %(reason)s') % {
                'step': pending.name, 'reason': reason})
            record._action_env()._approval_refused(reason)
        return True

    def _approval_done(self):
        raise NotImplementedError()

    def _approval_refused(self, reason):
        """Back to draft with the reason, for the requester to correct and
        submit again."""
        self._approval_writer()._action_write({'state': 'draft', 'refusal_reason': reason})

    def _approval_writer(self):
        """The approver writes the outcome as themselves where their rights
        allow it; where they may only read the document (the general
        manager on freight requests and disposal forms), as the superuser:
        the approval step already checked their group."""
        if self.check_access_rights('write', raise_exception=False):
            return self
        return self.sudo()

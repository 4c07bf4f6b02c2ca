# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class OldpartsApprovalTier(models.Model):
    """One approval step of an old-parts document (freight request, sale
    application, disposal form, scrap sign-off), configured as data: who
    approves (a group, never a named user), from which amount, in which
    order. Shaped after OCA base_tier_validation's tier.definition, but
    sequential (the specialist verifies before the general manager decides)
    and with mail activities for the approvers."""
    _name = 'oldparts.approval.tier'
    _description = 'Old Parts Approval Step'
    _order = 'model_name, sequence, id'

    name = fields.Char(string='Step', required=True, translate=True)
    model_name = fields.Selection(
        '_selection_model_name', string='Document', required=True, index=True)
    sequence = fields.Integer(default=10, help='Steps are approved in this order.')
    group_id = fields.Many2one(
        'res.groups', string='Approver Group', required=True,
        help='Any active user of this group in the document\'s company may approve.')
    min_amount = fields.Monetary(
        string='From Amount', currency_field='currency_id',
        help='The step applies when the document amount is at least this much.')
    currency_id = fields.Many2one(
        'res.currency', default=lambda self: self.env.user.company_id.currency_id)
    company_id = fields.Many2one(
        'res.company', string='Company', help='Empty: every company.')
    active = fields.Boolean(default=True)

    @api.model
    def _selection_model_name(self):
        """Every model that inherits the approval mixin."""
        mixin = self.env.registry['oldparts.approval.mixin']
        return [(name, self.env[name]._description)
                for name in sorted(self.env.registry.models)
                if name != mixin._name and not self.env[name]._abstract
                and isinstance(self.env[name], mixin)]

    @api.constrains('min_amount')
    def _check_min_amount(self):
        for tier in self:
            if tier.min_amount < 0:
                raise ValidationError(_('The amount of an approval step cannot be negative.'))

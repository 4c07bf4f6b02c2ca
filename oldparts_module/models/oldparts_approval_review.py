# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class OldpartsApprovalReview(models.Model):
    """One step of the approval of one document."""
    _name = 'oldparts.approval.review'
    _description = 'Old Parts Approval Review'
    _order = 'res_model, res_id, sequence, id'

    res_model = fields.Char(required=True, index=True, readonly=True)
    res_id = fields.Integer(required=True, index=True, readonly=True)
    # the document's company and dealer, copied when the step is created, so
    # that record rules keep dealers to their own documents' approvals
    company_id = fields.Many2one('res.company', string='Company', readonly=True, index=True)
    dealer_id = fields.Many2one('res.partner', string='Dealer', readonly=True, index=True)
    tier_id = fields.Many2one('oldparts.approval.tier', string='Step', readonly=True,
                              ondelete='restrict')
    name = fields.Char(related='tier_id.name', readonly=True)
    sequence = fields.Integer(readonly=True)
    group_id = fields.Many2one('res.groups', string='Approver Group', readonly=True)
    status = fields.Selection([
        ('waiting', 'Waiting'),
        ('pending', 'To Approve'),
        ('approved', 'Approved'),
        ('refused', 'Refused'),
    ], default='waiting', required=True, readonly=True)
    done_by_id = fields.Many2one('res.users', string='By', readonly=True)
    done_date = fields.Datetime(string='On', readonly=True)
    reason = fields.Text(string='Reason', readonly=True)

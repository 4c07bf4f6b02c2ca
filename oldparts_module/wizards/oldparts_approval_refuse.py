# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class OldpartsApprovalRefuse(models.TransientModel):
    """Asks for the reason of a refusal, then refuses the active document."""
    _name = 'oldparts.approval.refuse'
    _description = 'Refuse an Old Parts Document'

    reason = fields.Text(string='Reason', required=True)

    @api.multi
    def action_refuse(self):
        self.ensure_one()
        records = self.env[self.env.context['active_model']].browse(
            self.env.context.get('active_ids') or [self.env.context['active_id']])
        records.action_refuse(self.reason)
        return {'type': 'ir.actions.act_window_close'}

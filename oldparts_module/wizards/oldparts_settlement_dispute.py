# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class OldpartsSettlementDispute(models.TransientModel):
    """The dealer's reason for disputing lines, or the specialist's answer."""
    _name = 'oldparts.settlement.dispute'
    _description = 'Dispute of Old-Part Settlement Lines'

    reason = fields.Text(string='Reason', required=True)

    def _lines(self):
        return self.env['oldparts.settlement.line'].browse(
            self.env.context.get('active_ids') or [self.env.context.get('active_id')])

    @api.multi
    def action_dispute(self):
        self.ensure_one()
        self._lines().action_dispute(self.reason)
        return {'type': 'ir.actions.act_window_close'}

    @api.multi
    def action_waive(self):
        self.ensure_one()
        self._lines().action_waive(self.reason)
        return {'type': 'ir.actions.act_window_close'}

    @api.multi
    def action_uphold(self):
        self.ensure_one()
        self._lines().action_uphold(self.reason)
        return {'type': 'ir.actions.act_window_close'}

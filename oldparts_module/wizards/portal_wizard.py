# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PortalWizardUser(models.TransientModel):
    """Odoo's "Grant portal access" on a dealer's contacts makes them
    dealer-portal users of that dealer (and revoking it takes it back)."""
    _inherit = 'portal.wizard.user'

    @api.multi
    def action_apply(self):
        res = super(PortalWizardUser, self).action_apply()
        users = self.sudo().with_context(active_test=False).mapped('partner_id.user_ids')
        users._oldparts_sync_portal_dealer()
        return res

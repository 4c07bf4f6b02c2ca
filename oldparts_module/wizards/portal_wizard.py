# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PortalWizardUser(models.TransientModel):
    """Odoo's "Grant portal access" on a dealer's contacts makes them
    dealer-portal users of that dealer (and revoking it takes it back)."""
    _inherit = 'portal.wizard.user'

    @api.multi
    def action_apply(self):
        # the dealer-portal group implies the portal group: it goes first,
        # or the portal group could not be taken away
        revoked = self.sudo().with_context(active_test=False).filtered(
            lambda w: not w.in_portal).mapped('partner_id.user_ids')
        group = self.env.ref('oldparts_module.group_oldparts_portal')
        revoked.filtered(lambda u: group in u.groups_id).write({
            'groups_id': [(3, group.id)], 'oldparts_dealer_id': False})
        res = super(PortalWizardUser, self).action_apply()
        users = self.sudo().with_context(active_test=False).mapped('partner_id.user_ids')
        users._oldparts_sync_portal_dealer()
        return res

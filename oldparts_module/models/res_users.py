# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

PORTAL = 'oldparts_module.group_oldparts_portal'


class ResUsers(models.Model):
    _inherit = 'res.users'

    oldparts_dealer_id = fields.Many2one(
        'res.partner', string='Old-Parts Dealer',
        domain=[('is_oldparts_dealer', '=', True)],
        help='Dealer users, engineers and keepers see only this dealer\'s old parts. '
             'For a portal user it is the dealer whose contact the user is.')

    def _oldparts_partner_dealer(self):
        """The dealer whose contact the user is: the commercial partner of
        its contact, when that is a dealer."""
        self.ensure_one()
        dealer = self.sudo().partner_id.commercial_partner_id
        return dealer if dealer.is_oldparts_dealer else self.env['res.partner']

    def _oldparts_sync_portal_dealer(self):
        """A portal user (``share``) belongs to the dealer of its contact: it
        gets that dealer and the dealer-portal group; a portal user whose
        contact is no dealer's loses both (it then sees no old-part record).
        Internal users keep the dealer set on them by hand."""
        group = self.env.ref(PORTAL)
        for user in self.sudo().filtered('share'):
            dealer = user._oldparts_partner_dealer()
            in_portal = user.has_group('base.group_portal')
            if dealer and in_portal:
                vals = {}
                if user.oldparts_dealer_id != dealer:
                    vals['oldparts_dealer_id'] = dealer.id
                if group not in user.groups_id:
                    vals['groups_id'] = [(4, group.id)]
                if vals:
                    user.write(vals)
            elif group in user.groups_id or user.oldparts_dealer_id:
                user.write({'oldparts_dealer_id': False, 'groups_id': [(3, group.id)]})

    @api.model
    def create(self, vals):
        user = super(ResUsers, self).create(vals)
        user._oldparts_sync_portal_dealer()
        return user

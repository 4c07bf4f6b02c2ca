# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    is_oldparts_dealer = fields.Boolean(
        string='Old-Parts Dealer', index=True,
        help='A dealer whose service engineers replace parts.')
    oldparts_dealer_code = fields.Char(string='Dealer Code')
    oldparts_buyer_dealer_id = fields.Many2one(
        'res.partner', string='Scrap Buyer of Dealer', index=True,
        domain=[('is_oldparts_dealer', '=', True)],
        help='A local scrap buyer that this dealer asks for quotes; the dealer '
             'creates and edits its own buyers.')

    @api.model
    def _oldparts_own_dealer_domain(self):
        """With ``oldparts_own_dealer`` in the context (the dealer fields of
        the old-parts forms), a dealer-side user is offered its own dealer
        only; company staff are offered every dealer."""
        user = self.env.user
        if not self._context.get('oldparts_own_dealer') or not user.oldparts_dealer_id \
                or user.has_group('oldparts_module.group_oldparts_user'):
            return []
        return [('id', '=', user.oldparts_dealer_id.id)]

    @api.model
    def name_search(self, name='', args=None, operator='ilike', limit=100):
        args = list(args or []) + self._oldparts_own_dealer_domain()
        return super(ResPartner, self).name_search(name, args, operator=operator, limit=limit)

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        args = list(args or []) + self._oldparts_own_dealer_domain()
        return super(ResPartner, self)._search(
            args, offset=offset, limit=limit, order=order, count=count,
            access_rights_uid=access_rights_uid)

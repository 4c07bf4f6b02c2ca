# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


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

    # ==================================================================
    # Returns (was models/res_partner_returns.py): a dealer keeps the old
    # parts its engineers hand over in its own old-part location, created
    # when the partner is flagged as a dealer.
    # ==================================================================

    oldparts_location_id = fields.Many2one(
        'stock.location', string='Old-Part Location', copy=False, readonly=True,
        help='Internal location of the old parts held by this dealer\'s field '
             'warehouse keeper.')

    @api.model
    def create(self, vals):
        partner = super(ResPartner, self).create(vals)
        if partner.is_oldparts_dealer:
            partner._oldparts_dealer_location()
        return partner

    @api.multi
    def write(self, vals):
        res = super(ResPartner, self).write(vals)
        if vals.get('is_oldparts_dealer'):
            for partner in self:
                partner._oldparts_dealer_location()
        if 'name' in vals or 'oldparts_dealer_code' in vals:
            for partner in self.filtered('oldparts_location_id'):
                partner.oldparts_location_id.sudo().name = partner._oldparts_location_name()
        return res

    def _oldparts_location_name(self):
        self.ensure_one()
        if self.oldparts_dealer_code:
            return '[%s] %s' % (self.oldparts_dealer_code, self.name)
        return self.name

    def _oldparts_dealer_location(self, company=None):
        """The dealer's old-part location, created when missing, in the
        dealer's company (or the given / current user's company)."""
        self.ensure_one()
        location = self.oldparts_location_id
        company = company or self.company_id or self.env.user.company_id
        if location:
            if location.company_id and location.company_id != company:
                raise UserError(_(
                    'The old-part location of dealer %(dealer)s belongs to company '
                    '%(location_company)s, not %(company)s.') % {
                    'dealer': self.name,
                    'location_company': location.company_id.name,
                    'company': company.name,
                })
            return location
        parent = company._oldparts_returns_setup().oldparts_location_id
        location = self.env['stock.location'].sudo().create({
            'name': self._oldparts_location_name(),
            'usage': 'internal',
            'location_id': parent.id,
            'company_id': company.id,
            'is_oldparts_location': True,
            'oldparts_dealer_id': self.id,
        })
        self.sudo().write({'oldparts_location_id': location.id})
        return location

    @api.model
    def _oldparts_setup_dealer_locations(self):
        """Called from data: dealers flagged before this feature get theirs."""
        for partner in self.search([('is_oldparts_dealer', '=', True),
                                    ('oldparts_location_id', '=', False)]):
            partner._oldparts_dealer_location()
        return True

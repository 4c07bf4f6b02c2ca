# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class OldpartsSaleQuote(models.Model):
    """A scrap buyer's quote for the lot of a sale application (section
    4.2: at least three buyers, with contact person, phone and price)."""
    _name = 'oldparts.sale.quote'
    _inherit = 'oldparts.document.line.mixin'
    _description = 'Scrap Buyer Quote'
    _order = 'application_id, price desc, id'
    _oldparts_parent_field = 'application_id'

    application_id = fields.Many2one(
        'oldparts.sale.application', string='Sale Application', required=True,
        index=True, ondelete='cascade')
    company_id = fields.Many2one(related='application_id.company_id', store=True, readonly=True)
    currency_id = fields.Many2one(related='application_id.currency_id', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Buyer', required=True, index=True)
    contact_name = fields.Char(string='Contact Person', required=True)
    phone = fields.Char(string='Phone', required=True)
    price = fields.Monetary(string='Price per Ton', required=True)
    licence = fields.Char(
        string='Licence No.', help='Buyers of hazardous waste need a valid licence.')
    note = fields.Char(string='Remarks')
    is_best = fields.Boolean(string='Best Quote', compute='_compute_is_best')
    is_selected = fields.Boolean(string='Selected', compute='_compute_is_best')

    @api.multi
    def name_get(self):
        return [(quote.id, '%s (%s)' % (quote.partner_id.name, quote.price)) for quote in self]

    @api.depends('price', 'application_id.quote_ids.price', 'application_id.quote_id')
    def _compute_is_best(self):
        for quote in self:
            best = max(quote.application_id.quote_ids.mapped('price') or [0.0])
            quote.is_best = float_compare(
                quote.price, best, precision_rounding=quote.currency_id.rounding or 0.01) >= 0
            quote.is_selected = quote.application_id.quote_id == quote

    @api.constrains('price')
    def _check_price(self):
        for quote in self:
            if float_compare(quote.price, 0.0,
                             precision_rounding=quote.currency_id.rounding or 0.01) <= 0:
                raise ValidationError(_('The quote of %(buyer)s must be greater than zero.') % {
                    'buyer': quote.partner_id.name,
                })

    @api.onchange('partner_id')
    def _onchange_partner_id(self):
        if self.partner_id:
            contact = self.partner_id.child_ids.filtered(lambda c: c.type == 'contact')[:1]
            self.contact_name = self.contact_name or contact.name or self.partner_id.name
            self.phone = self.phone or self.partner_id.mobile or self.partner_id.phone

    @api.multi
    def action_select(self):
        """Sell to this buyer."""
        self.ensure_one()
        self._oldparts_check_parent_open(self.application_id)
        self.application_id.quote_id = self
        return True

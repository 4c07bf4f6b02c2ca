# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class OldpartsDealerBasePrice(models.Model):
    """Each dealer's scrap base price (附件十三 各代理商废品处理基价, reference
    standard 4), valid from a date, for one grade or for all grades."""
    _name = 'oldparts.dealer.base.price'
    _description = 'Dealer Scrap Base Price'
    _order = 'dealer_id, date_from desc, id desc'

    dealer_id = fields.Many2one(
        'res.partner', string='Dealer', required=True, index=True,
        domain=[('is_oldparts_dealer', '=', True)])
    grade_id = fields.Many2one(
        'oldparts.metal.grade', string='Grade', index=True,
        help='Empty: the base price of every grade.')
    date_from = fields.Date(
        string='Valid From', required=True, default=fields.Date.context_today)
    price = fields.Monetary(
        string='Base Price per Ton', required=True, currency_field='currency_id')
    note = fields.Char(string='Remarks')
    company_id = fields.Many2one(
        'res.company', string='Company', index=True,
        default=lambda self: self.env['res.company']._company_default_get(
            'oldparts.dealer.base.price'))
    currency_id = fields.Many2one(
        'res.currency', string='Currency', required=True,
        default=lambda self: self.env.user.company_id.currency_id)

    @api.constrains('price')
    def _check_price(self):
        for base in self:
            if float_compare(base.price, 0.0,
                             precision_rounding=base.currency_id.rounding) < 0:
                raise ValidationError(_('A base price cannot be negative.'))

    @api.model
    def _find_price(self, dealer, grade, date, company):
        """The base price valid on that date; the grade's own price wins
        over an all-grades one of the same date."""
        return self.search([
            ('dealer_id', '=', dealer.id),
            ('grade_id', 'in', (grade.id, False)),
            ('date_from', '<=', date),
            ('company_id', 'in', (company.id, False)),
        ], order='date_from desc, grade_id, id desc', limit=1)

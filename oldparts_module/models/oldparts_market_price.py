# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class OldpartsMarketPrice(models.Model):
    """A regional scrap-metal market price of one day (section 4.1), as
    published e.g. by a provincial metal price site; kept by the users and
    imported from spreadsheets."""
    _name = 'oldparts.market.price'
    _description = 'Regional Scrap Metal Market Price'
    _order = 'date desc, state_id, grade_id, id desc'

    _sql_constraints = [
        ('price_day_uniq', 'unique(state_id, grade_id, date, company_id)',
         'There is already a market price for this province, grade and day.'),
    ]

    state_id = fields.Many2one(
        'res.country.state', string='Province', required=True, index=True,
        domain="[('country_id.code', '=', 'CN')]")
    grade_id = fields.Many2one(
        'oldparts.metal.grade', string='Grade', required=True, index=True)
    date = fields.Date(
        string='Date', required=True, index=True, default=fields.Date.context_today)
    price = fields.Monetary(
        string='Price per Ton', required=True, currency_field='currency_id',
        help='Yuan per ton.')
    source = fields.Char(string='Source', help='Where the price was published.')
    company_id = fields.Many2one(
        'res.company', string='Company', index=True,
        default=lambda self: self.env['res.company']._company_default_get(
            'oldparts.market.price'),
        help='Empty: shared by every company.')
    currency_id = fields.Many2one(
        'res.currency', string='Currency', required=True,
        default=lambda self: self.env.user.company_id.currency_id)

    @api.multi
    def name_get(self):
        return [(price.id, '%s %s %s' % (price.state_id.name, price.grade_id.name, price.date))
                for price in self]

    @api.constrains('price')
    def _check_price(self):
        for price in self:
            if float_compare(price.price, 0.0,
                             precision_rounding=price.currency_id.rounding) <= 0:
                raise ValidationError(_('A market price must be greater than zero.'))

    @api.model
    def _find_price(self, state, grade, date, company):
        """The price of the day, or the latest earlier one (the caller shows
        its date); an empty recordset when there is none."""
        return self.search([
            ('state_id', '=', state.id),
            ('grade_id', '=', grade.id),
            ('date', '<=', date),
            ('company_id', 'in', (company.id, False)),
        ], order='date desc, company_id, id desc', limit=1)

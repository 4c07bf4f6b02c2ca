# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

STANDARDS = [
    ('1', 'Standard 1 (Annex 10)'),
    ('2', 'Standard 2 (Annex 11)'),
    ('3', 'Standard 3 (Annex 12)'),
]


class OldpartsStructuralReference(models.Model):
    """Weight and disposal price reference of a structural part type
    (结构旧件重量及处理价格, reference standards 1-3), e.g. a boom section of
    a crane model: the weight of a part sold without weighing it."""
    _name = 'oldparts.structural.reference'
    _description = 'Structural Part Weight and Price Reference'
    _order = 'standard, crane_model, name, id'

    name = fields.Char(string='Part Type', required=True, index=True)
    standard = fields.Selection(STANDARDS, string='Reference Standard', required=True,
                                default='1')
    crane_model = fields.Char(string='Crane Model', index=True)
    product_id = fields.Many2one(
        'product.product', string='Material', index=True,
        help='Old parts of this material take this weight and grade.')
    grade_id = fields.Many2one('oldparts.metal.grade', string='Grade')
    weight = fields.Float(string='Weight (t)', required=True, digits=dp.get_precision('Old Part Weight'))
    price = fields.Monetary(string='Price per Ton', currency_field='currency_id')
    company_id = fields.Many2one(
        'res.company', string='Company', index=True,
        default=lambda self: self.env['res.company']._company_default_get(
            'oldparts.structural.reference'))
    currency_id = fields.Many2one(
        'res.currency', string='Currency', required=True,
        default=lambda self: self.env.user.company_id.currency_id)
    active = fields.Boolean(default=True)

    @api.multi
    def name_get(self):
        return [(ref.id, ' '.join(filter(None, [ref.crane_model, ref.name])))
                for ref in self]

    @api.constrains('weight', 'price')
    def _check_weight_price(self):
        for ref in self:
            if float_compare(ref.weight, 0.0, precision_digits=3) <= 0 or float_compare(
                    ref.price, 0.0, precision_rounding=ref.currency_id.rounding or 0.01) < 0:
                raise ValidationError(_(
                    'The reference %(reference)s needs a positive weight and a price '
                    'that is not negative.') % {'reference': ref.display_name})

    @api.model
    def _find_for_product(self, product, company):
        return self.search([
            ('product_id', '=', product.id),
            ('company_id', 'in', (company.id, False)),
        ], order='company_id, standard, id', limit=1)

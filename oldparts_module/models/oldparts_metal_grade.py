# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class OldpartsMetalGrade(models.Model):
    """A scrap-metal grade (by thickness or usefulness) that market prices
    are published for, and the product its sales are invoiced with."""
    _name = 'oldparts.metal.grade'
    _description = 'Scrap Metal Grade'
    _order = 'sequence, id'

    _sql_constraints = [
        ('code_uniq', 'unique(code)',
         'The code of a metal grade must be unique.'),
    ]

    name = fields.Char(string='Grade', required=True, translate=True)
    code = fields.Char(string='Code', required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(string='Description', translate=True)
    product_id = fields.Many2one(
        'product.product', string='Scrap Product',
        domain=[('type', '!=', 'product')],
        help='Product of the invoice lines when this grade is sold; its unit '
             'of measure must be the ton.')
    active = fields.Boolean(default=True)

    @api.constrains('product_id')
    def _check_product_uom(self):
        ton = self.env.ref('product.product_uom_ton')
        for grade in self:
            if grade.product_id and grade.product_id.uom_id != ton:
                raise ValidationError(_(
                    'The scrap product of grade %(grade)s must be sold by the ton.') % {
                    'grade': grade.name,
                })

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.addons import decimal_precision as dp
from odoo.exceptions import UserError, ValidationError


class OldpartsSaleApplicationLine(models.Model):
    """One old part of a sale application, with its weight (weighed, or
    from the structural reference of its part type), metal grade and the
    market price looked up for it."""
    _name = 'oldparts.sale.application.line'
    _description = 'Old-Part Sale Application Line'
    _inherit = 'oldparts.document.line.mixin'
    _order = 'application_id, sequence, id'
    _oldparts_parent_field = 'application_id'

    _sql_constraints = [
        ('part_application_uniq', 'unique(application_id, part_id)',
         'An old part is listed once per sale application.'),
    ]

    application_id = fields.Many2one(
        'oldparts.sale.application', string='Sale Application', required=True,
        index=True, ondelete='cascade')
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related='application_id.company_id', store=True, readonly=True)
    currency_id = fields.Many2one(related='application_id.currency_id', readonly=True)
    part_id = fields.Many2one(
        'oldparts.part', string='Old Part', required=True, index=True, ondelete='restrict',
        domain="['|', '&', ('disposal_type', '=', 'local_sale'), "
               "('state', 'in', ('handed_over', 'in_local_disposal')), "
               "'&', ('hq_decision', '=', 'sell'), ('state', '=', 'responsibility_determined')]")
    product_id = fields.Many2one(related='part_id.product_id', store=True, readonly=True)
    quantity = fields.Float(related='part_id.quantity', readonly=True)
    grade_id = fields.Many2one(
        'oldparts.metal.grade', string='Grade', required=True, index=True)
    reference_id = fields.Many2one(
        'oldparts.structural.reference', string='Weight Reference',
        help='Part type of the structural references (standards 1-3) giving '
             'the weight when the part is not weighed.')
    reference_price = fields.Monetary(
        related='reference_id.price', string='Reference Price per Ton', readonly=True)
    reference_weight = fields.Float(
        string='Reference Weight (t)', compute='_compute_weight', store=True,
        digits=dp.get_precision('Old Part Weight'))
    weighed_weight = fields.Float(
        string='Weighed (t)', digits=dp.get_precision('Old Part Weight'),
        help='Leave empty to take the weight of the reference.')
    weight = fields.Float(
        string='Weight (t)', compute='_compute_weight', store=True,
        digits=dp.get_precision('Old Part Weight'))
    is_weighed = fields.Boolean(string='Weighed', compute='_compute_weight', store=True)
    market_price_id = fields.Many2one(
        'oldparts.market.price', string='Market Price Record', readonly=True, copy=False)
    market_price = fields.Monetary(string='Market Price per Ton', readonly=True, copy=False)
    market_price_date = fields.Date(string='Price Date', readonly=True, copy=False)
    dealer_base_price = fields.Monetary(
        string='Dealer Base Price per Ton', readonly=True, copy=False)

    @api.depends('weighed_weight', 'reference_id.weight', 'part_id.quantity')
    def _compute_weight(self):
        for line in self:
            line.reference_weight = line.reference_id.weight * line.part_id.quantity
            line.is_weighed = line.weighed_weight > 0
            line.weight = line.weighed_weight if line.is_weighed else line.reference_weight

    @api.constrains('weighed_weight')
    def _check_weighed_weight(self):
        for line in self:
            if line.weighed_weight < 0:
                raise ValidationError(_('A weight cannot be negative.'))

    @api.constrains('part_id')
    def _check_part_fits(self):
        """The part fits the application (dealer, company, disposal). That it
        is on no other open document is held by the part itself
        (oldparts.document.mixin)."""
        for line in self:
            error = line.application_id._sale_part_error(line.part_id)
            if error:
                raise ValidationError(error % {'part': line.part_id.name})

    @api.onchange('part_id')
    def _onchange_part_id(self):
        if self.part_id:
            reference = self.env['oldparts.structural.reference']._find_for_product(
                self.part_id.product_id, self.part_id.company_id)
            self.reference_id = reference
            if reference.grade_id:
                self.grade_id = reference.grade_id

    @api.onchange('weighed_weight')
    def _onchange_weighed_weight(self):
        """A weight far from the structural reference is most likely typed in
        kilograms, or on the wrong line: say so before the price follows it."""
        reference = self.reference_id.weight * self.part_id.quantity
        if self.weighed_weight > 0 and reference > 0 and not (
                reference / 2.0 <= self.weighed_weight <= reference * 2.0):
            return {'warning': {
                'title': _('Check the weight'),
                'message': _('%(weight)s t weighed for %(part)s, whose reference weight is '
                             '%(reference)s t: weights are in tons.') % {
                    'weight': self.weighed_weight, 'part': self.part_id.name,
                    'reference': reference},
            }}

    @api.onchange('grade_id')
    def _onchange_grade_id(self):
        self.update(self._market_price_values(
            self.application_id, self._find_market_price(self.application_id)))

    @api.model
    def create(self, vals):
        if vals.get('part_id') and 'reference_id' not in vals:
            part = self.env['oldparts.part'].browse(vals['part_id'])
            reference = self.env['oldparts.structural.reference']._find_for_product(
                part.product_id, part.company_id)
            vals['reference_id'] = reference.id
            if not vals.get('grade_id'):
                vals['grade_id'] = reference.grade_id.id
        line = super(OldpartsSaleApplicationLine, self).create(vals)
        line._lookup_market_price()
        return line

    @api.multi
    def write(self, vals):
        res = super(OldpartsSaleApplicationLine, self).write(vals)
        if 'grade_id' in vals or 'application_id' in vals:
            self._lookup_market_price()
        return res

    def _find_market_price(self, application):
        if not (application.state_id and self.grade_id and application.date):
            return self.env['oldparts.market.price']
        return self.env['oldparts.market.price']._find_price(
            application.state_id, self.grade_id, application.date, application.company_id)

    def _market_price_values(self, application, price):
        base = self.env['oldparts.dealer.base.price']
        if application.dealer_id and self.grade_id and application.date:
            base = base._find_price(application.dealer_id, self.grade_id,
                                    application.date, application.company_id)
        return {
            'market_price_id': price.id,
            'market_price': price.price,
            'market_price_date': price.date,
            'dealer_base_price': base.price,
        }

    def _lookup_market_price(self, raise_if_missing=False):
        """The market price of the application's province, grade and day,
        or the latest earlier one; refused when there is none."""
        for line in self:
            price = line._find_market_price(line.application_id)
            if not price and raise_if_missing:
                application = line.application_id
                raise UserError(_(
                    '%(application)s: no market price of %(grade)s for %(province)s on '
                    'or before %(date)s. Enter the regional market price first.') % {
                    'application': application.name,
                    'grade': line.grade_id.name,
                    'province': application.state_id.name,
                    'date': application.date,
                })
            line.write(line._market_price_values(line.application_id, price))
        return True

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class OldpartsRemoteProvince(models.Model):
    """A remote province where the sale price may go down by a further
    reduction within a range (section 4.4)."""
    _name = 'oldparts.remote.province'
    _description = 'Remote Province'
    _order = 'state_id'
    _rec_name = 'state_id'

    _sql_constraints = [
        ('state_company_uniq', 'unique(state_id, company_id)',
         'This province is already listed as remote.'),
    ]

    state_id = fields.Many2one(
        'res.country.state', string='Province', required=True, index=True,
        domain="[('country_id.code', '=', 'CN')]")
    reduction_min = fields.Float(
        string='Reduction From (%)', default=5.0, digits=(16, 2))
    reduction_max = fields.Float(
        string='Reduction Up To (%)', default=10.0, digits=(16, 2))
    company_id = fields.Many2one(
        'res.company', string='Company', index=True,
        help='Empty: applies to every company.')
    active = fields.Boolean(default=True)

    @api.constrains('reduction_min', 'reduction_max')
    def _check_reduction_range(self):
        for remote in self:
            if not 0.0 <= remote.reduction_min <= remote.reduction_max < 100.0:
                raise ValidationError(_(
                    'The reduction range of %(province)s must go from 0 up to less than '
                    '100%%, the lower bound first.') % {'province': remote.state_id.name})

    @api.model
    def _find_for_state(self, state, company):
        return self.search([
            ('state_id', '=', state.id),
            ('company_id', 'in', (company.id, False)),
        ], order='company_id', limit=1)

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class StockInventory(models.Model):
    """Old-part inventory count (附件七 旧件库存盘点表): an ordinary stock count
    over the old-part locations, started from the old-parts menu."""
    _inherit = 'stock.inventory'

    oldparts_count = fields.Boolean(
        string='Old-Part Count', readonly=True, index=True, copy=False,
        help='A count of the old-part locations (dealers and HQ).')

    @api.model
    def default_get(self, fields_list):
        values = super(StockInventory, self).default_get(fields_list)
        if values.get('oldparts_count') or self.env.context.get('default_oldparts_count'):
            company = self.env['res.company'].browse(
                values.get('company_id')) if values.get('company_id') \
                else self.env.user.company_id
            values['location_id'] = company._oldparts_returns_setup().oldparts_location_id.id
            if 'name' in fields_list and not values.get('name'):
                values['name'] = _('Old-part count %(date)s') % {
                    'date': fields.Date.context_today(self),
                }
        return values

    @api.constrains('oldparts_count', 'location_id')
    def _check_oldparts_location(self):
        for inventory in self.filtered('oldparts_count'):
            if not inventory.location_id.is_oldparts_location:
                raise ValidationError(_(
                    'Old-part count %(count)s must count an old-part location (a '
                    "dealer's, the HQ old-part warehouse or their parent).") % {
                    'count': inventory.name,
                })

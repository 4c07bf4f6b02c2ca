# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ProductProduct(models.Model):
    _inherit = 'product.product'

    def _get_domain_locations(self):
        """The company-owned quantities value the stock (standard and
        average cost): leave the old parts out unless they carry book value,
        consistently with stock.location._should_be_valued()."""
        quant_domain, move_in_domain, move_out_domain = \
            super(ProductProduct, self)._get_domain_locations()
        if self.env.context.get('company_owned') \
                and not self.env.user.company_id.oldparts_book_value:
            quant_domain = quant_domain + [('location_id.is_oldparts_location', '=', False)]
            move_in_domain = move_in_domain + [('location_dest_id.is_oldparts_location', '=', False)]
            move_out_domain = move_out_domain + [('location_id.is_oldparts_location', '=', False)]
        return quant_domain, move_in_domain, move_out_domain

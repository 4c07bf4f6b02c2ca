# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# 附件十/十一/十二: one form per reference standard
STANDARD_FORMS = {'1': 10, '2': 11, '3': 12}


class ReportOldpartsStructuralReference(models.AbstractModel):
    """Forms 10-12: the selected references, one form per standard."""
    _name = 'report.oldparts_module.report_oldparts_structural_reference'
    _description = 'Structural Part Weights and Prices'

    @api.model
    def get_report_values(self, docids, data=None):
        references = self.env['oldparts.structural.reference'].browse(docids)
        standards = []
        for standard in sorted(set(references.mapped('standard'))):
            standards.append({
                'standard': standard,
                'form': STANDARD_FORMS[standard],
                'references': references.filtered(lambda r: r.standard == standard).sorted(
                    lambda r: (r.crane_model or '', r.name or '', r.id)),
            })
        return {
            'doc_ids': docids,
            'doc_model': 'oldparts.structural.reference',
            'docs': references,
            'standards': standards,
        }


class ReportOldpartsDealerBasePrice(models.AbstractModel):
    """Form 13: the selected base prices, by dealer."""
    _name = 'report.oldparts_module.report_oldparts_dealer_base_price'
    _description = 'Dealer Scrap Base Prices'

    @api.model
    def get_report_values(self, docids, data=None):
        prices = self.env['oldparts.dealer.base.price'].browse(docids).sorted(
            lambda p: (p.dealer_id.display_name or '', p.grade_id.name or '',
                       p.date_from or ''))
        return {
            'doc_ids': docids,
            'doc_model': 'oldparts.dealer.base.price',
            'docs': prices,
        }

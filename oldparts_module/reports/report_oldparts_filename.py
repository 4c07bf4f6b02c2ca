# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class OldpartsReportFilename(models.AbstractModel):
    """The file name of a printed form, in the printing user's language.

    ``print_report_name`` is a Python expression stored on the action, not a
    translatable text: the actions call this helper so the names are English
    msgids translated through zh_CN.po like every other term."""
    _name = 'oldparts.report.filename'
    _description = 'Old-Part Form File Names'

    @api.model
    def _print_name(self, form, record):
        names = {
            'packing_list': _('Return Packing List %(number)s'),
            'part_label': _('Return Label %(number)s'),
            'progress_report': _('Return Progress Report %(number)s'),
            'freight_request': _('Return Freight Request %(number)s'),
            'sale_application': _('Old-Part Sale Application %(number)s'),
            'payment_receipt': _('Payment Receipt %(number)s'),
            'inventory_count': _('Old-Part Count Sheet %(number)s'),
            'disposal': _('Returned-Part Disposal Form %(number)s'),
            'scrap_signoff': _('Scrap Sign-off Form %(number)s'),
            'structural_reference': _('Structural Part Weights and Prices %(number)s'),
            'dealer_base_price': _('Dealer Scrap Base Prices %(number)s'),
            'scorecard': _('Dealer Scorecard %(number)s'),
        }
        number = record.display_name if len(record) == 1 else ''
        if form == 'progress_report':
            number = record._period_label()
        elif form in ('structural_reference', 'dealer_base_price'):
            number = ''
        return (names[form] % {'number': number or ''}).strip()

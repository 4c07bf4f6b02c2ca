# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import _, api, models
from odoo.exceptions import UserError


class ReportOldpartsPartLabel(models.AbstractModel):
    """Labels carry their barcodes as embedded images: they print the same
    from a label printer's PC without reaching the server's /report/barcode."""
    _name = 'report.oldparts_module.report_oldparts_part_label'
    _description = 'Old-Part Return Label'

    @api.model
    def get_report_values(self, docids, data=None):
        docs = self._parts_to_label(self.env['oldparts.part'].browse(docids))
        return {
            'doc_ids': docs.ids,
            'doc_model': 'oldparts.part',
            'docs': docs,
            'barcode_src': self._barcode_src,
            'qr_value': self._qr_value,
        }

    @api.model
    def _parts_to_label(self, parts):
        """Only parts on their way to the company get a return label: a part
        sold, destroyed or given away locally is never boxed for HQ."""
        to_label = parts.filtered(lambda p: p.return_required and p.state != 'cancel')
        if not to_label:
            raise UserError(_('None of the selected old parts is to be returned to the '
                              'company (%(parts)s): there is no return label to print.') % {
                'parts': ', '.join(parts.mapped('name')),
            })
        return to_label

    @api.model
    def _barcode_src(self, barcode_type, value, width, height):
        png = self.env['ir.actions.report'].barcode(barcode_type, value, width, height)
        return 'data:image/png;base64,%s' % base64.b64encode(png).decode('ascii')

    @api.model
    def _qr_value(self, part):
        """Part number, dealer, work order, equipment and material code, one
        per line, for a phone to read."""
        return '\n'.join([
            part.name,
            part.dealer_id.oldparts_dealer_code or part.dealer_id.name or '',
            part.work_order_ref or '',
            part.equipment_ref or '',
            part.product_id.default_code or '',
        ])

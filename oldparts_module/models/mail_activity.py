# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class MailActivity(models.Model):
    """Odoo 11 lets every internal user read every activity: an activity on
    an old-parts document carries the document's dealer, so that a record
    rule keeps dealers' users to their own dealer's activities."""
    _inherit = 'mail.activity'

    oldparts_document = fields.Boolean(
        string='On an Old-Part Document', compute='_compute_oldparts_dealer',
        store=True, index=True)
    oldparts_dealer_id = fields.Many2one(
        'res.partner', string='Old-Part Dealer', compute='_compute_oldparts_dealer',
        store=True, index=True)

    @api.depends('res_model', 'res_id')
    def _compute_oldparts_dealer(self):
        for activity in self:
            model = activity.res_model or ''
            activity.oldparts_document = model.startswith('oldparts.')
            record = self.env[model].sudo().browse(activity.res_id) \
                if activity.oldparts_document and model in self.env else None
            activity.oldparts_dealer_id = record.dealer_id \
                if record is not None and 'dealer_id' in record._fields else False

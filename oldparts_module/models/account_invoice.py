# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    oldparts_disposal_id = fields.Many2one(
        'oldparts.disposal', string='Old-Part Disposal Form', index=True,
        readonly=True, copy=False, ondelete='restrict',
        help='The returned-part disposal form whose supplier claim this refund is.')
    oldparts_freight_request_id = fields.Many2one(
        'oldparts.freight.request', string='Old-Part Freight Request', index=True,
        readonly=True, copy=False, ondelete='restrict')

    def _oldparts_sale_applications(self, state):
        return self.env['oldparts.sale.application'].sudo().search([
            ('invoice_id', 'in', self.ids), ('state', '=', state)])

    # An invoice becomes paid whichever way its payment is reconciled (a
    # registered payment, an outstanding credit, a bank statement): the
    # sale application follows it. Done as superuser: the accountant need
    # not be an old-parts user.
    @api.multi
    def action_invoice_paid(self):
        res = super(AccountInvoice, self).action_invoice_paid()
        self._oldparts_sale_applications('sold').filtered(
            lambda a: a.invoice_id.state == 'paid')._action_mark_paid()
        return res

    @api.multi
    def action_invoice_re_open(self):
        res = super(AccountInvoice, self).action_invoice_re_open()
        self._oldparts_sale_applications('paid')._action_reopen()
        return res

    # the incentive settlement a vendor bill or refund posts
    oldparts_settlement_id = fields.Many2one(
        'oldparts.settlement', string='Old-Part Incentive Settlement', index=True,
        readonly=True, copy=False, ondelete='restrict')

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

HQ_DECISIONS = [
    ('reuse', 'Reuse'),
    ('refurbish', 'Refurbish'),
    ('claim', 'Claim against Supplier'),
    ('scrap', 'Scrap'),
    ('sell', 'Sell'),
]


class OldpartsDisposalLine(models.Model):
    """The decision on one returned old part."""
    _name = 'oldparts.disposal.line'
    _description = 'Returned Old-Part Disposal Decision'
    _inherit = 'oldparts.document.line.mixin'
    _order = 'disposal_id, id'
    _oldparts_parent_field = 'disposal_id'

    _sql_constraints = [
        ('part_disposal_uniq', 'unique(disposal_id, part_id)',
         'An old part appears only once on a disposal form.'),
    ]

    disposal_id = fields.Many2one(
        'oldparts.disposal', string='Disposal Form', required=True, index=True,
        ondelete='cascade')
    company_id = fields.Many2one(related='disposal_id.company_id', store=True, readonly=True)
    currency_id = fields.Many2one(related='disposal_id.currency_id', readonly=True)
    part_id = fields.Many2one(
        'oldparts.part', string='Old Part', required=True, index=True,
        ondelete='restrict',
        domain=[('state', '=', 'responsibility_determined'), ('hq_decision', '=', False)])
    product_id = fields.Many2one(related='part_id.product_id', readonly=True)
    lot_name = fields.Char(related='part_id.lot_name', readonly=True)
    quantity = fields.Float(related='part_id.quantity', readonly=True)
    dealer_id = fields.Many2one(related='part_id.dealer_id', readonly=True)
    responsibility = fields.Selection(related='part_id.responsibility', readonly=True)
    amount = fields.Monetary(
        related='part_id.amount_total', string='Value', store=True, readonly=True,
        currency_field='currency_id')
    decision = fields.Selection(HQ_DECISIONS, string='Decision', required=True)
    supplier_id = fields.Many2one(
        'res.partner', string='Supplier',
        help='The supplier claimed against; by default the one held responsible.')
    claim_return = fields.Boolean(
        string='Return to Supplier', default=True,
        help='Send the part back to the supplier on a return picking.')
    claim_amount = fields.Monetary(
        string='Claim Amount', currency_field='currency_id',
        help='Amount of the supplier refund; zero: no refund.')
    note = fields.Char(string='Remarks')
    picking_id = fields.Many2one('stock.picking', string='Transfer', readonly=True,
                                 copy=False, groups='stock.group_stock_user')
    scrap_id = fields.Many2one('stock.scrap', string='Scrap', readonly=True, copy=False,
                               groups='stock.group_stock_user')
    refund_id = fields.Many2one('account.invoice', string='Supplier Refund', readonly=True,
                                copy=False, groups='account.group_account_invoice')

    @api.onchange('part_id', 'decision')
    def _onchange_part_decision(self):
        if self.decision == 'claim' and not self.supplier_id:
            self.supplier_id = self.part_id.supplier_id

    @api.constrains('decision', 'supplier_id', 'claim_amount', 'claim_return', 'part_id')
    def _check_claim(self):
        for line in self:
            if float_compare(line.claim_amount, 0.0,
                             precision_rounding=line.currency_id.rounding or 0.01) < 0:
                raise ValidationError(_(
                    'Old part %(part)s: the claim amount cannot be negative.') % {
                    'part': line.part_id.name,
                })
            if line.decision != 'claim':
                continue
            if line.part_id.responsibility != 'supplier':
                raise ValidationError(_(
                    'Old part %(part)s: only a part the supplier is responsible for can '
                    'be claimed against a supplier.') % {'part': line.part_id.name})
            if not line.supplier_id:
                raise ValidationError(_(
                    'Old part %(part)s: name the supplier claimed against.') % {
                    'part': line.part_id.name,
                })
            if not line.claim_return and float_compare(
                    line.claim_amount, 0.0,
                    precision_rounding=line.currency_id.rounding or 0.01) <= 0:
                raise ValidationError(_(
                    'Old part %(part)s: a claim returns the part to the supplier, or '
                    'asks for a refund, or both.') % {'part': line.part_id.name})

    @api.constrains('part_id', 'disposal_id')
    def _check_part(self):
        for line in self:
            if line.part_id.company_id != line.disposal_id.company_id:
                raise ValidationError(_('Old part %(part)s belongs to another company.') % {
                    'part': line.part_id.name,
                })

    def _check_ready(self):
        """Each part must be judged, still undecided, and (when stocked) in
        the HQ old-part warehouse."""
        for line in self:
            part = line.part_id
            if part.state != 'responsibility_determined' or part.hq_decision:
                states = dict(part._fields['state']._description_selection(self.env))
                raise UserError(_(
                    'Old part %(part)s cannot be disposed of by HQ now: it must be '
                    'received and its responsibility determined (state: %(state)s).') % {
                    'part': part.name,
                    'state': states[part.state],
                })
            hq = line.disposal_id.company_id._oldparts_returns_setup().oldparts_hq_location_id
            if part._oldparts_is_stocked() and part._oldparts_stock_location() != hq:
                raise UserError(_('Old part %(part)s is not in the HQ old-part warehouse.') % {
                    'part': part.name,
                })

    def _prepare_move_values(self, location, location_dest):
        self.ensure_one()
        values = self.part_id._prepare_stock_move_values(
            location, location_dest, '%s: %s' % (
                self.part_id.name,
                dict(self._fields['decision']._description_selection(self.env))[self.decision]))
        values['origin'] = self.disposal_id.name
        if self.decision == 'claim':
            values['partner_id'] = self.supplier_id.id
        return values

    def _prepare_refund_line_values(self):
        self.ensure_one()
        part = self.part_id
        account = self.disposal_id.company_id.oldparts_claim_account_id or \
            part.product_id.product_tmpl_id.with_context(
                force_company=self.disposal_id.company_id.id)._get_product_accounts()['expense']
        if not account:
            raise UserError(_(
                'Set the supplier claim account of the company or the expense '
                'account of %(product)s.') % {'product': part.product_id.display_name})
        return {
            'name': _('Claim for old part %(part)s (%(product)s)') % {
                'part': part.name,
                'product': part.product_id.display_name,
            },
            'product_id': part.product_id.id,
            'uom_id': part.product_id.uom_id.id,
            'account_id': account.id,
            'quantity': 1.0,
            'price_unit': self.claim_amount,
        }

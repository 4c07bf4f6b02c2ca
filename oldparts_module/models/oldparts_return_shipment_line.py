# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class OldpartsReturnShipmentLine(models.Model):
    """One old part of a packing list, in its box."""
    _name = 'oldparts.return.shipment.line'
    _description = 'Old-Part Packing List Line'
    _inherit = 'oldparts.document.line.mixin'
    _order = 'shipment_id, box_number, id'
    _oldparts_parent_field = 'shipment_id'
    # once shipped, the packing list is what travelled: only the
    # discrepancy note can still be written
    _oldparts_line_free_fields = ('discrepancy_note',)

    _sql_constraints = [
        ('part_shipment_uniq', 'unique(shipment_id, part_id)',
         'An old part appears only once on a packing list.'),
    ]

    shipment_id = fields.Many2one(
        'oldparts.return.shipment', string='Return Shipment', required=True,
        index=True, ondelete='cascade')
    company_id = fields.Many2one(related='shipment_id.company_id', store=True, readonly=True)
    dealer_id = fields.Many2one(related='shipment_id.dealer_id', store=True, readonly=True)
    state = fields.Selection(related='shipment_id.state', readonly=True, default='draft')
    part_id = fields.Many2one(
        'oldparts.part', string='Old Part', required=True, index=True,
        ondelete='restrict',
        domain="[('dealer_id', '=', dealer_id), ('state', '=', 'handed_over'), "
               "('disposal_type', '=', 'return')]")
    box_number = fields.Char(string='Box No.', required=True, default='1')
    weight = fields.Float(string='Weight (kg)', digits=(16, 2))
    product_id = fields.Many2one(related='part_id.product_id', readonly=True)
    default_code = fields.Char(related='part_id.product_id.default_code', readonly=True,
                               string='Material Code')
    lot_name = fields.Char(related='part_id.lot_name', readonly=True)
    quantity = fields.Float(related='part_id.quantity', readonly=True)
    work_order_ref = fields.Char(related='part_id.work_order_ref', readonly=True)
    equipment_ref = fields.Char(related='part_id.equipment_ref', readonly=True)
    move_ids = fields.One2many(
        'stock.move', 'oldparts_shipment_line_id', string='Stock Moves',
        readonly=True, groups='stock.group_stock_user')
    receipt_state = fields.Selection([
        ('pending', 'In Transit'),
        ('received', 'Received'),
        ('missing', 'Missing'),
    ], string='Receipt', default='pending', required=True, readonly=True, copy=False,
        help='Missing: HQ validated the return picking without this part in its box.')
    received_qty = fields.Float(string='Received Quantity', readonly=True, copy=False)
    discrepancy_note = fields.Text(string='Discrepancy Note')

    @api.constrains('part_id', 'shipment_id')
    def _check_part(self):
        """A packing list holds the shipment dealer's parts handed over for
        return, each on one open shipment only."""
        for line in self.sudo():
            part = line.part_id
            shipment = line.shipment_id
            if part.dealer_id != shipment.dealer_id:
                raise ValidationError(_(
                    'Old part %(part)s belongs to dealer %(dealer)s, not to '
                    '%(shipment_dealer)s.') % {
                    'part': part.name,
                    'dealer': part.dealer_id.name,
                    'shipment_dealer': shipment.dealer_id.name,
                })
            if part.company_id != shipment.company_id:
                raise ValidationError(_('Old part %(part)s belongs to another company.') % {
                    'part': part.name,
                })
            if shipment.state != 'draft':
                continue
            if part.state != 'handed_over' or part.disposal_type != 'return':
                raise ValidationError(_(
                    'Old part %(part)s cannot be packed: only parts handed over for '
                    'return to the company can be shipped.') % {'part': part.name})

    @api.constrains('weight', 'box_number')
    def _check_weight_box(self):
        # sudo: the line's stored dealer and company, which the record rules
        # read, are only computed after the constraints of a new line.
        for line in self.sudo():
            if float_compare(line.weight, 0.0, precision_digits=2) < 0:
                raise ValidationError(_('The weight of old part %(part)s cannot be negative.') % {
                    'part': line.part_id.name,
                })
            if not (line.box_number or '').strip():
                raise ValidationError(_('Give the box number of old part %(part)s.') % {
                    'part': line.part_id.name,
                })

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _prepare_move_values(self):
        self.ensure_one()
        shipment = self.shipment_id
        values = self.part_id._prepare_stock_move_values(
            shipment.location_id, shipment.location_dest_id,
            _('%(part)s, box %(box)s') % {'part': self.part_id.name, 'box': self.box_number})
        values.update({
            'origin': shipment.name,
            'oldparts_shipment_line_id': self.id,
            'date_expected': shipment.ship_date,
        })
        return values

    def _received_quantity(self):
        """Quantity of the part that arrived at HQ, in the product's unit."""
        self.ensure_one()
        moves = self.sudo().move_ids.filtered(lambda m: m.state == 'done')
        return sum(moves.mapped('product_qty'))

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

# Products that have stock moves; a service product has none.
STOCKED_TYPES = ('product', 'consu')


class OldpartsPart(models.Model):
    """The stock side of the ledger: the part enters the dealer's old-part
    location when it is handed over, travels to HQ on a return picking and
    leaves by the disposal decided at HQ.

    Kept apart from oldparts_part.py (the ledger) so that the ledger stays
    the same for the other processes built on it."""
    _inherit = 'oldparts.part'

    stock_move_ids = fields.One2many(
        'stock.move', 'oldparts_part_id', string='Stock Moves', readonly=True,
        groups='stock.group_stock_user')
    stock_lot_id = fields.Many2one(
        'stock.production.lot', string='Serial / Lot in Stock', readonly=True,
        copy=False, groups='stock.group_stock_user', help='Serial or lot of the failed part, kept in stock when '
                         'the material is tracked.')
    shipment_line_ids = fields.One2many(
        'oldparts.return.shipment.line', 'part_id', string='Packing List Lines',
        readonly=True)
    stock_move_count = fields.Integer(
        compute='_compute_stock_move_count', groups='stock.group_stock_user')

    def _compute_stock_move_count(self):
        for part in self:
            part.stock_move_count = len(part.stock_move_ids)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_hand_over(self):
        self._oldparts_check_lot()
        res = super(OldpartsPart, self).action_hand_over()
        self._oldparts_stock_hand_over()
        return res

    def _action_dispose(self):
        """A part received at HQ is disposed of by a returned-part disposal
        form (附件八), which sets the HQ decision first."""
        undecided = self.filtered(
            lambda p: p.state == 'responsibility_determined' and not p.hq_decision)
        if undecided:
            raise UserError(_(
                'Old part %(part)s needs an approved returned-part disposal form.') % {
                'part': undecided[0].name})
        return super(OldpartsPart, self)._action_dispose()

    @api.multi
    def action_found(self):
        """A missing part found later comes into the HQ old-part warehouse
        from wherever its stock stayed."""
        res = super(OldpartsPart, self).action_found()
        for part in self.filtered(lambda p: p._oldparts_is_stocked()):
            location = part._oldparts_stock_location()
            hq = part.company_id._oldparts_returns_setup().oldparts_hq_location_id
            if location and location != hq:
                part._oldparts_stock_move(part._prepare_stock_move_values(
                    location, hq, _('Old part %(part)s found after the receipt') % {
                        'part': part.name}))
        return res

    @api.multi
    def action_write_off(self):
        """A written-off part leaves the stock as an inventory loss."""
        res = super(OldpartsPart, self).action_write_off()
        loss = self.env.ref('stock.location_inventory')
        for part in self.filtered(lambda p: p._oldparts_is_stocked()):
            location = part._oldparts_stock_location()
            if location:
                part._oldparts_stock_move(part._prepare_stock_move_values(
                    location, loss, _('Old part %(part)s written off') % {'part': part.name}))
        return res

    @api.multi
    def action_cancel(self):
        """A cancelled part leaves the dealer's old-part location again."""
        at_dealer = self.filtered(lambda p: p._oldparts_stock_location() and p.state == 'handed_over')
        res = super(OldpartsPart, self).action_cancel()
        for part in at_dealer:
            location = part._oldparts_stock_location()
            part._oldparts_stock_move(part._prepare_stock_move_values(
                location, part.company_id._oldparts_returns_setup().oldparts_service_location_id,
                _('Cancelled old part %(part)s') % {'part': part.name}))
        return res

    @api.multi
    def action_view_stock_moves(self):
        return self._oldparts_action_view('stock.stock_move_action', self.sudo().stock_move_ids)

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _oldparts_is_stocked(self):
        self.ensure_one()
        return self.product_id.type in STOCKED_TYPES

    def _oldparts_stock_location(self):
        """The internal location the part is in now, from its done moves
        (empty when it is not in stock)."""
        self.ensure_one()
        moves = self.sudo().stock_move_ids.filtered(lambda m: m.state == 'done')
        last = moves.sorted(lambda m: (m.date, m.id))[-1:]
        location = last.location_dest_id
        return location if location.usage == 'internal' else location.browse()

    def _prepare_handover_move_values(self, location_dest):
        """Values of the move that brings the failed part from the machine
        into the dealer's old-part location."""
        self.ensure_one()
        source = self.company_id._oldparts_returns_setup().oldparts_service_location_id
        return self._prepare_stock_move_values(
            source, location_dest, _('Hand-over of old part %(part)s') % {'part': self.name})

    def _prepare_stock_move_values(self, location, location_dest, name):
        self.ensure_one()
        return {
            'name': name,
            'origin': self.name,
            'company_id': self.company_id.id,
            'product_id': self.product_id.id,
            'product_uom': self.product_id.uom_id.id,
            'product_uom_qty': self.quantity,
            'location_id': location.id,
            'location_dest_id': location_dest.id,
            'partner_id': self.dealer_id.id,
            'oldparts_part_id': self.id,
        }

    def _oldparts_lot(self):
        """The failed part's serial/lot as a stock lot, when the material is
        tracked and the engineer recorded it."""
        self.ensure_one()
        part = self.sudo()
        if part.product_id.tracking == 'none' or not (part.lot_name or '').strip():
            return part.env['stock.production.lot']
        if not part.stock_lot_id:
            Lot = part.env['stock.production.lot']
            name = part.lot_name.strip()
            part._action_env().stock_lot_id = Lot.search([('product_id', '=', part.product_id.id),
                                            ('name', '=', name)], limit=1) \
                or Lot.create({'name': name, 'product_id': part.product_id.id})
        return part.stock_lot_id

    def _oldparts_stock_move(self, move_values):
        """Move the part at once, without a picking (hand-over, cancellation)."""
        self.ensure_one()
        move_values = dict(move_values, move_line_ids=[(0, 0, {
            'product_id': self.product_id.id,
            'product_uom_id': self.product_id.uom_id.id,
            'qty_done': self.quantity,
            'location_id': move_values['location_id'],
            'location_dest_id': move_values['location_dest_id'],
            'lot_id': self._oldparts_lot().id,
        })])
        move = self.env['stock.move'].sudo().create(move_values)
        move._action_done()
        return move

    def _oldparts_check_lot(self):
        for part in self:
            if part._oldparts_is_stocked() and part.product_id.tracking != 'none' \
                    and not (part.lot_name or '').strip():
                raise UserError(_(
                    'Old part %(part)s: %(product)s is tracked by serial/lot; record the '
                    'serial/lot of the failed part before handing it over.') % {
                    'part': part.name,
                    'product': part.product_id.display_name,
                })

    def _oldparts_stock_hand_over(self):
        for part in self:
            if not part._oldparts_is_stocked() or part._oldparts_stock_location():
                continue
            location = part.dealer_id._oldparts_dealer_location(part.company_id)
            part._oldparts_stock_move(part._prepare_handover_move_values(location))
        return True

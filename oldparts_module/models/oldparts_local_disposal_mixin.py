# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class OldpartsLocalDisposalMixin(models.AbstractModel):
    """What the local sale application and the scrap sign-off share: role
    and state guards, and how the parts' stock leaves the dealer.

    ``_oldparts_source_location`` is the one place that decides where a
    part's stock leaves from."""
    _name = 'oldparts.local.disposal.mixin'
    _description = 'Old Parts Local Disposal'

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------
    def _oldparts_check_parts(self, parts, disposal_types, action_label):
        """The parts are the document dealer's, of the right disposal type,
        handed over (or already in local disposal)."""
        for record in self:
            for part in parts.filtered(lambda p: p.dealer_id != record.dealer_id):
                raise UserError(_(
                    '%(document)s: old part %(part)s belongs to another dealer.') % {
                    'document': record.name,
                    'part': part.name,
                })
            for part in parts.filtered(lambda p: p.disposal_type not in disposal_types):
                raise UserError(_(
                    '%(document)s: old part %(part)s is not classified for this disposal.') % {
                    'document': record.name,
                    'part': part.name,
                })
        parts._check_state(('handed_over', 'in_local_disposal'), action_label)

    # ------------------------------------------------------------------
    # Stock
    # ------------------------------------------------------------------
    def _oldparts_source_location(self, part):
        """Where the stock of an old part leaves from: where its done moves
        put it (its dealer's old-part location after the hand-over, the HQ
        old-part warehouse after its return), else its dealer's old-part
        location."""
        return part._oldparts_stock_location() or \
            part.dealer_id._oldparts_dealer_location(part.company_id)

    def _oldparts_check_available(self, part, location):
        """A stockable part must be in the location: it leaves once."""
        if part.product_id.type != 'product':
            return
        available = self.env['stock.quant'].sudo()._get_available_quantity(
            part.product_id, location, lot_id=part.sudo().stock_lot_id or None)
        if float_compare(available, part.quantity,
                         precision_rounding=part.product_id.uom_id.rounding) < 0:
            raise UserError(_(
                'Old part %(part)s (%(product)s) is not in stock at %(location)s.') % {
                'part': part.name,
                'product': part.product_id.display_name,
                'location': location.display_name,
            })

    def _oldparts_prepare_picking_values(self, parts, partner, location, company):
        self.ensure_one()
        warehouse = self.env['stock.warehouse'].sudo().search(
            [('company_id', '=', company.id)], limit=1)
        if not warehouse:
            raise UserError(_(
                'Company %(company)s has no warehouse to deliver old parts from.') % {
                'company': company.name,
            })
        destination = partner.property_stock_customer or self.env.ref(
            'stock.stock_location_customers')
        return {
            'picking_type_id': warehouse.out_type_id.id,
            'location_id': location.id,
            'location_dest_id': destination.id,
            'partner_id': partner.id,
            'origin': self.name,
            'company_id': company.id,
            'move_lines': [(0, 0, {
                'name': '%s %s' % (self.name, part.name),
                'product_id': part.product_id.id,
                'product_uom': part.product_id.uom_id.id,
                'product_uom_qty': part.quantity,
                'location_id': location.id,
                'location_dest_id': destination.id,
                'origin': self.name,
                'company_id': company.id,
                'partner_id': partner.id,
                'oldparts_part_id': part.id,
            }) for part in parts],
        }

    def _oldparts_deliver(self, parts, partner):
        """Deliver the parts to a buyer or a recipient: one done picking per
        source location, one move per part (linked to it, so the ledger's
        stock history ends there). Stock operations are done as superuser:
        dealers have no stock rights, their role was checked by the caller.
        A part of a material without stock (a service) has no move."""
        self.ensure_one()
        pickings = self.env['stock.picking'].sudo()
        by_location = {}
        for part in parts.filtered(lambda p: p._oldparts_is_stocked()):
            location = self._oldparts_source_location(part)
            self._oldparts_check_available(part, location)
            by_location.setdefault(location, self.env['oldparts.part'])
            by_location[location] |= part
        for location, located in by_location.items():
            company = located[0].company_id
            picking = pickings.with_context(force_company=company.id).create(
                self._oldparts_prepare_picking_values(located, partner, location, company))
            picking.action_confirm()
            picking.action_assign()
            for move in picking.move_lines:
                if move.state != 'assigned':
                    raise UserError(_('%(product)s cannot be reserved at %(location)s.') % {
                        'product': move.product_id.display_name,
                        'location': location.display_name,
                    })
                for line in move.move_line_ids:
                    line.qty_done = line.product_uom_qty
            picking.action_done()
            pickings |= picking
        return pickings

    def _oldparts_scrap(self, parts):
        """Destroy the parts: one done stock.scrap per part, linked to it."""
        self.ensure_one()
        scraps = self.env['stock.scrap'].sudo()
        for part in parts.filtered(lambda p: p._oldparts_is_stocked()):
            location = self._oldparts_source_location(part)
            self._oldparts_check_available(part, location)
            scrap_location = self.env['stock.location'].sudo().search([
                ('scrap_location', '=', True),
                ('company_id', 'in', (part.company_id.id, False))],
                order='company_id', limit=1)
            scrap = scraps.create({
                'product_id': part.product_id.id,
                'product_uom_id': part.product_id.uom_id.id,
                'scrap_qty': part.quantity,
                'lot_id': part.sudo().stock_lot_id.id,
                'oldparts_part_id': part.id,
                'location_id': location.id,
                'scrap_location_id': scrap_location.id,
                'origin': '%s %s' % (self.name, part.name),
                'date_expected': fields.Datetime.now(),
            })
            scrap.do_scrap()
            scraps |= scrap
        return scraps

# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class OldpartsReturnShipment(models.Model):
    """Return shipment (返司发运) with its packing list (附件一 返司旧件装箱清单):
    one dealer's handed-over old parts packed in boxes and sent to the HQ
    old-part warehouse. Confirming it ships the parts on one return picking;
    HQ receives them by validating that picking."""
    _name = 'oldparts.return.shipment'
    _description = 'Old-Part Return Shipment'
    _sequence_code = 'oldparts.return.shipment'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'oldparts.document.mixin',
                'oldparts.portal.mixin']
    _oldparts_portal_path = 'shipment'
    # readers post in the chatter: the dealer's engineer (portal, read only)
    # and the specialist talk in one place
    _mail_post_access = 'read'
    _order = 'ship_date desc, id desc'
    _oldparts_holding_states = ('draft', 'shipped')

    state = fields.Selection([
        ('draft', 'Draft'),
        ('shipped', 'Shipped'),
        ('done', 'Received'),
        ('cancel', 'Cancelled'),
    ], string='Status', required=True, readonly=True, copy=False, default='draft',
        index=True, track_visibility='onchange',
        help='Draft: the packing list is prepared. Shipped: confirmed, the parts '
             'travel on the return picking. Received: HQ validated every return '
             'picking of the shipment (check the discrepancies).')
    dealer_id = fields.Many2one(
        'res.partner', string='Dealer', required=True, index=True,
        domain=[('is_oldparts_dealer', '=', True)], track_visibility='onchange',
        readonly=True, states={'draft': [('readonly', False)]},
        default=lambda self: self.env.user.oldparts_dealer_id)
    keeper_id = fields.Many2one(
        'res.users', string='Shipped By', default=lambda self: self.env.user,
        readonly=True, states={'draft': [('readonly', False)]},
        help='The field warehouse keeper (or engineer) who packs and ships.')
    ship_date = fields.Date(
        string='Ship Date', required=True, index=True, copy=False,
        default=fields.Date.context_today, track_visibility='onchange',
        readonly=True, states={'draft': [('readonly', False)]})
    carrier_id = fields.Many2one(
        'res.partner', string='Carrier', track_visibility='onchange',
        readonly=True, states={'draft': [('readonly', False)]})
    waybill_number = fields.Char(
        string='Waybill No.', copy=False, track_visibility='onchange',
        readonly=True, states={'draft': [('readonly', False)]})
    line_ids = fields.One2many(
        'oldparts.return.shipment.line', 'shipment_id', string='Packing List',
        copy=False, states={'cancel': [('readonly', True)]},
        help='Fixed once shipped, but for the discrepancy notes.')
    box_count = fields.Integer(
        string='Boxes', compute='_compute_totals', store=True)
    part_count = fields.Integer(
        string='Parts', compute='_compute_totals', store=True)
    total_weight = fields.Float(
        string='Total Weight (kg)', compute='_compute_totals', store=True,
        digits=(16, 2))
    location_id = fields.Many2one(
        'stock.location', string='From', readonly=True, copy=False,
        help='The dealer\'s old-part location.')
    location_dest_id = fields.Many2one(
        'stock.location', string='To', readonly=True, copy=False,
        help='The HQ old-part warehouse.')
    picking_id = fields.Many2one(
        'stock.picking', string='Return Picking', readonly=True, copy=False,
        groups='stock.group_stock_user')
    picking_ids = fields.One2many(
        'stock.picking', 'oldparts_shipment_id', string='Return Pickings',
        readonly=True, groups='stock.group_stock_user',
        help='The return picking and its backorders.')
    picking_count = fields.Integer(
        compute='_compute_picking_count', groups='stock.group_stock_user')
    receipt_date = fields.Date(string='Received On', readonly=True, copy=False)
    has_discrepancy = fields.Boolean(
        string='Discrepancy', compute='_compute_discrepancy', store=True, index=True,
        help='A packed part was not found in its box at HQ.')
    discrepancy_count = fields.Integer(
        string='Missing Parts', compute='_compute_discrepancy', store=True)
    freight_request_ids = fields.One2many(
        'oldparts.freight.request', 'shipment_id', string='Freight Requests',
        readonly=True)
    freight_request_count = fields.Integer(compute='_compute_freight_request_count')
    note = fields.Text(string='Remarks')

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends('line_ids.box_number', 'line_ids.weight')
    def _compute_totals(self):
        for shipment in self:
            shipment.box_count = len(set(shipment.line_ids.mapped('box_number')))
            shipment.part_count = len(shipment.line_ids)
            shipment.total_weight = sum(shipment.line_ids.mapped('weight'))

    @api.depends('line_ids.receipt_state')
    def _compute_discrepancy(self):
        for shipment in self:
            missing = shipment.line_ids.filtered(lambda l: l.receipt_state == 'missing')
            shipment.discrepancy_count = len(missing)
            shipment.has_discrepancy = bool(missing)

    def _compute_picking_count(self):
        for shipment in self:
            shipment.picking_count = len(shipment.picking_ids)

    def _compute_freight_request_count(self):
        for shipment in self:
            shipment.freight_request_count = len(shipment.freight_request_ids)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains('dealer_id')
    def _check_dealer(self):
        self._oldparts_check_dealer_flag()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _oldparts_transitions(self):
        shippers = ('oldparts_module.group_oldparts_keeper',
                    'oldparts_module.group_oldparts_engineer',
                    'oldparts_module.group_oldparts_specialist')
        return {
            'action_confirm': (('draft',), shippers, _('ship')),
            'action_cancel': (('draft',), shippers, _('cancel')),
            'action_draft': (('cancel',), shippers, _('reset to draft')),
        }

    def _oldparts_held_parts(self):
        return self.line_ids.mapped('part_id')

    @api.multi
    def action_confirm(self):
        """Ship the packing list: the parts go in return and one return
        picking takes them from the dealer's location to HQ."""
        self._check_transition('action_confirm')
        for shipment in self:
            shipment._check_ready_to_ship()
            parts = shipment.line_ids.mapped('part_id')
            parts.sudo()._action_env()._action_ship(ship_date=shipment.ship_date)
            setup = shipment.company_id._oldparts_returns_setup()
            shipment._action_write({
                'state': 'shipped',
                'location_id': shipment.dealer_id._oldparts_dealer_location(
                    shipment.company_id).id,
                'location_dest_id': setup.oldparts_hq_location_id.id,
            })
            shipment._create_return_picking()
        return True

    @api.multi
    def action_view_pickings(self):
        return self._oldparts_action_view(
            'stock.action_picking_tree_all', self.sudo().picking_ids, 'stock.view_picking_form')

    @api.multi
    def action_request_freight(self):
        """Opens the shipment's open freight request, or a new one filled in
        from the shipment (carrier, waybill, boxes, weight)."""
        self.ensure_one()
        request = self.freight_request_ids.filtered(
            lambda r: r.state != 'cancel')[:1]
        action = self.env.ref('oldparts_module.oldparts_freight_request_action').read()[0]
        action.update({
            'views': [(self.env.ref('oldparts_module.oldparts_freight_request_view_form').id,
                       'form')],
            'view_mode': 'form',
            'target': 'current',
            'context': {'default_shipment_id': self.id,
                        'default_carrier_id': self.carrier_id.id},
        })
        if request:
            action['res_id'] = request.id
        return action

    @api.multi
    def action_view_freight_requests(self):
        self.ensure_one()
        action = self.env.ref('oldparts_module.oldparts_freight_request_action').read()[0]
        action['domain'] = [('shipment_id', '=', self.id)]
        action['context'] = {'default_shipment_id': self.id}
        return action

    @api.multi
    def action_print_labels(self):
        return self.env.ref('oldparts_module.action_report_oldparts_part_label') \
            .report_action(self.mapped('line_ids.part_id'))

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _check_ready_to_ship(self):
        self.ensure_one()
        if not self.line_ids:
            raise UserError(_('Return shipment %(shipment)s has no parts to ship.') % {
                'shipment': self.name,
            })
        if not self.carrier_id or not (self.waybill_number or '').strip():
            raise UserError(_(
                'Return shipment %(shipment)s: enter the carrier and the waybill '
                'number.') % {'shipment': self.name})
        self.line_ids._check_part()
        for line in self.line_ids:
            if line.part_id.product_id.type not in ('product', 'consu'):
                raise UserError(_(
                    'Old part %(part)s: %(product)s is a service, not a physical part; '
                    'it cannot be shipped.') % {
                    'part': line.part_id.name,
                    'product': line.part_id.product_id.display_name,
                })

    def _prepare_picking_values(self):
        self.ensure_one()
        setup = self.company_id._oldparts_returns_setup()
        return {
            'picking_type_id': setup.oldparts_return_picking_type_id.id,
            'partner_id': self.dealer_id.id,
            'company_id': self.company_id.id,
            'location_id': self.location_id.id,
            'location_dest_id': self.location_dest_id.id,
            'origin': self.name,
            'scheduled_date': self.ship_date,
            'oldparts_shipment_id': self.id,
            'move_type': 'direct',
        }

    def _create_return_picking(self):
        """One picking, one move per part, reserved on the part's own lot."""
        self.ensure_one()
        picking_values = self._prepare_picking_values()
        picking_values['move_lines'] = [
            (0, 0, line._prepare_move_values()) for line in self.line_ids]
        picking = self.env['stock.picking'].sudo().create(picking_values)
        picking.action_confirm()
        picking.action_assign()
        self.sudo()._action_write({'picking_id': picking.id})
        self.message_post(body=_('Shipped on return picking %(picking)s.') % {
            'picking': picking.name,
        })
        return picking

    def _oldparts_update_receipt(self):
        """Called when a return picking of the shipment is validated or
        cancelled: received parts are received in the ledger, parts not found
        in their box are recorded as discrepancies."""
        self = self._action_env()
        for shipment in self.filtered(lambda s: s.state in ('shipped', 'done')):
            main_picking = shipment.sudo().picking_id
            received = self.env['oldparts.return.shipment.line']
            missing = self.env['oldparts.return.shipment.line']
            for line in shipment.line_ids:
                done_qty = line._received_quantity()
                rounding = line.part_id.product_id.uom_id.rounding or 0.001
                if float_compare(done_qty, line.part_id.quantity,
                                 precision_rounding=rounding) >= 0:
                    if line.receipt_state != 'received':
                        received |= line
                    line.received_qty = done_qty
                elif main_picking.state in ('done', 'cancel') and line.receipt_state != 'missing':
                    line.write({'receipt_state': 'missing', 'received_qty': done_qty})
                    missing |= line
            if received:
                received.write({'receipt_state': 'received'})
                parts = received.mapped('part_id').filtered(lambda p: p.state == 'in_return')
                parts.sudo()._action_receive()
            if missing:
                shipment._notify_discrepancy(missing)
            open_pickings = shipment.sudo().picking_ids.filtered(
                lambda p: p.state not in ('done', 'cancel'))
            if not open_pickings and shipment.state == 'shipped':
                shipment.write({
                    'state': 'done',
                    'receipt_date': fields.Date.context_today(shipment),
                })
        return True

    def _notify_discrepancy(self, lines):
        """Post the missing parts on the shipment and ask the old-parts
        specialists to follow them up."""
        self.ensure_one()
        text = ', '.join('%s (%s %s)' % (line.part_id.name, _('box'), line.box_number)
                         for line in lines)
        self.message_post(body=_(
            'Discrepancy at HQ receipt: not found in the boxes: %(parts)s') % {'parts': text})
        self._schedule_activity(
            'oldparts_module.mail_activity_type_oldparts_discrepancy',
            self._group_users('oldparts_module.group_oldparts_specialist'),
            _('Missing old parts'), text, fields.Date.context_today(self))

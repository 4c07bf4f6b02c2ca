# Copyright 2026 The oldparts_module authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The main company's records, created by data/stock_data.xml.
SETUP_XMLIDS = {
    'oldparts_location_id': 'oldparts_module.stock_location_oldparts',
    'oldparts_hq_location_id': 'oldparts_module.stock_location_oldparts_hq',
    'oldparts_refurbish_location_id': 'oldparts_module.stock_location_oldparts_refurbish',
    'oldparts_service_location_id': 'oldparts_module.stock_location_oldparts_service',
    'oldparts_return_picking_type_id': 'oldparts_module.picking_type_oldparts_return',
    'oldparts_internal_picking_type_id': 'oldparts_module.picking_type_oldparts_internal',
    'oldparts_supplier_picking_type_id': 'oldparts_module.picking_type_oldparts_supplier',
}
PICKING_TYPES = {
    'oldparts_return_picking_type_id': (
        'Old-Part Returns', 'internal', 'JJ/RET/'),
    'oldparts_internal_picking_type_id': (
        'Old-Part Transfers', 'internal', 'JJ/INT/'),
    'oldparts_supplier_picking_type_id': (
        'Old-Part Supplier Returns', 'outgoing', 'JJ/SUP/'),
}

WEEKDAYS = [
    ('0', 'Monday'), ('1', 'Tuesday'), ('2', 'Wednesday'), ('3', 'Thursday'),
    ('4', 'Friday'), ('5', 'Saturday'), ('6', 'Sunday'),
]


class ResCompany(models.Model):
    """The company's old-parts settings (deadlines, local disposal), and
    where returned old parts are kept and how returns are booked.

    The main company gets its locations and operation types from noupdate
    data; another company gets them the first time it needs them
    (``_oldparts_returns_setup``)."""
    _inherit = 'res.company'

    oldparts_handover_days = fields.Integer(
        string='Old-Part Hand-over Period (days)', default=7,
        help='Required hand-over date = completion date + this many days.')
    oldparts_gift_value_limit = fields.Monetary(
        string='Old-Part Gift Value Limit', default=100.0,
        help='A part with no claim or reuse value whose scrap value is below '
             'this is proposed as a gift rather than a local sale.')

    # --- local sale, destruction and gift (regulation sections 4 and 9) ----
    oldparts_buyer_costs_floor_rate = fields.Float(
        string='Floor When the Buyer Bears the Costs (%)', default=85.0,
        digits=(16, 2),
        help='When the buyer bears labour, lifting, transport and cutting, the '
             'sale price may go down to this share of the market price.')
    oldparts_min_quotes = fields.Integer(
        string='Minimum Buyer Quotes', default=3,
        help='A sale application needs quotes from at least this many buyers.')
    oldparts_split_window_days = fields.Integer(
        string='Lot Splitting Window (days)', default=30,
        help="A dealer's sale applications within this many days of each other "
             "count as one lot for the approval amount, so that splitting a lot "
             "does not avoid an approval step.")
    oldparts_weight_tolerance = fields.Float(
        string='Weighbridge Weight Tolerance (%)', default=5.0, digits=(16, 2),
        help='A sale whose weighbridge weight differs from the approved weight '
             'by more than this share needs a new approval.')
    oldparts_scrap_income_account_id = fields.Many2one(
        'account.account', string='Scrap Income Account',
        domain=[('deprecated', '=', False)],
        help='Income account of the customer invoices of old-part sales.')
    oldparts_scrap_journal_id = fields.Many2one(
        'account.journal', string='Scrap Sale Journal',
        domain=[('type', '=', 'sale')],
        help='Journal of the customer invoices of old-part sales; empty: the '
             'first sale journal of the company.')
    oldparts_min_witnesses = fields.Integer(
        string='Minimum Disposal Witnesses', default=3,
        help='A scrap sign-off needs at least this many witnesses.')
    oldparts_witness_distinct_departments = fields.Boolean(
        string='Witnesses from Different Departments', default=True,
        help='The minimum number of witnesses must come from as many '
             'different departments.')
    oldparts_signoff_photo_required = fields.Boolean(
        string='Photos Required on Scrap Sign-offs', default=True)

    # --- returns (Odoo Inventory) ---------------------------------------------

    oldparts_location_id = fields.Many2one(
        'stock.location', string='Old-Parts Parent Location',
        help='Parent (view) location of every dealer\'s old-part location and of '
             'the HQ old-part warehouse. Old-part counts start from here.')
    oldparts_hq_location_id = fields.Many2one(
        'stock.location', string='HQ Old-Part Warehouse',
        help='Where returned old parts are received.')
    oldparts_service_location_id = fields.Many2one(
        'stock.location', string='Replaced-in-Service Location',
        help='Virtual source of the old parts: the machines they were removed from.')
    oldparts_refurbish_location_id = fields.Many2one(
        'stock.location', string='Refurbishment Location',
        help='Where old parts decided for refurbishment go.')
    oldparts_reuse_location_id = fields.Many2one(
        'stock.location', string='Usable Stock for Reused Parts',
        help='Where old parts decided for reuse go. Empty: the stock location '
             'of the company\'s first warehouse.')
    oldparts_return_picking_type_id = fields.Many2one(
        'stock.picking.type', string='Old-Part Return Operation',
        help='Operation type of the return pickings (dealer to HQ).')
    oldparts_internal_picking_type_id = fields.Many2one(
        'stock.picking.type', string='Old-Part Internal Operation',
        help='Operation type of reuse and refurbishment transfers.')
    oldparts_supplier_picking_type_id = fields.Many2one(
        'stock.picking.type', string='Old-Part Supplier Return Operation',
        help='Operation type of the returns to the supplier of claimed parts.')
    oldparts_book_value = fields.Boolean(
        string='Old Parts Carry Book Value',
        help='Unticked (the default), old parts in the old-part locations are '
             'not valued: no stock valuation, no accounting entries.')
    oldparts_freight_account_id = fields.Many2one(
        'account.account', string='Return Freight Expense Account',
        domain=[('deprecated', '=', False)],
        help='Expense account of the vendor bills of approved freight requests.')
    oldparts_claim_account_id = fields.Many2one(
        'account.account', string='Supplier Claim Account',
        domain=[('deprecated', '=', False)],
        help='Account of the supplier refunds of claimed old parts. Empty: '
             'the expense account of the part\'s product.')

    def _oldparts_returns_setup(self):
        """The company's old-part locations and operation types: the records
        of the module's data for the main company, created for the others."""
        self.ensure_one()
        company = self.sudo()
        for field_name, xmlid in SETUP_XMLIDS.items():
            if company[field_name]:
                continue
            record = self.env.ref(xmlid, raise_if_not_found=False)
            record_company = record and (record.company_id if 'company_id' in record._fields
                                         else record.warehouse_id.company_id)
            if record and record_company == company:
                company[field_name] = record
        Location = self.env['stock.location'].sudo()
        if not company.oldparts_location_id:
            company.oldparts_location_id = Location.create({
                'name': 'Old Parts', 'usage': 'view',
                'location_id': self.env.ref('stock.stock_location_locations').id,
                'company_id': company.id, 'is_oldparts_location': True})
        parent = company.oldparts_location_id
        if not company.oldparts_hq_location_id:
            company.oldparts_hq_location_id = Location.create({
                'name': 'HQ Old-Part Warehouse', 'usage': 'internal',
                'location_id': parent.id, 'company_id': company.id,
                'is_oldparts_location': True})
        if not company.oldparts_refurbish_location_id:
            company.oldparts_refurbish_location_id = Location.create({
                'name': 'Refurbishment', 'usage': 'internal',
                'location_id': parent.id, 'company_id': company.id,
                'is_oldparts_location': True})
        if not company.oldparts_service_location_id:
            company.oldparts_service_location_id = Location.create({
                'name': 'Replaced in Service', 'usage': 'inventory',
                'location_id': self.env.ref('stock.stock_location_locations_virtual').id,
                'company_id': company.id})
        warehouse = self.env['stock.warehouse'].sudo().search(
            [('company_id', '=', company.id)], limit=1)
        for field_name, (name, code, prefix) in PICKING_TYPES.items():
            if company[field_name]:
                continue
            sequence = self.env['ir.sequence'].sudo().create({
                'name': name, 'prefix': prefix, 'padding': 5, 'company_id': company.id})
            company[field_name] = self.env['stock.picking.type'].sudo().create({
                'name': name, 'code': code, 'sequence_id': sequence.id,
                'warehouse_id': warehouse.id or False,
                'use_create_lots': False, 'use_existing_lots': True,
                'default_location_src_id': company.oldparts_hq_location_id.id,
            })
        for field_name in SETUP_XMLIDS:
            self._oldparts_translate_name(company[field_name])
        return company

    def _oldparts_translate_name(self, record):
        """A location or operation type created here has an English name: give
        it the translations the module's data carry for that name (those of
        the main company's records), unless it has its own already."""
        Translation = self.env['ir.translation'].sudo()
        name = '%s,name' % record._name
        for lang, _label in self.env['res.lang'].get_installed():
            if lang == 'en_US' or Translation.search_count([
                    ('name', '=', name), ('res_id', '=', record.id), ('lang', '=', lang)]):
                continue
            source = record.with_context(lang=None).name
            value = Translation._get_source(None, ('model',), lang, source)
            if value and value != source:
                Translation._set_ids(name, 'model', lang, record.ids, value, source)

    def _oldparts_reuse_location(self):
        self.ensure_one()
        location = self.oldparts_reuse_location_id
        if not location:
            location = self.env['stock.warehouse'].sudo().search(
                [('company_id', '=', self.id)], limit=1).lot_stock_id
        if not location:
            raise UserError(_(
                'Set the usable stock location for reused old parts of %(company)s.') % {
                'company': self.name,
            })
        return location

    @api.model
    def _oldparts_setup_all_companies(self):
        """Called from data: every company gets its old-part locations."""
        for company in self.search([]):
            company._oldparts_returns_setup()
        return True

    # ------------------------------------------------------------------
    # Incentive settlements: where they are booked
    # ------------------------------------------------------------------
    oldparts_incentive_account_id = fields.Many2one(
        'account.account', string='Incentive Service Fee Account',
        domain=[('deprecated', '=', False)],
        help='Expense account of the dealers\' service fees on which the monthly '
             'old-part rewards (vendor bills) and penalties (vendor refunds) are booked.')
    oldparts_incentive_journal_id = fields.Many2one(
        'account.journal', string='Incentive Journal',
        domain=[('type', '=', 'purchase')],
        help='Purchase journal of the settlement bills and refunds; empty: the '
             'first purchase journal of the company.')

    # ------------------------------------------------------------------
    # Weekly progress report (附件三) by mail
    # ------------------------------------------------------------------
    oldparts_progress_mail = fields.Boolean(
        string='Mail the Progress Report Weekly', default=True,
        help="Each week, every dealer's contacts and the old-parts specialists "
             'receive the return progress report (Form 3) of the parts the '
             'dealer still owes, as PDF and spreadsheet.')
    oldparts_progress_mail_weekday = fields.Selection(
        WEEKDAYS, string='Progress Report Weekday', default='0', required=True)

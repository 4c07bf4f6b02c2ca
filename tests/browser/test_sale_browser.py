"""A real browser opens a sale application (附件五) in the Odoo 11 web
client: the form shows the floor, and adding a line offers the dealer's
handed-over local-sale parts (the part field's domain depends on the
application's origin and is evaluated by the web client), with no
JavaScript, console or server error. A screenshot goes to
.local/screenshots/oldparts_sale_application.png.

As in test_webclient_browser.py, the records are made through the server's
cursor (``self.registry.cursor()``), which the test rolls back."""
import odoo
from odoo import api, fields
from odoo.tests.common import HttpCase

from .browser_common import LOAD_TIMEOUT_MS, browser_page


class TestSaleApplicationBrowser(HttpCase):

    def setUp(self):
        super(TestSaleApplicationBrowser, self).setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {})
            nx = env.ref('l10n_cn.state_NX')
            heavy = env.ref('oldparts_module.metal_grade_heavy')
            env['oldparts.market.price'].search([]).unlink()
            env['oldparts.market.price'].create({
                'state_id': nx.id, 'grade_id': heavy.id,
                'date': fields.Date.context_today(env['oldparts.market.price']),
                'price': 2000.0})
            dealer = env['res.partner'].create({
                'name': 'Browser Sale Dealer', 'is_oldparts_dealer': True,
                'state_id': nx.id})
            product = env['product.product'].create({
                'name': 'Browser Boom Section', 'type': 'product'})
            parts = env['oldparts.part']
            for index in range(2):
                parts |= env['oldparts.part'].create({
                    'dealer_id': dealer.id, 'product_id': product.id,
                    'work_order_ref': 'BROWSER-SALE-%d' % index,
                    'scrap_value': 3000.0, 'return_requested': False})
            parts.action_classify()
            parts.action_hand_over()
            buyers = [env['res.partner'].create({'name': 'Browser Buyer %d' % i})
                      for i in range(3)]
            application = env['oldparts.sale.application'].create({
                'dealer_id': dealer.id,
                'buyer_bears_costs': True,
                'remote_reduction': 10.0,
                'line_ids': [(0, 0, {'part_id': parts[0].id, 'grade_id': heavy.id,
                                     'weighed_weight': 1.9})],
                'quote_ids': [(0, 0, {'partner_id': buyer.id, 'contact_name': 'Zhang',
                                      'phone': '1', 'price': price})
                              for buyer, price in zip(buyers, (2000.0, 1900.0, 1800.0))],
            })
            application.quote_ids[0].action_select()
            self.application_id = application.id
            self.application_name = application.name
            self.free_part_name = parts[1].name

    def test_sale_application_form(self):
        self.authenticate('admin', 'admin')
        action = self.env.ref('oldparts_module.oldparts_sale_application_action')
        with browser_page(self, 'oldparts_sale_application') as (page, base_url):
            self._check_form(page, base_url, action)

    def _check_form(self, page, base_url, action):
        page.goto('%s/web#id=%d&model=oldparts.sale.application&view_type=form&action=%d' % (
            base_url, self.application_id, action.id), timeout=LOAD_TIMEOUT_MS)
        form = page.locator('.o_form_view')
        form.wait_for(state='visible', timeout=LOAD_TIMEOUT_MS)
        page.locator('.o_form_view h1', has_text=self.application_name).wait_for(state='visible')
        assert '1,530.00' in form.inner_text(), 'floor price not shown'
        page.click('.o_form_button_edit')
        page.click('.o_field_x2many_list_row_add a')
        part_input = page.locator('.o_data_row.o_selected_row .o_field_many2one input').first
        part_input.wait_for(state='visible')
        part_input.click()
        part_input.type('JJ')
        page.locator('.ui-autocomplete li', has_text=self.free_part_name).first.wait_for(
            state='visible')

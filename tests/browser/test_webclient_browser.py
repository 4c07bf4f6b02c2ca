"""A real browser drives the Odoo 11 web client: headless Chromium (Debian's
/usr/bin/chromium, driven by Playwright without a browser build of its own)
logs in as admin, opens the Old Parts app from the top menu and must find the
list view of `oldparts_module.oldparts_part_action` with the record made
below, with no JavaScript error, no console error, no server error and no
crash dialog. A screenshot goes to .local/screenshots/oldparts_list.png.

See browser_common.py for how the browser reaches the test server.
"""
import odoo
from odoo import api
from odoo.tests.common import HttpCase

from .browser_common import LOAD_TIMEOUT_MS, browser_page

MENU_XMLID = 'oldparts_module.oldparts_menu_root'
ACTION_XMLID = 'oldparts_module.oldparts_part_action'


class TestWebClientBrowser(HttpCase):

    def setUp(self):
        super(TestWebClientBrowser, self).setUp()
        # the server's cursor (registry test mode), rolled back after the test
        with self.registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {})
            dealer = env['res.partner'].create({
                'name': 'Browser Test Dealer', 'is_oldparts_dealer': True})
            product = env['product.product'].create({'name': 'Browser Test Pump'})
            self.part_name = env['oldparts.part'].create({
                'dealer_id': dealer.id, 'product_id': product.id,
                'work_order_ref': 'BROWSER-WO-001', 'quantity': 2,
            }).name

    def test_old_parts_menu_opens_list_view(self):
        self.authenticate('admin', 'admin')
        admin = self.env['res.users'].search([('login', '=', 'admin')])
        menu = self.env.ref(MENU_XMLID)
        action = self.env.ref(ACTION_XMLID).with_context(lang=admin.lang)
        with browser_page(self, 'oldparts_list') as (page, base_url):
            self._open_menu_and_check_list(page, base_url, menu, action)

    def _open_menu_and_check_list(self, page, base_url, menu, action):
        page.goto(base_url + '/web', timeout=LOAD_TIMEOUT_MS)
        assert '/web/login' not in page.url, 'not logged in: %s' % page.url
        link = page.locator('.oe_application_menu_placeholder a[data-menu-xmlid="%s"]' % MENU_XMLID)
        link.wait_for(state='attached', timeout=LOAD_TIMEOUT_MS)
        # the web client shows the top menu once it has started; its home
        # action (Discuss) must have loaded before the click, or it replaces
        # the action the click opens
        page.locator('.oe_application_menu_placeholder').wait_for(
            state='visible', timeout=LOAD_TIMEOUT_MS)
        page.wait_for_function("document.location.hash.indexOf('action=') !== -1",
                               timeout=LOAD_TIMEOUT_MS)
        page.locator('.o_content > *').first.wait_for(state='attached', timeout=LOAD_TIMEOUT_MS)
        if not link.is_visible():
            # too many apps for the navbar: the web client moves the
            # rest to its "More" dropdown
            page.click('#menu_more_container > a.dropdown-toggle')
        link.click()

        page.wait_for_function(
            "document.location.hash.indexOf('action=%d') !== -1" % action.id)
        list_view = page.locator('.o_content table.o_list_view')
        list_view.wait_for(state='visible')
        page.locator('.oe_secondary_menu[data-menu-parent="%d"]' % menu.id).wait_for(
            state='visible')
        breadcrumb = page.locator('.o_control_panel .breadcrumb li.active')
        assert breadcrumb.inner_text().strip() == action.name, breadcrumb.inner_text()
        row = list_view.locator('tr.o_data_row', has_text='BROWSER-WO-001')
        row.wait_for(state='visible')
        assert self.part_name in row.inner_text()

"""A real browser drives the Odoo 11 web client: headless Chromium (Debian's
/usr/bin/chromium, driven by Playwright without a browser build of its own)
logs in as admin, opens the Old Parts app from the top menu and must find the
list view of `oldparts_module.oldparts_part_action` with the record made
below, with no JavaScript error, no console error, no server error and no
crash dialog. A screenshot goes to .local/screenshots/oldparts_list.png.

HttpCase puts the registry in test mode: in Odoo 11 the server's requests
then share one cursor, ``registry.test_cr`` (not the test's ``self.cr``),
which is rolled back when the test ends. So the record the list must show is
made through ``self.registry.cursor()``, that cursor; records made with
``self.env`` would stay invisible to the browser. The browser gets the
session of ``self.authenticate('admin', 'admin')`` through its ``session_id``
cookie.
"""
import os
import pathlib
import shutil

from playwright.sync_api import sync_playwright

import odoo
import odoo.tests.common as common
from odoo import api
from odoo.tests.common import HttpCase

CHROMIUM = os.environ.get('CHROMIUM_BIN') or shutil.which('chromium') or '/usr/bin/chromium'
CHROMIUM_ARGS = [
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-default-apps',
]
SCREENSHOTS = pathlib.Path(__file__).resolve().parents[2] / '.local' / 'screenshots'
MENU_XMLID = 'oldparts_module.oldparts_menu_root'
ACTION_XMLID = 'oldparts_module.oldparts_part_action'
# The first page load on a new database builds the asset bundles (lessc).
LOAD_TIMEOUT_MS = 240 * 1000
STEP_TIMEOUT_MS = 60 * 1000


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
        base_url = 'http://%s:%s' % (common.HOST, common.PORT)
        problems = []

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context(viewport={'width': 1440, 'height': 900})
                context.add_cookies([{
                    'name': 'session_id', 'value': self.session_id, 'url': base_url}])
                page = context.new_page()
                page.set_default_timeout(STEP_TIMEOUT_MS)
                page.on('pageerror', lambda exc: problems.append('JS error: %s' % exc))
                page.on('console', lambda msg: msg.type == 'error' and problems.append(
                    'console error: %s (%s)' % (msg.text, msg.location.get('url'))))
                page.on('response', lambda r: r.status >= 500 and problems.append(
                    'HTTP %s %s' % (r.status, r.url)))

                try:
                    self._open_menu_and_check_list(page, base_url, menu, action)
                except Exception as exc:
                    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(SCREENSHOTS / 'oldparts_list_failure.png'))
                    raise AssertionError('%s\nat %s\n%s' % (exc, page.url, '\n'.join(problems)))
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / 'oldparts_list.png'))
                context.close()
            finally:
                # close before HttpCase leaves registry test mode
                browser.close()

        assert not problems, '\n'.join(problems)

    def _open_menu_and_check_list(self, page, base_url, menu, action):
        page.goto(base_url + '/web', timeout=LOAD_TIMEOUT_MS)
        assert '/web/login' not in page.url, 'not logged in: %s' % page.url
        link = page.locator('.oe_application_menu_placeholder a[data-menu-xmlid="%s"]' % MENU_XMLID)
        link.wait_for(state='attached', timeout=LOAD_TIMEOUT_MS)
        # the web client shows the top menu once it has started
        page.locator('.oe_application_menu_placeholder').wait_for(
            state='visible', timeout=LOAD_TIMEOUT_MS)
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
        # let late RPCs and rendering settle before looking for errors
        page.wait_for_timeout(1000)
        crash = page.locator('.o_dialog_error, .modal .o_error_detail')
        assert crash.count() == 0, crash.first.inner_text()

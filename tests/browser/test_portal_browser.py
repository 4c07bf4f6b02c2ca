"""The dealer portal on a phone (390x844, touch): a dealer's portal user
logs in, records a replaced part with a photo, promises a late hand-over
date (refused without the reason, saved with it) and submits a sale
application with three quotes, with no JavaScript, console or server
error. Screenshots of each step go to docs/portal/."""
import base64
import pathlib

import odoo
from odoo import api, fields
from odoo.tests.common import HttpCase

from ..http_test_mode import nested_test_cursors
from .browser_common import LOAD_TIMEOUT_MS, browser_page

PHONE = {'width': 390, 'height': 844}
DOCS = pathlib.Path(__file__).resolve().parents[2] / 'docs' / 'portal'
PNG = base64.b64decode(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==')


class TestPortalBrowser(HttpCase):

    def setUp(self):
        super(TestPortalBrowser, self).setUp()
        nested_test_cursors(self)  # see tests/http_test_mode.py
        with self.registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {
                'tracking_disable': True, 'no_reset_password': True, 'tz': 'UTC'})
            nx = env.ref('l10n_cn.state_NX')
            grade = env.ref('oldparts_module.metal_grade_heavy')
            today = fields.Date.context_today(env['oldparts.part'])
            # today's market price of the grade (the demo data may have one)
            price_key = {'state_id': nx.id, 'grade_id': grade.id, 'date': today}
            market_price = env['oldparts.market.price'].search(
                [(key, '=', value) for key, value in price_key.items()])
            if market_price:
                market_price.write({'price': 2000.0})
            else:
                market_price.create(dict(price_key, price=2000.0))
            dealer = env['res.partner'].create({
                'name': '宁夏手机代理商', 'is_company': True, 'is_oldparts_dealer': True,
                'state_id': nx.id})
            contact = env['res.partner'].create({
                'name': '手机工程师', 'parent_id': dealer.id, 'email': 'phone@example.com'})
            wizard = env['portal.wizard'].with_context(active_ids=[contact.id]).create({
                'portal_id': env.ref('base.group_portal').id,
                'user_ids': [(0, 0, {'partner_id': contact.id, 'email': contact.email,
                                     'in_portal': True})]})
            wizard.action_apply()
            user = env['res.users'].search([('partner_id', '=', contact.id)])
            user.write({'login': 'portal_phone', 'password': 'portal_phone',
                        'lang': 'zh_CN', 'tz': 'UTC'})
            self.product = env['product.product'].create({
                'name': '手机液压泵', 'default_code': 'PHONE-PUMP', 'type': 'consu'})
            part = env['oldparts.part'].create({
                'dealer_id': dealer.id, 'product_id': self.product.id,
                'work_order_ref': 'PHONE-SALE', 'scrap_value': 3000.0,
                'return_requested': False})
            part.action_classify()
            part.action_hand_over()
            self.sale_part_name = part.name

    def test_portal_on_a_phone(self):
        DOCS.mkdir(parents=True, exist_ok=True)
        with browser_page(self, 'portal_5_sale_submitted', viewport=PHONE,
                          screenshot_dir=str(DOCS)) as (page, base_url):
            def shot(name):
                page.screenshot(path=str(DOCS / ('%s.png' % name)), full_page=True)

            page.goto(base_url + '/web/login?redirect=/my/home', timeout=LOAD_TIMEOUT_MS)
            page.fill('input[name=login]', 'portal_phone')
            page.fill('input[name=password]', 'portal_phone')
            page.click('form.oe_login_form button[type=submit]')
            page.locator('.o_portal_docs a[href="/my/oldparts"]').wait_for(
                state='visible', timeout=LOAD_TIMEOUT_MS)
            shot('portal_0_home')

            # record a replaced part, with a photo
            page.goto(base_url + '/my/oldparts/part/new', timeout=LOAD_TIMEOUT_MS)
            page.fill('#work_order_ref', 'PG-PHONE-1')
            page.fill('#equipment_ref', 'QY25K-PHONE')
            page.fill('#product_id', 'PHONE-PUMP')
            page.fill('#failure_reason', '油缸内泄')
            page.set_input_files('#photos', files=[{
                'name': 'part.png', 'mimeType': 'image/png', 'buffer': PNG}])
            shot('portal_1_record_part')
            page.click('form.o_oldparts_part_new button[type=submit]')
            page.locator('.o_oldparts_done').wait_for(state='visible')
            assert page.locator('.o_oldparts_photos img').count() == 1
            shot('portal_2_part_recorded')

            # a late promise without the reason is refused, on the page
            page.fill('#reply_date', '2099-01-01')
            page.click('form.o_oldparts_promise button[type=submit]')
            page.locator('.o_oldparts_error').wait_for(state='visible')
            later = fields.Date.to_string(fields.Date.from_string(
                fields.Date.today()) + __import__('datetime').timedelta(days=20))
            page.fill('#reply_date', later)
            page.click('form.o_oldparts_promise button[type=submit]')
            error = page.locator('.o_oldparts_error')
            error.wait_for(state='visible')
            assert '原因' in error.inner_text(), error.inner_text()
            shot('portal_3_late_date_refused')
            page.fill('#reply_date', later)
            page.fill('#reply_reason', '吊车在外地，20天后返回')
            page.click('form.o_oldparts_promise button[type=submit]')
            page.locator('.o_oldparts_done').wait_for(state='visible')
            shot('portal_3_late_date_promised')

            # the list, overdue colours and filters
            page.goto(base_url + '/my/oldparts', timeout=LOAD_TIMEOUT_MS)
            page.locator('.o_oldparts_parts a').first.wait_for(state='visible')

            # a sale application with three quotes and a photo
            page.goto(base_url + '/my/oldparts/sale/new', timeout=LOAD_TIMEOUT_MS)
            page.locator('.o_oldparts_sale_new', has_text=self.sale_part_name).wait_for()
            page.check('input[name=part_ids]')
            page.fill('input[name^=weight_]', '1.2')
            for index, (buyer, price) in enumerate(
                    (('银川回收一厂', '2150'), ('银川回收二厂', '2100'),
                     ('银川回收三厂', '2050')), start=1):
                page.fill('input[name=quote_%d_buyer]' % index, buyer)
                page.fill('input[name=quote_%d_contact]' % index, '张经理')
                page.fill('input[name=quote_%d_phone]' % index, '1390000000%d' % index)
                page.fill('input[name=quote_%d_price]' % index, price)
            page.check('input[name=selected_quote][value="1"]')
            page.set_input_files('#sale_photos', files=[{
                'name': 'lot.png', 'mimeType': 'image/png', 'buffer': PNG}])
            shot('portal_4_sale_application')
            page.click('form.o_oldparts_sale_new button[type=submit]')
            page.locator('.o_oldparts_done').wait_for(state='visible')
            page.locator('.o_oldparts_approvals li').first.wait_for(state='visible')
            page.locator('#discussion').wait_for(state='attached')
            # the page fits the phone: nothing wider than the screen
            width = page.evaluate('document.documentElement.scrollWidth')
            assert width <= PHONE['width'], width

"""Two dealers, each with a portal user made by Odoo's own "Grant portal
access" on a contact of the dealer, and parts, a return shipment and a sale
application of each, for the portal's HTTP tests.

In Odoo 11 test mode the server's requests share ``registry.test_cr``: the
data is made, and what the server saved is read back, through
``self.registry.cursor()`` (closed before each request)."""
import re
from contextlib import contextmanager
from datetime import timedelta

import odoo.tests.common as common
from odoo import SUPERUSER_ID, api, fields
from odoo.tests.common import HttpCase

from ..http_test_mode import nested_test_cursors

TIMEOUT = 240


class PortalCase(HttpCase):

    @contextmanager
    def _env(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {
                'tracking_disable': True, 'no_reset_password': True, 'tz': 'UTC'})
            # the same environment (same cursor, user and context) as the
            # last time: what it cached before the requests is stale
            env.clear()
            yield env

    def setUp(self):
        super(PortalCase, self).setUp()
        # Odoo's short cursors inside a request (Float.digits) must not
        # commit the request's own cursor: see tests/http_test_mode.py
        nested_test_cursors(self)
        with self._env() as env:
            self._setup_data(env)

    def _date(self, env, days):
        today = fields.Date.from_string(fields.Date.context_today(env['oldparts.part']))
        return fields.Date.to_string(today + timedelta(days=days))

    def _grant_portal(self, env, contact, login, lang='en_US'):
        """Odoo's Grant portal access wizard on the dealer's contact; the
        user reads ``lang`` (the test database has zh_CN only, the portal
        template user reads Chinese: English is activated for the tests
        that read the English messages, rolled back with the test)."""
        env['res.lang'].with_context(active_test=False).search(
            [('code', '=', lang)]).write({'active': True})
        self._portal_wizard(env, contact, True)
        user = env['res.users'].search([('partner_id', '=', contact.id)])
        self.assertEqual(len(user), 1)
        user.write({'login': login, 'password': login + '-pw', 'tz': 'UTC', 'lang': lang})
        return user

    def _portal_wizard(self, env, contact, in_portal):
        """The wizard as the web client fills it (its lines come from an
        onchange), then applied."""
        wizard = env['portal.wizard'].with_context(active_ids=[contact.id]).create({
            'portal_id': env.ref('base.group_portal').id,
            'user_ids': [(0, 0, {'partner_id': contact.id, 'email': contact.email,
                                 'in_portal': in_portal})]})
        wizard.action_apply()

    def _setup_data(self, env):
        Partner = env['res.partner']
        nx = env.ref('l10n_cn.state_NX')
        self.grade = env.ref('oldparts_module.metal_grade_heavy')
        env['oldparts.market.price'].create({
            'state_id': nx.id, 'grade_id': self.grade.id, 'price': 2000.0,
            'date': self._date(env, -30)})
        self.product = env['product.product'].create({
            'name': 'Portal Pump', 'default_code': 'PORTAL-PUMP', 'type': 'consu',
            'standard_price': 100.0})
        self.ids = {}
        for key in ('a', 'b'):
            dealer = Partner.create({
                'name': 'Portal Dealer %s' % key.upper(), 'is_company': True,
                'is_oldparts_dealer': True, 'state_id': nx.id})
            contact = Partner.create({
                'name': 'Portal Engineer %s' % key.upper(), 'parent_id': dealer.id,
                'email': 'portal_%s@example.com' % key})
            user = self._grant_portal(env, contact, 'portal_test_%s' % key)
            Part = env['oldparts.part']
            common_vals = {'dealer_id': dealer.id, 'product_id': self.product.id,
                           'quantity': 1.0}
            overdue = Part.create(dict(common_vals, work_order_ref='WO-OVERDUE-%s' % key,
                                       equipment_ref='EQ-%s-1' % key,
                                       replacement_date=self._date(env, -12)))
            fresh = Part.create(dict(common_vals, work_order_ref='WO-FRESH-%s' % key,
                                     equipment_ref='EQ-%s-2' % key,
                                     replacement_date=self._date(env, -1)))
            classified = Part.create(dict(common_vals, work_order_ref='WO-CLASS-%s' % key,
                                          equipment_ref='EQ-%s-3' % key,
                                          replacement_date=self._date(env, -1),
                                          has_claim_value=True))
            classified.action_classify()
            returned = Part.create(dict(common_vals, work_order_ref='WO-RET-%s' % key,
                                        replacement_date=self._date(env, -2),
                                        has_claim_value=True))
            returned.action_classify()
            returned.action_hand_over()
            shipment = env['oldparts.return.shipment'].create({
                'dealer_id': dealer.id,
                'line_ids': [(0, 0, {'part_id': returned.id, 'box_number': '1'})]})
            sale_parts = Part.browse()
            for index in range(2):
                part = Part.create(dict(common_vals, work_order_ref='WO-SALE-%s%d' % (key, index),
                                        replacement_date=self._date(env, -2),
                                        scrap_value=3000.0, return_requested=False))
                sale_parts |= part
            sale_parts.action_classify()
            sale_parts.action_hand_over()
            buyers = [Partner.create({'name': 'Buyer %s%d' % (key, i)}) for i in range(3)]
            sale = env['oldparts.sale.application'].create({
                'dealer_id': dealer.id,
                'line_ids': [(0, 0, {'part_id': sale_parts[1].id, 'grade_id': self.grade.id,
                                     'weighed_weight': 1.0})],
                'quote_ids': [(0, 0, {'partner_id': b.id, 'contact_name': 'Li', 'phone': '1',
                                      'price': price})
                              for b, price in zip(buyers, (2100.0, 2000.0, 1900.0))]})
            sale.quote_ids.sorted('price')[-1].action_select()
            self.ids[key] = {
                'dealer': dealer.id, 'user': user.id, 'login': user.login,
                'overdue': overdue.id, 'overdue_name': overdue.name,
                'fresh': fresh.id, 'fresh_name': fresh.name,
                'classified': classified.id, 'returned': returned.id,
                'returned_name': returned.name,
                'shipment': shipment.id, 'shipment_name': shipment.name,
                'sale_part': sale_parts[0].id, 'sale_part_name': sale_parts[0].name,
                'sale': sale.id, 'sale_name': sale.name,
            }

    # ------------------------------------------------------------------
    def _sale_form(self, part_id, quotes=3, **values):
        """The posted fields of a portal sale application for one part."""
        data = {'part_ids': str(part_id), 'grade_%d' % part_id: str(self.grade.id),
                'weight_%d' % part_id: '1.2', 'selected_quote': '1'}
        for index in range(1, quotes + 1):
            data.update({'quote_%d_buyer' % index: 'Portal Buyer %d' % index,
                         'quote_%d_contact' % index: 'Wang',
                         'quote_%d_phone' % index: '1380000000%d' % index,
                         'quote_%d_price' % index: str(2200 - index * 50)})
        data.update(values)
        return data

    def login(self, key):
        """Log in through /web/login, as on the phone (HttpCase.authenticate
        reads the users on the test's own cursor, which does not see the
        users made through the server's)."""
        login = self.ids[key]['login']
        page = self.get('/web/login')
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.opener.post(self._url('/web/login'), timeout=TIMEOUT, data={
            'login': login, 'password': login + '-pw', 'csrf_token': token,
            'redirect': '/my/home'})
        self.assertEqual(response.status_code, 200)
        self.assertNotIn('oe_login_form', response.text)

    def get(self, url, **kw):
        kw.setdefault('timeout', TIMEOUT)
        return self.opener.get(self._url(url), **kw)

    def post(self, url, data=None, files=None, csrf=True, **kw):
        """POST as the browser does: with the CSRF token of the session."""
        data = dict(data or {})
        if csrf:
            data['csrf_token'] = self.csrf_token()
        kw.setdefault('timeout', TIMEOUT)
        return self.opener.post(self._url(url), data=data, files=files, **kw)

    def csrf_token(self):
        page = self.get('/my/oldparts/part/new')
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _url(self, url):
        return 'http://%s:%s%s' % (common.HOST, common.PORT, url)

"""The dealer portal over HTTP, as the portal users of two dealers (made by
Odoo's Grant portal access): each sees only its own dealer's records, and
cannot open the other's pages or reports by URL or id, nor change them."""
from .portal_common import PortalCase


class TestPortalAccess(PortalCase):

    def test_grant_portal_access_links_the_dealer(self):
        with self._env() as env:
            for key in ('a', 'b'):
                user = env['res.users'].browse(self.ids[key]['user'])
                self.assertTrue(user.share)
                self.assertEqual(user.oldparts_dealer_id.id, self.ids[key]['dealer'])
                self.assertTrue(user.has_group('oldparts_module.group_oldparts_portal'))
                self.assertFalse(user.has_group('base.group_user'))
            # revoking the access takes the dealer back
            user_a = env['res.users'].browse(self.ids['a']['user'])
            self._portal_wizard(env, user_a.partner_id, False)
            self.assertFalse(user_a.oldparts_dealer_id)
            self.assertFalse(user_a.has_group('oldparts_module.group_oldparts_portal'))

    def test_orm_read_only_and_own_dealer(self):
        """The rules themselves, not only the pages: a portal user reads its
        dealer's records and writes none."""
        from odoo.exceptions import AccessError
        with self._env() as env:
            user = env['res.users'].browse(self.ids['a']['user'])
            Part = env['oldparts.part'].sudo(user)
            names = Part.search([]).mapped('name')
            self.assertIn(self.ids['a']['overdue_name'], names)
            self.assertNotIn(self.ids['b']['overdue_name'], names)
            with self.assertRaises(AccessError):
                Part.browse(self.ids['b']['overdue']).read(['name'])
            with self.assertRaises(AccessError):
                Part.browse(self.ids['a']['overdue']).write({'reply_date': False})
            with self.assertRaises(AccessError):
                Part.create({'dealer_id': self.ids['a']['dealer'],
                             'product_id': self.product.id})
            for model in ('oldparts.return.shipment', 'oldparts.sale.application'):
                records = env[model].sudo(user).search([])
                self.assertEqual(records.mapped('dealer_id').ids, [self.ids['a']['dealer']])

    def test_lists_show_own_records_only(self):
        self.login('a')
        home = self.get('/my/home')
        self.assertIn('/my/oldparts', home.text)
        page = self.get('/my/oldparts')
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.ids['a']['overdue_name'], page.text)
        self.assertIn(self.ids['a']['fresh_name'], page.text)
        self.assertNotIn(self.ids['b']['overdue_name'], page.text)
        # the overdue filter, the deadline in colour
        overdue = self.get('/my/oldparts?filterby=overdue')
        self.assertIn(self.ids['a']['overdue_name'], overdue.text)
        self.assertNotIn(self.ids['a']['fresh_name'], overdue.text)
        self.assertIn('label-danger', overdue.text)
        # search by work order and by equipment
        found = self.get('/my/oldparts?search=WO-FRESH')
        self.assertIn(self.ids['a']['fresh_name'], found.text)
        self.assertNotIn(self.ids['a']['overdue_name'], found.text)
        found = self.get('/my/oldparts?search=EQ-a-1')
        self.assertIn(self.ids['a']['overdue_name'], found.text)
        self.assertNotIn(self.ids['a']['fresh_name'], found.text)
        # searching the other dealer's work order finds nothing
        self.assertNotIn(self.ids['b']['overdue_name'],
                         self.get('/my/oldparts?search=WO-OVERDUE-b').text)
        shipments = self.get('/my/oldparts/shipments')
        self.assertIn(self.ids['a']['shipment_name'], shipments.text)
        self.assertNotIn(self.ids['b']['shipment_name'], shipments.text)
        sales = self.get('/my/oldparts/sales')
        self.assertIn(self.ids['a']['sale_name'], sales.text)
        self.assertNotIn(self.ids['b']['sale_name'], sales.text)
        overview = self.get('/my/oldparts/overview')
        self.assertIn(self.ids['a']['overdue_name'], overview.text)
        self.assertNotIn(self.ids['b']['overdue_name'], overview.text)

    def test_other_dealers_pages_and_reports_not_found(self):
        self.login('a')
        own, other = self.ids['a'], self.ids['b']
        for template in ('/my/oldparts/part/%(overdue)s',
                         '/my/oldparts/part/%(returned)s/labels',
                         '/my/oldparts/shipment/%(shipment)s',
                         '/my/oldparts/shipment/%(shipment)s/packing_list',
                         '/my/oldparts/shipment/%(shipment)s/labels',
                         '/my/oldparts/sale/%(sale)s',
                         '/my/oldparts/sale/%(sale)s/receipt'):
            self.assertEqual(self.get(template % other).status_code, 404, template)
        self.assertEqual(self.get('/my/oldparts/part/%d' % 999999999).status_code, 404)
        # the own ones open; the reports carry the own records only
        self.assertEqual(self.get('/my/oldparts/part/%(overdue)s' % own).status_code, 200)
        packing = self.get('/my/oldparts/shipment/%(shipment)s/packing_list' % own)
        self.assertEqual(packing.status_code, 200)
        self.assertIn(own['shipment_name'], packing.text)
        self.assertIn(own['returned_name'], packing.text)
        labels = self.get('/my/oldparts/shipment/%(shipment)s/labels' % own)
        self.assertEqual(labels.status_code, 200)
        self.assertIn(own['returned_name'], labels.text)
        # Odoo's own report route refuses the other dealer's shipment too
        report = self.get('/report/html/oldparts_module.report_oldparts_return_packing_list/%s'
                          % other['shipment'])
        self.assertNotIn(other['shipment_name'], report.text)

    def test_other_dealers_records_cannot_be_changed(self):
        self.login('a')
        other = self.ids['b']
        posts = [
            ('/my/oldparts/part/%(overdue)s/promise' % other,
             {'reply_date': '2030-01-01', 'reply_reason': 'x'}),
            ('/my/oldparts/part/%(classified)s/handover' % other, {}),
            ('/my/oldparts/sale/%(sale)s/submit' % other, {}),
        ]
        for url, data in posts:
            self.assertEqual(self.post(url, data).status_code, 404, url)
        # a sale application cannot take the other dealer's part
        response = self.post('/my/oldparts/sale/new', self._sale_form(other['sale_part']))
        self.assertIn('Choose the old parts to sell.', response.text)
        with self._env() as env:
            self.assertFalse(env['oldparts.part'].browse(other['overdue']).reply_date)
            self.assertEqual(env['oldparts.part'].browse(other['classified']).state,
                             'classified')
            self.assertEqual(env['oldparts.sale.application'].browse(other['sale']).state,
                             'draft')
            self.assertFalse(env['oldparts.sale.application'].search([
                ('dealer_id', '=', self.ids['a']['dealer']), ('state', '=', 'submitted')]))

    def test_user_without_portal_dealer_has_no_pages(self):
        """An internal user, or a portal user of no dealer, gets no portal
        pages of the old parts."""
        self.authenticate('admin', 'admin')
        self.assertEqual(self.get('/my/oldparts').status_code, 404)

"""The process rules hold through the portal: what a portal user submits
goes through the documents' own steps and checks; refused input shows the
model's message on the page and saves nothing; every form needs its CSRF
token; the chatter and the notification link lead to the portal page."""
import base64

from .portal_common import PortalCase

# a 1x1 PNG
PNG = base64.b64decode(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==')


class TestPortalProcess(PortalCase):

    def _part_form(self, **values):
        data = {'work_order_ref': 'WO-PORTAL-NEW', 'equipment_ref': 'EQ-PORTAL-NEW',
                'product_id': 'PORTAL-PUMP', 'quantity': '2',
                'replacement_date': self._today(), 'failure_reason': 'Leaks'}
        data.update(values)
        return data

    def _today(self):
        with self._env() as env:
            return self._date(env, 0)

    def _parts(self, work_order):
        with self._env() as env:
            parts = env['oldparts.part'].search([('work_order_ref', '=', work_order)])
            return [(p.state, p.dealer_id.id, p.engineer_id.id, p.quantity, env[
                'ir.attachment'].search_count([('res_model', '=', 'oldparts.part'),
                                               ('res_id', '=', p.id)])) for p in parts]

    def test_record_a_part(self):
        self.login('a')
        response = self.post('/my/oldparts/part/new', self._part_form(),
                             files={'photos': ('part.png', PNG, 'image/png')})
        self.assertEqual(response.status_code, 200)
        self.assertIn('/my/oldparts/part/', response.url)
        self.assertEqual(self._parts('WO-PORTAL-NEW'), [
            ('draft', self.ids['a']['dealer'], self.ids['a']['user'], 2.0, 1)])

    def test_record_a_part_refused_saves_nothing(self):
        self.login('a')
        cases = [
            ({'quantity': 'abc'}, 'is not a valid number'),
            ({'quantity': '0'}, 'must be greater than zero'),
            ({'replacement_date': '2999-01-01'}, 'is not a plausible date'),
            ({'replacement_date': 'yesterday'}, 'is not a date'),
            ({'product_id': 'NO-SUCH-CODE'}, 'No material with the code NO-SUCH-CODE'),
            ({'equipment_ref': ''}, 'Fill in: Equipment No.'),
            ({'work_order_ref': 'x' * 300}, 'is too long'),
        ]
        for values, message in cases:
            response = self.post('/my/oldparts/part/new', self._part_form(**values),
                                 files={'photos': ('part.png', PNG, 'image/png')})
            self.assertEqual(response.status_code, 200)
            self.assertIn(message, response.text, values)
            self.assertIn('o_oldparts_error', response.text)
        # a photo that is no photo: refused after the part was created, the
        # part goes with it
        response = self.post('/my/oldparts/part/new', self._part_form(),
                             files={'photos': ('notes.txt', b'hello', 'text/plain')})
        self.assertIn('notes.txt is not a photo.', response.text)
        self.assertEqual(self._parts('WO-PORTAL-NEW'), [])
        with self._env() as env:
            self.assertFalse(env['oldparts.part'].search([
                ('work_order_ref', 'like', 'xxxxxxxxxx')]))
            self.assertFalse(env['ir.attachment'].search([('name', '=', 'part.png')]))

    def test_csrf_token_required(self):
        self.login('a')
        response = self.post('/my/oldparts/part/new', self._part_form(), csrf=False)
        self.assertEqual(response.status_code, 400)
        response = self.post('/my/oldparts/part/%(overdue)s/promise' % self.ids['a'],
                             {'reply_date': self._today()}, csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._parts('WO-PORTAL-NEW'), [])
        with self._env() as env:
            self.assertFalse(env['oldparts.part'].browse(self.ids['a']['overdue']).reply_date)

    def test_promise_a_late_date_needs_a_reason(self):
        self.login('a')
        part_id = self.ids['a']['fresh']
        with self._env() as env:
            part = env['oldparts.part'].browse(part_id)
            late = part.required_handover_date
            late = self._date(env, 30)
        url = '/my/oldparts/part/%d/promise' % part_id
        response = self.post(url, {'reply_date': late, 'reply_reason': ''})
        self.assertIn('needs a reason', response.text)
        with self._env() as env:
            self.assertFalse(env['oldparts.part'].browse(part_id).reply_date)
        response = self.post(url, {'reply_date': late, 'reply_reason': 'Waiting for the crane'})
        self.assertIn('message=promised', response.url)
        with self._env() as env:
            part = env['oldparts.part'].browse(part_id)
            self.assertEqual((part.reply_date, part.reply_reason), (late, 'Waiting for the crane'))
            # the service manager representative is told, as from the back office
            self.assertTrue(part.activity_ids.filtered(
                lambda a: a.activity_type_id == env.ref(
                    'oldparts_module.mail_activity_type_oldparts_late_reply')))

    def test_promise_locked_after_hand_over(self):
        """Once handed over the part's record is fixed (its declaration),
        through the portal as through the back office."""
        self.login('a')
        part_id = self.ids['a']['returned']
        response = self.post('/my/oldparts/part/%d/promise' % part_id,
                             {'reply_date': self._today(), 'reply_reason': 'x'})
        self.assertIn('cannot be changed here', response.text)
        with self._env() as env:
            self.assertFalse(env['oldparts.part'].browse(part_id).reply_date)

    def test_hand_over(self):
        self.login('a')
        # a draft part is not classified yet: the part's own guard refuses
        draft = self.ids['a']['fresh']
        response = self.post('/my/oldparts/part/%d/handover' % draft, {})
        self.assertIn('Cannot hand over', response.text)
        classified = self.ids['a']['classified']
        response = self.post('/my/oldparts/part/%d/handover' % classified,
                             {'handover_date': '2001-01-01'})
        self.assertIn('cannot be handed over before it was replaced', response.text)
        response = self.post('/my/oldparts/part/%d/handover' % classified,
                             {'handover_date': self._today()})
        self.assertIn('message=handed_over', response.url)
        with self._env() as env:
            self.assertEqual(env['oldparts.part'].browse(draft).state, 'draft')
            part = env['oldparts.part'].browse(classified)
            self.assertEqual((part.state, part.handover_date), ('handed_over', self._date(env, 0)))

    def _submitted_sales(self):
        with self._env() as env:
            return env['oldparts.sale.application'].search([
                ('dealer_id', '=', self.ids['a']['dealer']),
                ('state', '!=', 'draft')]).mapped(lambda s: (
                    s.state, s.line_ids.mapped('part_id').ids, len(s.quote_ids),
                    s.buyer_id.name, len(s.approval_review_ids), env['ir.attachment'].search_count(
                        [('res_model', '=', s._name), ('res_id', '=', s.id)])))

    def _buyers(self):
        with self._env() as env:
            return env['res.partner'].search_count([('name', 'like', 'Portal Buyer')])

    def test_sale_application_refused_saves_nothing(self):
        self.login('a')
        part_id = self.ids['a']['sale_part']
        cases = [
            (self._sale_form(part_id, quotes=2), 'needs quotes from at least 3'),
            (self._sale_form(part_id, selected_quote='3'), 'is not the best one'),
            (self._sale_form(part_id, quote_1_price='-5'), 'must be greater than zero'),
            (self._sale_form(part_id, **{'weight_%d' % part_id: 'heavy'}), 'is not a valid number'),
            (self._sale_form(part_id, quote_2_phone=''), 'Quote 2: fill in'),
        ]
        for data, message in cases:
            response = self.post('/my/oldparts/sale/new', data,
                                 files={'photos': ('lot.png', PNG, 'image/png')})
            self.assertIn(message, response.text, data)
        self.assertEqual(self._submitted_sales(), [])
        self.assertEqual(self._buyers(), 0)
        with self._env() as env:
            self.assertEqual(env['oldparts.part'].browse(part_id).state, 'handed_over')
            self.assertFalse(env['oldparts.sale.application'].search([
                ('line_ids.part_id', '=', part_id)]))

    def test_sale_application_submitted(self):
        self.login('a')
        part_id = self.ids['a']['sale_part']
        response = self.post('/my/oldparts/sale/new', self._sale_form(part_id),
                             files={'photos': ('lot.png', PNG, 'image/png')})
        self.assertIn('message=submitted', response.url)
        sales = self._submitted_sales()
        self.assertEqual(len(sales), 1)
        state, parts, quotes, buyer, reviews, photos = sales[0]
        self.assertEqual((state, parts, quotes, buyer, photos),
                         ('submitted', [part_id], 3, 'Portal Buyer 1', 1))
        self.assertTrue(reviews)
        with self._env() as env:
            self.assertEqual(env['oldparts.part'].browse(part_id).state, 'in_local_disposal')
            sale = env['oldparts.sale.application'].search([('line_ids.part_id', '=', part_id)])
            # the buyers are the dealer's own scrap buyers
            self.assertEqual(sale.quote_ids.mapped('partner_id.oldparts_buyer_dealer_id').ids,
                             [self.ids['a']['dealer']])
            sale_id = sale.id
        page = self.get('/my/oldparts/sale/%d' % sale_id)
        self.assertIn('o_oldparts_approvals', page.text)
        # the other dealer cannot see it
        self.login('b')
        self.assertEqual(self.get('/my/oldparts/sale/%d' % sale_id).status_code, 404)

    def test_sale_refused_by_approver_shown_and_submitted_again(self):
        with self._env() as env:
            sale = env['oldparts.sale.application'].browse(self.ids['a']['sale'])
            sale.action_submit()
            sale.action_refuse('Price too low')
        self.login('a')
        page = self.get('/my/oldparts/sale/%(sale)s' % self.ids['a'])
        self.assertIn('Price too low', page.text)
        response = self.post('/my/oldparts/sale/%(sale)s/submit' % self.ids['a'])
        self.assertIn('message=submitted', response.url)
        with self._env() as env:
            self.assertEqual(env['oldparts.sale.application'].browse(
                self.ids['a']['sale']).state, 'submitted')

    def test_chatter_and_notification_link(self):
        self.login('a')
        part_id = self.ids['a']['overdue']
        self.post('/mail/chatter_post', {'res_model': 'oldparts.part', 'res_id': part_id,
                                         'message': 'Part is at the site office'},
                  headers={'Referer': self._url('/my/oldparts/part/%d' % part_id)})
        with self._env() as env:
            part = env['oldparts.part'].browse(part_id)
            message = part.message_ids.filtered(
                lambda m: 'site office' in (m.body or ''))
            self.assertEqual(message.author_id, env['res.users'].browse(
                self.ids['a']['user']).partner_id)
            # the specialist's answer reaches the engineer with a link to
            # the portal page
            part.message_subscribe(partner_ids=message.author_id.ids)
            action = part.get_access_action(self.ids['a']['user'])
            self.assertEqual(action['url'], '/my/oldparts/part/%d' % part_id)
        redirect = self.get('/mail/view?model=oldparts.part&res_id=%d' % part_id,
                            allow_redirects=False)
        self.assertIn('/my/oldparts/part/%d' % part_id, redirect.headers.get('Location', ''))
        # the portal chatter shows the message
        fetched = self.opener.post(self._url('/mail/chatter_fetch'), json={
            'jsonrpc': '2.0', 'method': 'call',
            'params': {'res_model': 'oldparts.part', 'res_id': part_id}}, timeout=60).json()
        self.assertIn('site office', str(fetched['result']['messages']))
        # not on the other dealer's part
        other = self.ids['b']['overdue']
        self.post('/mail/chatter_post', {'res_model': 'oldparts.part', 'res_id': other,
                                         'message': 'Intruder'},
                  headers={'Referer': self._url('/my/oldparts')})
        with self._env() as env:
            self.assertFalse(env['oldparts.part'].browse(other).message_ids.filtered(
                lambda m: 'Intruder' in (m.body or '')))

    def test_chinese_user_reads_chinese(self):
        with self._env() as env:
            env['res.users'].browse(self.ids['a']['user']).write({'lang': 'zh_CN'})
        self.login('a')
        page = self.get('/my/oldparts')
        for text in ('逾期', '待交接', '待返司', '当地处置中'):
            self.assertIn(text, page.text)
        response = self.post('/my/oldparts/part/new', self._part_form(quantity='abc'))
        self.assertIn('不是有效数值', response.text)
        self.assertIn('记录更换的旧件', response.text)

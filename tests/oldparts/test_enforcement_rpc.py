"""The door clients really use (issue 8): XML-RPC and JSON-RPC calls to the
running server, logged in as the module's own roles with their passwords,
sending whatever values they like. Each refusal is checked on the server's
answer and on what the database then holds."""
import json
import xmlrpc.client
from contextlib import contextmanager
from datetime import timedelta

import odoo.tests.common as common
from odoo import SUPERUSER_ID, api, fields
from odoo.tests.common import HttpCase


class TestRpcEnforcement(HttpCase):
    """In Odoo 11 test mode the server's requests share ``registry.test_cr``:
    the data the server must see is made, and what it saved is read back,
    through ``self.registry.cursor()``, closed before each request (it holds
    the lock the server's requests take)."""

    @contextmanager
    def _env(self):
        with self.registry.cursor() as cr:
            yield api.Environment(cr, SUPERUSER_ID, {
                'tracking_disable': True, 'no_reset_password': True})

    def setUp(self):
        super(TestRpcEnforcement, self).setUp()
        self.db = common.get_db_name()
        self.rpc = xmlrpc.client.ServerProxy(
            'http://%s:%d/xmlrpc/2/object' % (common.HOST, common.PORT), allow_none=True)
        with self._env() as env:
            self._setup_data(env)

    def _setup_data(self, env):
        Partner = env['res.partner']
        self.dealer_a = Partner.create({'name': 'RPC 甲代理商', 'is_company': True,
                                        'is_oldparts_dealer': True}).id
        self.dealer_b = Partner.create({'name': 'RPC 乙代理商', 'is_company': True,
                                        'is_oldparts_dealer': True}).id
        self.product = env['product.product'].create({'name': 'RPC 油泵', 'type': 'consu'}).id
        self.carrier = Partner.create({'name': 'RPC 物流', 'supplier': True}).id
        self.users = {}
        for login, group, dealer in (
                ('rpc_engineer_a', 'group_oldparts_engineer', self.dealer_a),
                ('rpc_keeper_a', 'group_oldparts_keeper', self.dealer_a),
                ('rpc_engineer_b', 'group_oldparts_engineer', self.dealer_b),
                ('rpc_specialist', 'group_oldparts_specialist', None)):
            user = env['res.users'].create({
                'name': login, 'login': login, 'password': login + '-pw',
                'email': login + '@example.com',
                'oldparts_dealer_id': dealer or False,
                'groups_id': [(6, 0, [env.ref('oldparts_module.' + group).id])]})
            self.users[login] = (user.id, user.partner_id.id)
        account = env['account.account'].search([
            ('company_id', '=', env.user.company_id.id), ('internal_type', '=', 'other')],
            limit=1)
        env.user.company_id.oldparts_freight_account_id = account

    # ------------------------------------------------------------------
    def _call(self, login, model, method, *args, **kwargs):
        """As the user, reading English (the test database's users read zh_CN)."""
        kwargs.setdefault('context', {'lang': 'en_US'})
        return self.rpc.execute_kw(self.db, self.users[login][0], login + '-pw', model,
                                   method, list(args), kwargs)

    def _json(self, path, params):
        response = self.opener.post(
            'http://%s:%d%s' % (common.HOST, common.PORT, path),
            data=json.dumps({'jsonrpc': '2.0', 'method': 'call', 'id': 1, 'params': params}),
            headers={'Content-Type': 'application/json'}, timeout=60)
        return json.loads(response.content.decode())

    def _read(self, model, record_id, fnames):
        with self._env() as env:
            return tuple(env[model].browse(record_id)[f] for f in fnames)

    def _count(self, model):
        with self._env() as env:
            return env[model].search_count([])

    def assertFault(self, login, model, method, *args, text=None, **kwargs):
        with self.assertRaises(xmlrpc.client.Fault) as fault:
            self._call(login, model, method, *args, **kwargs)
        if text:
            self.assertIn(text, fault.exception.faultString)
        return fault.exception

    def _part(self, login='rpc_engineer_a', **values):
        vals = {'dealer_id': self.dealer_a, 'product_id': self.product,
                'has_claim_value': True}
        vals.update(values)
        return self._call(login, 'oldparts.part', 'create', vals)

    def _handed_over(self):
        part = self._part()
        self._call('rpc_specialist', 'oldparts.part', 'action_classify', [part])
        self._call('rpc_keeper_a', 'oldparts.part', 'action_hand_over', [part])
        return part

    # ------------------------------------------------------------------
    def test_engineer_records_a_part_as_the_form_sends_it(self):
        """The form sends every empty field with a new part, disposal type
        included: the part is saved."""
        part = self._part(disposal_type=False, disposal_override_reason=False,
                          classified_by_id=False, handover_date=False)
        state, name = self._read('oldparts.part', part, ['state', 'name'])
        self.assertEqual(state, 'draft')
        self.assertTrue(name.startswith('JJ'))

    def test_states_and_steps_refused_over_rpc(self):
        """Writing a state, calling a private step, sending the module's
        context key: all refused, the part unchanged."""
        part = self._handed_over()
        self.assertFault('rpc_keeper_a', 'oldparts.part', 'write', [part],
                         {'state': 'received'}, text='cannot be changed here')
        self.assertFault('rpc_keeper_a', 'oldparts.part', 'write', [part],
                         {'state': 'received'},
                         context={'oldparts_action_token': 'oldparts_action', 'lang': 'en_US'},
                         text='cannot be changed here')
        self.assertFault('rpc_specialist', 'oldparts.part', '_action_receive', [part],
                         text='Private methods')
        self.assertFault('rpc_keeper_a', 'oldparts.part', 'write', [part],
                         {'quantity': 10}, text='cannot be changed here')
        self.assertEqual(self._read('oldparts.part', part, ['state', 'quantity']),
                         ('handed_over', 1.0))

    def test_client_number_and_bad_values_refused_over_rpc(self):
        """A chosen number, NaN, an absurd date, an oversized reference: refused."""
        count = self._count('oldparts.part')
        self.assertFault('rpc_engineer_a', 'oldparts.part', 'create', {
            'dealer_id': self.dealer_a, 'product_id': self.product,
            'name': 'JJ-MINE'}, text='cannot be set')
        for values in ({'quantity': float('nan')}, {'price_unit': float('inf')},
                       {'replacement_date': '1900-01-01'},
                       {'work_order_ref': 'x' * 3000}):
            vals = dict({'dealer_id': self.dealer_a, 'product_id': self.product},
                        **values)
            self.assertFault('rpc_engineer_a', 'oldparts.part', 'create', vals)
        self.assertEqual(self._count('oldparts.part'), count)

    def test_freight_amount_fixed_once_submitted_over_rpc(self):
        """The keeper raises a submitted freight request from 500 to 50,000: refused."""
        part = self._handed_over()
        shipment_id = self._call('rpc_keeper_a', 'oldparts.return.shipment', 'create', {
            'dealer_id': self.dealer_a, 'carrier_id': self.carrier,
            'waybill_number': 'RPC-1',
            'line_ids': [[0, 0, {'part_id': part, 'box_number': '1', 'weight': 10}]]})
        self._call('rpc_keeper_a', 'oldparts.return.shipment', 'action_confirm', [shipment_id])
        request_id = self._call('rpc_keeper_a', 'oldparts.freight.request', 'create', {
            'shipment_id': shipment_id, 'amount': 500.0})
        self._call('rpc_keeper_a', 'oldparts.freight.request', 'action_submit', [request_id])
        self.assertFault('rpc_keeper_a', 'oldparts.freight.request', 'write', [request_id],
                         {'amount': 50000.0}, text='cannot be changed here')
        self.assertEqual(self._read('oldparts.freight.request', request_id, ['amount']),
                         (500.0,))
        self.assertFault('rpc_keeper_a', 'oldparts.return.shipment', 'unlink', [shipment_id],
                         text='cannot be deleted')

    def test_other_dealer_sees_and_follows_nothing_over_rpc(self):
        """Dealer B reads no part, activity or approval of dealer A and cannot follow its part."""
        with self._env() as env:
            late = fields.Date.to_string(fields.Date.from_string(
                fields.Date.context_today(env['oldparts.part'])) + timedelta(days=40))
        part = self._part(reply_date=late, reply_reason='等配件')
        self.assertFault('rpc_engineer_b', 'oldparts.part', 'read', [part], ['name'])
        self.assertFault('rpc_engineer_b', 'mail.followers', 'create', {
            'res_model': 'oldparts.part', 'res_id': part,
            'partner_id': self.users['rpc_engineer_b'][1]})
        found = self._call('rpc_engineer_b', 'mail.activity', 'search_read',
                           [['res_model', '=', 'oldparts.part'], ['res_id', '=', part]],
                           ['summary'])
        self.assertEqual(found, [])

    def test_json_rpc_as_the_web_client(self):
        """The web client's own door (/web/dataset/call_kw): the same refusal,
        in the user's language."""
        part = self._handed_over()
        login = self._json('/web/session/authenticate', {
            'db': self.db, 'login': 'rpc_keeper_a', 'password': 'rpc_keeper_a-pw'})
        self.assertEqual(login['result']['uid'], self.users['rpc_keeper_a'][0])
        answer = self._json('/web/dataset/call_kw', {
            'model': 'oldparts.part', 'method': 'write',
            'args': [[part], {'state': 'disposed'}], 'kwargs': {}})
        # the keeper reads Chinese (the test database's users read zh_CN)
        self.assertIn('不能在此修改', answer['error']['data']['message'])
        self.assertEqual(self._read('oldparts.part', part, ['state']), ('handed_over',))

    def test_settlement_held_by_the_server_over_rpc(self):
        """Incentive settlements (issue 11): a dealer user reads its own, cannot
        write one, nor read another dealer's; the specialist cannot write its
        state or amounts; the dealer's dispute needs the settlement checked."""
        with self._env() as env:
            Settlement = env['oldparts.settlement']
            settlement_a = Settlement.create({
                'dealer_id': self.dealer_a, 'date_from': '2025-03-01'}).id
            settlement_b = Settlement.create({
                'dealer_id': self.dealer_b, 'date_from': '2025-03-01'}).id
            rule = env['oldparts.incentive.rule'].search([], limit=1) or env[
                'oldparts.incentive.rule'].create({
                    'name': 'RPC rule', 'kind': 'unauthorized_disposal', 'amount': 100,
                    'date_from': '2025-01-01'})
            line = env['oldparts.settlement']._action_env().env[
                'oldparts.settlement.line'].create({
                    'settlement_id': settlement_a, 'rule_id': rule.id,
                    'kind': rule.kind, 'beneficiary': 'dealer', 'quantity': 1,
                    'date_from': '2025-03-10', 'date_to': '2025-03-10',
                    'amount': -100.0}).id
        found = self._call('rpc_engineer_a', 'oldparts.settlement', 'search', [])
        self.assertEqual(found, [settlement_a])
        self.assertFault('rpc_engineer_a', 'oldparts.settlement', 'read', [settlement_b],
                         ['name'])
        self.assertFault('rpc_engineer_a', 'oldparts.settlement', 'write', [settlement_a],
                         {'state': 'posted'})
        self.assertFault('rpc_specialist', 'oldparts.settlement', 'write', [settlement_a],
                         {'state': 'approved'}, text='cannot be changed here')
        self.assertFault('rpc_specialist', 'oldparts.settlement.line', 'write', [line],
                         {'amount': 0.0})
        self.assertFault('rpc_engineer_a', 'oldparts.settlement.line', 'action_dispute',
                         [line], '不对', text='can be disputed once checked')
        self.assertEqual(self._read('oldparts.settlement', settlement_a, ['state']),
                         ('draft',))
        self.assertEqual(self._read('oldparts.settlement.line', line, ['amount']), (-100.0,))

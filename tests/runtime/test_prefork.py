"""Scale-out as in production: the server started with --workers=2 (prefork:
two HTTP workers, a cron worker and the gevent long-polling process on its
own port) serves the web client, answers the long-polling bus and runs the
scheduled jobs. The server runs on free ports of its own and is stopped by
its pid (its process group for the workers)."""
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid

import odoo
import requests
from odoo import SUPERUSER_ID, api, fields
from odoo.tests.common import TransactionCase

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PARAM = 'oldparts.prefork_cron_probe'


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


class TestPreforkServer(TransactionCase):

    def setUp(self):
        super(TestPreforkServer, self).setUp()
        self.db = self.env.cr.dbname
        self.token = uuid.uuid4().hex
        self.login = 'oldparts_prefork_probe'
        self.password = uuid.uuid4().hex
        # what the server must see is committed (then removed in cleanup)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            user = env['res.users'].with_context(no_reset_password=True).create({
                'name': 'Prefork Probe', 'login': self.login, 'password': self.password,
                'email': 'prefork_probe@example.com',
                'groups_id': [(6, 0, [env.ref('base.group_user').id])]})
            self.user_id, self.partner_id = user.id, user.partner_id.id
            cron = env['ir.cron'].create({
                'name': 'Prefork probe', 'model_id': env.ref('base.model_ir_config_parameter').id,
                'state': 'code', 'interval_number': 1, 'interval_type': 'days',
                'numbercall': 1, 'user_id': SUPERUSER_ID,
                'nextcall': fields.Datetime.to_string(
                    fields.Datetime.from_string(fields.Datetime.now()).replace(year=2001)),
                'code': "model.sudo().set_param(%r, %r)" % (PARAM, self.token)})
            self.cron_id = cron.id
            cr.commit()
        self.addCleanup(self._remove_probe)
        self.port, self.longpolling_port = _free_port(), _free_port()
        self.url = 'http://127.0.0.1:%d' % self.port
        self.log = open(os.path.join(ROOT, '.local', 'test-prefork.log'), 'w')
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, 'runtime'), ODOO_PRELOAD_ADDONS='no',
                   PATH=os.path.join(ROOT, '.local', 'bin') + os.pathsep + os.environ['PATH'])
        self.server = subprocess.Popen([
            sys.executable, os.path.join(ROOT, 'runtime', 'odoo-bin'),
            '-c', odoo.tools.config.rcfile, '-d', self.db, '--db-filter', '^%s$' % self.db,
            '--workers', '2', '--max-cron-threads', '1',
            '--http-port', str(self.port), '--longpolling-port', str(self.longpolling_port),
            '--log-level', 'warn'], stdout=self.log, stderr=self.log, env=env, cwd=ROOT,
            start_new_session=True)
        self.addCleanup(self._stop_server)
        self._wait_for(lambda: requests.get(self.url + '/web/login', timeout=10).status_code == 200,
                       'the prefork server did not answer')

    def _wait_for(self, condition, message, timeout=180):
        deadline = time.time() + timeout
        while time.time() < deadline:
            self.assertIsNone(self.server.poll(), 'the server stopped (.local/test-prefork.log)')
            try:
                if condition():
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.fail(message)

    def _stop_server(self):
        if self.server.poll() is None:
            self.server.send_signal(signal.SIGTERM)
            try:
                self.server.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait(10)
        try:   # workers or the long-polling process left behind
            os.killpg(self.server.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.log.close()

    def _remove_probe(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env['ir.cron'].browse(self.cron_id).exists().unlink()
            env['ir.config_parameter'].search([('key', '=', PARAM)]).unlink()
            cr.execute("DELETE FROM bus_bus WHERE channel LIKE %s",
                       ('%%"res.partner", %d]' % self.partner_id,))
            user = env['res.users'].browse(self.user_id)
            try:
                with cr.savepoint():
                    user.unlink()
            except Exception:
                user.write({'active': False})
            cr.commit()

    def _session(self):
        http = requests.Session()
        answer = http.post(self.url + '/web/session/authenticate', json={
            'jsonrpc': '2.0', 'method': 'call',
            'params': {'db': self.db, 'login': self.login, 'password': self.password}},
            timeout=60).json()
        self.assertEqual(answer['result']['uid'], self.user_id)
        return http

    def test_workers_serve_the_web_client_bus_and_cron(self):
        # prefork: a master, HTTP workers, a cron worker and the long-polling process
        import psutil
        children = psutil.Process(self.server.pid).children(recursive=True)
        self.assertGreaterEqual(len(children), 4, children)

        # the web client loads for a logged-in user (its page and its assets)
        http = self._session()
        page = http.get(self.url + '/web', timeout=120)
        self.assertEqual(page.status_code, 200)
        self.assertIn(b'odoo.session_info', page.content)
        self.assertIn(b"odoo.define('web.web_client'", page.content)
        assets = re.search(rb'src="(/web/content/[^"]*web\.assets_backend\.js)"', page.content)
        self.assertTrue(assets, 'no backend assets on the page')
        script = http.get(self.url + assets.group(1).decode(), timeout=300)
        self.assertEqual(script.status_code, 200)
        self.assertIn(b"odoo.define('web.WebClient'", script.content)
        version = http.post(self.url + '/web/webclient/version_info', json={
            'jsonrpc': '2.0', 'method': 'call', 'params': {}}, timeout=60).json()
        self.assertEqual(version['result']['server_version_info'][0], 11)

        # the long-polling bus, on its own port, answers with a notification
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env['bus.bus'].sendone((self.db, 'res.partner', self.partner_id),
                                   {'type': 'prefork_probe', 'token': self.token})
            cr.commit()
        poll = http.post('http://127.0.0.1:%d/longpolling/poll' % self.longpolling_port, json={
            'jsonrpc': '2.0', 'method': 'call',
            'params': {'channels': [], 'last': 0, 'options': {}}}, timeout=90).json()
        self.assertNotIn('error', poll, poll)
        messages = [n['message'] for n in poll['result']]
        self.assertIn({'type': 'prefork_probe', 'token': self.token}, messages)
        # the HTTP workers do not serve it (only the gevent process does)
        refused = http.post(self.url + '/longpolling/poll', json={
            'jsonrpc': '2.0', 'method': 'call',
            'params': {'channels': [], 'last': 0, 'options': {}}}, timeout=90).json()
        self.assertIn('error', refused)

        # the cron worker runs the job that was due
        def probe_set():
            with self.registry.cursor() as cr:
                cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", (PARAM,))
                row = cr.fetchone()
                return row and row[0] == self.token
        self._wait_for(probe_set, 'the cron worker did not run the due job', timeout=240)

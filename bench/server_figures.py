"""Figures measured on a running Odoo server (scripts/odoo.sh) over HTTP:
the peak memory of the server process for the daily job and the reports,
and the throughput of 8 concurrent clients against the threaded server
(--workers=0) and the prefork server (--workers=2).

The server listens on ODOO_HTTP_PORT / ODOO_LONGPOLLING_PORT (default
8069 / 8072) and is stopped by its pid (its process group for prefork's
workers and long-polling process)."""
import os
import random
import signal
import statistics
import subprocess
import threading
import time

import psutil
import requests

from bench.figures import Line, figure, max_ids_of, restore
from bench.odoo_env import ROOT

ADMIN = ('admin', 'admin')
CLIENTS = 8
LOAD_SECONDS = int(os.environ.get('BENCH_LOAD_SECONDS', 30))
MEMORY_TARGET_MB = 2048       # limit_memory_soft of the production configuration (README)


class Server(object):
    """An Odoo server of its own, started and stopped by pid."""

    def __init__(self, db, workers=0):
        self.db, self.workers = db, workers
        self.port = int(os.environ.get('ODOO_HTTP_PORT', 8069))
        self.longpolling_port = int(os.environ.get('ODOO_LONGPOLLING_PORT', 8072))
        self.url = 'http://127.0.0.1:%d' % self.port
        self.log = os.path.join(ROOT, '.local', 'bench-server-%d.log' % workers)
        self.process = None

    def __enter__(self):
        with open(self.log, 'w') as log:
            self.process = subprocess.Popen(
                [os.path.join(ROOT, 'scripts', 'odoo.sh'), '-d', self.db,
                 '--db-filter', '^%s$' % self.db, '--workers', str(self.workers),
                 '--max-cron-threads', '0', '--http-port', str(self.port),
                 '--longpolling-port', str(self.longpolling_port), '--log-level', 'warn',
                 '--limit-time-real', '1200', '--limit-time-cpu', '600'],
                stdout=log, stderr=log, start_new_session=True, cwd=ROOT)
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError('the server stopped; see %s' % self.log)
            try:
                if requests.get(self.url + '/web/login', timeout=10).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.__exit__()
        raise RuntimeError('the server did not answer; see %s' % self.log)

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        # prefork's long-polling process may outlive its master
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass

    def rss_mb(self):
        proc = psutil.Process(self.process.pid)
        return proc.memory_info().rss / 1048576.0


def session(url, db, login, password):
    http = requests.Session()
    # one connection per request, as behind the reverse proxy of the
    # production configuration (nginx speaks HTTP/1.0 to its upstream): a
    # prefork worker serves one connection at a time
    http.headers['Connection'] = 'close'
    answer = http.post(url + '/web/session/authenticate', json={
        'jsonrpc': '2.0', 'method': 'call',
        'params': {'db': db, 'login': login, 'password': password}}, timeout=60).json()
    if answer.get('error') or not answer['result'].get('uid'):
        raise RuntimeError('login %s refused: %s' % (login, answer.get('error')))
    return http


def rpc(http, url, path, params, timeout=600):
    response = http.post(url + path, json={'jsonrpc': '2.0', 'method': 'call', 'params': params},
                         timeout=timeout)
    response.raise_for_status()
    answer = response.json()
    if answer.get('error'):
        raise RuntimeError(answer['error'].get('data', {}).get('message') or answer['error'])
    return answer['result']


class PeakSampler(threading.Thread):
    """Samples the resident memory of the server process every 50 ms."""

    def __init__(self, server):
        super(PeakSampler, self).__init__(daemon=True)
        self.server, self.peak, self.running = server, 0.0, True

    def run(self):
        while self.running:
            try:
                self.peak = max(self.peak, self.server.rss_mb())
            except psutil.Error:
                pass
            time.sleep(0.05)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        self.join()


@figure('memory', order=60)
def memory(bench):
    with bench.rollback() as env:
        cron_id = env.ref('oldparts_module.ir_cron_oldparts_reminders').id
    max_ids = max_ids_of(bench)
    lines = []
    try:
        with Server(bench.db, workers=0) as server:
            http = session(server.url, bench.db, *ADMIN)
            rpc(http, server.url, '/web/dataset/search_read', {
                'model': 'oldparts.part', 'fields': ['name', 'state'], 'domain': [], 'limit': 80})
            idle = server.rss_mb()
            with PeakSampler(server) as sampler:
                rpc(http, server.url, '/web/dataset/call_kw', {
                    'model': 'ir.cron', 'method': 'method_direct_trigger', 'args': [[cron_id]],
                    'kwargs': {}})
            lines.append(Line('memory_cron', sampler.peak, 'MB', idle, '<=',
                              MEMORY_TARGET_MB, 'MB'))
            with PeakSampler(server) as sampler:
                for kind, report, ids in bench.reports():
                    response = http.get('%s/report/%s/%s/%s' % (
                        server.url, kind, report, ','.join(map(str, ids))), timeout=600)
                    response.raise_for_status()
            lines.append(Line('memory_reports', sampler.peak, 'MB', idle, '<=',
                              MEMORY_TARGET_MB, 'MB'))
    finally:
        restore(bench, max_ids)
    return lines


def _load(server, bench, seconds):
    """8 clients (dealers' engineers), 75 % list reads, 25 % creates."""
    with bench.rollback() as env:
        engineers = env['res.users'].search([('login', '=like', 'bench_engineer_%')],
                                            order='login', limit=CLIENTS)
        clients = [(user.login, user.oldparts_dealer_id.id) for user in engineers]
        product_id = env['product.product'].search([('default_code', '=like', 'BN-%')], limit=1).id
    list_fields = ['name', 'work_order_ref', 'equipment_ref', 'product_id', 'quantity',
                   'amount_total', 'engineer_id', 'dealer_id', 'disposal_type',
                   'replacement_date', 'required_handover_date', 'delay_days',
                   'handover_date', 'state', 'is_overdue', 'currency_id']
    latencies, errors = [], []
    lock = threading.Lock()
    start_gate = threading.Barrier(len(clients) + 1)
    stop_at = [0.0]

    def client(index, login, dealer_id):
        rng = random.Random(index)
        http = session(server.url, bench.db, login, login)
        start_gate.wait()
        count = 0
        while time.time() < stop_at[0]:
            count += 1
            begin = time.perf_counter()
            try:
                if rng.random() < 0.75:
                    rpc(http, server.url, '/web/dataset/search_read', {
                        'model': 'oldparts.part', 'fields': list_fields,
                        'domain': [['state', 'not in', ['disposed', 'cancel']]],
                        'limit': 80, 'sort': '', 'context': {'lang': 'zh_CN', 'tz': 'UTC'}},
                        timeout=120)
                else:
                    rpc(http, server.url, '/web/dataset/call_kw', {
                        'model': 'oldparts.part', 'method': 'create', 'args': [{
                            'dealer_id': dealer_id, 'product_id': product_id, 'quantity': 1,
                            'price_unit': 800, 'work_order_ref': 'RPC-%d-%d' % (index, count),
                            'equipment_ref': 'QY25K-RPC', 'failure_reason': '负载测试'}],
                        'kwargs': {'context': {'lang': 'zh_CN', 'tz': 'UTC'}}}, timeout=120)
                elapsed = time.perf_counter() - begin
                with lock:
                    latencies.append(elapsed)
            except Exception as exc:  # every failure counts
                with lock:
                    errors.append(repr(exc)[:200])

    threads = [threading.Thread(target=client, args=(i, login, dealer), daemon=True)
               for i, (login, dealer) in enumerate(clients)]
    for thread in threads:
        thread.start()
    start_gate.wait()
    began = time.time()
    stop_at[0] = began + seconds
    for thread in threads:
        thread.join()
    duration = time.time() - began
    throughput = len(latencies) / duration
    p95 = statistics.quantiles(latencies, n=20)[18] * 1000 if len(latencies) >= 20 else float('nan')
    return throughput, p95, errors


@figure('rpc_load', order=70)
def rpc_load(bench):
    results = {}
    max_ids = max_ids_of(bench)
    try:
        for workers in (0, 2):
            with Server(bench.db, workers=workers) as server:
                # warm up every worker (registry, caches) before measuring
                _load(server, bench, 5)
                results[workers] = _load(server, bench, LOAD_SECONDS)
                bench.log('rpc_load --workers=%d: %.1f req/s, p95 %.0f ms, %d errors %s' % (
                    workers, results[workers][0], results[workers][1], len(results[workers][2]),
                    results[workers][2][:3]))
    finally:
        restore(bench, max_ids)
    threaded, prefork = results[0], results[2]
    errors = len(threaded[2]) + len(prefork[2])
    total = int(round((threaded[0] + prefork[0]) * LOAD_SECONDS)) + errors
    return [
        Line('rpc_load', prefork[0], 'req/s', threaded[0], '>=', 1.5),
        Line('rpc_p95', prefork[1], 'ms', threaded[1], '<=', 1.0),
        # baseline: the number of requests (the ratio is the error rate)
        Line('rpc_errors', errors, 'errors', total, '<=', 0, 'errors'),
    ]

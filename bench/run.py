"""`make bench`: a database of its own filled by the generator, then every
figure of the registry (bench/figures.py, bench/server_figures.py), one
line each, and the summary ``bench: N ok, M MISS``.

    .venv/bin/python -m bench.run [--db oldparts_bench] [--scale 1.0]
        [--runs 5] [--fresh] [--only name,name]

The database is reused when it was generated at the same scale by the
same generator (``--fresh`` regenerates it)."""
import argparse
import contextlib
import hashlib
import os
import subprocess
import sys
import time

from bench import odoo_env  # noqa: F401 (applies the runtime layer first)
import odoo  # noqa: E402
from odoo import SUPERUSER_ID, api  # noqa: E402

from bench import figures, generator, server_figures  # noqa: E402,F401

ROOT = odoo_env.ROOT
os.environ.setdefault('PGHOST', os.path.join(ROOT, '.local', 'pg', 'run'))
os.environ.setdefault('PGUSER', 'odoo')
os.environ['PATH'] = os.path.join(ROOT, '.local', 'bin') + os.pathsep + os.environ['PATH']


def _log(msg):
    print('[bench] %s' % msg, file=sys.stderr, flush=True)


def _psql(db, sql):
    return subprocess.run(['psql', '-d', db, '-qAtc', sql], capture_output=True, text=True).stdout.strip()


def _generator_key(scale):
    with open(os.path.join(ROOT, 'bench', 'generator.py'), 'rb') as f:
        return '%s:%s' % (scale, hashlib.sha1(f.read()).hexdigest()[:12])


def _module_key():
    digest = hashlib.sha1()
    for folder, _dirs, files in sorted(os.walk(os.path.join(ROOT, 'oldparts_module'))):
        for name in sorted(files):
            if not name.endswith('.pyc'):
                with open(os.path.join(folder, name), 'rb') as f:
                    digest.update(name.encode() + f.read())
    return digest.hexdigest()[:12]


def _param(db, key):
    return _psql(db, "SELECT value FROM ir_config_parameter WHERE key = '%s'" % key)


def prepare(db, scale, fresh):
    key = _generator_key(scale)
    exists = _psql('postgres', "SELECT 1 FROM pg_database WHERE datname = '%s'" % db) == '1'
    if exists and not fresh and _param(db, 'bench.generated') == key:
        _log('reusing %s (generated at scale %s)' % (db, scale))
        if _param(db, 'bench.module') != _module_key():
            _log('the module changed: updating it in %s' % db)
            with open(os.path.join(ROOT, '.local', 'bench-install.log'), 'w') as log:
                subprocess.run([os.path.join(ROOT, 'scripts', 'odoo.sh'), '-d', db, '-u',
                                'oldparts_module', '--stop-after-init', '--log-level=warn'],
                               check=True, stdout=log, stderr=log)
            _psql(db, "UPDATE ir_config_parameter SET value = '%s' WHERE key = 'bench.module'"
                  % _module_key())
        return
    subprocess.run(['dropdb', '--if-exists', '--force', db], check=True)
    _log('installing oldparts_module in a fresh database %s' % db)
    start = time.time()
    with open(os.path.join(ROOT, '.local', 'bench-install.log'), 'w') as log:
        subprocess.run([os.path.join(ROOT, 'scripts', 'odoo.sh'), '-d', db, '-i', 'oldparts_module',
                        '--load-language=zh_CN', '--without-demo=all', '--stop-after-init',
                        '--log-level=warn'], check=True, stdout=log, stderr=log)
    _log('installed in %d s; generating the volume (scale %s)' % (time.time() - start, scale))
    registry = odoo_env.registry(db)
    with api.Environment.manage(), registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        stats = generator.generate(env, scale=scale, log=_log)
        env['ir.config_parameter'].set_param('bench.stats', repr(stats))
        env['ir.config_parameter'].set_param('bench.generated', key)
        env['ir.config_parameter'].set_param('bench.module', _module_key())
        cr.commit()
    # what autovacuum does after a bulk load: the visibility map (index-only
    # scans) and the statistics
    with registry.cursor() as cr:
        cr.autocommit(True)
        cr.execute('VACUUM ANALYZE')
    _log('generated: %s' % stats)


class Bench(object):

    def __init__(self, db, scale, runs):
        self.db, self.scale, self.runs = db, scale, runs
        self.registry = odoo_env.registry(db)
        self.create_count = int(os.environ.get('BENCH_CREATE_COUNT') or max(
            50, int(2000 * min(1.0, scale * 10))))
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.stats = eval(env['ir.config_parameter'].get_param('bench.stats'))  # own repr
        self.log = _log

    def reports(self):
        """(kind, report name, ids) of the reports whose peak memory is
        measured on the server (a figure of a new report adds its own)."""
        return [('pdf', 'oldparts_module.report_oldparts_return_packing_list',
                 [self.stats['biggest_shipment_id']])] + [
            report(self) for report in figures.MEMORY_REPORTS]

    @contextlib.contextmanager
    def rollback(self):
        """A superuser environment whose transaction is rolled back."""
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {'tz': 'UTC'})
            try:
                yield env
            finally:
                cr.rollback()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--db', default=os.environ.get('ODOO_BENCH_DB', 'oldparts_bench'))
    parser.add_argument('--scale', type=float, default=float(os.environ.get('BENCH_SCALE', 1.0)))
    parser.add_argument('--runs', type=int, default=int(os.environ.get('BENCH_RUNS', 5)))
    parser.add_argument('--fresh', action='store_true')
    parser.add_argument('--only', default=os.environ.get('BENCH_ONLY', ''))
    args = parser.parse_args(argv)
    start = time.time()
    prepare(args.db, args.scale, args.fresh)
    bench = Bench(args.db, args.scale, args.runs)
    only = set(filter(None, args.only.split(',')))
    lines = []
    for fig in sorted(figures.FIGURES, key=lambda f: f.order):
        if only and fig.name not in only:
            continue
        _log('%s ...' % fig.name)
        fig_start = time.time()
        for line in fig.func(bench):
            print(line, flush=True)
            lines.append(line)
        _log('%s took %d s' % (fig.name, time.time() - fig_start))
    ok = sum(1 for line in lines if line.ok)
    print('bench: %d ok, %d MISS' % (ok, len(lines) - ok), flush=True)
    _log('total %d s' % (time.time() - start))
    return 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env bash
# `make test-core`: Odoo's own test suites for stock, account and
# account_invoicing (and for every module they pull in: base, web, mail,
# product, ...) on a fresh database with demo data, then a summary: tests run,
# failures, errors. Exits non-zero when a test fails or errors.
#   ODOO_CORE_DB      database (dropped and recreated), default oldparts_core
#   ODOO_CORE_MODULES modules to install and test, default stock,account,account_invoicing
#   ODOO_HTTP_PORT    port of the HTTP server HttpCase tests talk to (default:
#                     a free port, so that a `make run` server is not hit)
# Stops the cluster again if this script started it.
set -uo pipefail
cd "$(dirname "$0")/.."
DB=${ODOO_CORE_DB:-oldparts_core}
MODULES=${ODOO_CORE_MODULES:-stock,account,account_invoicing}
LOG=.local/test-core.log
source scripts/use_cluster.sh

PORT=${ODOO_HTTP_PORT:-$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
dropdb --if-exists "$DB" || exit 1
echo "[test-core] installing $MODULES with --test-enable in a fresh database $DB (log: $LOG)"
start=$(date +%s)
scripts/odoo.sh -d "$DB" -i "$MODULES" --test-enable --stop-after-init --log-level=test \
    --http-port="$PORT" >"$LOG" 2>&1
rc=$?
duration=$(( $(date +%s) - start ))

# Odoo 11 logs each test module as "<module> running tests.", its unittest
# output through the test module's logger ("Ran N tests in ...", "OK",
# "FAILED (failures=1, errors=2)"), and failure headers at ERROR level
# ("FAIL: test_x (...)", "ERROR: test_y (...)"). YAML tests (stock's test/*.yml)
# are logged as "loading stock/test/x.yml" and fail with "an exception
# occurred in a test".
.venv/bin/python - "$LOG" "$rc" "$duration" <<'PY'
import collections
import re
import sys

log, rc, duration = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
line_re = re.compile(r'^\S+ \S+ \d+ (?P<level>[A-Z]+) \S+ (?P<logger>[\w.]+): (?P<msg>.*)$')
per_addon = collections.defaultdict(lambda: collections.Counter())
totals = collections.Counter()
failed_tests, other_errors = [], []
for raw in open(log, encoding='utf-8', errors='replace'):
    m = line_re.match(raw.rstrip('\n'))
    if not m:
        continue
    level, logger, msg = m.group('level', 'logger', 'msg')
    addon = re.match(r'odoo\.addons\.(\w+)\.tests\b', logger)
    if addon:
        counts = per_addon[addon.group(1)]
        ran = re.match(r'Ran (\d+) tests? in ', msg)
        if ran:
            counts['run'] += int(ran.group(1))
        # the summary is logged as "OK" or "FAILED", then " (skipped=8)"
        skipped = re.search(r'\bskipped=(\d+)', msg)
        if skipped and re.match(r'\s*\(.*\)$', msg):
            counts['skipped'] += int(skipped.group(1))
        head = re.match(r'(FAIL|ERROR): (\S+ \(.*)', msg)
        if level == 'ERROR' and head:
            counts['failures' if head.group(1) == 'FAIL' else 'errors'] += 1
            failed_tests.append('%s %s' % (head.group(1), head.group(2)))
        continue
    yml = re.match(r'loading (\w+)/(test/\S+\.yml)$', msg)
    if logger == 'odoo.modules.loading' and yml:
        per_addon[yml.group(1)]['yml'] += 1
        continue
    if 'an exception occurred in a test' in msg:
        addon = re.search(r'module (\w+):', msg)
        per_addon[addon.group(1) if addon else '?']['yml_errors'] += 1
        failed_tests.append(msg)
        continue
    if level in ('ERROR', 'CRITICAL') and not re.match(
            r'Module \w+: \d+ failures, \d+ errors|At least one test failed when loading', msg):
        other_errors.append('%s %s: %s' % (level, logger, msg))

for counts in per_addon.values():
    totals.update(counts)
print('[test-core] per module: run / failures / errors / skipped (+ yml test files)')
for addon in sorted(per_addon):
    c = per_addon[addon]
    print('  %-28s %4d / %d / %d / %d%s' % (
        addon, c['run'], c['failures'], c['errors'], c['skipped'],
        ' (+%d yml, %d failed)' % (c['yml'], c['yml_errors']) if c['yml'] else ''))
for line in failed_tests[:40]:
    print('  ' + line)
if other_errors:
    print('[test-core] %d other ERROR/CRITICAL log lines, first ones:' % len(other_errors))
    for line in other_errors[:10]:
        print('  ' + line[:300])
errors = totals['errors'] + totals['yml_errors']
print('[test-core] tests run: %d, failures: %d, errors: %d, skipped: %d; '
      'yml test files: %d; duration: %d min %02d s; odoo exit code: %d'
      % (totals['run'], totals['failures'], errors, totals['skipped'],
         totals['yml'], duration // 60, duration % 60, rc))
if rc or totals['failures'] or errors or not totals['run'] \
        or any(l.startswith('CRITICAL') for l in other_errors):
    print('[test-core] FAILED (see %s)' % log)
    sys.exit(1)
print('[test-core] OK')
PY

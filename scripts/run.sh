#!/usr/bin/env bash
# `make run`: demo database with oldparts_module, zh_CN and demo data, served
# in the background at http://localhost:8069 (`make stop` stops it). As
# everywhere (scripts/odoo.sh), the database list is off: the server is
# started with -d and --db-filter naming the demo database.
#   ODOO_DEMO_DB (default oldparts_demo), ODOO_HTTP_PORT (8069),
#   ODOO_LONGPOLLING_PORT (8072), WORKERS (0: one threaded process; N > 0:
#   the prefork server with N HTTP workers, a cron worker and the
#   long-polling process on ODOO_LONGPOLLING_PORT, as in production)
# Running it again restarts the server. If the PostgreSQL cluster was not
# running, it starts it and says so in .local/pg-started-by-run, so that
# `make stop` stops the cluster only then (others may be using it).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${ODOO_DEMO_DB:-oldparts_demo}
PORT=${ODOO_HTTP_PORT:-8069}
LONGPOLLING_PORT=${ODOO_LONGPOLLING_PORT:-8072}
WORKERS=${WORKERS:-0}
case "$WORKERS" in ''|*[!0-9]*) echo "[run] WORKERS must be a number (got $WORKERS)" >&2; exit 1;; esac
PIDFILE=.local/odoo-run.pid
LOG=.local/odoo-run.log
PG_MARK=.local/pg-started-by-run
SHA_FILE=.local/demo-$DB.sha1
mkdir -p .local
if ! scripts/pg.sh status >/dev/null 2>&1; then
    scripts/pg.sh start
    touch "$PG_MARK"
else
    scripts/pg.sh start  # ensures the odoo role
fi
export PGHOST=$PWD/.local/pg/run PGUSER=odoo
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
PATH=${PGBIN:+$PGBIN:}$PATH

# the pid file may be stale and its pid reused: only an odoo-bin process is ours
ours() { kill -0 "$1" 2>/dev/null && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q 'runtime/odoo-bin'; }
if [ -f "$PIDFILE" ] && ours "$(cat "$PIDFILE")"; then
    pid=$(cat "$PIDFILE")
    echo "[run] Odoo already running (pid $pid); restarting it"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
fi
rm -f "$PIDFILE"
# Another process on the port would answer our readiness check in our stead.
if curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$PORT/"; then
    echo "[run] port $PORT is already in use by another process: set ODOO_HTTP_PORT" >&2
    exit 1
fi

src_sha=$(find oldparts_module -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)
if ! psql -d postgres -qAtc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
    echo "[run] creating database $DB (module, zh_CN, demo data): about 2 minutes"
    scripts/odoo.sh -d "$DB" -i oldparts_module --load-language=zh_CN --stop-after-init \
        --log-level=warn >"$LOG" 2>&1 || { tail -n 40 "$LOG"; exit 1; }
    echo "$src_sha" > "$SHA_FILE"
elif [ "$(cat "$SHA_FILE" 2>/dev/null)" != "$src_sha" ]; then
    echo "[run] module changed: updating oldparts_module in $DB"
    scripts/odoo.sh -d "$DB" -u oldparts_module --stop-after-init --log-level=warn >"$LOG" 2>&1 \
        || { tail -n 40 "$LOG"; exit 1; }
    echo "$src_sha" > "$SHA_FILE"
fi

nohup scripts/odoo.sh -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" \
    --longpolling-port="$LONGPOLLING_PORT" --workers="$WORKERS" >>"$LOG" 2>&1 &
echo $! > "$PIDFILE"
for _ in $(seq 1 120); do
    code=$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "http://127.0.0.1:$PORT/web/login" || true)
    [ "$code" = 200 ] && break
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { tail -n 40 "$LOG"; exit 1; }
    sleep 0.5
done
[ "$code" = 200 ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null \
    || { echo "[run] Odoo did not answer; see $LOG"; exit 1; }
if [ -n "${ODOO_MASTER_PASSWORD:-}" ]; then master_from='$ODOO_MASTER_PASSWORD'
else master_from='.local/master-password'; fi
cat <<MSG

  Odoo 11 with oldparts_module is running: http://localhost:$PORT
  database: $DB   login: admin   password: admin
  workers: $WORKERS$( [ "$WORKERS" -gt 0 ] && echo " (prefork; long-polling on port $LONGPOLLING_PORT)" )
  demo users: password = login (engineer_nx, specialist, finance, ...)
  database manager: not listed (list_db = False); master password: $master_from
  log: $LOG       stop it with: make stop

MSG

#!/usr/bin/env bash
# `make run`: demo database with oldparts_module, zh_CN and demo data, served
# in the background at http://localhost:8069 (`make stop` stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${ODOO_DEMO_DB:-oldparts_demo}
PORT=${ODOO_HTTP_PORT:-8069}
PIDFILE=.local/odoo-run.pid
LOG=.local/odoo-run.log
scripts/pg.sh start
export PGHOST=$PWD/.local/pg/run PGUSER=odoo
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
PATH=${PGBIN:+$PGBIN:}$PATH

if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    echo "[run] Odoo already running (pid $(cat "$PIDFILE")); restarting it"
    kill "$(cat "$PIDFILE")"; while kill -0 "$(cat "$PIDFILE")" 2>/dev/null; do sleep 0.5; done
fi

src_sha=$(find oldparts_module -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)
if ! psql -d postgres -qAtc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
    echo "[run] creating database $DB (module, zh_CN, demo data): about 2 minutes"
    scripts/odoo.sh -d "$DB" -i oldparts_module --load-language=zh_CN --stop-after-init \
        --log-level=warn >"$LOG" 2>&1 || { tail -n 40 "$LOG"; exit 1; }
    echo "$src_sha" > .local/demo.sha1
elif [ "$(cat .local/demo.sha1 2>/dev/null)" != "$src_sha" ]; then
    echo "[run] module changed: updating oldparts_module in $DB"
    scripts/odoo.sh -d "$DB" -u oldparts_module --stop-after-init --log-level=warn >"$LOG" 2>&1 \
        || { tail -n 40 "$LOG"; exit 1; }
    echo "$src_sha" > .local/demo.sha1
fi

nohup scripts/odoo.sh -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" >>"$LOG" 2>&1 &
echo $! > "$PIDFILE"
for _ in $(seq 1 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/web/login" || true)
    [ "$code" = 200 ] && break
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { tail -n 40 "$LOG"; exit 1; }
    sleep 0.5
done
[ "$code" = 200 ] || { echo "[run] Odoo did not answer; see $LOG"; exit 1; }
cat <<MSG

  Odoo 11 with oldparts_module is running: http://localhost:$PORT
  database: $DB   login: admin   password: admin
  log: $LOG       stop it with: make stop

MSG

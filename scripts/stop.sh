#!/usr/bin/env bash
# `make stop`: stops the Odoo server `make run` started (by its pid file),
# then the private PostgreSQL cluster.
set -uo pipefail
cd "$(dirname "$0")/.."
PIDFILE=.local/odoo-run.pid
if [ -f "$PIDFILE" ]; then
    pid=$(cat "$PIDFILE")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        echo "[stop] Odoo stopped"
    fi
    rm -f "$PIDFILE"
fi
scripts/pg.sh stop

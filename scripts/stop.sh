#!/usr/bin/env bash
# `make stop`: stops the Odoo server `make run` started (by its pid file),
# then the private PostgreSQL cluster, but only if `make run` started it
# (.local/pg-started-by-run): a cluster that was already running when
# `make run` came is left alone, others may be using it.
set -uo pipefail
cd "$(dirname "$0")/.."
PIDFILE=.local/odoo-run.pid
PG_MARK=.local/pg-started-by-run
if [ -f "$PIDFILE" ]; then
    pid=$(cat "$PIDFILE")
    # the pid file may be stale and its pid reused: only an odoo-bin process is ours
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'runtime/odoo-bin'; then
        kill "$pid"
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        echo "[stop] Odoo stopped"
    fi
    rm -f "$PIDFILE"
fi
if [ -f "$PG_MARK" ]; then
    scripts/pg.sh stop
    rm -f "$PG_MARK"
else
    echo "[stop] PostgreSQL left running (make run did not start it)"
fi

#!/usr/bin/env bash
# Private PostgreSQL cluster under .local/pg: unix socket only, run as a
# non-root user, with an "odoo" role (extra_float_digits = 0: Odoo 11 compares
# floats read back from PostgreSQL >= 12, which prints more digits).
#   scripts/pg.sh start | stop | status | env
set -euo pipefail
cd "$(dirname "$0")/.."
PG=$PWD/.local/pg
resolve() {
    # the server and initdb get the real path, which the cluster's user can
    # reach even when .local/pg is a link (see start)
    [ -e "$PG" ] && PG=$(readlink -f "$PG")
    DATA=$PG/data
    SOCK=$PG/run
}
resolve
bindir() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$d" ]; then echo "$d"; else dirname "$(command -v initdb)"; fi
}
BIN=$(bindir)
if [ "$(id -u)" = 0 ]; then
    OSUSER=${PG_OS_USER:-postgres}
    id "$OSUSER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$OSUSER"
    as_pg() { (cd / && runuser -u "$OSUSER" -- "$@"); }
else
    OSUSER=$(id -un)
    as_pg() { "$@"; }
fi

start() {
    mkdir -p "$(dirname "$PG")"
    if [ ! -e "$PG" ] && [ "$(id -u)" = 0 ] && ! runuser -u "$OSUSER" -- test -x "$(dirname "$PG")"; then
        # The project sits where the cluster's user cannot go (e.g. under
        # /root): keep the cluster in a folder of its own, linked from .local.
        alt=/var/tmp/oldparts-pg-$(printf '%s' "$PWD" | sha1sum | cut -c1-12)
        mkdir -p "$alt"
        ln -s "$alt" "$PG"
        echo "[pg] $PWD is not reachable by $OSUSER: cluster kept in $alt"
    fi
    mkdir -p "$PG"
    resolve
    mkdir -p "$SOCK"
    if [ ! -f "$DATA/PG_VERSION" ]; then
        echo "[pg] initdb $DATA"
        mkdir -p "$DATA"
        chown -R "$OSUSER" "$PG" 2>/dev/null || true
        as_pg "$BIN/initdb" -D "$DATA" -A trust -U "$OSUSER" -E UTF8 --locale=C.UTF-8 >/dev/null
        cat >> "$DATA/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$SOCK'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 256MB
CONF
    fi
    chown "$OSUSER" "$SOCK" 2>/dev/null || true
    if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        as_pg "$BIN/pg_ctl" -D "$DATA" -l "$PG/postgresql.log" -w -t 60 start >/dev/null
    fi
    as_pg "$BIN/psql" -h "$SOCK" -U "$OSUSER" -d postgres -qAtc "SELECT 1 FROM pg_roles WHERE rolname='odoo'" | grep -q 1 \
        || as_pg "$BIN/psql" -h "$SOCK" -U "$OSUSER" -d postgres -qc "CREATE ROLE odoo LOGIN SUPERUSER"
    as_pg "$BIN/psql" -h "$SOCK" -U "$OSUSER" -d postgres -qc "ALTER ROLE odoo SET extra_float_digits = 0"
}

stop() {
    if [ -f "$DATA/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
        echo "[pg] stopped"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) as_pg "$BIN/pg_ctl" -D "$DATA" status ;;
    env) echo "PGHOST=$SOCK PGUSER=odoo PATH=$BIN:\$PATH" ;;
    *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac

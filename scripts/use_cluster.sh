# Sourced by test.sh and test_core.sh (from the project root): client
# environment for the private cluster, which is started when it is not
# running and then stopped again when the calling script exits.
export PGHOST=$PWD/.local/pg/run PGUSER=odoo
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
PATH=${PGBIN:+$PGBIN:}$PATH

started_pg=
scripts/pg.sh status >/dev/null 2>&1 || started_pg=1
scripts/pg.sh start || exit 1
cleanup() { [ -n "$started_pg" ] && scripts/pg.sh stop; }
trap cleanup EXIT

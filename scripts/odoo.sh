#!/usr/bin/env bash
# Runs the Odoo 11 CLI (runtime/odoo-bin) against the private cluster, with
# a generated config (.local/odoo.conf). Extra arguments go to Odoo.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SITE=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
mkdir -p .local/data
cat > .local/odoo.conf <<CONF
[options]
addons_path = $SITE/odoo/addons,$ROOT
data_dir = $ROOT/.local/data
db_host = $ROOT/.local/pg/run
db_port = 5432
db_user = odoo
db_password = False
admin_passwd = ${ODOO_MASTER_PASSWORD:-admin}
http_port = ${ODOO_HTTP_PORT:-8069}
http_interface = 127.0.0.1
longpolling_port = ${ODOO_LONGPOLLING_PORT:-8072}
limit_time_cpu = 600
limit_time_real = 1200
CONF
export PATH=$ROOT/.local/bin:$PATH
export PYTHONPATH=$ROOT/runtime${PYTHONPATH:+:$PYTHONPATH}
export ODOO_PRELOAD_ADDONS=no
export PGHOST=$ROOT/.local/pg/run PGUSER=odoo
exec .venv/bin/python runtime/odoo-bin -c .local/odoo.conf "$@"

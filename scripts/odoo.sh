#!/usr/bin/env bash
# Runs the Odoo 11 CLI (runtime/odoo-bin) against the private cluster, with
# a generated config (.local/odoo.conf, mode 0600). Extra arguments go to Odoo.
# Deployment defaults, demo included: the database manager is not listed
# (list_db = False: name the database with -d / --db-filter), and the master
# password is ODOO_MASTER_PASSWORD or else a random one generated once into
# .local/master-password (mode 0600, git-ignored); odoo.conf holds its
# pbkdf2 hash only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SITE=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
mkdir -p .local/data
MASTER_FILE=.local/master-password
if [ -n "${ODOO_MASTER_PASSWORD:-}" ]; then
    master=$ODOO_MASTER_PASSWORD
else
    if [ ! -s "$MASTER_FILE" ]; then
        tmp=$(umask 077; mktemp .local/master-password.XXXXXX)
        .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))' > "$tmp"
        mv -n "$tmp" "$MASTER_FILE"  # a concurrent run may have won: keep its password
        rm -f "$tmp"
    fi
    chmod 600 "$MASTER_FILE"
    master=$(cat "$MASTER_FILE")
fi
# Odoo 11 verifies admin_passwd against a passlib hash; a value that is
# already a pbkdf2-sha512 hash is kept as it is.
admin_passwd=$(ODOO_MASTER=$master .venv/bin/python -c '
import os
from passlib.context import CryptContext
value = os.environ["ODOO_MASTER"]
print(value if value.startswith("$pbkdf2-sha512$") else
      CryptContext(schemes=["pbkdf2_sha512"]).hash(value))')
(umask 077; cat > .local/odoo.conf.tmp.$$) <<CONF
[options]
addons_path = $SITE/odoo/addons,$ROOT
data_dir = $ROOT/.local/data
db_host = $ROOT/.local/pg/run
db_port = 5432
db_user = odoo
db_password = False
admin_passwd = $admin_passwd
list_db = False
http_port = ${ODOO_HTTP_PORT:-8069}
http_interface = 127.0.0.1
longpolling_port = ${ODOO_LONGPOLLING_PORT:-8072}
limit_time_cpu = 600
limit_time_real = 1200
CONF
mv -f .local/odoo.conf.tmp.$$ .local/odoo.conf
export PATH=$ROOT/.local/bin:$PATH
export PYTHONPATH=$ROOT/runtime${PYTHONPATH:+:$PYTHONPATH}
export ODOO_PRELOAD_ADDONS=no
export PGHOST=$ROOT/.local/pg/run PGUSER=odoo
exec .venv/bin/python runtime/odoo-bin -c .local/odoo.conf "$@"

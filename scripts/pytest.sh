#!/usr/bin/env bash
# Developer shortcut: pytest against an existing database (no reinstall).
#   scripts/pytest.sh DB [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1; shift
export PGHOST=$PWD/.local/pg/run PGUSER=odoo PATH=$PWD/.local/bin:$PATH
export PYTHONPATH=$PWD/runtime ODOO_PRELOAD_ADDONS=no
exec .venv/bin/python -m pytest -p no:cacheprovider --odoo-config=.local/odoo.conf \
    --odoo-database="$db" "$@"

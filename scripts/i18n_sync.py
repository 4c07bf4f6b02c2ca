#!/usr/bin/env python3
"""Refresh oldparts_module/i18n/zh_CN.po from the module's current terms.

Exports the terms with Odoo (database given as first argument, module
installed and up to date), keeps every existing translation, gives
messages that are already bilingual (they contain Chinese) themselves as
translation, and lists the terms still untranslated. Exit 1 if any.

    .venv/bin/python scripts/i18n_sync.py DB
"""
import os
import re
import subprocess
import sys
import tempfile

import polib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PO = os.path.join(ROOT, 'oldparts_module', 'i18n', 'zh_CN.po')
CJK = re.compile('[\u4e00-\u9fff]')


def main(db):
    with tempfile.TemporaryDirectory() as tmp:
        exported = os.path.join(tmp, 'zh_CN.po')
        subprocess.run([os.path.join(ROOT, 'scripts', 'odoo.sh'), '-d', db,
                        '--i18n-export=' + exported, '--modules=oldparts_module',
                        '-l', 'zh_CN', '--stop-after-init', '--log-level=warn'],
                       check=True)
        new = polib.pofile(exported)
    old = {e.msgid: e.msgstr for e in polib.pofile(PO)} if os.path.exists(PO) else {}
    missing = []
    for entry in new:
        # Odoo exports the source text as "translation" of unknown terms
        exported = entry.msgstr if entry.msgstr != entry.msgid else ''
        entry.msgstr = old.get(entry.msgid) or exported
        if not entry.msgstr and CJK.search(entry.msgid):
            entry.msgstr = entry.msgid
        if not entry.msgstr:
            missing.append(entry.msgid)
        entry.flags = [f for f in entry.flags if f != 'fuzzy']
    new.metadata['Language'] = 'zh_CN'
    os.makedirs(os.path.dirname(PO), exist_ok=True)
    new.save(PO)
    print('%s: %d terms, %d untranslated' % (PO, len(new), len(missing)))
    for msgid in missing:
        print('  untranslated: %r' % msgid)
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))

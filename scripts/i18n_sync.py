#!/usr/bin/env python3
"""Refresh oldparts_module/i18n/zh_CN.po and oldparts_module.pot from the
module's current terms.

Exports the terms with Odoo (database given as first argument, module
installed and up to date, zh_CN loaded), keeps every existing translation,
writes the template (.pot) with the same terms, and lists the terms still
untranslated and the msgids that contain Chinese (msgids are English; the
Chinese belongs in the translation). Exit 1 if any.

    .venv/bin/python scripts/i18n_sync.py DB
"""
import os
import re
import subprocess
import sys
import tempfile

import polib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
I18N = os.path.join(ROOT, 'oldparts_module', 'i18n')
PO = os.path.join(I18N, 'zh_CN.po')
POT = os.path.join(I18N, 'oldparts_module.pot')
CJK = re.compile('[\u4e00-\u9fff]')


def main(db):
    with tempfile.TemporaryDirectory() as tmp:
        exported = os.path.join(tmp, 'zh_CN.po')
        subprocess.run([os.path.join(ROOT, 'scripts', 'odoo.sh'), '-d', db,
                        '--i18n-export=' + exported, '--modules=oldparts_module',
                        '-l', 'zh_CN', '--stop-after-init', '--log-level=warn'],
                       check=True)
        new = polib.pofile(exported)
        template = polib.pofile(exported)
    old = {e.msgid: e.msgstr for e in polib.pofile(PO)} if os.path.exists(PO) else {}
    missing, chinese = [], []
    for entry in new:
        # Odoo exports the source text as "translation" of unknown terms
        exported = entry.msgstr if entry.msgstr != entry.msgid else ''
        kept = old.get(entry.msgid) if old.get(entry.msgid) != entry.msgid else ''
        entry.msgstr = kept or exported
        if CJK.search(entry.msgid):
            chinese.append(entry.msgid)
        elif not entry.msgstr and re.search('[A-Za-z]{2}', entry.msgid):
            missing.append(entry.msgid)
        entry.flags = [f for f in entry.flags if f != 'fuzzy']
    new.metadata['Language'] = 'zh_CN'
    os.makedirs(I18N, exist_ok=True)
    new.save(PO)
    for entry in template:
        entry.msgstr = ''
    template.metadata.pop('Language', None)
    template.save(POT)
    print('%s: %d terms, %d untranslated, %d msgids with Chinese'
          % (PO, len(new), len(missing), len(chinese)))
    for msgid in missing:
        print('  untranslated: %r' % msgid)
    for msgid in chinese:
        print('  Chinese in msgid: %r' % msgid)
    return 1 if missing or chinese else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))

#!/usr/bin/env python3
"""Union of translation files, for merging branches that both added terms.

    git show :2:oldparts_module/i18n/zh_CN.po > /tmp/ours.po
    git show :3:oldparts_module/i18n/zh_CN.po > /tmp/theirs.po
    .venv/bin/python scripts/po_union.py /tmp/ours.po /tmp/theirs.po \
        > oldparts_module/i18n/zh_CN.po

Every msgid of any file is kept; for a msgid in several files the first
non-empty translation wins (and occurrences are merged). Run
scripts/i18n_sync.py on a fresh database afterwards: it drops the terms the
code no longer has and lists the ones still untranslated.
"""
import sys

import polib


def union(paths):
    result = polib.pofile(paths[0])
    index = {(e.msgctxt, e.msgid): e for e in result}
    for path in paths[1:]:
        for entry in polib.pofile(path):
            key = (entry.msgctxt, entry.msgid)
            mine = index.get(key)
            if mine is None:
                result.append(entry)
                index[key] = entry
                continue
            if not mine.msgstr and entry.msgstr:
                mine.msgstr = entry.msgstr
            for occurrence in entry.occurrences:
                if occurrence not in mine.occurrences:
                    mine.occurrences.append(occurrence)
            for comment in (entry.tcomment or '').splitlines():
                if comment not in (mine.tcomment or '').splitlines():
                    mine.tcomment = '\n'.join(filter(None, [mine.tcomment, comment]))
    return result


if __name__ == '__main__':
    sys.stdout.write(str(union(sys.argv[1:])))

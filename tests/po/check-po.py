#!/usr/bin/env python3
"""Checks that po/ja.po is complete: every translatable string of the sources listed in
po/POTFILES has a Japanese translation (none missing, none fuzzy), every source file that marks
strings is listed in POTFILES, and ja.po compiles (msgfmt -c).

Prints `po: N passed, M failed` (N translated strings, M missing or fuzzy) and exits 1 when
anything is missing."""
import os
import re
import subprocess
import sys
import tempfile

def main():
    top = sys.argv[1]
    po_dir = os.path.join(top, 'po')
    with open(os.path.join(po_dir, 'POTFILES')) as f:
        listed = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    problems = []

    marked = []
    for root, _, files in os.walk(os.path.join(top, 'src')):
        for name in files:
            if not name.endswith('.c'):
                continue
            path = os.path.join(root, name)
            with open(path, encoding='utf-8', errors='replace') as f:
                text = f.read()
            if re.search(r'\b(N_|_)\s*\(\s*"', text):
                marked.append(os.path.relpath(path, top))
    for rel in sorted(set(marked) - set(listed)):
        problems.append('%s marks strings but is not in po/POTFILES' % rel)
    for rel in listed:
        if not os.path.exists(os.path.join(top, rel)):
            problems.append('po/POTFILES lists %s, which does not exist' % rel)

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'stratoshark.pot')
        merged = os.path.join(tmp, 'merged.po')
        existing = [rel for rel in listed if os.path.exists(os.path.join(top, rel))]
        subprocess.run(['xgettext', '--from-code=UTF-8', '--keyword=_', '--keyword=N_',
                        '--keyword=C_:1c,2', '--keyword=NC_:1c,2', '--add-comments=Translators',
                        '-o', pot] + existing, cwd=top, check=True)
        subprocess.run(['msgfmt', '-c', '-o', os.devnull, os.path.join(po_dir, 'ja.po')],
                       check=True)
        subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged,
                        os.path.join(po_dir, 'ja.po'), pot], check=True)
        untranslated = subprocess.run(['msgattrib', '--untranslated', '--no-obsolete', merged],
                                      capture_output=True, text=True, check=True).stdout
        fuzzy = subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', merged],
                               capture_output=True, text=True, check=True).stdout
        stats = subprocess.run(['msgfmt', '--statistics', '-o', os.devnull, merged],
                               capture_output=True, text=True).stderr
    missing = msgids(untranslated)
    fuzzy_ids = msgids(fuzzy)
    for m in missing:
        problems.append('untranslated: "%s"' % m)
    for m in fuzzy_ids:
        problems.append('fuzzy: "%s"' % m)
    translated = int(re.search(r'(\d+) translated', stats).group(1)) if 'translated' in stats else 0

    for p in problems[:200]:
        print(p)
    if len(problems) > 200:
        print('... and %d more' % (len(problems) - 200))
    print('po: %d passed, %d failed' % (translated, len(problems)))
    return 1 if problems else 0

def msgids(po_text):
    """The msgids of a PO file's entries, long ones (msgid "" then continuation lines) joined;
    the header entry (empty msgid) left out."""
    ids = []
    for m in re.finditer(r'^msgid ("(?:[^"\\]|\\.)*")\n((?:"(?:[^"\\]|\\.)*"\n)*)', po_text, re.M):
        parts = [m.group(1)] + re.findall(r'^(".*")$', m.group(2), re.M)
        text = ''.join(p[1:-1] for p in parts)
        if text:
            ids.append(text)
    return ids


if __name__ == '__main__':
    sys.exit(main())

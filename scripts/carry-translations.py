#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Carries translations across a refactoring: a string that moved to another class (another
translation context) comes back from lupdate as new and unfinished. For each such entry whose
source text (and comment) had a finished translation anywhere in the file before the update,
copy that translation in, leaving the rest of the file as lupdate wrote it.
Usage: carry-translations.py BEFORE.ts AFTER.ts (AFTER is rewritten)."""
import re
import sys
import xml.etree.ElementTree as ET

MESSAGE = re.compile(r'<message\b[^>]*>.*?</message>', re.S)
TRANSLATION = re.compile(r'<translation\b[^>]*>.*?</translation>|<translation\b[^>]*/>', re.S)


def parse(block):
    message = ET.fromstring(block)
    key = (message.findtext('source'), message.findtext('comment') or '',
           message.get('numerus') == 'yes')
    translation = message.find('translation')
    state = None if translation is None else translation.get('type')
    return key, state


def main(before_path, after_path):
    known = {}
    for block in MESSAGE.findall(open(before_path, encoding='utf-8').read()):
        key, state = parse(block)
        translation = TRANSLATION.search(block)
        if state is None and translation:
            known.setdefault(key, translation.group(0))
    carried = 0

    def carry(match):
        nonlocal carried
        block = match.group(0)
        key, state = parse(block)
        if state != 'unfinished' or key not in known:
            return block
        carried += 1
        return TRANSLATION.sub(lambda _: known[key], block, count=1)

    after = open(after_path, encoding='utf-8').read()
    after = MESSAGE.sub(carry, after)
    open(after_path, 'w', encoding='utf-8').write(after)
    print(f'{after_path}: {carried} moved string(s) kept their translation')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])

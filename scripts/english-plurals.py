#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills the English plural forms of translations/mqttscope_en.ts (made by lupdate -pluralonly)
from the source text: "%n match(es)" becomes "%n match" and "%n matches". Only entries still
unfinished are filled, so a form written by hand stays. Usage: english-plurals.py FILE.ts"""
import html
import re
import sys

# Within one message: a span that crossed </message> gave an unfinished entry the forms of a
# finished one before it ("%n line(s) skipped" read "Reconnecting in %n s").
WITHIN = r'(?:(?!</message>).)*?'
MESSAGE = re.compile(rf'(<message numerus="yes">{WITHIN}<source>({WITHIN})</source>{WITHIN})'
                     rf'<translation type="unfinished">{WITHIN}</translation>', re.S)
OPTIONAL = re.compile(r'\((\w+)\)')


def forms(source):
    text = html.unescape(source)
    return OPTIONAL.sub('', text), OPTIONAL.sub(r'\1', text)


def fill(match):
    singular, plural = forms(match.group(2))
    numerus = ''.join(f'\n            <numerusform>{html.escape(form, quote=False)}</numerusform>'
                      for form in (singular, plural))
    return f'{match.group(1)}<translation>{numerus}\n        </translation>'


def main(path):
    text = open(path, encoding='utf-8').read()
    text, count = MESSAGE.subn(fill, text)
    open(path, 'w', encoding='utf-8').write(text)
    print(f'{path}: {count} English plural form(s) filled')


if __name__ == '__main__':
    main(sys.argv[1])

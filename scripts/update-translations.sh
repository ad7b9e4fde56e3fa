#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Refreshes every translations/mqttscope_*.ts from the sources (all user-visible strings of the
# core, the widgets and the programs), keeping what is translated, also
# for strings that moved to another class (scripts/carry-translations.py). Then translate the new
# entries with Qt Linguist (`linguist translations/mqttscope_zh_CN.ts`); the build compiles them.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate6 || command -v /usr/lib/qt6/bin/lupdate || command -v lupdate)
shopt -s nullglob
ts_files=()
for ts in translations/mqttscope_*.ts; do
  [ "$ts" = translations/mqttscope_en.ts ] || ts_files+=("$ts")
done
[ ${#ts_files[@]} -gt 0 ] || ts_files=(translations/mqttscope_zh_CN.ts)
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
cp "${ts_files[@]}" "$before/"
"$lupdate" -locations relative -no-obsolete core ui app -ts "${ts_files[@]}" "$@"
for ts in "${ts_files[@]}"; do
  python3 scripts/carry-translations.py "$before/$(basename "$ts")" "$ts"
done
# English needs only its plural forms ("%n match(es)" -> "1 match", "4 matches").
"$lupdate" -locations none -no-obsolete -pluralonly core ui app -ts translations/mqttscope_en.ts
python3 scripts/english-plurals.py translations/mqttscope_en.ts

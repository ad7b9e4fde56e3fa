#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a C++ file of the project is not formatted by the checked-in .clang-format (with
# Debian 12's clang-format 14); `scripts/check-format.sh --fix` formats them instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h' | grep -v '^tests/brokers/')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/mqttscope-format.$$; then
  grep -E '^[^ ].*: (error|warning):' /tmp/mqttscope-format.$$ | cut -d: -f1 | sort -u | sed 's/^/not formatted: /'
  rm -f /tmp/mqttscope-format.$$
  echo "run scripts/check-format.sh --fix"
  exit 1
fi
rm -f /tmp/mqttscope-format.$$
echo "format: ${#files[@]} files formatted as .clang-format says"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every tracked source, build and packaging file names its license in an SPDX header.
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
missing=$(git ls-files | grep -vE '\.(png|ts|md|json|bin|qm)$|^LICENSE$|/corpus/|\.gitignore$|\.gitkeep$|\.clang-format$' \
  | while read -r f; do head -3 "$f" | grep -q "SPDX-License-Identifier" || echo "$f"; done)
if [ -n "$missing" ]; then
  echo "files without an SPDX-License-Identifier header:"; echo "$missing"; exit 1
fi
echo "every file has an SPDX header"

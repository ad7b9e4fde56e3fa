#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the npm packages of the brokers the tests start besides mosquitto (aedes, in
# tests/brokers/aedes), exactly as package-lock.json locks them. Idempotent: `npm ci` runs only
# when node_modules is missing or differs from the lock. Called by install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/../tests/brokers/aedes"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  # Not fatal here, so every other test still runs; the interoperability test fails naming this.
  echo "warning: node and npm (Node.js >= 20) are needed for the aedes test broker; not installed" >&2
  exit 0
fi

# npm keeps what it installed in node_modules/.package-lock.json; equal packages mean up to date.
up_to_date() {
  node -e '
    const fs = require("fs");
    const packages = (file) => {
      const all = JSON.parse(fs.readFileSync(file, "utf8")).packages || {};
      delete all[""];
      return JSON.stringify(Object.keys(all).sort().map((k) => [k, all[k].version, all[k].integrity]));
    };
    process.exit(packages("package-lock.json") === packages("node_modules/.package-lock.json") ? 0 : 1);
  ' 2>/dev/null
}

if [ -d node_modules ] && up_to_date; then
  exit 0
fi
echo "Installing the aedes test broker (npm ci in tests/brokers/aedes)"
npm ci --no-audit --no-fund --loglevel=error

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs every test. Tests that use the OS keychain get a
# private D-Bus session with an unlocked gnome-keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
exec dbus-run-session -- sh -c \
  'echo -n mqttscope | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; \
   ctest --test-dir build --output-on-failure --timeout 600 -j2 "$@"' sh "$@"

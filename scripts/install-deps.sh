#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages mqttscope needs to build, test and run. Idempotent.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config libre2-dev
  qt6-base-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
  qt6-translations-l10n
  qt6-image-formats-plugins qtkeychain-qt6-dev libssl-dev libgl-dev libsqlite3-dev sqlite3
  libprotobuf-dev libprotoc-dev protobuf-compiler libmsgpack-cxx-dev python3-protobuf python3-msgpack
  mosquitto mosquitto-clients openssl
  microsocks dante-server tinyproxy
  xvfb xauth dbus dbus-x11 gnome-keyring
  clang libclang-rt-14-dev clang-format
  desktop-file-utils appstream dpkg-dev file imagemagick
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  bash "$(dirname "$0")/install-test-brokers.sh" # apt has nothing to do; npm may
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The packaged broker must not hold port 1883 on its own: tests and the demo start their own.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet mosquitto 2>/dev/null; then
  $sudo systemctl disable --now mosquitto || true
fi
# The brokers the tests start besides mosquitto, from npm (aedes).
bash "$(dirname "$0")/install-test-brokers.sh"

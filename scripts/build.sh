#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures and builds into ./build (Ninja, RelWithDebInfo).
set -euo pipefail
cd "$(dirname "$0")/.."
# MQTTSCOPE_WERROR=ON (CI) makes any compiler warning an error.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMQTTSCOPE_WERROR="${MQTTSCOPE_WERROR:-OFF}" "$@" >/dev/null
cmake --build build --parallel "$(nproc)"

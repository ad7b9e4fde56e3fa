#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds an optimised tree and runs the benchmarks (see bench/run_bench.py
# for the options, e.g. --messages 100000 --runs 1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DMQTTSCOPE_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench --parallel "$(nproc)"
exec python3 bench/run_bench.py --build build-bench "$@"

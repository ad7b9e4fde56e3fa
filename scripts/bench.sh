#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds the benchmarks optimised (Release) and runs them; the options
# go to bench/run_bench.py (see `python3 bench/run_bench.py --help`), e.g.
#   bash scripts/bench.sh                          # everything, 3 runs each, median
#   bash scripts/bench.sh --only ui --only idle    # some sections
#   bash scripts/bench.sh --messages 100000 --scale-topics 100000 --ui-seconds 5 --runs 1   # quick look
# The build folder is build-bench (MQTTSCOPE_BENCH_BUILD overrides it); results go to
# bench/results/<time>.json and bench/results/latest.json.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${MQTTSCOPE_BENCH_BUILD:-build-bench}"
bash scripts/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMQTTSCOPE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target mqttscope-cli mqttscope-loadserver trace_ingest ingest_store \
  model_flush bench_codec bench_decode uiflood coldstart mqttscope bench_recording bench_replay bench_search
exec python3 bench/run_bench.py --build "$build" "$@"

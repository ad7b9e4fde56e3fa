#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One command from a fresh checkout to a living tree: installs what is missing, builds, starts a
# loopback-only mosquitto unless something already listens on 127.0.0.1:1883, plays the demo
# traffic into it, and opens mqttscope connected to it. Whatever this script started is stopped
# when the window closes. Extra arguments go to mqttscope.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build.sh

host=127.0.0.1
port=1883
started=()
cleanup() {
  for pid in "${started[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  [ -n "${workdir:-}" ] && rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

listening() {
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

if listening; then
  echo "run.sh: using the broker already listening on $host:$port"
else
  mosquitto_bin=$(command -v mosquitto || echo /usr/sbin/mosquitto)
  workdir=$(mktemp -d)
  chmod 755 "$workdir"
  cat >"$workdir/mosquitto.conf" <<CONF
# Loopback only: the demo broker is never reachable from the network.
listener $port $host
allow_anonymous true
persistence false
CONF
  chmod 644 "$workdir/mosquitto.conf"
  "$mosquitto_bin" -c "$workdir/mosquitto.conf" >"$workdir/mosquitto.log" 2>&1 &
  started+=($!)
  for _ in $(seq 50); do
    listening && break
    sleep 0.1
  done
  listening || { echo "run.sh: mosquitto did not start, see $workdir/mosquitto.log" >&2; exit 1; }
  echo "run.sh: started mosquitto on $host:$port"
fi

if [ -x build/app/demo/mqttscope-demo ]; then
  # A few seconds after the window connects: Sparkplug B BIRTHs are never retained, so a window
  # that came later would see the edge node's DATA before its BIRTH (and flag it) until a rebirth.
  (sleep 3; exec build/app/demo/mqttscope-demo --url "mqtt://$host:$port" >/dev/null 2>&1) &
  started+=($!)
  echo "run.sh: playing demo traffic under demo/ and spBv1.0/ in a moment"
fi

# The URL opens an unsaved "Local broker" connection at once, reading the demo's Protobuf and
# MessagePack devices as a user's rules would (Sparkplug B needs none).
build/app/gui/mqttscope --connection-name "Local broker" \
  --proto app/demo/demo_telemetry.proto \
  --decode 'demo/factory/+/+/protobuf=protobuf:mqttscope.demo.Telemetry' \
  --decode 'demo/factory/+/+/msgpack=msgpack' \
  "mqtt://$host:$port" "$@"

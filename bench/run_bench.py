#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""mqttscope benchmarks: runs each measurement side by side with its peer in the same run,
prints a table and writes bench/results/<time>.json (and latest.json).

Sections (--only picks some):
  ingest  N messages over T topics from the load server, received by mosquitto_sub -v (the peer)
          and by mqttscope-cli sub -v, output to /dev/null: msg/s, CPU s, peak RSS, ratio.
  store   the explorer's data layer (topic tree + history + statistics) headless, and the
          one-million-topic scale run, via bench/ingest_store.
  codec   QBENCHMARK micro-benchmarks of PUBLISH decode/encode in both versions.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(),
            "python": platform.python_version()}


def start_loadserver(build, args):
    exe = os.path.join(build, "bench", "loadserver", "mqttscope-loadserver")
    server = subprocess.Popen([exe] + args, stdout=subprocess.PIPE, text=True)
    port = int(server.stdout.readline().strip())
    return server, port


def run_measured(cmd, timeout):
    """Runs cmd with stdout to /dev/null; returns wall s, CPU s, peak RSS MiB, exit code."""
    start = time.monotonic()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(cmd, stdout=devnull, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            return None
        time.sleep(0.002)
    wall = time.monotonic() - start
    stderr = proc.stderr.read().decode(errors="replace").strip()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(f"  ! {cmd[0]} exited {code}: {stderr}", file=sys.stderr)
        return None
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
            "peak_rss_mib": usage.ru_maxrss / 1024.0}


def median_of(runs):
    runs = [r for r in runs if r]
    if not runs:
        return None
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def bench_ingest(a):
    subscribers = []
    mosquitto_sub = shutil.which("mosquitto_sub")
    if mosquitto_sub:
        subscribers.append(("mosquitto_sub -v", [mosquitto_sub, "-V", "mqttv311"]))
    else:
        print("  ! mosquitto_sub not installed: no peer to compare with", file=sys.stderr)
    cli = os.path.join(a.build, "app", "cli", "mqttscope-cli")
    subscribers.append(("mqttscope-cli sub -v", [cli, "sub", "-V", "mqttv311"]))
    subscribers.append(("mqttscope-cli sub -v (MQTT 5)", [cli, "sub", "-V", "mqttv5"]))
    rows = []
    for name, base in subscribers:
        runs = []
        for _ in range(a.runs):
            server, port = start_loadserver(a.build, ["--messages", str(a.messages),
                                                      "--topics", str(a.topics),
                                                      "--payload", str(a.payload)])
            cmd = base + ["-h", "127.0.0.1", "-p", str(port), "-t", "#", "-v",
                          "-C", str(a.messages)]
            runs.append(run_measured(cmd, a.timeout))
            server.kill()
            server.wait()
        m = median_of(runs)
        row = {"name": name, "messages": a.messages, "runs": len([r for r in runs if r])}
        if m:
            row.update(m)
            row["msg_per_s"] = a.messages / m["wall_s"]
        rows.append(row)
    peer = next((r for r in rows if r["name"].startswith("mosquitto_sub") and "msg_per_s" in r), None)
    for r in rows:
        if peer and "msg_per_s" in r:
            r["ratio_to_mosquitto_sub"] = r["msg_per_s"] / peer["msg_per_s"]
    return rows


def bench_executable_json(a, relpath, args):
    """Runs a benchmark executable that prints one JSON object per line as its result rows."""
    exe = os.path.join(a.build, relpath)
    if not os.path.exists(exe):
        print(f"  ! {relpath} not built", file=sys.stderr)
        return []
    out = subprocess.run([exe] + args, capture_output=True, text=True, timeout=a.timeout * 4,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if out.returncode != 0:
        print(f"  ! {relpath} failed: {out.stderr.strip()}", file=sys.stderr)
    rows = []
    for line in out.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            rows.append(json.loads(line))
    return rows


def bench_codec(a):
    """Runs the QBENCHMARK executable and reads its CSV output (-csv)."""
    exe = os.path.join(a.build, "bench", "codec", "bench_codec")
    if not os.path.exists(exe):
        print("  ! bench/codec/bench_codec not built", file=sys.stderr)
        return []
    out = subprocess.run([exe, "-csv"], capture_output=True, text=True, timeout=a.timeout)
    rows = []
    for line in out.stdout.splitlines():
        # "function","tag","metric",value,iterations,total
        parts = [p.strip('"') for p in line.split(",")]
        if len(parts) >= 4 and parts[0] != "function":
            try:
                value = float(parts[3])
            except ValueError:
                continue
            per = value * (1000.0 if parts[2] == "WalltimeMilliseconds" else 1.0)
            unit = "us" if parts[2] == "WalltimeMilliseconds" else parts[2]
            if parts[0] == "frameAndDecodeStream":
                per /= 1000.0  # 1000 packets per iteration
            rows.append({"benchmark": parts[0], "version": parts[1], f"{unit}_per_packet": per})
    return rows


def print_table(title, rows):
    if not rows:
        return
    print(f"\n{title}")
    keys = []
    for r in rows:
        for k in r:
            if k not in keys:
                keys.append(k)
    def fmt(v):
        if isinstance(v, float):
            return f"{v:,.3f}" if v < 100 else f"{v:,.0f}"
        return str(v)
    cells = [[fmt(r.get(k, "")) for k in keys] for r in rows]
    widths = [max(len(k), *(len(c[i]) for c in cells)) for i, k in enumerate(keys)]
    print("  ".join(k.ljust(w) for k, w in zip(keys, widths)))
    for c in cells:
        print("  ".join(v.ljust(w) for v, w in zip(c, widths)))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default=os.path.join(HERE, "..", "build"))
    p.add_argument("--messages", type=int, default=1_000_000)
    p.add_argument("--topics", type=int, default=10_000)
    p.add_argument("--payload", type=int, default=47)
    p.add_argument("--scale-topics", type=int, default=1_000_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("--only", action="append", choices=["ingest", "store", "codec"])
    p.add_argument("--results-dir", default=os.path.join(HERE, "results"))
    a = p.parse_args()
    a.build = os.path.abspath(a.build)
    sections = a.only or ["ingest", "store", "codec"]

    result = {"time": datetime.datetime.now().isoformat(timespec="seconds"),
              "machine": machine(), "parameters": {"messages": a.messages, "topics": a.topics,
                                                   "payload": a.payload, "runs": a.runs}}
    print(f"mqttscope benchmarks on {result['machine']['cpu']} ({result['machine']['cores']} cores)")
    if "ingest" in sections:
        result["ingest"] = bench_ingest(a)
        print_table(f"Ingest: {a.messages:,} messages over {a.topics:,} topics, "
                    f"{a.payload}-byte payloads, median of {a.runs}", result["ingest"])
    if "store" in sections:
        result["store"] = bench_executable_json(
            a, "bench/ingest_store/ingest_store",
            ["--messages", str(a.messages), "--topics", str(a.topics),
             "--scale-topics", str(a.scale_topics), "--json"])
        print_table("Explorer data layer (headless)", result["store"])
    if "codec" in sections:
        result["codec"] = bench_codec(a)
        print_table("Codec (per call)", result["codec"])

    os.makedirs(a.results_dir, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    for name in (f"{stamp}.json", "latest.json"):
        with open(os.path.join(a.results_dir, name), "w") as f:
            json.dump(result, f, indent=2)
    failed = any("msg_per_s" not in r for r in result.get("ingest", []))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

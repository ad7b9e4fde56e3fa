#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""mqttscope benchmarks: runs each measurement side by side with its peer in the same run,
prints a table and writes bench/results/<time>.json (and latest.json).

Sections (--only picks some):
  ingest  N messages over T topics from the load server, received by mosquitto_sub -v (the peer)
          and by mqttscope-cli sub -v, output to /dev/null: msg/s, CPU s, peak RSS, ratio;
          and by the bare MqttClient with the packet inspector closed and open (bench/inspector);
          at QoS 0 and at QoS 1 (acknowledged, at most the client's receive maximum in flight).
  store   the explorer's data layer (topic tree + history + statistics) headless, and the
          one-million-topic scale run, via bench/ingest_store.
  codec   QBENCHMARK micro-benchmarks of PUBLISH decode/encode in both versions.
  decode  payload decoding to JSON per format (QBENCHMARK, bench/decode): Sparkplug B DDATA of
          20 metrics and the Sparkplug tracker, Protobuf of 10 fields, MessagePack of the same
          data, beside QJsonDocument reading and writing the same data as JSON.
  ui      the real main window (offscreen) under a steady stream from the load server:
          event-loop probe lateness p50/p99/max, messages lost, keepalive timing, CPU, peak RSS;
          collapsed, expanded, and recording everything (the Record button's path): messages
          missing from the file, file bytes per message.
  ceiling the window's ceiling: short steady floods over --ui-topics from --ceiling-start msg/s up
          (x1, 2, 4, 6, 10, 14, 20, 28, 40 up to --ceiling-max, then bisection), each passed when
          nothing is lost, the load server keeps 98% of the rate and the GUI probe's p99 is
          <= 16 ms; the highest pass, and each step's GUI, connection and load-server CPU (% of a
          core).
  bigpayload  1 MiB JSON payloads at 100 msg/s on one topic for --big-seconds, that topic
          selected (payload view, history): GUI probe p50/p99/max, CPU, RSS peak and end against
          the history's byte budget; also with the diff tab shown.
  scale   a million distinct retained topics through the real path into the window's tree:
          time, RSS, bytes per topic, then substring and wildcard filter times.
  idle    CPU and wakeups (voluntary, per thread) of the open window while connected and
          nothing arrives, with an empty tree and with topics in it, and of the start page.
  coldstart  the real `mqttscope` started as a separate process with --coldstart-profiles saved
          connections (folders, keychain references, recent connections) in a fresh HOME, exec to
          its window's first painted frame (median and max of --coldstart-starts after a warm-up
          start) and its CPU time by then; the same with no profiles and `mqttscope --version`
          beside it; on the offscreen platform, and on X11 under xvfb-run when it is installed.
  recording  the recorder at its maximum rate: mqttscope-cli sub --record FILE beside
          mosquitto_sub -v > file on the same load from the load server, and RecordingWriter
          headless, and at the window flood's rate and topics; then a --recording-messages recording (10 M by default, made once and kept at
          recording_file(), see below): open + summary, stateAt at the middle, rate(600), RSS;
          and searched (bench_search: topic filter + substring, JSON field) beside the sqlite3 shell.
  replay  the highest rate held into mosquitto (its default limits, a fresh broker per run):
          mqttscope-cli replay --as-fast of a --replay-messages recording on one topic beside
          mosquitto_pub -l publishing the same payloads, at QoS 0 and 1, timed until a
          mosquitto_sub has them all; then timing on the recorded schedule: --replay-timing-messages over
          --replay-timing-seconds at irregular gaps, replayed at 1x, each message's send time
          against its due time and its arrival at a subscriber against its recorded offset
          (p50/p99/max, ms).

Every section is run --runs times; the tables show the median of each figure. A last table
checks the targets of issue 4 against what this run measured.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SECTIONS = ["ingest", "store", "codec", "decode", "ui", "ceiling", "bigpayload", "scale", "idle", "coldstart",
            "recording", "replay"]


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


def source_revision():
    """The commit measured, with "+changes" when the working tree differs from it."""
    try:
        commit = subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", HERE, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return commit + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def load_average():
    """The machine's load when the run started: figures from a shared machine need it."""
    try:
        return list(os.getloadavg())
    except OSError:
        return None


def start_loadserver(build, args):
    exe = os.path.join(build, "bench", "loadserver", "mqttscope-loadserver")
    server = subprocess.Popen([exe] + args, stdout=subprocess.PIPE, text=True)
    port = int(server.stdout.readline().strip())
    return server, port


def peak_rss_mib(pid, seen):
    """The process's VmHWM so far. Read from /proc while it runs: wait4's ru_maxrss would also
    count this driver's own memory, which a child inherits in its accounting up to exec."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return max(seen, int(line.split()[1]) / 1024.0)
    except OSError:
        pass
    return seen


def run_measured(cmd, timeout, stdout_path=os.devnull):
    """Runs cmd with stdout to stdout_path (/dev/null); returns wall s, CPU s, peak RSS MiB."""
    start = time.monotonic()
    with open(stdout_path, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
    deadline = start + timeout
    peak = 0.0
    while True:
        peak = peak_rss_mib(proc.pid, peak)
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
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mib": peak}


def median_of(runs):
    runs = [r for r in runs if r]
    if not runs:
        return None
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def row_key(row):
    return (row.get("name"), row.get("pattern"))


def median_rows(runs):
    """Rows of several runs of one benchmark -> one row per name (and pattern) with the median
    of every number; the first run's other values; `runs` = how many runs gave the row."""
    grouped = {}
    for rows in runs:
        for row in rows:
            grouped.setdefault(row_key(row), []).append(row)
    merged = []
    for same in grouped.values():
        row = dict(same[0])
        for k, v in same[0].items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                values = [r[k] for r in same if isinstance(r.get(k), (int, float))]
                row[k] = statistics.median(values)
        if len(runs) > 1:
            row["runs"] = len(same)
        merged.append(row)
    return merged


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
    # The client as a connection tab runs it, packet inspector closed and open (issue 11).
    trace = os.path.join(a.build, "bench", "inspector", "trace_ingest")
    subscribers.append(("MqttClient, inspector closed (MQTT 5)", [trace, "--trace", "off"]))
    subscribers.append(("MqttClient, inspector open (MQTT 5)", [trace, "--trace", "on"]))
    rows = []
    for qos in a.ingest_qos:
        peer = None
        for name, base in subscribers:
            runs = []
            for _ in range(a.runs):
                server, port = start_loadserver(a.build, ["--messages", str(a.messages),
                                                          "--topics", str(a.topics),
                                                          "--payload", str(a.payload),
                                                          "--qos", str(qos)])
                cmd = base + ["-h", "127.0.0.1", "-p", str(port), "-t", "#", "-q", str(qos), "-v",
                              "-C", str(a.messages)]
                runs.append(run_measured(cmd, a.timeout))
                server.kill()
                server.wait()
            m = median_of(runs)
            row = {"name": name + (f", QoS {qos}" if qos else ""), "messages": a.messages,
                   "runs": len([r for r in runs if r])}
            if m:
                row.update(m)
                row["msg_per_s"] = a.messages / m["wall_s"]
                if name.startswith("mosquitto_sub"):
                    peer = row
                if peer:
                    row["ratio_to_mosquitto_sub"] = row["msg_per_s"] / peer["msg_per_s"]
            rows.append(row)
    return rows


def recording_file(a):
    """Where the big recording of the recording section is kept, made once by
    `bench_recording generate` (which keeps a file that holds such a recording already): the
    search benchmarks read the same file."""
    return os.path.join(a.build, "bench", "recording", f"recording-{a.recording_messages}.mqttrec")


def ensure_recording(a):
    """Makes recording_file(a) unless it is there; returns the generator's row."""
    return bench_executable_json(a, "bench/recording/bench_recording",
                                 ["generate", "--messages", str(a.recording_messages),
                                  "--topics", str(a.recording_topics), "--file", recording_file(a)])


def bench_recording(a):
    """The recorder beside mosquitto_sub writing the same load to a file, then reading back."""
    folder = os.path.join(a.build, "bench", "recording")
    os.makedirs(folder, exist_ok=True)
    cli = os.path.join(a.build, "app", "cli", "mqttscope-cli")
    live = os.path.join(folder, "live.mqttrec")
    text = os.path.join(folder, "mosquitto_sub.txt")
    subscribers = []
    mosquitto_sub = shutil.which("mosquitto_sub")
    if mosquitto_sub:
        subscribers.append(("mosquitto_sub -v > file", [mosquitto_sub, "-V", "mqttv311", "-v"], text))
    subscribers.append(("mqttscope-cli sub --record FILE", [cli, "sub", "-V", "mqttv311", "--record", live],
                        live))
    rows = []
    peer = None
    for name, base, output in subscribers:
        runs, sizes = [], []
        for _ in range(a.runs):
            for stale in (live, live + "-wal", live + "-shm", text):
                if os.path.exists(stale):
                    os.remove(stale)
            server, port = start_loadserver(a.build, ["--messages", str(a.messages), "--topics",
                                                      str(a.topics), "--payload", str(a.payload)])
            cmd = base + ["-h", "127.0.0.1", "-p", str(port), "-t", "#", "-C", str(a.messages)]
            runs.append(run_measured(cmd, a.timeout, text if output == text else os.devnull))
            server.kill()
            server.wait()
            sizes.append(os.path.getsize(output) if os.path.exists(output) else 0)
        m = median_of(runs)
        row = {"name": name, "messages": a.messages, "runs": len([r for r in runs if r])}
        if m:
            row.update(m)
            row["msg_per_s"] = a.messages / m["wall_s"]
            size = statistics.median(sizes)
            row["file_mb_per_s"] = size / m["wall_s"] / 1e6
            row["file_bytes_per_message"] = size / a.messages
            peer = peer or row
            row["ratio_to_mosquitto_sub"] = row["msg_per_s"] / peer["msg_per_s"]
        rows.append(row)
    rows += bench_repeated(a, "bench/recording/bench_recording",
                           ["write", "--messages", str(a.messages), "--topics", str(a.topics),
                            "--payload", str(a.payload), "--file", os.path.join(folder, "headless.mqttrec")])
    # The window flood's load (--ui-rate over --ui-topics for --ui-seconds), the writer alone:
    # whether it keeps up and what its CPU costs.
    rows += bench_executable_json(a, "bench/recording/bench_recording",
                                  ["write", "--messages", str(int(a.ui_rate * a.ui_seconds)), "--topics",
                                   str(a.ui_topics), "--payload", str(a.payload), "--rate", str(a.ui_rate),
                                   "--file", os.path.join(folder, "paced.mqttrec")])
    rows += ensure_recording(a)
    rows += bench_repeated(a, "bench/recording/bench_recording", ["open", "--file", recording_file(a)])
    # Searching the same file: a topic filter + substring, and a JSON field predicate; beside
    # them the sqlite3 shell answering the same questions with SQL alone (json_extract, LIKE).
    rows += bench_repeated(a, "bench/search/bench_search", ["--file", recording_file(a)])
    rows += bench_sqlite_peer(a)
    return rows


def bench_sqlite_peer(a):
    """The search benchmarks' questions put to the sqlite3 shell on the same file."""
    sqlite3 = shutil.which("sqlite3")
    if not sqlite3:
        print("  ! sqlite3 not installed: no peer for the search rows", file=sys.stderr)
        return []
    queries = [
        ("sqlite3: topic site/7/% + instr \"error\"",
         "SELECT count(*) FROM messages m JOIN topics t ON t.id = m.topic_id "
         "WHERE t.name LIKE 'site/7/%' AND instr(m.payload, 'error') > 0"),
        ("sqlite3: json_extract battery < 20",
         "SELECT count(*) FROM messages WHERE json_valid(payload) "
         "AND json_extract(payload, '$.battery') < 20"),
    ]
    rows = []
    for name, sql in queries:
        m = median_of([run_measured([sqlite3, "-readonly", recording_file(a), sql], a.timeout)
                       for _ in range(a.runs)])
        row = {"name": name}
        if m:
            row.update(m)
            row["ms"] = m["wall_s"] * 1000
        rows.append(row)
    return rows


def start_mosquitto(folder):
    """A fresh mosquitto on a free loopback port with its default delivery limits (TCP_NODELAY
    on, as the tests run it); returns (process, port), or (None, 0) when it is not installed."""
    exe = shutil.which("mosquitto") or ("/usr/sbin/mosquitto" if os.path.exists("/usr/sbin/mosquitto") else None)
    if not exe:
        print("  ! mosquitto not installed", file=sys.stderr)
        return None, 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    conf = os.path.join(folder, "mosquitto.conf")
    with open(conf, "w") as f:
        f.write(f"listener {port} 127.0.0.1\nallow_anonymous true\nset_tcp_nodelay true\n")
    proc = subprocess.Popen([exe, "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    proc.wait()
    return None, 0


def publish_until_delivered(cmd, lines, port, messages, timeout):
    """Runs the publisher `cmd` (fed `lines` on stdin and kept open, when given) until a
    mosquitto_sub on the same broker has all `messages`: mosquitto_pub -l quits at the end of its
    input with what it has not sent yet still queued (2.0.11 delivered 3,403 of 200,000 at QoS 1),
    so the time a subscriber takes to see them all is the one figure both publishers are held to.
    Returns wall s (publisher start to the last message at the subscriber) and the publisher's
    CPU s, or None."""
    sub = subprocess.Popen([shutil.which("mosquitto_sub"), "-V", "mqttv311", "-h", "127.0.0.1", "-p",
                            str(port), "-t", "bench/replay", "-q", "0", "-C", str(messages)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)  # subscribed
    start = time.monotonic()
    pub = subprocess.Popen(cmd, stdin=subprocess.PIPE if lines else subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if lines:
        def feed():
            with open(lines, "rb") as f:
                try:
                    pub.stdin.write(f.read())
                    pub.stdin.flush()
                except BrokenPipeError:
                    pass
        threading.Thread(target=feed, daemon=True).start()
    try:
        sub.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        sub.kill()
        sub.wait()
        pub.kill()
        print(f"  ! {cmd[0]}: not every message arrived within {timeout} s", file=sys.stderr)
        return None
    wall = time.monotonic() - start
    if lines:
        pub.stdin.close()
    _, status, usage = os.wait4(pub.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"  ! {cmd[0]} exited {os.waitstatus_to_exitcode(status)}: {pub.stderr.read().decode().strip()}",
              file=sys.stderr)
        return None
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime}


def bench_replay(a):
    """Replay as fast as mosquitto takes it beside mosquitto_pub -l, then timing at 1x."""
    folder = os.path.join(a.build, "bench", "replay")
    os.makedirs(folder, exist_ok=True)
    recording = os.path.join(folder, "throughput.mqttrec")
    lines = os.path.join(folder, "throughput.txt")
    for stale in (recording, recording + "-wal", recording + "-shm"):
        if os.path.exists(stale):
            os.remove(stale)
    bench_executable_json(a, "bench/replay/bench_replay",
                          ["generate", "--messages", str(a.replay_messages), "--payload",
                           str(a.payload), "--file", recording, "--lines", lines])
    if not shutil.which("mosquitto_pub") or not shutil.which("mosquitto_sub"):
        print("  ! mosquitto_pub/mosquitto_sub not installed", file=sys.stderr)
        return []
    cli = os.path.join(a.build, "app", "cli", "mqttscope-cli")
    publishers = [("mosquitto_pub -l", [shutil.which("mosquitto_pub"), "-V", "mqttv311", "-t", "bench/replay", "-l"],
                   lines),
                  ("mqttscope-cli replay --as-fast", [cli, "replay", "-V", "mqttv311", "--as-fast", recording],
                   None)]
    rows = []
    for qos in (0, 1):
        peer = None
        for name, base, stdin in publishers:
            runs = []
            for _ in range(a.runs):
                broker, port = start_mosquitto(folder)
                if not broker:
                    return rows
                cmd = base + ["-q", str(qos), "-h", "127.0.0.1", "-p", str(port)]
                runs.append(publish_until_delivered(cmd, stdin, port, a.replay_messages, a.timeout))
                broker.terminate()
                broker.wait()
            m = median_of(runs)
            row = {"name": name, "qos": qos, "messages": a.replay_messages,
                   "runs": len([r for r in runs if r])}
            if m:
                row.update(m)
                row["msg_per_s"] = a.replay_messages / m["wall_s"]
                peer = peer or row
                row["ratio_to_mosquitto_pub"] = row["msg_per_s"] / peer["msg_per_s"]
            rows.append(row)
    broker, port = start_mosquitto(folder)
    if broker:
        rows += bench_repeated(a, "bench/replay/bench_replay",
                               ["timing", "--port", str(port), "--messages", str(a.replay_timing_messages),
                                "--seconds", str(a.replay_timing_seconds)])
        broker.terminate()
        broker.wait()
    return rows


def bench_executable_json(a, relpath, args, wrapper=()):
    """Runs a benchmark executable that prints one JSON object per line as its result rows;
    `wrapper` is a command it runs under (xvfb-run)."""
    exe = os.path.join(a.build, relpath)
    if not os.path.exists(exe):
        print(f"  ! {relpath} not built", file=sys.stderr)
        return []
    out = subprocess.run(list(wrapper) + [exe] + args, capture_output=True, text=True, timeout=a.timeout * 4,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if out.returncode != 0:
        print(f"  ! {relpath} failed: {out.stderr.strip()}", file=sys.stderr)
    rows = []
    for line in out.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            rows.append(json.loads(line))
    return rows


def bench_repeated(a, relpath, args, wrapper=()):
    return median_rows([bench_executable_json(a, relpath, args, wrapper) for _ in range(a.runs)])


def version_arg(a):
    return ["--version", "5" if a.mqtt5 else "311"]


def bench_ui(a):
    rows = []
    # The tree as it opens (collapsed), and expanded so that every topic is a row of the view,
    # as a user watching the busy tree would have it; and recording all of it to a file.
    for expand in ([], ["--expand", "1"], ["--record"]):
        rows += bench_repeated(a, "bench/uiflood/uiflood",
                               ["--mode", "flood", "--rate", str(a.ui_rate), "--seconds", str(a.ui_seconds),
                                "--topics", str(a.ui_topics), "--payload", str(a.payload),
                                "--keepalive", str(a.keepalive), "--json"] + expand + version_arg(a))
    # Sparkplug B DDATA (20 metrics) over 10,000 devices: the connection's Sparkplug state feed
    # reads every one on the connection's thread (issue 12).
    rows += bench_repeated(a, "bench/uiflood/uiflood",
                           ["--mode", "flood", "--sparkplug", "--rate", str(a.ui_rate), "--seconds",
                            str(a.ui_seconds), "--topics", "10000", "--keepalive", str(a.keepalive),
                            "--json"] + version_arg(a))
    # The tree model and its proxy alone (no window, no network), as bench/ingest_store's
    # model_flush measures them: what one flush costs, with nothing and with every row mapped.
    for depth in (0, 4):
        runs = bench_repeated(a, "bench/ingest_store/model_flush",
                              ["--rate", str(int(a.ui_rate)), "--topics", str(a.ui_topics),
                               "--seconds", str(min(10, max(1, int(a.ui_seconds)))),
                               "--expand", str(depth), "--json"])
        for r in runs:
            r["name"] = f"model flush, {'all rows mapped' if depth else 'none expanded'}"
        rows += runs
    return rows


def bench_ceiling(a):
    """The window's ceiling search (one search per run; the ceiling row is the median)."""
    return bench_repeated(a, "bench/uiflood/uiflood",
                          ["--mode", "ceiling", "--rate", str(a.ceiling_start), "--seconds",
                           str(a.ceiling_seconds), "--topics", str(a.ui_topics), "--max-rate",
                           str(a.ceiling_max), "--max-steps", str(a.ceiling_steps), "--keepalive",
                           str(a.keepalive), "--json"] + version_arg(a))


def bench_bigpayload(a):
    rows = []
    for diff in ([], ["--diff"]):
        rows += bench_repeated(a, "bench/uiflood/uiflood",
                               ["--mode", "bigpayload", "--payload", str(a.big_payload), "--rate",
                                str(a.big_rate), "--seconds", str(a.big_seconds), "--json"]
                               + diff + version_arg(a))
    return rows


def bench_scale(a):
    return bench_repeated(a, "bench/uiflood/uiflood",
                          ["--mode", "scale", "--topics", str(a.scale_topics),
                           "--payload", str(a.scale_payload), "--json"] + version_arg(a))


def bench_idle(a):
    rows = bench_repeated(a, "bench/uiflood/uiflood",
                          ["--mode", "idle", "--start-page", "--seconds", str(a.idle_seconds), "--json"])
    for topics in (0, a.idle_topics):
        rows += bench_repeated(a, "bench/uiflood/uiflood",
                               ["--mode", "idle", "--seconds", str(a.idle_seconds),
                                "--topics", str(topics), "--json"] + version_arg(a))
    return rows


def bench_coldstart(a):
    """Exec to the first painted window, offscreen (what CI has) and on an X server (xvfb)."""
    args = ["--profiles", str(a.coldstart_profiles), "--starts", str(a.coldstart_starts), "--json"]
    rows = bench_repeated(a, "bench/coldstart/coldstart", args + ["--platform", "offscreen"])
    xvfb = shutil.which("xvfb-run")
    if xvfb:
        rows += bench_repeated(a, "bench/coldstart/coldstart", args + ["--platform", "xcb"],
                               [xvfb, "-a", "-s", "-screen 0 1280x800x24"])
    else:
        print("  ! xvfb-run not installed: cold start measured offscreen only", file=sys.stderr)
    return rows


def find(rows, name):
    return next((r for r in rows or [] if r.get("name") == name), None)


def check_targets(result):
    """Issue 4's targets against this run: (target, measured, met) where met is yes/no/-."""
    checks = []

    def check(target, row, key, ok, unit="", scale_row=None):
        if row is None or not isinstance(row.get(key), (int, float)):
            checks.append({"target": target, "measured": "not run", "met": "-"})
            return
        topics = (scale_row or {}).get("topics", 1_000_000)
        if topics < 1_000_000:  # the memory and filter targets are about a million topics
            checks.append({"target": target, "measured": f"only {topics:,.0f} topics", "met": "-"})
            return
        value = row[key]
        shown = f"{value:,.2f}{unit}" if abs(value) < 100 else f"{value:,.0f}{unit}"
        checks.append({"target": target, "measured": shown, "met": "yes" if ok(value) else "NO"})

    ingest, store = result.get("ingest"), result.get("store")
    ui, scale, idle = result.get("ui"), result.get("scale"), result.get("idle")
    check("mqttscope-cli sub >= 5x mosquitto_sub", find(ingest, "mqttscope-cli sub -v"),
          "ratio_to_mosquitto_sub", lambda v: v >= 5, "x")
    check("data layer >= 500,000 msg/s", find(store, "data layer ingest"), "msg_per_s",
          lambda v: v >= 500_000, " msg/s")
    floods = [r for r in ui or [] if r.get("name", "").startswith("ui flood")] or [None]
    for flood in floods:
        what = flood["name"] if flood else "ui flood"
        check(f"{what}: GUI p99 lateness <= 16 ms", flood, "probe_p99_ms", lambda v: v <= 16, " ms")
        check(f"{what}: GUI max lateness <= 100 ms", flood, "probe_max_ms", lambda v: v <= 100, " ms")
        check(f"{what}: zero messages lost", flood, "dropped", lambda v: v == 0)
        if flood and "missing_in_file" in flood:
            check(f"{what}: zero messages missing from the file", flood, "missing_in_file",
                  lambda v: v == 0)
        # The client pings after keepalive seconds of its own silence; a broker waits 1.5x that.
        # "Never late" allows for timer granularity: silent at most keepalive + 10%.
        check(f"{what}: keepalive never late (<= 10% over)", flood, "keepalive_late_ms",
              lambda v, f=flood: v <= 0.1 * f.get("keepalive_s", 0) * 1000, " ms")
    # Issue 14: the window's ceiling, and big payloads on the selected topic.
    check("window ceiling >= 500,000 msg/s (zero loss, p99 <= 16 ms)",
          find(result.get("ceiling"), "ui ceiling"), "ceiling_msg_per_s", lambda v: v >= 500_000, " msg/s")
    for row in result.get("bigpayload") or []:
        if "probe_p99_ms" not in row:
            continue
        check(f"{row['name']}: GUI p99 <= 16 ms", row, "probe_p99_ms", lambda v: v <= 16, " ms")
        check(f"{row['name']}: RSS peak within the history budget", row, "rss_peak_over_budget_mib",
              lambda v: v <= 64, " MiB over")
        check(f"{row['name']}: zero messages lost", row, "dropped", lambda v: v == 0)
    window_scale = find(scale, "scale: distinct topics in the window")
    store_scale = find(store, "scale: distinct topics")
    check("1M topics (window) <= 600 MB RSS", window_scale, "rss_mib", lambda v: v <= 600, " MiB",
          window_scale)
    check("1M topics (window) peak <= 600 MB RSS", find(scale, "filter cleared"), "peak_rss_mib",
          lambda v: v <= 600, " MiB", window_scale)
    check("1M topics (data layer) <= 600 MB RSS", store_scale, "rss_mib", lambda v: v <= 600, " MiB",
          store_scale)
    # Once the burst is over (tree caught up, highlights ended, freed memory given back): what
    # the window holds for the topics; the read at the last topic's arrival still counts the
    # burst's queue.
    check("1M topics (window, settled) <= 250 bytes per topic", window_scale,
          "settled_bytes_per_topic", lambda v: v <= 250, " B", window_scale)
    check("1M topics (window, at the last arrival) <= 250 bytes per topic", window_scale,
          "bytes_per_topic", lambda v: v <= 250, " B", window_scale)
    # Issue 14: the window stays responsive while the million topics arrive.
    check("1M topics burst (window): GUI p99 lateness <= 8 ms", window_scale, "probe_p99_ms",
          lambda v: v <= 8, " ms", window_scale)
    check("1M topics burst (window): GUI max lateness <= 16 ms", window_scale, "probe_max_ms",
          lambda v: v <= 16, " ms", window_scale)
    for name in ("filter substring", "filter substring (common)", "filter wildcard", "filter wildcard #"):
        check(f"window {name} <= 200 ms", find(scale, name), "ms", lambda v: v <= 200, " ms",
              window_scale)
    # Issue 14: the data layer's filter over the million topics (wall time, the passes split
    # over the cores).
    for name, limit in (("filter substring", 20), ("filter substring (common)", 20),
                        ("filter regex", 50), ("filter payload", 50)):
        check(f"data layer {name} <= {limit} ms", find(store, name), "ms",
              lambda v, limit=limit: v <= limit, " ms", store_scale)
    # Issue 14: an idle window sleeps. Voluntary switches only: involuntary ones are the other
    # processes' doing on a loaded machine.
    for row in idle or []:
        check(f"{row['name']}: CPU <= 0.1% of a core", row, "cpu_pct_of_core", lambda v: v <= 0.1, "%")
        check(f"{row['name']}: <= 5 wakeups/s", row, "wakeups_per_s", lambda v: v <= 5, "/s")
    # Issue 14: cold start to the first painted window with 1,000 saved profiles.
    for row in result.get("coldstart") or []:
        if not row.get("name", "").startswith("cold start") or not row.get("profiles"):
            continue
        if row["profiles"] < 1000:
            checks.append({"target": f"{row['name']}: <= 300 ms",
                           "measured": f"only {row['profiles']:,.0f} profiles", "met": "-"})
            continue
        check(f"{row['name']}: median <= 300 ms", row, "median_ms", lambda v: v <= 300, " ms")
    # Issue 11: replay on the recorded schedule.
    check("replay 1x: p99 send deviation <= 5 ms", find(result.get("replay"), "replay on schedule: sent vs due"),
          "p99_ms", lambda v: v <= 5, " ms")
    return checks


def qbenchmark_rows(a, relpath):
    """Runs a QBENCHMARK executable with -csv: (function, tag, microseconds per iteration) rows,
    or None when it is not built."""
    exe = os.path.join(a.build, relpath)
    if not os.path.exists(exe):
        print(f"  ! {relpath} not built", file=sys.stderr)
        return None
    out = subprocess.run([exe, "-csv"], capture_output=True, text=True, timeout=a.timeout)
    rows = []
    for line in out.stdout.splitlines():
        # "function","tag","metric",value,iterations,total
        parts = [p.strip('"') for p in line.split(",")]
        if len(parts) >= 4 and parts[0] != "function" and parts[2] == "WalltimeMilliseconds":
            try:
                rows.append((parts[0], parts[1], float(parts[3]) * 1000.0))
            except ValueError:
                continue
    return rows


def bench_codec(a):
    """PUBLISH decode/encode per packet (bench/codec)."""
    rows = []
    for function, tag, us in qbenchmark_rows(a, "bench/codec/bench_codec") or []:
        if function == "frameAndDecodeStream":
            us /= 1000.0  # 1000 packets per iteration
        rows.append({"benchmark": function, "version": tag, "us_per_packet": us})
    return rows


def bench_decode(a):
    """Payload decoding to JSON text per format (bench/decode), with JSON's own read and write of
    the same data as the peer: x_json is how many times JSON's time a format takes."""
    measured = qbenchmark_rows(a, "bench/decode/bench_decode") or []
    json_us = next((us for f, _, us in measured if f == "decodeJson10Fields"), None)
    rows = []
    for function, _, us in measured:
        row = {"benchmark": function, "us_per_msg": us, "msg_per_s": 1e6 / us if us else 0}
        if json_us:
            row["x_json"] = us / json_us
        rows.append(row)
    return rows


def bench_store(a):
    return bench_repeated(a, "bench/ingest_store/ingest_store",
                          ["--messages", str(a.messages), "--topics", str(a.topics),
                           "--scale-topics", str(a.scale_topics), "--json"])


def section_runs(a):
    """Each section in the order they run: its name (SECTIONS), what measures it and the title of
    its table."""
    return [
        ("ingest", bench_ingest,
         f"Ingest: {a.messages:,} messages over {a.topics:,} topics, QoS "
         f"{' and '.join(map(str, a.ingest_qos))}, {a.payload}-byte payloads, median of {a.runs}"),
        ("store", bench_store, f"Explorer data layer (headless), median of {a.runs}"),
        ("codec", bench_codec, "Codec (per call)"),
        ("decode", bench_decode, "Payload decoding to JSON, per message, one core"),
        ("ui", bench_ui,
         f"Window under flood: {a.ui_rate:,.0f} msg/s for {a.ui_seconds:g} s over "
         f"{a.ui_topics:,} topics, keepalive {a.keepalive} s, median of {a.runs}"),
        ("ceiling", bench_ceiling,
         f"Window ceiling: steady floods over {a.ui_topics:,} topics from {a.ceiling_start:,.0f} "
         f"msg/s, {a.ceiling_seconds:g} s each, median of {a.runs}"),
        ("bigpayload", bench_bigpayload,
         f"Big payloads: {a.big_payload:,} bytes at {a.big_rate:g} msg/s on the selected topic "
         f"for {a.big_seconds:g} s, median of {a.runs}"),
        ("scale", bench_scale,
         f"Window scale: {a.scale_topics:,} retained topics of {a.scale_payload} bytes, "
         f"median of {a.runs}"),
        ("idle", bench_idle, f"Idle window, connected, {a.idle_seconds:g} s, median of {a.runs}"),
        ("coldstart", bench_coldstart,
         f"Cold start to the first painted window, {a.coldstart_profiles:,} saved "
         f"profiles beside none, {a.coldstart_starts} starts, median of {a.runs}"),
        ("recording", bench_recording,
         f"Recording: {a.messages:,} messages over {a.topics:,} topics, {a.payload}-byte "
         f"payloads; then a {a.recording_messages:,}-message recording over "
         f"{a.recording_topics:,} topics reopened, median of {a.runs}"),
        ("replay", bench_replay,
         f"Replay into mosquitto: {a.replay_messages:,} messages of {a.payload} bytes as fast "
         f"as it takes them, beside mosquitto_pub -l; then {a.replay_timing_messages:,} "
         f"over {a.replay_timing_seconds:g} s at 1x, median of {a.runs}"),
    ]


def print_table(title, rows):
    """Prints rows as aligned columns; consecutive rows with different fields (a scale run and
    its filter timings) get a header line of their own."""
    if not rows:
        return
    print(f"\n{title}")

    def fmt(v):
        if isinstance(v, float):
            return f"{v:,.3f}" if abs(v) < 100 else f"{v:,.0f}"
        return str(v)

    groups = []
    for r in rows:
        if groups and list(groups[-1][0]) == list(r):
            groups[-1].append(r)
        else:
            groups.append([r])
    for group in groups:
        keys = sorted(group[0], key=lambda k: k not in ("name", "target", "pattern"))
        cells = [[fmt(r.get(k, "")) for k in keys] for r in group]
        widths = [max(len(k), *(len(c[i]) for c in cells)) for i, k in enumerate(keys)]
        print("  " + "  ".join(k.ljust(w) for k, w in zip(keys, widths)).rstrip())
        for c in cells:
            print("  " + "  ".join(v.ljust(w) for v, w in zip(c, widths)).rstrip())


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default=os.path.join(HERE, "..", "build"))
    p.add_argument("--messages", type=int, default=1_000_000)
    p.add_argument("--topics", type=int, default=10_000)
    p.add_argument("--payload", type=int, default=47)
    p.add_argument("--scale-topics", type=int, default=1_000_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("--ingest-qos", type=int, nargs="+", choices=[0, 1], default=[0, 1],
                   help="ingest at these QoS levels (1: the load server waits for the PUBACKs)")
    p.add_argument("--scale-payload", type=int, default=64,
                   help="bytes of the retained message on each topic of the scale run")
    p.add_argument("--ui-rate", type=float, default=50_000, help="flood: messages per second")
    p.add_argument("--ui-seconds", type=float, default=30, help="flood: length of the stream")
    p.add_argument("--ui-topics", type=int, default=100_000, help="flood: topics it spreads over")
    p.add_argument("--keepalive", type=int, default=2, help="flood: the client's keepalive, s")
    p.add_argument("--ceiling-start", type=float, default=50_000, help="ceiling: the first step's msg/s")
    p.add_argument("--ceiling-max", type=float, default=2_000_000, help="ceiling: the highest rate tried")
    p.add_argument("--ceiling-seconds", type=float, default=5, help="ceiling: each step's steady stream, s")
    p.add_argument("--ceiling-steps", type=int, default=12, help="ceiling: at most this many steps")
    p.add_argument("--big-payload", type=int, default=1024 * 1024, help="bigpayload: bytes per message")
    p.add_argument("--big-rate", type=float, default=100, help="bigpayload: messages per second")
    p.add_argument("--big-seconds", type=float, default=30, help="bigpayload: length of the stream")
    p.add_argument("--idle-seconds", type=float, default=10)
    p.add_argument("--idle-topics", type=int, default=100_000,
                   help="idle is measured with an empty tree and with this many topics")
    p.add_argument("--coldstart-profiles", type=int, default=1000,
                   help="coldstart: saved connections in the configuration started with")
    p.add_argument("--coldstart-starts", type=int, default=10, help="coldstart: starts measured")
    p.add_argument("--mqtt5", action=argparse.BooleanOptionalAction, default=True,
                   help="the window's benchmarks speak MQTT 5 (--no-mqtt5: 3.1.1)")
    p.add_argument("--recording-messages", type=int, default=10_000_000,
                   help="recording: messages of the recording reopened (kept in the build folder)")
    p.add_argument("--recording-topics", type=int, default=100_000)
    p.add_argument("--replay-messages", type=int, default=200_000,
                   help="replay: messages replayed as fast as the broker takes them")
    p.add_argument("--replay-timing-messages", type=int, default=3000,
                   help="replay: messages of the recording replayed on its schedule")
    p.add_argument("--replay-timing-seconds", type=float, default=10,
                   help="replay: the time that recording spans")
    p.add_argument("--only", action="append", choices=SECTIONS)
    p.add_argument("--results-dir", default=os.path.join(HERE, "results"))
    a = p.parse_args()
    a.build = os.path.abspath(a.build)
    sections = a.only or SECTIONS

    result = {"time": datetime.datetime.now().isoformat(timespec="seconds"),
              "machine": machine(), "parameters": {"messages": a.messages, "topics": a.topics,
                                                   "payload": a.payload, "runs": a.runs,
                                                   "ui_rate": a.ui_rate, "ui_seconds": a.ui_seconds,
                                                   "ui_topics": a.ui_topics, "keepalive": a.keepalive,
                                                   "scale_topics": a.scale_topics,
                                                   "scale_payload": a.scale_payload,
                                                   "idle_seconds": a.idle_seconds,
                                                   "idle_topics": a.idle_topics,
                                                   "coldstart_profiles": a.coldstart_profiles,
                                                   "coldstart_starts": a.coldstart_starts,
                                                   "ceiling_start": a.ceiling_start,
                                                   "ceiling_seconds": a.ceiling_seconds,
                                                   "big_payload": a.big_payload, "big_rate": a.big_rate,
                                                   "big_seconds": a.big_seconds,
                                                   "mqtt5": a.mqtt5},
              "load": load_average(), "revision": source_revision()}
    print(f"mqttscope benchmarks on {result['machine']['cpu']} ({result['machine']['cores']} cores), "
          f"load average {', '.join(f'{x:.2f}' for x in result['load'] or [])}, "
          f"source {result['revision']}")
    for name, run, title in section_runs(a):
        if name in sections:
            result[name] = run(a)
            print_table(title, result[name])
    result["targets"] = check_targets(result)
    print_table("Targets (issue 4)", [t for t in result["targets"] if t["measured"] != "not run"])

    os.makedirs(a.results_dir, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    for name in (f"{stamp}.json", "latest.json"):
        with open(os.path.join(a.results_dir, name), "w") as f:
            json.dump(result, f, indent=2)
    # A benchmark that could not run fails the run; a missed target does not (CI judges no speed).
    failed = any("msg_per_s" not in r for r in result.get("ingest", []))
    failed = failed or any(r.get("name", "").startswith(("mosquitto_sub", "mqttscope-cli")) and "msg_per_s" not in r
                           for r in result.get("recording", []))
    failed = failed or any(r.get("name", "").startswith(("mosquitto_pub", "mqttscope-cli")) and "msg_per_s" not in r
                           for r in result.get("replay", []))
    window = ("store", "ui", "ceiling", "bigpayload", "scale", "idle", "coldstart")
    failed = failed or any("error" in r for k in window for r in result.get(k, []))
    failed = failed or any(not result.get(k) for k in window + ("recording", "replay") if k in sections)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

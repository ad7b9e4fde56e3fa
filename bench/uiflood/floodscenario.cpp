// SPDX-License-Identifier: GPL-3.0-or-later
// UI under flood: the window connected to a steady stream, the GUI thread probed all along.
#include "benchwindow.h"
#include "eventloopprobe.h"
#include "loadsource.h"
#include "processstats.h"
#include "scenarios.h"

#include "connectiontab.h"

#include <QElapsedTimer>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {

QList<QJsonObject> runFlood(const ScenarioOptions &options)
{
    const QString name = options.expandDepth < 0
        ? u"ui flood"_s
        : u"ui flood, tree expanded to depth %1"_s.arg(options.expandDepth);
    const qint64 messages = qMax<qint64>(1, qint64(options.rate * options.seconds));
    LoadSource source;
    QString error;
    if (!source.start(options.loadServer,
                      {u"--messages"_s, QString::number(messages), u"--topics"_s,
                       QString::number(options.topics), u"--payload"_s,
                       QString::number(options.payload), u"--rate"_s,
                       QString::number(options.rate)},
                      &error))
        return {errorRow(name, error)};

    BenchWindow bench;
    ConnectionTab *tab = bench.open({source.port(), options.version, quint16(options.keepAlive)});
    if (!tab)
        return {errorRow(name, u"could not connect to the load server"_s)};
    const Statistics &statistics = tab->explorerData().statistics();

    EventLoopProbe probe;
    const double cpuStart = ProcessStats::cpuSeconds();
    const double guiCpuStart = ProcessStats::threadCpuSeconds();
    const double connectionCpuStart = ProcessStats::namedThreadsCpuSeconds(u"connection"_s);
    QElapsedTimer clock;
    clock.start();
    probe.start();
    // The stream's length plus a minute to catch up: a client that falls behind shows as a
    // longer run (and the server's lower rate), never as a pass.
    const int timeoutMs = int(options.seconds * 1000) + 60000;
    if (options.expandDepth >= 0) {
        // As a user watching the busy tree would; the expanding itself is part of what is probed.
        BenchWindow::waitUntil(
            [&] {
                return tab->topicStore().topicCount() >= qMin<qint64>(options.topics, messages);
            },
            timeoutMs);
        tab->topicTree()->expandToDepth(options.expandDepth);
    }
    BenchWindow::waitUntil([&] { return statistics.total(Statistics::MessagesIn) >= messages; },
                           timeoutMs);
    probe.stop();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = ProcessStats::cpuSeconds() - cpuStart;
    const double guiCpu = ProcessStats::threadCpuSeconds() - guiCpuStart;
    const double connectionCpu =
        ProcessStats::namedThreadsCpuSeconds(u"connection"_s) - connectionCpuStart;
    const qint64 received = statistics.total(Statistics::MessagesIn);
    const qint64 topicsInTree = tab->topicStore().topicCount();

    tab->disconnectFromBroker();
    const QJsonObject server = source.waitForReport(10000);
    const double sent = server.value(u"sent"_s).toDouble(-1);
    const double sendSeconds = server.value(u"send_s"_s).toDouble();
    const double silenceMs = server.value(u"max_silence_ms"_s).toDouble(-1);
    const EventLoopProbe::Summary probed = probe.summary();
    return {QJsonObject{
        {u"name"_s, name},
        {u"msg_per_s"_s, options.rate},
        {u"topics"_s, options.topics},
        {u"seconds"_s, seconds},
        {u"server_msg_per_s"_s, sendSeconds > 0 ? sent / sendSeconds : 0.0},
        {u"probe_p50_ms"_s, probed.p50Ms},
        {u"probe_p99_ms"_s, probed.p99Ms},
        {u"probe_max_ms"_s, probed.maxMs},
        {u"probe_over_16ms"_s, probed.over16Ms},
        {u"probe_samples"_s, double(probed.samples)},
        {u"sent"_s, sent},
        {u"received"_s, double(received)},
        {u"dropped"_s, sent - double(received)},
        {u"topics_in_tree"_s, double(topicsInTree)},
        {u"keepalive_s"_s, options.keepAlive},
        {u"pings"_s, server.value(u"pings"_s).toInt()},
        {u"max_silence_ms"_s, silenceMs},
        {u"keepalive_late_ms"_s, qMax(0.0, silenceMs - options.keepAlive * 1000.0)},
        {u"cpu_s"_s, cpu},
        {u"gui_thread_cpu_s"_s, guiCpu},
        {u"connection_thread_cpu_s"_s, connectionCpu},
        {u"peak_rss_mib"_s, ProcessStats::peakRssMiB()},
    }};
}

} // namespace mqttscope::bench

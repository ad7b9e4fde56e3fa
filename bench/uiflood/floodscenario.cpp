// SPDX-License-Identifier: GPL-3.0-or-later
// UI under flood: the window connected to a steady stream, the GUI thread probed all along.
#include "benchwindow.h"
#include "eventloopprobe.h"
#include "loadsource.h"
#include "processstats.h"
#include "scenarios.h"

#include "connectionrecorder.h"
#include "connectiontab.h"
#include "recording/recordingreader.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {
namespace {

QString scenarioName(const ScenarioOptions &options)
{
    QString name = u"ui flood"_s;
    if (options.expandDepth >= 0)
        name += u", tree expanded to depth %1"_s.arg(options.expandDepth);
    if (options.record)
        name += u", recording"_s;
    if (options.prefix != u"bench"_s)
        name += u", under "_s + options.prefix;
    if (options.sparkplug)
        name += u", Sparkplug B DDATA"_s;
    return name;
}

// Stops the recording (what is pending is committed first) and reads back what the file holds.
QJsonObject recordingFigures(ConnectionTab *tab, const QString &path, double sent)
{
    const qint64 pending = tab->recorder()->status().messagesPending;
    QElapsedTimer stopping;
    stopping.start();
    tab->stopRecording();
    const double stopMs = double(stopping.nsecsElapsed()) / 1e6;
    QString error;
    const auto reader = RecordingReader::open(path, &error);
    const double inFile = reader ? double(reader->summary().messageCount) : -1;
    const double fileBytes = double(QFileInfo(path).size());
    return {
        {u"recorded"_s, inFile},
        {u"missing_in_file"_s, sent - inFile},
        {u"writer_pending_at_end"_s, double(pending)},
        {u"stop_ms"_s, stopMs},
        {u"file_mib"_s, fileBytes / (1024 * 1024)},
        {u"file_bytes_per_msg"_s, inFile > 0 ? fileBytes / inFile : 0.0},
    };
}

} // namespace

QList<QJsonObject> runFlood(const ScenarioOptions &options)
{
    const QString name = scenarioName(options);
    const qint64 messages = qMax<qint64>(1, qint64(options.rate * options.seconds));
    LoadSource source;
    QString error;
    QStringList arguments = {u"--messages"_s, QString::number(messages),
                             u"--topics"_s,   QString::number(options.topics),
                             u"--payload"_s,  QString::number(options.payload),
                             u"--rate"_s,     QString::number(options.rate),
                             u"--prefix"_s,   options.prefix};
    if (options.sparkplug)
        arguments.append(u"--sparkplug"_s);
    if (!source.start(options.loadServer, arguments, &error))
        return {errorRow(name, error)};

    QTemporaryDir recordings;
    const QString recordingPath =
        options.record ? recordings.filePath(u"flood.mqttrec"_s) : QString();
    BenchWindow bench;
    ConnectionTab *tab =
        bench.open({source.port(), options.version, quint16(options.keepAlive), recordingPath});
    if (!tab)
        return {errorRow(name, u"could not connect to the load server, or record"_s)};
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
    QJsonObject row{
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
    };
    if (options.record) {
        const QJsonObject recorded = recordingFigures(tab, recordingPath, sent);
        for (auto it = recorded.begin(); it != recorded.end(); ++it)
            row.insert(it.key(), it.value());
    }
    return {row};
}

} // namespace mqttscope::bench

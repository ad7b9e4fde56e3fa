// SPDX-License-Identifier: GPL-3.0-or-later
// UI under flood: the window connected to a steady stream, the GUI thread probed all along.
#include "benchwindow.h"
#include "eventloopprobe.h"
#include "loadsource.h"
#include "processstats.h"
#include "scenarios.h"
#include "threadcosts.h"

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

QStringList loadArguments(const ScenarioOptions &options, qint64 messages)
{
    QStringList arguments = {u"--messages"_s, QString::number(messages),
                             u"--topics"_s,   QString::number(options.topics),
                             u"--payload"_s,  QString::number(options.payload),
                             u"--rate"_s,     QString::number(options.rate),
                             u"--prefix"_s,   options.prefix};
    if (options.sparkplug)
        arguments.append(u"--sparkplug"_s);
    // Four laps' worth of different payloads is variety enough and keeps the encoded stream small.
    if (options.steady && !options.sparkplug)
        arguments << u"--distinct"_s << QString::number(qint64(options.topics) * 4);
    return arguments;
}

// The figures of a flood from the probe and the server's report.
QJsonObject floodRow(const ScenarioOptions &options, const EventLoopProbe::Summary &probed,
                     const QJsonObject &server)
{
    const double sent = server.value(u"sent"_s).toDouble(-1);
    const double sendSeconds = server.value(u"send_s"_s).toDouble();
    const double silenceMs = server.value(u"max_silence_ms"_s).toDouble(-1);
    return {
        {u"msg_per_s"_s, options.rate},
        {u"topics"_s, options.topics},
        {u"server_msg_per_s"_s, sendSeconds > 0 ? sent / sendSeconds : 0.0},
        {u"probe_p50_ms"_s, probed.p50Ms},
        {u"probe_p99_ms"_s, probed.p99Ms},
        {u"probe_max_ms"_s, probed.maxMs},
        {u"probe_over_16ms"_s, probed.over16Ms},
        {u"probe_samples"_s, double(probed.samples)},
        {u"sent"_s, sent},
        {u"keepalive_s"_s, options.keepAlive},
        {u"pings"_s, server.value(u"pings"_s).toInt()},
        {u"max_silence_ms"_s, silenceMs},
        {u"keepalive_late_ms"_s, qMax(0.0, silenceMs - options.keepAlive * 1000.0)},
        {u"peak_rss_mib"_s, ProcessStats::peakRssMiB()},
    };
}

} // namespace

QList<QJsonObject> runFlood(const ScenarioOptions &options)
{
    const QString name = scenarioName(options);
    // Steady: a first lap over the topics fills the tree before the measured stream.
    const qint64 warmUp = options.steady ? options.topics : 0;
    const qint64 messages = qMax<qint64>(1, qint64(options.rate * options.seconds)) + warmUp;
    QTemporaryDir recordings;
    const QString recordingPath =
        options.record ? recordings.filePath(u"flood.mqttrec"_s) : QString();
    LoadSource source;
    BenchWindow bench;
    QString error;
    ConnectionTab *tab =
        bench.openOn(source, options.loadServer, loadArguments(options, messages),
                     {0, options.version, quint16(options.keepAlive), recordingPath}, &error);
    if (!tab)
        return {errorRow(name, error)};
    const Statistics &statistics = tab->explorerData().statistics();
    // The stream's length plus a minute to catch up: a client that falls behind shows as a
    // longer run (and the server's lower rate), never as a pass.
    const int timeoutMs = int(options.seconds * 1000) + 60000;
    const auto allTopicsIn = [&] {
        return tab->topicStore().topicCount() >= qMin<qint64>(options.topics, messages);
    };
    if (options.steady)
        BenchWindow::waitUntil(allTopicsIn, timeoutMs);

    EventLoopProbe probe;
    ThreadCosts costs(source.processId());
    probe.start();
    if (options.expandDepth >= 0) {
        // As a user watching the busy tree would; the expanding itself is part of what is probed.
        BenchWindow::waitUntil(allTopicsIn, timeoutMs);
        tab->topicTree()->expandToDepth(options.expandDepth);
    }
    BenchWindow::waitUntil([&] { return statistics.total(Statistics::MessagesIn) >= messages; },
                           timeoutMs);
    probe.stop();
    QJsonObject measured = costs.figures();
    const qint64 received = statistics.total(Statistics::MessagesIn);
    const qint64 topicsInTree = tab->topicStore().topicCount();

    tab->disconnectFromBroker();
    QJsonObject row = floodRow(options, probe.summary(), source.waitForReport(10000));
    row.insert(u"name"_s, name);
    row.insert(u"received"_s, double(received));
    row.insert(u"dropped"_s, row.value(u"sent"_s).toDouble() - double(received));
    row.insert(u"topics_in_tree"_s, double(topicsInTree));
    for (auto it = measured.begin(); it != measured.end(); ++it)
        row.insert(it.key(), it.value());
    if (options.record) {
        const QJsonObject recorded =
            recordingFigures(tab, recordingPath, row.value(u"sent"_s).toDouble());
        for (auto it = recorded.begin(); it != recorded.end(); ++it)
            row.insert(it.key(), it.value());
    }
    return {row};
}

} // namespace mqttscope::bench

// SPDX-License-Identifier: GPL-3.0-or-later
// A big recording reopened in the window: opening it (to the state at its end), seeking the
// timeline, reading a topic's history from the file, and the GUI thread while it plays at 100×.
#include "benchwindow.h"
#include "eventloopprobe.h"
#include "processstats.h"
#include "scenarios.h"

#include "recording/recordingreader.h"
#include "recordingplayer.h"
#include "recordingtab.h"

#include <QElapsedTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {
namespace {

double millisecondsOf(const std::function<void()> &work)
{
    QElapsedTimer clock;
    clock.start();
    work();
    return double(clock.nsecsElapsed()) / 1e6;
}

// Seeks to each tenth of the span in a shuffled order (no two neighbours in a row, so the
// file's pages are not simply read in order); the median and the slowest.
QJsonObject seekTimes(RecordingTab *tab, qint64 firstUs, qint64 lastUs)
{
    QList<double> times;
    for (int tenth : {5, 1, 9, 3, 7, 2, 8, 4, 6, 0, 10}) {
        const qint64 moment = firstUs + (lastUs - firstUs) * tenth / 10;
        times.append(millisecondsOf([&] { tab->seek(moment); }));
    }
    std::sort(times.begin(), times.end());
    return {{u"seek_median_ms"_s, times[times.size() / 2]}, {u"seek_max_ms"_s, times.last()}};
}

} // namespace

QList<QJsonObject> runReopen(const ScenarioOptions &options)
{
    const QString name = u"recording reopened in the window"_s;
    BenchWindow bench;
    QString error;
    RecordingTab *tab = nullptr;
    const double openMs =
        millisecondsOf([&] { tab = bench.window().openRecording(options.recordingFile, &error); });
    if (!tab)
        return {errorRow(name, error)};
    BenchWindow::runFor(200); // shown and painted
    const RecordingReader::Summary summary = tab->reader().summary();
    QJsonObject row{
        {u"name"_s, name},
        {u"messages"_s, double(summary.messageCount)},
        {u"topics"_s, double(summary.topicCount)},
        {u"open_ms"_s, openMs},
    };
    const QJsonObject seeks = seekTimes(tab, summary.firstTimeUs, summary.lastTimeUs);
    for (auto it = seeks.begin(); it != seeks.end(); ++it)
        row.insert(it.key(), it.value());
    // A topic's history, read from the file when it is chosen.
    const QByteArray topic = tab->reader().topics().value(0).name;
    row.insert(u"topic_history_ms"_s, millisecondsOf([&] { tab->selectTopic(topic); }));

    tab->seek(summary.firstTimeUs + (summary.lastTimeUs - summary.firstTimeUs) / 2);
    tab->player()->setSpeed(100);
    EventLoopProbe probe;
    probe.start();
    tab->player()->play();
    BenchWindow::runFor(int(std::min(options.seconds, 10.0) * 1000));
    probe.stop();
    tab->pause();
    const EventLoopProbe::Summary probed = probe.summary();
    row.insert(u"play_100x_probe_p99_ms"_s, probed.p99Ms);
    row.insert(u"play_100x_probe_max_ms"_s, probed.maxMs);
    row.insert(u"peak_rss_mib"_s, ProcessStats::peakRssMiB());
    return {row};
}

} // namespace mqttscope::bench

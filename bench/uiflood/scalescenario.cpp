// SPDX-License-Identifier: GPL-3.0-or-later
// Scale: a million distinct retained topics through the real path into the window's tree, what
// they cost in memory, and how long the tree takes to filter them.
#include "benchwindow.h"
#include "eventloopprobe.h"
#include "loadsource.h"
#include "processstats.h"
#include "scenarios.h"

#include "connectioncontroller.h"
#include "connectiontab.h"
#include "connectionworker.h"
#include "models/topictreemodel.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {
namespace {

// The filter modes' rows in the tab's mode box.
enum FilterModeRow { SubstringRow = 0, WildcardRow = 1, RegexRow = 2 };

// Lets the view finish what the filter change queued (delayed item layout, then the repaint).
void settle()
{
    for (int round = 0; round < 2; ++round) {
        QEventLoop loop;
        QTimer::singleShot(0, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

// Applies a filter the way a user does when the text is typed and the mode is then picked:
// the tab filters at once on a mode change (typing alone waits for a pause first). Times the
// synchronous part (match over the store, proxy invalidation, expanding the matches) and the
// time until the view has laid out and painted.
QJsonObject timeFilter(ConnectionTab *tab, const QString &name, int modeRow, const QString &pattern)
{
    QComboBox *mode = tab->filterModeBox();
    {
        const QSignalBlocker blocker(mode);
        mode->setCurrentIndex(modeRow == RegexRow ? SubstringRow : RegexRow);
    }
    {
        const QSignalBlocker blocker(tab->filterEdit());
        tab->filterEdit()->setText(pattern);
    }
    const double cpuStart = ProcessStats::threadCpuSeconds();
    QElapsedTimer clock;
    clock.start();
    mode->setCurrentIndex(modeRow);
    const double applyMs = double(clock.nsecsElapsed()) / 1e6;
    settle();
    const double settledMs = double(clock.nsecsElapsed()) / 1e6;
    const double cpuMs = (ProcessStats::threadCpuSeconds() - cpuStart) * 1e3;
    return QJsonObject{
        {u"name"_s, name},        {u"pattern"_s, pattern},
        {u"apply_ms"_s, applyMs}, {u"ms"_s, settledMs},
        {u"cpu_ms"_s, cpuMs},     {u"matches"_s, double(tab->topicModel()->filterMatchCount())},
    };
}

bool connectionTicking(ConnectionTab *tab)
{
    ConnectionWorker *worker = tab->findChild<ConnectionController *>()->worker();
    bool ticking = true;
    QMetaObject::invokeMethod( // its timers belong to its thread: asked there
        worker, [worker, &ticking] { ticking = worker->isTicking(); },
        Qt::BlockingQueuedConnection);
    return ticking;
}

// What the window holds once the burst is over: the tree caught up, its highlights ended, the
// connection's wait before giving the burst's freed memory back done; no timer armed. The
// figures read the moment the last topic arrived still count the burst's queue and highlights.
void addSettledMemory(QJsonObject &row, ConnectionTab *tab, double rssBefore, double heapBefore,
                      int topics)
{
    QElapsedTimer clock;
    clock.start();
    const bool settled = BenchWindow::waitUntil(
        [tab] { return !tab->topicModel()->isTicking() && !connectionTicking(tab); }, 30000, 50);
    const double perTopic = 1024.0 * 1024.0 / qMax(1, topics);
    row.insert(u"settled"_s, settled);
    row.insert(u"settle_s"_s, double(clock.nsecsElapsed()) / 1e9);
    row.insert(u"settled_rss_mib"_s, ProcessStats::rssMiB());
    row.insert(u"settled_bytes_per_topic"_s, (ProcessStats::rssMiB() - rssBefore) * perTopic);
    row.insert(u"settled_heap_bytes_per_topic"_s,
               (ProcessStats::heapInUseMiB() - heapBefore) * perTopic);
}

} // namespace

QList<QJsonObject> runScale(const ScenarioOptions &options)
{
    const QString name = u"scale: distinct topics in the window"_s;
    LoadSource source;
    BenchWindow bench;
    const double rssBefore = ProcessStats::rssMiB();
    const double heapBefore = ProcessStats::heapInUseMiB();
    QString error;
    ConnectionTab *tab =
        bench.openOn(source, options.loadServer,
                     {u"--messages"_s, QString::number(options.topics), u"--topics"_s,
                      QString::number(options.topics), u"--payload"_s,
                      QString::number(options.payload), u"--retain"_s},
                     {0, options.version, 60, {}}, &error);
    if (!tab)
        return {errorRow(name, error)};
    const Statistics &statistics = tab->explorerData().statistics();

    EventLoopProbe probe;
    const double cpuStart = ProcessStats::cpuSeconds();
    const double guiCpuStart = ProcessStats::threadCpuSeconds();
    const double connectionCpuStart = ProcessStats::namedThreadsCpuSeconds(u"connection"_s);
    QElapsedTimer clock;
    clock.start();
    probe.start();
    const bool complete = BenchWindow::waitUntil(
        [&] { return tab->topicStore().topicCount() >= options.topics; }, 600000);
    probe.stop();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = ProcessStats::cpuSeconds() - cpuStart;
    const double guiCpu = ProcessStats::threadCpuSeconds() - guiCpuStart;
    const double connectionCpu =
        ProcessStats::namedThreadsCpuSeconds(u"connection"_s) - connectionCpuStart;
    settle();
    const double rss = ProcessStats::rssMiB();
    const double heap = ProcessStats::heapInUseMiB();
    const EventLoopProbe::Summary probed = probe.summary();

    QList<QJsonObject> rows{QJsonObject{
        {u"name"_s, name},
        {u"topics"_s, double(tab->topicStore().topicCount())},
        {u"complete"_s, complete},
        {u"received"_s, double(statistics.total(Statistics::MessagesIn))},
        {u"payload"_s, options.payload},
        {u"ingest_s"_s, seconds},
        {u"msg_per_s"_s, double(options.topics) / seconds},
        {u"cpu_s"_s, cpu},
        {u"gui_thread_cpu_s"_s, guiCpu},
        {u"connection_thread_cpu_s"_s, connectionCpu},
        {u"rss_mib"_s, rss},
        {u"bytes_per_topic"_s, (rss - rssBefore) * 1024.0 * 1024.0 / qMax(1, options.topics)},
        // What is held (mallinfo2), without the freed memory the burst left in RSS.
        {u"heap_bytes_per_topic"_s,
         (heap - heapBefore) * 1024.0 * 1024.0 / qMax(1, options.topics)},
        {u"probe_p99_ms"_s, probed.p99Ms},
        {u"probe_max_ms"_s, probed.maxMs},
    }};
    addSettledMemory(rows.first(), tab, rssBefore, heapBefore, options.topics);
    // The load server names topic i "bench/dev<i/100>/sensor<i%100>".
    rows.append(timeFilter(tab, u"filter substring"_s, SubstringRow, u"dev4242/"_s));
    rows.append(timeFilter(tab, u"filter substring (common)"_s, SubstringRow, u"sensor42"_s));
    rows.append(timeFilter(tab, u"filter wildcard"_s, WildcardRow, u"bench/+/sensor42"_s));
    rows.append(timeFilter(tab, u"filter wildcard #"_s, WildcardRow, u"bench/dev4242/#"_s));
    rows.append(timeFilter(tab, u"filter cleared"_s, SubstringRow, QString()));
    rows.last().insert(u"peak_rss_mib"_s, ProcessStats::peakRssMiB());
    tab->disconnectFromBroker();
    return rows;
}

} // namespace mqttscope::bench

// SPDX-License-Identifier: GPL-3.0-or-later
// Idle: what the open window costs while connected and nothing arrives.
#include "benchwindow.h"
#include "loadsource.h"
#include "processstats.h"
#include "scenarios.h"

#include "connectiontab.h"

#include <QElapsedTimer>

#include <unistd.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {
namespace {

using Threads = QHash<qint64, ProcessStats::ThreadSwitches>;

// Voluntary switches of each thread name between two samples (a pool's threads share a name; a
// thread started in between counts from zero).
QHash<QString, qint64> wakeupsByName(const Threads &before, const Threads &after)
{
    QHash<QString, qint64> byName;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        byName[it->name] += it->switches.voluntary - before.value(it.key()).switches.voluntary;
    return byName;
}

// "uiflood 1.00/s, connection 0.10/s": the names that woke most, at most five.
QString busiestThreads(const QHash<QString, qint64> &byName, double seconds)
{
    QList<std::pair<QString, qint64>> names(byName.keyValueBegin(), byName.keyValueEnd());
    std::sort(names.begin(), names.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QStringList shown;
    for (const auto &[name, wakeups] : std::as_const(names)) {
        if (wakeups > 0 && shown.size() < 5)
            shown.append(u"%1 %2/s"_s.arg(name).arg(double(wakeups) / seconds, 0, 'f', 2));
    }
    return shown.isEmpty() ? u"none"_s : shown.join(u", "_s);
}

// The wakeup figures of a run: voluntary switches are this process's own doing (a timer, a
// socket, a wait on another thread); involuntary ones count how often other processes took the
// core, so they are reported apart.
void addWakeupFigures(const ProcessStats::ContextSwitches &start, const Threads &threadsStart,
                      double seconds, QJsonObject *row)
{
    const ProcessStats::ContextSwitches end = ProcessStats::contextSwitches();
    const Threads threadsEnd = ProcessStats::threadSwitches();
    const QHash<QString, qint64> byName = wakeupsByName(threadsStart, threadsEnd);
    const qint64 gui = getpid(); // the main thread's id is the process's
    qint64 connection = 0;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it)
        connection += it.key().startsWith(u"connection"_s) ? it.value() : 0;
    const qint64 guiWakeups =
        threadsEnd.value(gui).switches.voluntary - threadsStart.value(gui).switches.voluntary;
    row->insert(u"wakeups_per_s"_s, double(end.voluntary - start.voluntary) / seconds);
    row->insert(u"involuntary_per_s"_s, double(end.involuntary - start.involuntary) / seconds);
    row->insert(u"gui_thread_wakeups_per_s"_s, double(guiWakeups) / seconds);
    row->insert(u"connection_thread_wakeups_per_s"_s, double(connection) / seconds);
    row->insert(u"wakeups_by_thread"_s, busiestThreads(byName, seconds));
}

// The window left alone for `seconds`: its CPU and wakeups, and the tab's connection's.
QJsonObject measureIdle(const QString &name, double seconds, const ConnectionTab *tab)
{
    const double cpuStart = ProcessStats::cpuSeconds();
    const double guiCpuStart = ProcessStats::threadCpuSeconds();
    const double connectionCpuStart = ProcessStats::namedThreadsCpuSeconds(u"connection"_s);
    const ProcessStats::ContextSwitches switchesStart = ProcessStats::contextSwitches();
    const Threads threadsStart = ProcessStats::threadSwitches();
    QElapsedTimer clock;
    clock.start();
    BenchWindow::runFor(int(seconds * 1000));
    const double elapsed = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = ProcessStats::cpuSeconds() - cpuStart;
    QJsonObject row{
        {u"name"_s, name},
        {u"seconds"_s, elapsed},
        {u"cpu_s"_s, cpu},
        {u"cpu_pct_of_core"_s, 100.0 * cpu / elapsed},
        {u"gui_thread_cpu_s"_s, ProcessStats::threadCpuSeconds() - guiCpuStart},
        {u"connection_thread_cpu_s"_s,
         ProcessStats::namedThreadsCpuSeconds(u"connection"_s) - connectionCpuStart},
        {u"rss_mib"_s, ProcessStats::rssMiB()},
    };
    addWakeupFigures(switchesStart, threadsStart, elapsed, &row);
    if (tab)
        row.insert(u"connected"_s, tab->state() == ClientState::Connected);
    return row;
}

} // namespace

QList<QJsonObject> runIdle(const ScenarioOptions &options)
{
    if (options.startPage) {
        BenchWindow bench;
        BenchWindow::runFor(1000); // shown and painted
        return {measureIdle(u"idle, start page (no connection)"_s, options.seconds, nullptr)};
    }
    const QString name = options.topics > 0 ? u"idle, %1 topics in the tree"_s.arg(options.topics)
                                            : u"idle, empty tree"_s;
    LoadSource source;
    BenchWindow bench;
    QString error;
    // One message per topic first, so the tree is as a user left it after a burst.
    ConnectionTab *tab = bench.openOn(source, options.loadServer,
                                      {u"--messages"_s, QString::number(options.topics),
                                       u"--topics"_s, QString::number(qMax(1, options.topics)),
                                       u"--payload"_s, QString::number(options.payload)},
                                      {0, options.version, 60, {}}, &error);
    if (!tab)
        return {errorRow(name, error)};
    if (!BenchWindow::waitUntil([&] { return tab->topicStore().topicCount() >= options.topics; },
                                120000))
        return {errorRow(name, u"the topics did not all arrive"_s)};
    // Past the change highlights (1.5 s) and the rates' window (5 s), so only the idle state is
    // measured.
    BenchWindow::runFor(7000);
    const QJsonObject row = measureIdle(name, options.seconds, tab);
    tab->disconnectFromBroker();
    return {row};
}

} // namespace mqttscope::bench

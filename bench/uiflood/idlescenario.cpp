// SPDX-License-Identifier: GPL-3.0-or-later
// Idle: what the open window costs while connected and nothing arrives.
#include "benchwindow.h"
#include "loadsource.h"
#include "processstats.h"
#include "scenarios.h"

#include "connectiontab.h"

#include <QElapsedTimer>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {

QList<QJsonObject> runIdle(const ScenarioOptions &options)
{
    const QString name = options.topics > 0 ? u"idle, %1 topics in the tree"_s.arg(options.topics)
                                            : u"idle, empty tree"_s;
    LoadSource source;
    QString error;
    // One message per topic first, so the tree is as a user left it after a burst.
    if (!source.start(options.loadServer,
                      {u"--messages"_s, QString::number(options.topics), u"--topics"_s,
                       QString::number(qMax(1, options.topics)), u"--payload"_s,
                       QString::number(options.payload)},
                      &error))
        return {errorRow(name, error)};

    BenchWindow bench;
    ConnectionTab *tab = bench.open({source.port(), options.version, 60, {}});
    if (!tab)
        return {errorRow(name, u"could not connect to the load server"_s)};
    if (!BenchWindow::waitUntil([&] { return tab->topicStore().topicCount() >= options.topics; },
                                120000))
        return {errorRow(name, u"the topics did not all arrive"_s)};
    // Past the change highlights (1.5 s) and a status tick, so only the idle state is measured.
    BenchWindow::runFor(2500);

    const double cpuStart = ProcessStats::cpuSeconds();
    const double guiCpuStart = ProcessStats::threadCpuSeconds();
    const double connectionCpuStart = ProcessStats::namedThreadsCpuSeconds(u"connection"_s);
    const qint64 switchesStart = ProcessStats::contextSwitches();
    QElapsedTimer clock;
    clock.start();
    BenchWindow::runFor(int(options.seconds * 1000));
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = ProcessStats::cpuSeconds() - cpuStart;
    const double guiCpu = ProcessStats::threadCpuSeconds() - guiCpuStart;
    const double connectionCpu =
        ProcessStats::namedThreadsCpuSeconds(u"connection"_s) - connectionCpuStart;
    const qint64 switches = ProcessStats::contextSwitches() - switchesStart;
    const bool connected = tab->state() == ClientState::Connected;
    tab->disconnectFromBroker();
    return {QJsonObject{
        {u"name"_s, name},
        {u"seconds"_s, seconds},
        {u"connected"_s, connected},
        {u"cpu_s"_s, cpu},
        {u"cpu_pct_of_core"_s, 100.0 * cpu / seconds},
        {u"gui_thread_cpu_s"_s, guiCpu},
        {u"connection_thread_cpu_s"_s, connectionCpu},
        {u"wakeups_per_s"_s, double(switches) / seconds},
        {u"rss_mib"_s, ProcessStats::rssMiB()},
    }};
}

} // namespace mqttscope::bench

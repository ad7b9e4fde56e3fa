// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadcosts.h"

#include "processstats.h"

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {

ThreadCosts::ThreadCosts(qint64 loadServerPid)
    : m_serverPid(loadServerPid)
    , m_process(ProcessStats::cpuSeconds())
    , m_gui(ProcessStats::threadCpuSeconds())
    , m_connection(ProcessStats::namedThreadsCpuSeconds(u"connection"_s))
    , m_server(ProcessStats::processCpuSeconds(loadServerPid))
{
    m_clock.start();
}

QJsonObject ThreadCosts::figures() const
{
    const double seconds = double(m_clock.nsecsElapsed()) / 1e9;
    const double gui = ProcessStats::threadCpuSeconds() - m_gui;
    const double connection = ProcessStats::namedThreadsCpuSeconds(u"connection"_s) - m_connection;
    const double server = ProcessStats::processCpuSeconds(m_serverPid) - m_server;
    const auto percent = [seconds](double cpu) { return seconds > 0 ? 100 * cpu / seconds : 0.0; };
    return {
        {u"seconds"_s, seconds},
        {u"cpu_s"_s, ProcessStats::cpuSeconds() - m_process},
        {u"gui_thread_cpu_s"_s, gui},
        {u"connection_thread_cpu_s"_s, connection},
        {u"server_cpu_s"_s, server},
        {u"gui_thread_pct"_s, percent(gui)},
        {u"connection_thread_pct"_s, percent(connection)},
        {u"server_pct"_s, percent(server)},
    };
}

} // namespace mqttscope::bench

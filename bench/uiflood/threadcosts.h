// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>

namespace mqttscope::bench {

// Where the CPU of a window benchmark goes, from construction to figures(): the whole process,
// the GUI thread (the constructing one), the connections' threads, and the load server (another
// process), in seconds and in percent of one core, so that a limit shows as the thread at 100%.
class ThreadCosts
{
public:
    explicit ThreadCosts(qint64 loadServerPid);

    // seconds, cpu_s, gui_thread_cpu_s, connection_thread_cpu_s, server_cpu_s, and *_pct of them.
    QJsonObject figures() const;

private:
    QElapsedTimer m_clock;
    qint64 m_serverPid;
    double m_process;
    double m_gui;
    double m_connection;
    double m_server;
};

} // namespace mqttscope::bench

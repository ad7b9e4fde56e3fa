// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace mqttscope::bench {

// The load server (bench/loadserver) as a child process serving one client: started with its
// command-line arguments, it tells its port, and after the client left, its report (how many
// PUBLISHes it wrote, the client's longest silence, its pings; see ServeReport).
class LoadSource
{
public:
    LoadSource() = default;
    ~LoadSource();
    LoadSource(const LoadSource &) = delete;
    LoadSource &operator=(const LoadSource &) = delete;

    // Starts `program` and waits until it listens (it encodes all messages first); false with
    // *error when it could not.
    bool start(const QString &program, const QStringList &arguments, QString *error);
    quint16 port() const { return m_port; }
    qint64 processId() const { return m_process.processId(); }

    // Waits for the server's line about its client (written when the client has left).
    QJsonObject waitForReport(int timeoutMs);

private:
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace mqttscope::bench

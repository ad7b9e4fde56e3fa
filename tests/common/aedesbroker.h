// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testbroker.h"

#include <QHash>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace mqttscope::test {

// A real aedes (the Node.js broker, MQTT 3.1/3.1.1 only) on free loopback ports, run by `node`
// from tests/brokers/aedes (installed there by scripts/install-deps.sh) with its default options:
// sessions, retained messages and wills live in memory while the process does. Stopped
// (SIGTERM, then SIGKILL) by the destructor or stop().
//
//   AedesBroker broker;
//   using L = AedesBroker::Listener;
//   QVERIFY2(broker.start({L::Tcp, L::Ws}), qPrintable(broker.errorString()));
//   Endpoint e = broker.endpoint(L::Ws); // ws://127.0.0.1:port/mqtt (any path is accepted)
class AedesBroker : public TestBroker
{
public:
    enum class Listener {
        Tcp, // mqtt://127.0.0.1:port
        Ws, // ws://127.0.0.1:port/mqtt
    };

    AedesBroker();
    ~AedesBroker() override;
    AedesBroker(const AedesBroker &) = delete;
    AedesBroker &operator=(const AedesBroker &) = delete;

    // Starts aedes with these listeners (none = Tcp only); the script binds port 0 and reports
    // the ports it got, so no other process can take them in between. Waits at most 10 s. False
    // on failure with errorString() (e.g. "aedes not installed: run scripts/install-deps.sh").
    bool start(const QList<Listener> &listeners = {Listener::Tcp});
    // Starts again on the same ports (a new process: sessions and retained messages are gone).
    bool restart();
    // SIGKILL, no goodbye to the clients.
    void kill();
    quint16 port(Listener listener) const; // 0 when that listener was not asked for
    Endpoint endpoint(Listener listener) const;
    QString url(Listener listener) const;
    QString logFile() const;

    // The folder with broker.js and node_modules, and the node executable (empty if missing).
    static QString packageFolder();
    static QString nodeProgram();

    // TestBroker
    QString name() const override { return QStringLiteral("aedes"); }
    QString version() const override { return m_version; }
    bool startListening(const QList<TransportKind> &transports) override;
    void stop() override;
    bool isRunning() const override;
    QString errorString() const override { return m_error; }
    Endpoint endpoint(TransportKind transport) const override;
    QString url(TransportKind transport) const override;
    QByteArray log() const override;
    int subackCount(const QString &clientId) const override;
    bool speaksMqtt5() const override { return false; }
    bool forwardsQos2OnPublish() const override { return true; }
    bool sendsLargeWebSocketMessagesSlowly() const override { return false; }

private:
    bool startOnce(const QHash<Listener, quint16> &requestedPorts);
    bool waitUntilReady();
    bool checkInstalled();

    QTemporaryDir m_dir;
    QList<Listener> m_listeners;
    QHash<Listener, quint16> m_ports;
    std::unique_ptr<QProcess> m_process;
    QString m_version;
    QString m_error;
};

} // namespace mqttscope::test

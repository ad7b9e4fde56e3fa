// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testbroker.h"
#include "testcertificates.h"
#include "transport/endpoint.h"

#include <QHash>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <utility>

namespace mqttscope::test {

// A real Debian `mosquitto` on free loopback ports, with the listeners a test asks for; stopped
// (SIGTERM, then SIGKILL) by the destructor or stop().
//
//   MosquittoBroker broker;
//   using L = MosquittoBroker::Listener;
//   MQTTSCOPE_START_BROKER(broker, {L::Tcp, L::Tls, L::Ws});      // QFAILs with the cause
//   Endpoint e = broker.endpoint(MosquittoBroker::Listener::Tls); // CA file already set
//   quint16 p = broker.port(MosquittoBroker::Listener::Tcp);
//
// Every listener allows anonymous clients except PasswordTcp, which takes only the setUsers().
// The broker runs with `persistence false` (a restart forgets sessions), TCP_NODELAY, and logs
// everything to logFile(); its delivery limits are mosquitto's defaults, as users run it (20
// QoS 1/2 messages in flight per client, 1,000 more queued). A test that holds a subscriber
// offline or slow for more than that asks for largeQueue().
class MosquittoBroker : public TestBroker
{
public:
    enum class Listener {
        Tcp, // mqtt://127.0.0.1:port
        Tls, // mqtts://, server cert for 127.0.0.1/localhost/::1 signed by certificates().caFile()
        TlsClientCert, // mqtts:// with `require_certificate true` (clients signed by the same CA)
        Ws, // ws://127.0.0.1:port/mqtt (any path is accepted)
        Wss, // wss://, same certificate as Tls
        PasswordTcp, // mqtt:// with `allow_anonymous false` and a password file made from users
    };

    MosquittoBroker();
    ~MosquittoBroker() override;
    MosquittoBroker(const MosquittoBroker &) = delete;
    MosquittoBroker &operator=(const MosquittoBroker &) = delete;

    // Starts mosquitto with these listeners (none = Tcp only) and waits (at most 10 s) until each
    // accepts connections. `extraConfig` are global mosquitto.conf lines, e.g. "max_keepalive 10",
    // "message_size_limit 1000", "retain_available false". Makes the certificates first when a TLS
    // listener is asked for. Retries once with new ports. False on failure with errorString()
    // (e.g. "mosquitto not installed: run scripts/install-deps.sh").
    bool start(const QList<Listener> &listeners = {Listener::Tcp},
               const QStringList &extraConfig = {});
    // Users of the PasswordTcp listener; set before start(). Default: alice / secret.
    void setUsers(const QList<std::pair<QString, QString>> &users) { m_users = users; }
    // Restarts on the same ports with the same options (e.g. after a test killed it) and the
    // users setUsers() gave last.
    bool restart();
    // SIGTERM, then SIGKILL after 5 s. Idempotent.
    void stop() override;
    // SIGKILL, no goodbye to the clients (for abnormal-disconnect tests).
    void kill();
    bool isRunning() const override;

    QString errorString() const override { return m_error; }
    quint16 port(Listener listener) const; // 0 when that listener was not asked for
    // "-h 127.0.0.1 -p PORT", the TCP listener for mqttscope-cli and mosquitto_sub/_pub.
    QStringList tcpArguments() const;
    // A ready endpoint for a listener: host 127.0.0.1, its port, the test CA as caFile for TLS.
    Endpoint endpoint(Listener listener) const;
    // "mqtt://127.0.0.1:1234", "mqtts://...", "ws://127.0.0.1:1234/mqtt", "wss://.../mqtt".
    QString url(Listener listener) const;
    const TestCertificates &certificates() const { return m_certificates; }
    QString logFile() const;
    QByteArray log() const override; // the log so far
    // Waits (at most 10 s, running the event loop) until the broker has acknowledged `count`
    // SUBACKs to `clientId`, as its log says.
    bool waitForSubscribed(const QString &clientId, int count = 1) const;
    QString mosquittoVersion() const; // e.g. "2.0.11"

    // extraConfig for a queue per client that a test's traffic cannot overflow: beyond its queue
    // mosquitto drops QoS 1/2 messages for a client, which is not what such a test is about.
    static QStringList largeQueue();

    // The mosquitto executable (PATH, then /usr/sbin), empty when not installed.
    static QString mosquittoProgram();

    // TestBroker: Tcp, Tls, WebSocket, SecureWebSocket are the Tcp, Tls, Ws, Wss listeners.
    QString name() const override { return QStringLiteral("mosquitto"); }
    QString version() const override { return mosquittoVersion(); }
    bool startListening(const QList<TransportKind> &transports) override;
    Endpoint endpoint(TransportKind transport) const override;
    QString url(TransportKind transport) const override;
    int subackCount(const QString &clientId) const override;
    bool speaksMqtt5() const override { return true; }
    bool forwardsQos2OnPublish() const override { return false; }
    bool sendsLargeWebSocketMessagesSlowly() const override { return true; }

private:
    bool startOnce();
    bool writeConfig();
    bool writePasswordFile();
    bool waitUntilListening();
    bool choosePorts();

    QTemporaryDir m_dir;
    TestCertificates m_certificates;
    QList<Listener> m_listeners;
    QStringList m_extraConfig;
    QList<std::pair<QString, QString>> m_users{{QStringLiteral("alice"), QStringLiteral("secret")}};
    QHash<Listener, quint16> m_ports;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};

} // namespace mqttscope::test

// Starts `broker` with start()'s arguments, or fails the current test with the cause
// (a missing mosquitto is a setup failure, never a skip). For initTestCase()/init()/a test.
#define MQTTSCOPE_START_BROKER(broker, ...)                                                        \
    do {                                                                                           \
        if (!(broker).start(__VA_ARGS__))                                                          \
            QFAIL(qPrintable((broker).errorString()));                                             \
    } while (false)

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientoptions.h"
#include "protocol/packets.h"
#include "protocol/protocolversion.h"
#include "tlspeerprobe.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace mqttscope {

class MqttClient;

// What one test connection found.
struct ConnectionTestResult
{
    enum class Outcome { Accepted, Refused, Failed, TimedOut };
    Outcome outcome = Outcome::Failed;
    QString address; // "host:port"
    int timeoutMs = 0;
    ProtocolVersion version = ProtocolVersion::V5; // the one spoken (after an automatic fallback)
    ConnackPacket connack; // Accepted and Refused: the broker's answer and limits
    QString reason; // Refused and Failed: the whole reason, as the client words it
    std::optional<TlsPeer> tls; // tls and wss only
};

// Connects once with given options, without saving anything: a temporary client of its own
// (no reconnects) that disconnects as soon as the CONNACK is in, plus for tls/wss a handshake
// that looks at the broker's certificate. Everything is bounded by one deadline.
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override;

    enum class State { Idle, Testing };
    State state() const { return m_state; }

    // Starts a test (ending one still running without a report); finished() follows once.
    void start(ClientOptions options);
    void cancel();
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

signals:
    void finished(const mqttscope::ConnectionTestResult &result);

private:
    void startClient(const ClientOptions &options);
    void startProbe(const Endpoint &endpoint);
    void clientEnded(const QString &reason);
    void deadlinePassed();
    void dropClient();
    void finishWhenComplete();

    State m_state = State::Idle;
    int m_timeoutMs = 10000;
    QTimer m_deadline;
    MqttClient *m_client = nullptr; // while its part of the test runs
    TlsPeerProbe *m_probe = nullptr; // likewise
    std::optional<ConnectionTestResult::Outcome> m_outcome;
    ConnectionTestResult m_result;
};

} // namespace mqttscope

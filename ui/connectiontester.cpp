// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontester.h"

#include "client/mqttclient.h"
#include "client/reasondescription.h"
#include "transport/transporterrors.h"

#include <utility>

namespace mqttscope {

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ConnectionTester::deadlinePassed);
}

ConnectionTester::~ConnectionTester()
{
    cancel();
}

void ConnectionTester::start(ClientOptions options)
{
    cancel();
    m_state = State::Testing;
    m_result = {};
    m_result.address = transporterrors::hostAndPort(options.endpoint);
    m_result.timeoutMs = m_timeoutMs;
    m_outcome.reset();
    // A test answers once: no retries, and each step ends well before the whole test does.
    options.reconnect.enabled = false;
    options.connackTimeoutMs = qMin(options.connackTimeoutMs, m_timeoutMs);
    options.endpoint.connectTimeoutMs = qMin(options.endpoint.connectTimeoutMs, m_timeoutMs);
    m_deadline.start(m_timeoutMs);
    const TransportKind kind = options.endpoint.kind;
    if (kind == TransportKind::Tls || kind == TransportKind::SecureWebSocket)
        startProbe(options.endpoint);
    startClient(options);
}

void ConnectionTester::startClient(const ClientOptions &options)
{
    m_client = new MqttClient(this);
    m_client->setOptions(options);
    connect(m_client, &MqttClient::connected, this, [this](const ConnackPacket &connack) {
        m_outcome = ConnectionTestResult::Outcome::Accepted;
        m_result.connack = connack;
        m_result.version = m_client->protocolVersion();
        m_client->disconnectFromBroker(); // finishes with disconnected()
    });
    connect(m_client, &MqttClient::connectionRefused, this, [this](const ConnackPacket &connack) {
        m_outcome = ConnectionTestResult::Outcome::Refused;
        m_result.connack = connack;
        m_result.version = m_client->protocolVersion();
        m_result.reason = describeConnack(connack, m_result.version);
    });
    connect(m_client, &MqttClient::disconnected, this, &ConnectionTester::clientEnded);
    m_client->connectToBroker();
}

void ConnectionTester::startProbe(const Endpoint &endpoint)
{
    m_probe = new TlsPeerProbe(this);
    connect(m_probe, &TlsPeerProbe::finished, this, [this](const TlsPeer &peer) {
        m_result.tls = peer;
        std::exchange(m_probe, nullptr)->deleteLater();
        finishWhenComplete();
    });
    m_probe->start(endpoint);
}

void ConnectionTester::clientEnded(const QString &reason)
{
    if (!m_outcome) {
        m_outcome = ConnectionTestResult::Outcome::Failed;
        m_result.reason = reason;
    }
    dropClient();
    finishWhenComplete();
}

void ConnectionTester::deadlinePassed()
{
    if (m_client) {
        m_outcome = m_outcome.value_or(ConnectionTestResult::Outcome::TimedOut);
        m_client->disconnect(this);
        m_client->abortConnection();
        dropClient();
    }
    if (m_probe) {
        m_result.tls = TlsPeer{};
        m_result.tls->problem = tr("The TLS handshake did not finish in time");
        std::exchange(m_probe, nullptr)->deleteLater();
    }
    finishWhenComplete();
}

void ConnectionTester::dropClient()
{
    if (!m_client)
        return;
    m_client->disconnect(this);
    std::exchange(m_client, nullptr)->deleteLater(); // it may be signalling right now
}

void ConnectionTester::finishWhenComplete()
{
    if (m_state != State::Testing || m_client || m_probe)
        return;
    m_state = State::Idle;
    m_deadline.stop();
    m_result.outcome = m_outcome.value_or(ConnectionTestResult::Outcome::Failed);
    emit finished(m_result);
}

void ConnectionTester::cancel()
{
    m_state = State::Idle; // first, so that nothing below reports
    m_deadline.stop();
    if (m_client) {
        m_client->disconnect(this);
        m_client->abortConnection();
    }
    dropClient();
    if (m_probe) {
        m_probe->disconnect(this);
        std::exchange(m_probe, nullptr)->deleteLater();
    }
    m_state = State::Idle;
}

} // namespace mqttscope

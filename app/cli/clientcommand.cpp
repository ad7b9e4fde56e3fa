// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientcommand.h"

#include "packetdebugline.h"

#include "client/reasondescription.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::cli {
namespace {

constexpr int disconnectTimeoutMs = 3000;
// How often a finishing run looks whether its QoS 2 exchanges are complete.
constexpr int releasePollMs = 5;

} // namespace

ClientCommand::ClientCommand(const SubcommandOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_client.setOptions(options.client);
    connect(&m_client, &MqttClient::stateChanged, this, &ClientCommand::handleStateChanged);
    connect(&m_client, &MqttClient::connected, this, &ClientCommand::handleConnected);
    connect(&m_client, &MqttClient::connectionRefused, this, &ClientCommand::handleRefused);
    connect(&m_client, &MqttClient::disconnected, this, &ClientCommand::handleDisconnected);
    connect(&m_client, &MqttClient::reconnectScheduled, this,
            [this](int delayMs) { debug(tr("reconnecting in %1 ms").arg(delayMs)); });
    connect(&m_client, &MqttClient::errorOccurred, this,
            [](const QString &message) { printError(tr("Warning: %1").arg(message)); });
    if (options.debug) {
        // Every packet both ways, as mosquitto's -d prints them.
        m_client.setPacketTracing(true);
        connect(&m_client, &MqttClient::packetsTraced, this, &ClientCommand::printPackets);
    }
    m_disconnectTimeout.setSingleShot(true);
    m_disconnectTimeout.setInterval(disconnectTimeoutMs);
    connect(&m_disconnectTimeout, &QTimer::timeout, this, &ClientCommand::emitFinished);
}

ClientCommand::~ClientCommand() = default;

void ClientCommand::start()
{
    m_client.connectToBroker();
}

void ClientCommand::printError(const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void ClientCommand::debug(const QString &what) const
{
    if (!m_options.debug)
        return;
    const QString id = m_client.clientId();
    printError(u"Client %1 %2"_s.arg(id.isEmpty() ? u"(null)"_s : id, what));
}

void ClientCommand::printPackets(const QList<PacketTraceEntry> &packets)
{
    const QString id = m_client.clientId();
    for (const PacketTraceEntry &packet : packets) {
        for (const QString &line : mosquittoDebugLines(packet, id))
            printError(line);
        onPacketPrinted(packet);
    }
}

void ClientCommand::finish(int exitCode, const QString &errorLine)
{
    if (m_finishing)
        return;
    m_finishing = true;
    if (!errorLine.isEmpty())
        printError(errorLine);
    m_exitCode = onFinishing(exitCode);
    if (m_client.state() == ClientState::Connected) {
        m_disconnectTimeout.start();
        disconnectOnceReleased();
        return;
    }
    m_client.disconnectFromBroker(); // stops any reconnect in progress
    QMetaObject::invokeMethod(this, &ClientCommand::emitFinished, Qt::QueuedConnection);
}

void ClientCommand::disconnectOnceReleased()
{
    // A QoS 2 message delivered on its PUBLISH still waits for its PUBREL: like mosquitto's
    // clients, which deliver on the PUBREL, end the exchange before DISCONNECT. Bounded by the
    // disconnect timeout, which ends the run regardless.
    if (m_client.state() == ClientState::Connected && m_client.pendingInboundQos2() > 0
        && m_disconnectTimeout.isActive()) {
        QTimer::singleShot(releasePollMs, this, &ClientCommand::disconnectOnceReleased);
        return;
    }
    m_client.disconnectFromBroker(ReasonCode::Success, m_options.disconnectProperties);
    if (m_client.state() == ClientState::Disconnected)
        emitFinished();
}

void ClientCommand::emitFinished()
{
    if (m_finishedEmitted)
        return;
    m_finishedEmitted = true;
    m_disconnectTimeout.stop();
    emit finished(m_exitCode);
}

void ClientCommand::handleStateChanged(ClientState state)
{
    if (state == ClientState::Disconnected && m_finishing)
        emitFinished();
}

void ClientCommand::handleConnected(const ConnackPacket &connack)
{
    if (m_finishing)
        return;
    const bool firstTime = !m_everConnected;
    m_everConnected = true;
    onConnected(connack, firstTime);
}

void ClientCommand::handleRefused(const ConnackPacket &connack)
{
    // As mosquitto's clients: the exit status is the CONNACK code.
    finish(connack.rawReturnCode ? connack.rawReturnCode : 1,
           tr("Connection refused: %1").arg(describeConnack(connack, m_client.protocolVersion())));
}

void ClientCommand::handleDisconnected(const QString &reason)
{
    if (m_finishing)
        return;
    if (!m_everConnected) {
        finish(1, tr("Error: %1").arg(reason));
        return;
    }
    debug(tr("lost the connection: %1").arg(reason));
    onConnectionLost();
}

} // namespace mqttscope::cli

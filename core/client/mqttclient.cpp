// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/mqttclient.h"

#include "client/clientlogging.h"
#include "client/keepalivemonitor.h"
#include "client/mqttclient_p.h"
#include "client/reasondescription.h"
#include "client/versionmemory.h"
#include "protocol/codec.h"
#include "protocol/topic.h"
#include "transport/transport.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

// How long a closing transport may take to flush DISCONNECT before it is dropped.
constexpr int kCloseTimeoutMs = 2000;
// The framer's limit when we announce none: the largest packet MQTT can express.
constexpr quint32 kProtocolMaximumPacketSize = 268435460u;
constexpr quint32 kMaximumSubscriptionIdentifier = 268435455u;
// A read can hold hundreds of thousands of messages; batches this size keep memory bounded and
// hot in cache while still costing one signal per few thousand messages.
constexpr qsizetype kMaximumBatch = 4096;

Message messageOf(const PublishPacket &packet)
{
    return Message{packet.topic, packet.payload, packet.qos, packet.retain, false,
                   packet.properties, 0};
}

bool hasWildcard(const QString &filter)
{
    return filter.contains(u'+') || filter.contains(u'#');
}

} // namespace

// ---------------------------------------------------------------------------------------------
// MqttClient: the public face forwards to the private implementation.

MqttClient::MqttClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<MqttClientPrivate>(this))
{
}

MqttClient::~MqttClient()
{
    d->dropTransportsQuietly();
}

ClientOptions MqttClient::options() const { return d->options; }
void MqttClient::setOptions(const ClientOptions &options) { d->setOptions(options); }
ClientState MqttClient::state() const { return d->state; }
ProtocolVersion MqttClient::protocolVersion() const { return d->version; }
ConnackPacket MqttClient::lastConnack() const { return d->lastConnack; }
QString MqttClient::clientId() const { return d->clientId(); }
void MqttClient::connectToBroker() { d->connectToBroker(); }

void MqttClient::disconnectFromBroker(ReasonCode reason, const Properties &properties)
{
    d->disconnectFromBroker(reason, properties);
}

void MqttClient::abortConnection() { d->abortConnection(); }
void MqttClient::pauseReceiving() { d->setReceivingPaused(true); }
void MqttClient::resumeReceiving() { d->setReceivingPaused(false); }
bool MqttClient::isReceivingPaused() const { return d->receivingPaused; }
quint64 MqttClient::publish(const Message &message) { return d->publish(message); }

quint64 MqttClient::subscribe(const QList<Subscription> &subscriptions, const Properties &properties)
{
    return d->subscribe(subscriptions, properties);
}

quint64 MqttClient::unsubscribe(const QList<QString> &filters, const Properties &properties)
{
    return d->unsubscribe(filters, properties);
}

void MqttClient::sendAuth(const AuthPacket &auth) { d->sendAuth(auth); }

// ---------------------------------------------------------------------------------------------
// Options and life cycle

MqttClientPrivate::MqttClientPrivate(MqttClient *q)
    : q(q)
{
    m_backoff.setPolicy(options.reconnect);
}

void MqttClientPrivate::setOptions(const ClientOptions &newOptions)
{
    if (newOptions.endpoint != options.endpoint || newOptions.version != options.version) {
        m_autoVersion = ProtocolVersion::V5; // a new broker gets a new chance to speak 5.0
        m_v5Answered = false;
    }
    if (newOptions.clientId != options.clientId || newOptions.endpoint != options.endpoint)
        assignedClientId.clear();
    options = newOptions;
    m_backoff.setPolicy(options.reconnect);
}

QString MqttClientPrivate::clientId() const
{
    return options.clientId.isEmpty() ? assignedClientId : options.clientId;
}

void MqttClientPrivate::ensureHelpers()
{
    // Created on first use, not in the constructor: by then the client lives on the thread it
    // was moved to, and its timers must belong to that thread.
    if (m_keepAlive)
        return;
    m_connackTimer = new QTimer(q);
    m_connackTimer->setSingleShot(true);
    QObject::connect(m_connackTimer, &QTimer::timeout, q, [this] {
        teardown(MqttClient::tr("Timed out: no CONNACK within %1 ms").arg(options.connackTimeoutMs),
                 true);
    });
    m_reconnectTimer = new QTimer(q);
    m_reconnectTimer->setSingleShot(true);
    QObject::connect(m_reconnectTimer, &QTimer::timeout, q, [this] { startAttempt(); });
    m_closeTimer = new QTimer(q);
    m_closeTimer->setSingleShot(true);
    QObject::connect(m_closeTimer, &QTimer::timeout, q, [this] { finishClose(); });

    m_keepAlive = new KeepAliveMonitor(q);
    m_keepAlive->setReceivePaused(receivingPaused);
    QObject::connect(m_keepAlive, &KeepAliveMonitor::pingDue, q, [this] {
        sendPacket(PingreqPacket{});
    });
    QObject::connect(m_keepAlive, &KeepAliveMonitor::roundTrip, q, &MqttClient::pingRoundTrip);
    QObject::connect(m_keepAlive, &KeepAliveMonitor::connectionDead, q, [this](int silentMs) {
        qCWarning(lcClient) << "No answer to PINGREQ; connection dead after" << silentMs << "ms of silence";
        teardown(MqttClient::tr("No answer from the server for %1 ms after PINGREQ: connection "
                                "considered dead")
                     .arg(silentMs),
                 true);
    });
}

void MqttClientPrivate::connectToBroker()
{
    if (m_transport)
        return; // already connecting or connected
    if (options.will) {
        if (const QString problem = Topic::nameProblem(options.will->topic); !problem.isEmpty()) {
            emit q->errorOccurred(MqttClient::tr("Invalid will topic \"%1\": %2")
                                      .arg(QString::fromUtf8(options.will->topic), problem));
            return;
        }
    }
    ensureHelpers();
    if (m_closingTransport)
        finishClose(); // report the old connection's end before the new one begins
    m_manualDisconnect = false;
    m_resumeSession = false; // the first CONNECT uses the configured clean start
    m_backoff.reset();
    if (const auto known = VersionMemory::recall(options.endpoint))
        m_autoVersion = *known;
    startAttempt();
}

ProtocolVersion MqttClientPrivate::versionForAttempt() const
{
    switch (options.version) {
    case VersionChoice::V31:
        return ProtocolVersion::V31;
    case VersionChoice::V311:
        return ProtocolVersion::V311;
    case VersionChoice::V5:
        return ProtocolVersion::V5;
    case VersionChoice::Auto:
        break;
    }
    return m_autoVersion;
}

void MqttClientPrivate::startAttempt()
{
    m_reconnectTimer->stop();
    version = versionForAttempt();
    m_lastTransportError.clear();
    m_transportHasClosed = false;
    m_connectSent = false;
    m_connackReceived = false;
    ++m_generation;
    std::unique_ptr<Transport> transport = Transport::create(options.endpoint, q);
    if (!transport) {
        setState(ClientState::Disconnected);
        emit q->disconnected(MqttClient::tr("No transport for this kind of endpoint"));
        return;
    }
    m_transport = transport.release(); // a child of q from here on
    QObject::connect(m_transport, &Transport::connected, q, [this] { onTransportConnected(); });
    QObject::connect(m_transport, &Transport::readyRead, q, [this] { onReadyRead(); });
    QObject::connect(m_transport, &Transport::errorOccurred, q, [this](const QString &message) {
        qCInfo(lcClient).noquote() << "Transport error:" << message;
        m_lastTransportError = message;
    });
    QObject::connect(m_transport, &Transport::closed, q, [this] { onTransportClosed(); });
    qCInfo(lcClient).noquote() << "Connecting to" << options.endpoint.host << options.endpoint.port
                               << "with MQTT" << (version == ProtocolVersion::V5 ? "5.0" : "3.1.1");
    setState(ClientState::Connecting);
    m_transport->open();
}

void MqttClientPrivate::onTransportConnected()
{
    const bool v5 = version == ProtocolVersion::V5;
    m_framer.reset();
    m_framer.setMaximumPacketSize(v5 ? options.connectProperties.maximumPacketSize.value_or(
                                           kProtocolMaximumPacketSize)
                                     : kProtocolMaximumPacketSize);
    m_inboundAliases.reset(v5 ? options.connectProperties.topicAliasMaximum.value_or(0) : 0);
    m_outboundAliases.reset(0);

    ConnectPacket connect;
    connect.version = version;
    connect.clientId = clientId();
    // 5.0 reconnects keep the session the first CONNECT opened; 3.1.1's clean session flag
    // means "this connection only", so it is sent as configured every time.
    connect.cleanStart = (v5 && m_resumeSession) ? false : options.cleanStart;
    connect.keepAlive = options.keepAliveSeconds;
    connect.username = options.username;
    connect.password = options.password;
    connect.will = options.will;
    if (v5)
        connect.properties = options.connectProperties;
    sendPacket(connect);
    m_connectSent = true;
    m_connackTimer->start(options.connackTimeoutMs);
}

void MqttClientPrivate::onTransportClosed()
{
    // The last bytes before the end (a refusing CONNACK, the server's DISCONNECT) are still
    // readable and say more than "connection closed".
    m_transportHasClosed = true;
    const quint64 generation = m_generation;
    onReadyRead();
    if (generation != m_generation)
        return;
    if (m_connectSent && !m_connackReceived && options.version == VersionChoice::Auto
        && version == ProtocolVersion::V5 && !m_v5Answered) {
        m_fallbackAfterClose = true;
        m_autoVersion = ProtocolVersion::V311;
        qCInfo(lcClient) << "The server closed the connection after a 5.0 CONNECT: trying 3.1.1";
        teardown(QString(), false, true);
        return;
    }
    QString reason = m_lastTransportError;
    if (reason.isEmpty())
        reason = m_connackReceived ? MqttClient::tr("Connection closed by the server")
                                   : MqttClient::tr("Connection closed by the server before CONNACK");
    teardown(reason, true, true);
}

void MqttClientPrivate::onConnack(const ConnackPacket &connack)
{
    if (m_connackReceived) {
        failProtocol({ReasonCode::ProtocolError, MqttClient::tr("CONNACK: a second CONNACK")});
        return;
    }
    m_connackTimer->stop();
    lastConnack = connack;
    const bool v5 = version == ProtocolVersion::V5;
    // A CONNACK in 5.0 form (its byte is the reason itself, not a 3.1.1 return code) proves
    // the server speaks 5.0: a later close before CONNACK is then no reason to fall back.
    const bool in311Form = connack.rawReturnCode != static_cast<quint8>(connack.reason);
    if (v5 && !in311Form)
        m_v5Answered = true;
    const bool refused = v5 ? isError(connack.reason) : connack.rawReturnCode != 0;
    if (refused && connack.sessionPresent) {
        // Seen in the field (a 3.1.1-only broker answering 5.0 with 20 02 01 01): the meaning
        // is clear, the flag is against [MQTT-3.2.2-4] / [MQTT-3.2.2-6] and is ignored.
        qCWarning(lcClient) << "The server set session present on a refusing CONNACK (return code"
                            << connack.rawReturnCode << "), which the spec forbids; ignored";
    }
    if (refused) {
        if (options.version == VersionChoice::Auto && v5
            && (connack.reason == ReasonCode::UnsupportedProtocolVersion || connack.rawReturnCode == 1)) {
            fallBackToV311(describeConnack(connack, in311Form ? ProtocolVersion::V311 : version));
            return;
        }
        const QString text = describeConnack(connack, version);
        qCWarning(lcClient).noquote() << "Connection refused:" << text;
        const quint64 generation = m_generation;
        emit q->connectionRefused(connack);
        if (generation == m_generation)
            teardown(MqttClient::tr("Connection refused: %1").arg(text), true);
        return;
    }
    m_connackReceived = true;
    if (options.version == VersionChoice::Auto) {
        VersionMemory::remember(options.endpoint, version);
        if (version != ProtocolVersion::V5)
            qCInfo(lcClient) << "Speaking MQTT 3.1.1 with this server for the rest of the session";
    }
    if (connack.properties.assignedClientIdentifier)
        assignedClientId = *connack.properties.assignedClientIdentifier;
    applyServerLimits(connack);
    m_backoff.reset();
    const quint32 sessionExpiry = connack.properties.sessionExpiryInterval.value_or(
        options.connectProperties.sessionExpiryInterval.value_or(0));
    m_resumeSession = v5 && sessionExpiry > 0;
    m_keepAlive->start(connack.properties.serverKeepAlive.value_or(options.keepAliveSeconds));
    qCInfo(lcClient).noquote() << "Connected as" << clientId() << "session present:" << connack.sessionPresent;
    const quint64 generation = m_generation;
    setState(ClientState::Connected);
    restoreSession(connack.sessionPresent);
    if (generation != m_generation)
        return;
    emit q->connected(connack);
    if (generation != m_generation)
        return;
    pumpControl();
    pumpPublishes();
}

void MqttClientPrivate::fallBackToV311(const QString &why)
{
    qCInfo(lcClient).noquote() << "The server refused MQTT 5.0 (" << why << "): trying 3.1.1";
    m_autoVersion = ProtocolVersion::V311;
    m_fallbackAfterClose = true;
    teardown(QString(), false);
}

void MqttClientPrivate::applyServerLimits(const ConnackPacket &connack)
{
    const Properties &server = connack.properties;
    m_serverReceiveMaximum = server.receiveMaximum.value_or(65535);
    m_serverMaximumQoS = server.maximumQoS.value_or(2);
    m_serverRetainAvailable = server.retainAvailable.value_or(1) != 0;
    m_outboundAliases.reset(version == ProtocolVersion::V5 ? server.topicAliasMaximum.value_or(0) : 0);
}

quint32 MqttClientPrivate::serverMaximumPacketSize() const
{
    return m_connackReceived ? lastConnack.properties.maximumPacketSize.value_or(0) : 0;
}

void MqttClientPrivate::restoreSession(bool sessionPresent)
{
    QList<InFlightPublish> inSendOrder = m_inFlight.values();
    std::sort(inSendOrder.begin(), inSendOrder.end(),
              [](const InFlightPublish &a, const InFlightPublish &b) { return a.sequence < b.sequence; });
    if (sessionPresent) {
        // The server kept our session: finish every flow where it stopped, in the original
        // order, with the original packet ids [MQTT-4.4.0-1]; PUBLISH again with DUP [MQTT-3.3.1-1].
        if (!inSendOrder.isEmpty())
            qCInfo(lcClient) << "Session resumed: resending" << inSendOrder.size() << "in-flight messages";
        for (const InFlightPublish &entry : std::as_const(inSendOrder)) {
            const quint16 id = entry.packet.packetId;
            if (entry.stage == InFlightPublish::Stage::AwaitingPubcomp) {
                sendPacket(PubAckPacket{PacketType::Pubrel, id, ReasonCode::Success, {}});
                continue;
            }
            PublishPacket again = entry.packet;
            again.dup = true;
            if (const auto refusal = writePublish(again, false)) {
                m_inFlight.remove(id);
                m_packetIds.release(id);
                refusePublish(entry.token, *refusal);
            }
        }
        return;
    }
    // No session on the server: it has no QoS 2 ids of ours to release, and it forgot the
    // messages we had in flight. Those not yet received are sent again as new messages (the
    // server may have delivered a QoS 1 one already: at least once still holds). Those it had
    // acknowledged with PUBREC were received and delivered; sending them again would break
    // exactly once, so they finish here.
    m_inboundQos2.clear();
    m_inFlight.clear();
    QList<quint64> received;
    for (auto it = inSendOrder.crbegin(); it != inSendOrder.crend(); ++it) {
        m_packetIds.release(it->packet.packetId);
        if (it->stage == InFlightPublish::Stage::AwaitingPubcomp)
            received.prepend(it->token);
        else
            m_publishQueue.pushFront(QueuedPublish{it->token, messageOf(it->packet)});
    }
    if (!inSendOrder.isEmpty())
        qCInfo(lcClient) << "No session on the server: sending" << inSendOrder.size() - received.size()
                         << "unacknowledged messages again as new messages";
    for (quint64 token : std::as_const(received))
        finishPublish(token, ReasonCode::Success,
                      MqttClient::tr("The server received the message (PUBREC) but lost the session "
                                     "before completing it"));
}

void MqttClientPrivate::disconnectFromBroker(ReasonCode reason, const Properties &properties)
{
    m_manualDisconnect = true;
    if (m_reconnectTimer)
        m_reconnectTimer->stop();
    if (m_transport) {
        if (m_connectSent)
            sendPacket(DisconnectPacket{reason, version == ProtocolVersion::V5 ? properties : Properties{}});
        teardown(MqttClient::tr("Disconnected by the client"), false);
    } else if (m_closingTransport) {
        m_reconnectAfterClose = false;
    } else {
        setState(ClientState::Disconnected);
    }
}

void MqttClientPrivate::abortConnection()
{
    m_manualDisconnect = true;
    if (m_reconnectTimer)
        m_reconnectTimer->stop();
    if (m_transport)
        teardown(MqttClient::tr("Connection aborted by the client"), false);
    else if (!m_closingTransport)
        setState(ClientState::Disconnected);
}

void MqttClientPrivate::setReceivingPaused(bool paused)
{
    if (receivingPaused == paused)
        return;
    receivingPaused = paused;
    if (m_keepAlive)
        m_keepAlive->setReceivePaused(paused);
    if (paused || !m_transport)
        return;
    // Bytes may be waiting with no readyRead to come: a transport whose buffer is full stops
    // reading and signals nothing until it is read. From the event loop, as the caller may be
    // a slot of messagesReceived.
    QMetaObject::invokeMethod(q, [this, generation = m_generation] {
        if (generation == m_generation)
            onReadyRead();
    }, Qt::QueuedConnection);
}

void MqttClientPrivate::teardown(const QString &reason, bool reconnect, bool transportClosed)
{
    if (!m_transport)
        return;
    if (m_closingTransport)
        finishClose();
    flushWrites();
    Transport *transport = std::exchange(m_transport, nullptr);
    ++m_generation;
    m_connackTimer->stop();
    m_keepAlive->stop();
    m_connectSent = false;
    m_connackReceived = false;
    // Unacknowledged SUBSCRIBE/UNSUBSCRIBE go out again on the next connection.
    for (auto it = m_awaitingAck.crbegin(); it != m_awaitingAck.crend(); ++it) {
        ControlRequest request = *it;
        std::visit([this](auto &packet) {
            m_packetIds.release(packet.packetId);
            packet.packetId = 0;
        }, request.packet);
        m_controlQueue.push_front(std::move(request));
    }
    m_awaitingAck.clear();

    m_closeReason = reason;
    m_reconnectAfterClose = reconnect;
    m_closingTransport = transport;
    QObject::disconnect(transport, nullptr, q, nullptr);
    if (transportClosed || m_transportHasClosed) {
        finishClose();
        return;
    }
    QObject::connect(transport, &Transport::closed, q, [this] { finishClose(); });
    transport->close();
    if (m_closingTransport == transport)
        m_closeTimer->start(kCloseTimeoutMs);
}

void MqttClientPrivate::finishClose()
{
    m_closeTimer->stop();
    Transport *transport = std::exchange(m_closingTransport, nullptr);
    if (!transport)
        return;
    QObject::disconnect(transport, nullptr, q, nullptr);
    transport->deleteLater();
    if (std::exchange(m_fallbackAfterClose, false)) {
        startAttempt();
        return;
    }
    const QString reason = m_closeReason;
    qCInfo(lcClient).noquote() << "Disconnected:" << reason;
    if (m_reconnectAfterClose && options.reconnect.enabled && !m_manualDisconnect) {
        scheduleReconnect();
        emit q->disconnected(reason);
        if (state == ClientState::Reconnecting && m_reconnectTimer->isActive())
            emit q->reconnectScheduled(m_reconnectTimer->interval());
        return;
    }
    setState(ClientState::Disconnected);
    emit q->disconnected(reason);
}

void MqttClientPrivate::scheduleReconnect()
{
    const int delay = m_backoff.nextDelayMs();
    qCInfo(lcClient) << "Reconnecting in" << delay << "ms";
    setState(ClientState::Reconnecting);
    m_reconnectTimer->start(delay);
}

void MqttClientPrivate::setState(ClientState newState)
{
    if (state == newState)
        return;
    state = newState;
    emit q->stateChanged(newState);
}

void MqttClientPrivate::dropTransportsQuietly()
{
    for (Transport *transport : {std::exchange(m_transport, nullptr), std::exchange(m_closingTransport, nullptr)}) {
        if (!transport)
            continue;
        QObject::disconnect(transport, nullptr, q, nullptr);
        delete transport;
    }
}

// ---------------------------------------------------------------------------------------------
// Receiving

void MqttClientPrivate::onReadyRead()
{
    // Paused, the bytes stay in the transport; once it has closed, what is left (a DISCONNECT
    // with its reason) is read anyway.
    if (!m_transport || (receivingPaused && !m_transportHasClosed))
        return;
    const QByteArray bytes = m_transport->readAll();
    if (!bytes.isEmpty()) {
        m_unreportedReceived += bytes.size();
        m_keepAlive->noteReceived();
        m_framer.append(bytes);
    } else if (m_framer.bufferedBytes() == 0) {
        return; // nothing new, and no packets left over from a read that was paused
    }

    // Everything decoded from one read goes out as one batch of messages and one write of
    // acks: at hundreds of thousands of messages a second, per-message signals and writes
    // would be the whole budget.
    const quint64 generation = m_generation;
    const qint64 receivedAt = QDateTime::currentMSecsSinceEpoch();
    // The member keeps its capacity between reads when the receiver did not keep the list, so
    // steady traffic reuses one warm buffer instead of faulting in fresh pages every read.
    QList<Message> &batch = m_batch;
    m_batchingWrites = true;
    // A slot may pause us: the rest of the read then waits in the framer.
    while (generation == m_generation && !(receivingPaused && !m_transportHasClosed)) {
        const std::optional<QByteArrayView> frame = m_framer.next();
        if (!frame) {
            if (m_framer.error()) {
                emitBatch(batch);
                failProtocol(*m_framer.error());
            }
            break;
        }
        // A 3.1.1-only broker answers a 5.0 CONNECT with a 3.1.1 CONNACK (remaining length 2,
        // which 5.0 never uses): read it as 3.1.1 to see its "unacceptable protocol version".
        ProtocolVersion decodeVersion = version;
        if (!m_connackReceived && version == ProtocolVersion::V5 && frame->size() == 4
            && quint8(frame->at(0)) == 0x20 && frame->at(1) == 0x02)
            decodeVersion = ProtocolVersion::V311;
        DecodeResult result = decodePacket(*frame, decodeVersion);
        if (const auto *error = std::get_if<ProtocolError>(&result)) {
            emitBatch(batch);
            failProtocol(*error);
            break;
        }
        handlePacket(std::get<Packet>(result), batch, receivedAt);
        if (batch.size() >= kMaximumBatch)
            emitBatch(batch);
    }
    m_batchingWrites = false;
    flushWrites();
    emitBatch(batch);
    scheduleDeferredSignals();
}

void MqttClientPrivate::emitBatch(QList<Message> &batch)
{
    if (batch.isEmpty())
        return;
    // Acks go out before the messages are handed on: a connection lost while the receiver is
    // busy with them must not leave them unacknowledged, to be delivered again.
    flushWrites();
    emit q->messagesReceived(batch);
    batch.clear();
}

void MqttClientPrivate::handlePacket(Packet &packet, QList<Message> &batch, qint64 receivedAt)
{
    const PacketType type = packetTypeOf(packet);
    if (lcClientVerbose().isDebugEnabled())
        qCDebug(lcClientVerbose).noquote() << "received" << packetTypeName(type);
    if (auto *publish = std::get_if<PublishPacket>(&packet)) {
        handlePublish(*publish, batch, receivedAt);
        return;
    }
    const bool allowedBeforeConnack = type == PacketType::Connack || type == PacketType::Auth
                                      || type == PacketType::Disconnect;
    if (!m_connackReceived && !allowedBeforeConnack) {
        failProtocol({ReasonCode::ProtocolError,
                      MqttClient::tr("%1 before CONNACK").arg(packetTypeName(type))});
        return;
    }
    switch (type) {
    case PacketType::Connack:
        onConnack(std::get<ConnackPacket>(packet));
        return;
    case PacketType::Puback:
    case PacketType::Pubrec:
    case PacketType::Pubrel:
    case PacketType::Pubcomp:
        handlePubAck(std::get<PubAckPacket>(packet));
        return;
    case PacketType::Suback:
        handleControlAck(std::get<SubackPacket>(packet).packetId, packet);
        return;
    case PacketType::Unsuback:
        handleControlAck(std::get<UnsubackPacket>(packet).packetId, packet);
        return;
    case PacketType::Pingresp:
        m_keepAlive->notePingResponse();
        return;
    case PacketType::Disconnect:
        emitBatch(batch);
        handleServerDisconnect(std::get<DisconnectPacket>(packet));
        return;
    case PacketType::Auth:
        emit q->authReceived(std::get<AuthPacket>(packet));
        return;
    case PacketType::Connect:
    case PacketType::Publish:
    case PacketType::Subscribe:
    case PacketType::Unsubscribe:
    case PacketType::Pingreq:
        break;
    }
    emitBatch(batch);
    failProtocol({ReasonCode::ProtocolError,
                  MqttClient::tr("%1 is never sent by a server").arg(packetTypeName(type))});
}

void MqttClientPrivate::handlePublish(PublishPacket &publish, QList<Message> &batch, qint64 receivedAt)
{
    if (!m_connackReceived) {
        emitBatch(batch);
        failProtocol({ReasonCode::ProtocolError, MqttClient::tr("PUBLISH before CONNACK")});
        return;
    }
    if (const auto error = m_inboundAliases.resolve(publish)) {
        emitBatch(batch);
        failProtocol(*error);
        return;
    }
    const quint16 id = publish.packetId;
    const quint8 qos = publish.qos;
    if (qos == 2 && m_inboundQos2.contains(id)) {
        // Sent again before our PUBREC arrived: delivered once already [MQTT-4.3.3-9].
        qCDebug(lcClient) << "QoS 2 PUBLISH" << id << "again before PUBREL: not delivered again";
        sendPacket(PubAckPacket{PacketType::Pubrec, id, ReasonCode::Success, {}});
        return;
    }
    if (qos > 0 && inboundWindowExceeded()) {
        emitBatch(batch);
        failProtocol({ReasonCode::ReceiveMaximumExceeded,
                      MqttClient::tr("more than %1 unacknowledged QoS 1 and 2 messages")
                          .arg(*options.connectProperties.receiveMaximum)});
        return;
    }
    if (qos == 2)
        m_inboundQos2.insert(id);
    else if (qos == 1 && m_batchingWrites)
        ++m_unwrittenPubacks;
    batch.emplaceBack(std::move(publish.topic), std::move(publish.payload), qos, publish.retain,
                      publish.dup, std::move(publish.properties), receivedAt);
    if (qos == 1)
        sendPacket(PubAckPacket{PacketType::Puback, id, ReasonCode::Success, {}});
    else if (qos == 2)
        sendPacket(PubAckPacket{PacketType::Pubrec, id, ReasonCode::Success, {}});
}

bool MqttClientPrivate::inboundWindowExceeded() const
{
    // What the server cannot have seen acknowledged yet: QoS 2 awaiting PUBREL, and QoS 1 of
    // this read, whose PUBACKs are still unwritten. It must stay within the Receive Maximum we
    // sent [MQTT-3.3.4-9]; without one (3.1.1, or none configured) there is nothing to check.
    const std::optional<quint16> maximum = options.connectProperties.receiveMaximum;
    return version == ProtocolVersion::V5 && maximum && *maximum > 0
           && m_inboundQos2.size() + m_unwrittenPubacks >= *maximum;
}

void MqttClientPrivate::handlePubAck(const PubAckPacket &ack)
{
    const quint16 id = ack.packetId;
    const QString reasonString = ack.properties.reasonString.value_or(QString());
    if (ack.type == PacketType::Pubrel) {
        // [MQTT-4.3.3-11]: PUBCOMP with the same id; the id is free for a new message now.
        const bool known = m_inboundQos2.remove(id);
        const bool v5 = version == ProtocolVersion::V5;
        sendPacket(PubAckPacket{PacketType::Pubcomp, id,
                                known || !v5 ? ReasonCode::Success : ReasonCode::PacketIdentifierNotFound,
                                {}});
        return;
    }
    const auto it = m_inFlight.find(id);
    using Stage = InFlightPublish::Stage;
    const Stage expected = ack.type == PacketType::Puback   ? Stage::AwaitingPuback
                           : ack.type == PacketType::Pubrec ? Stage::AwaitingPubrec
                                                            : Stage::AwaitingPubcomp;
    if (ack.type == PacketType::Pubrec && it != m_inFlight.end() && it->stage == Stage::AwaitingPubcomp) {
        sendPacket(PubAckPacket{PacketType::Pubrel, id, ReasonCode::Success, {}}); // our PUBREL was lost
        return;
    }
    if (it == m_inFlight.end() || it->stage != expected) {
        // Not ours (any more): the spec asks for no reaction but a PUBREL to a stray PUBREC,
        // so that the server can free the id.
        qCInfo(lcClient) << packetTypeName(ack.type) << "for unknown packet id" << id << "ignored";
        if (ack.type == PacketType::Pubrec && !isError(ack.reason))
            sendPacket(PubAckPacket{PacketType::Pubrel, id,
                                    version == ProtocolVersion::V5 ? ReasonCode::PacketIdentifierNotFound
                                                                   : ReasonCode::Success,
                                    {}});
        return;
    }
    if (ack.type == PacketType::Pubrec && !isError(ack.reason)) {
        it->stage = Stage::AwaitingPubcomp;
        sendPacket(PubAckPacket{PacketType::Pubrel, id, ReasonCode::Success, {}});
        return;
    }
    const quint64 token = it->token;
    m_inFlight.erase(it);
    m_packetIds.release(id);
    finishPublish(token, ack.reason, reasonString);
    pumpControl();
    pumpPublishes();
}

void MqttClientPrivate::handleControlAck(quint16 packetId, const Packet &ack)
{
    const bool isSuback = std::holds_alternative<SubackPacket>(ack);
    for (qsizetype i = 0; i < m_awaitingAck.size(); ++i) {
        const ControlRequest &request = m_awaitingAck.at(i);
        const quint16 id = std::visit([](const auto &packet) { return packet.packetId; }, request.packet);
        if (id != packetId || std::holds_alternative<SubscribePacket>(request.packet) != isSuback)
            continue;
        const quint64 token = request.token;
        m_awaitingAck.removeAt(i);
        m_packetIds.release(packetId);
        if (isSuback)
            emit q->subscribeFinished(token, std::get<SubackPacket>(ack));
        else
            emit q->unsubscribeFinished(token, std::get<UnsubackPacket>(ack));
        pumpControl();
        pumpPublishes();
        return;
    }
    qCInfo(lcClient) << packetTypeName(packetTypeOf(ack)) << "for unknown packet id" << packetId << "ignored";
}

void MqttClientPrivate::handleServerDisconnect(const DisconnectPacket &disconnect)
{
    const QString text = describeReason(disconnect.reason, disconnect.properties);
    qCWarning(lcClient).noquote() << "The server disconnected us:" << text;
    const quint64 generation = m_generation;
    emit q->serverDisconnected(disconnect);
    if (generation == m_generation)
        teardown(MqttClient::tr("Disconnected by the server: %1").arg(text), true);
}

void MqttClientPrivate::failProtocol(const ProtocolError &error)
{
    qCWarning(lcClient).noquote() << "Bad packet from the server:" << error.message << "- closing with"
                                  << reasonCodeName(error.reason);
    QString text;
    switch (error.reason) {
    case ReasonCode::MalformedPacket:
        text = MqttClient::tr("Malformed packet from server: %1");
        break;
    case ReasonCode::PacketTooLarge:
        text = MqttClient::tr("Packet from server too large: %1");
        break;
    default:
        text = MqttClient::tr("Protocol error by server: %1");
        break;
    }
    // 5.0 tells the server why [MQTT-4.13.1-1]; 3.1.1 just closes [MQTT-4.8.0-1].
    if (m_transport && m_connectSent && version == ProtocolVersion::V5)
        sendPacket(DisconnectPacket{error.reason, {}});
    teardown(text.arg(error.message), true);
}

// ---------------------------------------------------------------------------------------------
// Sending

bool MqttClientPrivate::sendPacket(const Packet &packet)
{
    if (!m_transport)
        return false;
    const QByteArray bytes = encodePacket(packet, version);
    if (const quint32 maximum = serverMaximumPacketSize(); maximum && quint32(bytes.size()) > maximum) {
        qCWarning(lcClient) << packetTypeName(packetTypeOf(packet)) << "of" << bytes.size()
                            << "bytes not sent: the server accepts at most" << maximum;
        return false;
    }
    if (lcClientVerbose().isDebugEnabled())
        qCDebug(lcClientVerbose).noquote() << "sent" << packetTypeName(packetTypeOf(packet)) << bytes.size() << "bytes";
    writeBytes(bytes);
    return true;
}

void MqttClientPrivate::writeBytes(const QByteArray &bytes)
{
    m_keepAlive->noteSent();
    m_unreportedSent += bytes.size();
    if (m_batchingWrites)
        m_writeBuffer += bytes;
    else
        m_transport->write(bytes);
    scheduleDeferredSignals();
}

void MqttClientPrivate::flushWrites()
{
    if (m_transport && !m_writeBuffer.isEmpty())
        m_transport->write(m_writeBuffer);
    m_writeBuffer.clear();
    m_unwrittenPubacks = 0;
}

std::optional<PublishRefusal> MqttClientPrivate::limitProblem(const Message &message) const
{
    // Refused rather than downgraded: a silently changed QoS or retain flag would be a lie to
    // the user [MQTT-3.2.2-11], [MQTT-3.2.2-14].
    if (message.qos > m_serverMaximumQoS)
        return PublishRefusal{ReasonCode::QoSNotSupported,
                              MqttClient::tr("The server accepts at most QoS %1: not publishing with QoS %2")
                                  .arg(m_serverMaximumQoS)
                                  .arg(message.qos)};
    if (message.retain && !m_serverRetainAvailable)
        return PublishRefusal{ReasonCode::RetainNotSupported,
                              MqttClient::tr("The server does not support retained messages")};
    return std::nullopt;
}

std::optional<PublishRefusal> MqttClientPrivate::writePublish(const PublishPacket &packet, bool useAlias)
{
    OutboundTopicAliases::Choice alias;
    if (useAlias && version == ProtocolVersion::V5)
        alias = m_outboundAliases.choose(packet.topic);
    QByteArray bytes;
    if (alias.alias) {
        PublishPacket aliased = packet;
        aliased.properties.edit().topicAlias = alias.alias;
        if (alias.known)
            aliased.topic.clear();
        bytes = encodePacket(aliased, version);
    } else {
        bytes = encodePacket(packet, version);
    }
    if (const quint32 maximum = serverMaximumPacketSize(); maximum && quint32(bytes.size()) > maximum)
        return PublishRefusal{ReasonCode::PacketTooLarge,
                              MqttClient::tr("The message is %1 bytes as a packet; the server accepts "
                                             "at most %2 bytes")
                                  .arg(bytes.size())
                                  .arg(maximum)};
    if (alias.alias && !alias.known)
        m_outboundAliases.remember(packet.topic, alias.alias);
    if (lcClientVerbose().isDebugEnabled())
        qCDebug(lcClientVerbose).noquote() << "sent PUBLISH" << QString::fromUtf8(packet.topic) << "qos"
                                           << packet.qos << "id" << packet.packetId << "dup" << packet.dup;
    writeBytes(bytes);
    return std::nullopt;
}

std::optional<PublishRefusal> MqttClientPrivate::sendNewPublish(quint64 token, const Message &message)
{
    PublishPacket packet{message.topic, message.payload, message.qos, message.retain, false, 0,
                         message.properties};
    if (packet.properties->topicAlias) // aliases are ours to manage per connection
        packet.properties.edit().topicAlias.reset();
    if (packet.qos > 0)
        packet.packetId = m_packetIds.allocate();
    if (auto refusal = writePublish(packet, true)) {
        m_packetIds.release(packet.packetId);
        return refusal;
    }
    if (packet.qos == 0) {
        m_writtenQos0.append(token);
        return std::nullopt;
    }
    const quint16 id = packet.packetId;
    const auto stage = packet.qos == 1 ? InFlightPublish::Stage::AwaitingPuback
                                       : InFlightPublish::Stage::AwaitingPubrec;
    m_inFlight.insert(id, InFlightPublish{token, m_nextSequence++, std::move(packet), stage});
    return std::nullopt;
}

int MqttClientPrivate::outboundWindow() const
{
    // At 5.0 never more than the server's Receive Maximum [MQTT-3.3.4-7]; at 3.1.1 (none sent)
    // and below it, our own limit: a broker over its quota may drop what it acknowledges.
    const int ours = options.maximumInflight ? options.maximumInflight : 65535;
    return version == ProtocolVersion::V5 ? qMin<int>(ours, m_serverReceiveMaximum) : ours;
}

bool MqttClientPrivate::canSendPublishNow(quint8 qos) const
{
    // QoS 1/2 PUBLISHes past the window wait in the queue, in order [MQTT-3.3.4-8]; a PUBLISH
    // counts until its PUBACK or PUBCOMP (or a PUBREC with an error).
    return isLinkUp()
           && (qos == 0 || (m_inFlight.size() < outboundWindow() && !m_packetIds.isExhausted()));
}

std::optional<PublishRefusal> MqttClientPrivate::queueProblem(const Message &message) const
{
    // A message on its own always fits, so that any size up to the broker's limit can be sent.
    if (m_publishQueue.isEmpty()
        || m_publishQueue.bytes() + PublishQueue::bytesOf(message) <= options.maximumQueuedBytes)
        return std::nullopt;
    constexpr double mebibyte = 1024.0 * 1024.0;
    return PublishRefusal{ReasonCode::QuotaExceeded,
                          MqttClient::tr("Cannot publish to \"%1\": %2 MiB of messages already wait "
                                         "for the broker (at most %3 MiB may wait)")
                              .arg(QString::fromUtf8(message.topic))
                              .arg(m_publishQueue.bytes() / mebibyte, 0, 'f', 1)
                              .arg(options.maximumQueuedBytes / mebibyte, 0, 'f', 1)};
}

quint64 MqttClientPrivate::publish(const Message &message)
{
    if (const QString problem = Topic::nameProblem(message.topic); !problem.isEmpty()) {
        emit q->errorOccurred(MqttClient::tr("Cannot publish to \"%1\": %2")
                                  .arg(QString::fromUtf8(message.topic), problem));
        return 0;
    }
    if (message.qos > 2) {
        emit q->errorOccurred(MqttClient::tr("Cannot publish with QoS %1").arg(message.qos));
        return 0;
    }
    if (!m_transport && state == ClientState::Disconnected) {
        emit q->errorOccurred(MqttClient::tr("Cannot publish to \"%1\": not connected")
                                  .arg(QString::fromUtf8(message.topic)));
        return 0;
    }
    if (isLinkUp()) {
        if (const auto refusal = limitProblem(message)) {
            emit q->errorOccurred(refusal->text);
            return 0;
        }
    }
    if (const auto refusal = queueProblem(message)) {
        emit q->errorOccurred(refusal->text);
        return 0;
    }
    const quint64 token = ++m_lastToken;
    if (m_publishQueue.isEmpty() && canSendPublishNow(message.qos)) {
        if (const auto refusal = sendNewPublish(token, message)) {
            emit q->errorOccurred(refusal->text);
            return 0;
        }
        return token;
    }
    m_publishQueue.pushBack(QueuedPublish{token, message});
    return token;
}

void MqttClientPrivate::pumpPublishes()
{
    if (m_pumping)
        return; // a slot published from inside the loop below: the loop picks it up
    m_pumping = true;
    const quint64 generation = m_generation;
    while (generation == m_generation && !m_publishQueue.isEmpty()
           && canSendPublishNow(m_publishQueue.front().message.qos)) {
        const QueuedPublish next = m_publishQueue.takeFront();
        std::optional<PublishRefusal> refusal = limitProblem(next.message);
        if (!refusal)
            refusal = sendNewPublish(next.token, next.message);
        if (refusal)
            refusePublish(next.token, *refusal);
    }
    m_pumping = false;
}

void MqttClientPrivate::finishPublish(quint64 token, ReasonCode reason, const QString &reasonString)
{
    emit q->publishFinished(token, reason, reasonString);
}

void MqttClientPrivate::refusePublish(quint64 token, const PublishRefusal &refusal)
{
    emit q->errorOccurred(refusal.text);
    finishPublish(token, refusal.reason, refusal.text);
}

quint64 MqttClientPrivate::subscribe(const QList<Subscription> &subscriptions, const Properties &properties)
{
    auto refuse = [this](const QString &text) {
        emit q->errorOccurred(text);
        return quint64(0);
    };
    if (subscriptions.isEmpty())
        return refuse(MqttClient::tr("Cannot subscribe: no topic filter"));
    const bool v5Link = isLinkUp() && version == ProtocolVersion::V5;
    const Properties &server = lastConnack.properties;
    for (const Subscription &subscription : subscriptions) {
        const QByteArray filter = subscription.filter.toUtf8();
        if (const QString problem = Topic::filterProblem(filter); !problem.isEmpty())
            return refuse(MqttClient::tr("Cannot subscribe to \"%1\": %2").arg(subscription.filter, problem));
        if (subscription.qos > 2)
            return refuse(MqttClient::tr("Cannot subscribe with QoS %1").arg(subscription.qos));
        if (v5Link && server.wildcardSubscriptionAvailable == 0 && hasWildcard(subscription.filter))
            return refuse(MqttClient::tr("Cannot subscribe to \"%1\": the server does not support wildcards")
                              .arg(subscription.filter));
        if (v5Link && server.sharedSubscriptionAvailable == 0 && Topic::isShared(filter))
            return refuse(MqttClient::tr("Cannot subscribe to \"%1\": the server does not support shared "
                                         "subscriptions")
                              .arg(subscription.filter));
    }
    for (quint32 identifier : properties.subscriptionIdentifiers) {
        if (identifier == 0 || identifier > kMaximumSubscriptionIdentifier)
            return refuse(MqttClient::tr("Subscription identifier %1 is outside 1..268435455").arg(identifier));
    }
    if (v5Link && server.subscriptionIdentifierAvailable == 0 && !properties.subscriptionIdentifiers.isEmpty())
        return refuse(MqttClient::tr("The server does not support subscription identifiers"));
    if (!m_transport && state == ClientState::Disconnected)
        return refuse(MqttClient::tr("Cannot subscribe: not connected"));
    const quint64 token = ++m_lastToken;
    m_controlQueue.push_back(ControlRequest{token, SubscribePacket{0, subscriptions, properties}});
    pumpControl();
    return token;
}

quint64 MqttClientPrivate::unsubscribe(const QList<QString> &filters, const Properties &properties)
{
    auto refuse = [this](const QString &text) {
        emit q->errorOccurred(text);
        return quint64(0);
    };
    if (filters.isEmpty())
        return refuse(MqttClient::tr("Cannot unsubscribe: no topic filter"));
    for (const QString &filter : filters) {
        if (const QString problem = Topic::filterProblem(filter.toUtf8()); !problem.isEmpty())
            return refuse(MqttClient::tr("Cannot unsubscribe from \"%1\": %2").arg(filter, problem));
    }
    if (!m_transport && state == ClientState::Disconnected)
        return refuse(MqttClient::tr("Cannot unsubscribe: not connected"));
    const quint64 token = ++m_lastToken;
    m_controlQueue.push_back(ControlRequest{token, UnsubscribePacket{0, filters, properties}});
    pumpControl();
    return token;
}

void MqttClientPrivate::pumpControl()
{
    while (isLinkUp() && !m_controlQueue.empty() && !m_packetIds.isExhausted()) {
        ControlRequest request = std::move(m_controlQueue.front());
        m_controlQueue.pop_front();
        const quint16 id = m_packetIds.allocate();
        const Packet packet = std::visit(
            [id](auto &p) -> Packet {
                p.packetId = id;
                return p;
            },
            request.packet);
        if (!sendPacket(packet)) {
            m_packetIds.release(id);
            failControl(request, MqttClient::tr("The %1 packet is larger than the server accepts")
                                     .arg(packetTypeName(packetTypeOf(packet))));
            continue;
        }
        m_awaitingAck.append(std::move(request));
    }
}

void MqttClientPrivate::failControl(const ControlRequest &request, const QString &text)
{
    emit q->errorOccurred(text);
    if (const auto *subscribe = std::get_if<SubscribePacket>(&request.packet)) {
        SubackPacket failed{subscribe->packetId, {}, {}};
        failed.reasons.fill(ReasonCode::PacketTooLarge, subscribe->subscriptions.size());
        failed.properties.reasonString = text;
        emit q->subscribeFinished(request.token, failed);
    } else {
        const auto &unsubscribe = std::get<UnsubscribePacket>(request.packet);
        UnsubackPacket failed{unsubscribe.packetId, {}, {}};
        failed.reasons.fill(ReasonCode::PacketTooLarge, unsubscribe.filters.size());
        failed.properties.reasonString = text;
        emit q->unsubscribeFinished(request.token, failed);
    }
}

void MqttClientPrivate::sendAuth(const AuthPacket &auth)
{
    if (!m_transport || !m_connectSent || version != ProtocolVersion::V5) {
        emit q->errorOccurred(MqttClient::tr("AUTH needs an MQTT 5.0 connection"));
        return;
    }
    sendPacket(auth);
}

void MqttClientPrivate::scheduleDeferredSignals()
{
    if (m_deferredScheduled)
        return;
    m_deferredScheduled = true;
    // After the caller got its token back, and once per event loop turn whatever the rate.
    QMetaObject::invokeMethod(q, [this] { emitDeferredSignals(); }, Qt::QueuedConnection);
}

void MqttClientPrivate::emitDeferredSignals()
{
    m_deferredScheduled = false;
    const QList<quint64> written = std::exchange(m_writtenQos0, {});
    for (quint64 token : written)
        finishPublish(token, ReasonCode::Success, QString());
    const qint64 received = std::exchange(m_unreportedReceived, 0);
    const qint64 sent = std::exchange(m_unreportedSent, 0);
    if (received || sent)
        emit q->bytesTransferred(received, sent);
}

} // namespace mqttscope

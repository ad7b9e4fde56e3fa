// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/mqttclient_p.h"

#include "client/clientlogging.h"
#include "client/connectpacket.h"
#include "client/keepalivemonitor.h"
#include "client/outgoingpacket.h"
#include "client/packettrace.h"
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
// A read can hold hundreds of thousands of messages; batches this size keep memory bounded and
// hot in cache while still costing one signal per few thousand messages.
constexpr qsizetype kMaximumBatch = 4096;

} // namespace

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
    m_session.setSettings(SessionSettings::of(options));
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
        failAttempt(
            {ConnectionFailure::Cause::Protocol,
             MqttClient::tr("Timed out: no CONNACK within %1 ms").arg(options.connackTimeoutMs)});
    });
    m_reconnectTimer = new QTimer(q);
    m_reconnectTimer->setSingleShot(true);
    QObject::connect(m_reconnectTimer, &QTimer::timeout, q, [this] { startAttempt(); });
    m_closeTimer = new QTimer(q);
    m_closeTimer->setSingleShot(true);
    QObject::connect(m_closeTimer, &QTimer::timeout, q, [this] { finishClose(); });

    m_keepAlive = new KeepAliveMonitor(q);
    m_keepAlive->setReceivePaused(receivingPaused);
    QObject::connect(m_keepAlive, &KeepAliveMonitor::pingDue, q,
                     [this] { sendPacket(PingreqPacket{}); });
    QObject::connect(m_keepAlive, &KeepAliveMonitor::roundTrip, q, &MqttClient::pingRoundTrip);
    QObject::connect(m_keepAlive, &KeepAliveMonitor::connectionDead, q, [this](int silentMs) {
        qCWarning(lcClient) << "No answer to PINGREQ; connection dead after" << silentMs
                            << "ms of silence";
        teardown(MqttClient::tr("No answer from the server for %1 ms after PINGREQ: connection "
                                "considered dead")
                     .arg(silentMs),
                 AfterClose::Reconnect);
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
    m_phase = AttemptPhase::Opening;
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
                               << "with MQTT" << protocolVersionName(version);
    setState(ClientState::Connecting);
    m_transport->open();
}

void MqttClientPrivate::onTransportConnected()
{
    const bool v5 = version == ProtocolVersion::V5;
    m_framer.reset();
    m_framer.setMaximumPacketSize(
        v5 ? options.connectProperties.maximumPacketSize.value_or(kProtocolMaximumPacketSize)
           : kProtocolMaximumPacketSize);

    sendPacket(connectPacketFor(options, version, clientId(), m_resumeSession));
    m_phase = AttemptPhase::AwaitingConnack;
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
    if (m_phase == AttemptPhase::AwaitingConnack && options.version == VersionChoice::Auto
        && version == ProtocolVersion::V5 && !m_v5Answered) {
        m_autoVersion = ProtocolVersion::V311;
        qCInfo(lcClient) << "The server closed the connection after a 5.0 CONNECT: trying 3.1.1";
        teardown(QString(), AfterClose::FallBack, true);
        return;
    }
    if (m_phase == AttemptPhase::Connected) {
        teardown(m_lastTransportError.isEmpty() ? MqttClient::tr("Connection closed by the server")
                                                : m_lastTransportError,
                 AfterClose::Reconnect, true);
        return;
    }
    if (m_lastTransportError.isEmpty()) {
        failAttempt({ConnectionFailure::Cause::Protocol,
                     MqttClient::tr("Connection closed by the server before CONNACK")},
                    true);
        return;
    }
    failAttempt({ConnectionFailure::causeOf(m_transport->lastFailureKind()), m_lastTransportError},
                true);
}

void MqttClientPrivate::failAttempt(const ConnectionFailure &failure, bool transportClosed)
{
    const quint64 generation = m_generation;
    emit q->connectFailed(failure);
    if (generation != m_generation)
        return;
    // Repeating what cannot work only repeats the refusal (and can get a client banned).
    if (!failure.retryCanHelp())
        qCWarning(lcClient).noquote() << "Not reconnecting: retrying cannot help";
    teardown(failure.reason, failure.retryCanHelp() ? AfterClose::Reconnect : AfterClose::Stop,
             transportClosed);
}

void MqttClientPrivate::onConnack(const ConnackPacket &connack)
{
    if (m_phase == AttemptPhase::Connected) {
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
            && (connack.reason == ReasonCode::UnsupportedProtocolVersion
                || connack.rawReturnCode == 1)) {
            fallBackToV311(describeConnack(connack, in311Form ? ProtocolVersion::V311 : version));
            return;
        }
        const QString text = describeConnack(connack, version);
        qCWarning(lcClient).noquote() << "Connection refused:" << text;
        const quint64 generation = m_generation;
        emitTrace();
        emit q->connectionRefused(connack);
        if (generation == m_generation)
            failAttempt({ConnectionFailure::causeOfRefusal(connack.reason),
                         MqttClient::tr("Connection refused: %1").arg(text)});
        return;
    }
    m_phase = AttemptPhase::Connected;
    if (options.version == VersionChoice::Auto) {
        VersionMemory::remember(options.endpoint, version);
        if (version != ProtocolVersion::V5)
            qCInfo(lcClient) << "Speaking MQTT 3.1.1 with this server for the rest of the session";
    }
    if (connack.properties.assignedClientIdentifier)
        assignedClientId = *connack.properties.assignedClientIdentifier;
    m_backoff.reset();
    const quint32 sessionExpiry = connack.properties.sessionExpiryInterval.value_or(
        options.connectProperties.sessionExpiryInterval.value_or(0));
    m_resumeSession = v5 && sessionExpiry > 0;
    m_keepAlive->start(connack.properties.serverKeepAlive.value_or(options.keepAliveSeconds));
    qCInfo(lcClient).noquote() << "Connected as" << clientId()
                               << "session present:" << connack.sessionPresent;
    const quint64 generation = m_generation;
    setState(ClientState::Connected);
    SessionOutput resumed;
    m_session.connectionAccepted(connack, version, resumed);
    if (!carryOut(resumed))
        return;
    emit q->connected(connack);
    if (generation != m_generation)
        return;
    SessionOutput queued;
    m_session.sendQueued(queued);
    carryOut(queued);
}

void MqttClientPrivate::fallBackToV311(const QString &why)
{
    qCInfo(lcClient).noquote() << "The server refused MQTT 5.0 (" << why << "): trying 3.1.1";
    m_autoVersion = ProtocolVersion::V311;
    teardown(QString(), AfterClose::FallBack);
}

void MqttClientPrivate::disconnectFromBroker(ReasonCode reason, const Properties &properties)
{
    if (m_reconnectTimer)
        m_reconnectTimer->stop();
    if (m_transport) {
        if (connectSent())
            sendPacket(DisconnectPacket{
                reason, version == ProtocolVersion::V5 ? properties : Properties{}});
        teardown(MqttClient::tr("Disconnected by the client"), AfterClose::Stop);
    } else if (m_closingTransport) {
        m_afterClose = AfterClose::Stop;
    } else {
        setState(ClientState::Disconnected);
    }
}

void MqttClientPrivate::abortConnection()
{
    if (m_reconnectTimer)
        m_reconnectTimer->stop();
    if (m_transport)
        teardown(MqttClient::tr("Connection aborted by the client"), AfterClose::Stop);
    else if (m_closingTransport)
        m_afterClose = AfterClose::Stop;
    else
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
    QMetaObject::invokeMethod(
        q,
        [this, generation = m_generation] {
            if (generation == m_generation)
                onReadyRead();
        },
        Qt::QueuedConnection);
}

void MqttClientPrivate::setPacketTracing(bool enabled)
{
    packetTracing = enabled;
    if (!enabled)
        m_trace.clear();
}

void MqttClientPrivate::teardown(const QString &reason, AfterClose then, bool transportClosed)
{
    if (!m_transport)
        return;
    if (m_closingTransport)
        finishClose();
    flushReadBytes();
    Transport *transport = std::exchange(m_transport, nullptr);
    ++m_generation;
    m_connackTimer->stop();
    m_keepAlive->stop();
    m_phase = AttemptPhase::None;
    m_session.connectionLost();

    m_closeReason = reason;
    m_afterClose = then;
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
    if (m_afterClose == AfterClose::FallBack) {
        startAttempt();
        return;
    }
    const QString reason = m_closeReason;
    qCInfo(lcClient).noquote() << "Disconnected:" << reason;
    if (m_afterClose == AfterClose::Reconnect && options.reconnect.enabled) {
        scheduleReconnect();
        emitTrace();
        emit q->disconnected(reason);
        if (state == ClientState::Reconnecting && m_reconnectTimer->isActive())
            emit q->reconnectScheduled(m_reconnectTimer->interval());
        return;
    }
    setState(ClientState::Disconnected);
    emitTrace();
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
    // Requests wait for a connection under way or to come, and are refused when there is none.
    m_session.setAcceptingRequests(newState != ClientState::Disconnected);
    if (state == newState)
        return;
    state = newState;
    emitTrace();
    emit q->stateChanged(newState);
}

void MqttClientPrivate::dropTransportsQuietly()
{
    for (Transport *transport :
         {std::exchange(m_transport, nullptr), std::exchange(m_closingTransport, nullptr)}) {
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
    // would be the whole budget. What a slot publishes meanwhile joins that write, in order.
    const quint64 generation = m_generation;
    const qint64 receivedAt = QDateTime::currentMSecsSinceEpoch();
    const qint64 tracedAt = packetTracing ? traceClockUs() : 0;
    m_decoding = true;
    // A slot may pause us: the rest of the read then waits in the framer.
    while (generation == m_generation && !(receivingPaused && !m_transportHasClosed)) {
        const std::optional<QByteArrayView> frame = m_framer.next();
        if (!frame) {
            if (m_framer.error())
                failProtocol(*m_framer.error());
            break;
        }
        // A 3.1.1-only broker answers a 5.0 CONNECT with a 3.1.1 CONNACK (remaining length 2,
        // which 5.0 never uses): read it as 3.1.1 to see its "unacceptable protocol version".
        ProtocolVersion decodeVersion = version;
        if (m_phase != AttemptPhase::Connected && version == ProtocolVersion::V5
            && frame->size() == 4 && quint8(frame->at(0)) == 0x20 && frame->at(1) == 0x02)
            decodeVersion = ProtocolVersion::V311;
        if (packetTracing)
            tracePackets(*frame, PacketDirection::Received, decodeVersion, tracedAt, m_trace);
        DecodeResult result = decodePacket(*frame, decodeVersion);
        if (const auto *error = std::get_if<ProtocolError>(&result)) {
            failProtocol(*error);
            break;
        }
        if (!handlePacket(std::get<Packet>(result), receivedAt))
            break;
        if (m_readOutput.messages.size() >= kMaximumBatch)
            emitMessages();
    }
    m_decoding = false;
    emitMessages(); // also after a slot ended the connection: what was acknowledged is delivered
    emitTrace();
    scheduleDeferredSignals();
}

void MqttClientPrivate::emitMessages()
{
    // Acks go out before the messages are handed on: a connection lost while the receiver is
    // busy with them must not leave them unacknowledged, to be delivered again.
    flushReadBytes();
    emitTrace();
    if (m_readOutput.messages.isEmpty())
        return;
    // The member keeps its capacity between reads when the receiver did not keep the list, so
    // steady traffic reuses one warm buffer instead of faulting in fresh pages every read.
    emit q->messagesReceived(m_readOutput.messages);
    m_readOutput.messages.clear();
}

void MqttClientPrivate::noteUnlistedRefusal(const PubAckPacket &ack) const
{
    const auto code = quint8(ack.reason);
    if (isAllowedReason(ack.type, code))
        return;
    qCWarning(lcClient).noquote()
        << QStringLiteral("The server refused message %1 with reason 0x%2 (%3), which %4 may not "
                          "carry (MQTT 5.0 3.4.2.1); taken as the refusal it is")
               .arg(ack.packetId)
               .arg(uint(code), 2, 16, QLatin1Char('0'))
               .arg(reasonCodeName(ack.reason), packetTypeName(ack.type));
}

bool MqttClientPrivate::handlePacket(Packet &packet, qint64 receivedAt)
{
    const PacketType type = packetTypeOf(packet);
    if (lcClientVerbose().isDebugEnabled())
        qCDebug(lcClientVerbose).noquote() << "received" << packetTypeName(type);
    const quint64 generation = m_generation;
    const bool allowedBeforeConnack =
        type == PacketType::Connack || type == PacketType::Auth || type == PacketType::Disconnect;
    if (m_phase != AttemptPhase::Connected && !allowedBeforeConnack) {
        failProtocol({ReasonCode::ProtocolError,
                      MqttClient::tr("%1 before CONNACK").arg(packetTypeName(type))});
        return false;
    }
    if (type == PacketType::Puback || type == PacketType::Pubrec)
        noteUnlistedRefusal(std::get<PubAckPacket>(packet));
    switch (type) {
    case PacketType::Publish:
    case PacketType::Puback:
    case PacketType::Pubrec:
    case PacketType::Pubrel:
    case PacketType::Pubcomp:
    case PacketType::Suback:
    case PacketType::Unsuback:
        m_session.packetReceived(packet, receivedAt, m_readOutput);
        return carryOut(m_readOutput);
    case PacketType::Connack:
        onConnack(std::get<ConnackPacket>(packet));
        break;
    case PacketType::Pingresp:
        m_keepAlive->notePingResponse();
        break;
    case PacketType::Disconnect:
        emitMessages();
        if (generation == m_generation)
            handleServerDisconnect(std::get<DisconnectPacket>(packet));
        break;
    case PacketType::Auth:
        emit q->authReceived(std::get<AuthPacket>(packet));
        break;
    case PacketType::Connect:
    case PacketType::Subscribe:
    case PacketType::Unsubscribe:
    case PacketType::Pingreq:
        failProtocol({ReasonCode::ProtocolError,
                      MqttClient::tr("%1 is never sent by a server").arg(packetTypeName(type))});
        break;
    }
    return generation == m_generation;
}

void MqttClientPrivate::handleServerDisconnect(const DisconnectPacket &disconnect)
{
    const QString text = describeReason(disconnect.reason, disconnect.properties);
    qCWarning(lcClient).noquote() << "The server disconnected us:" << text;
    const quint64 generation = m_generation;
    emit q->serverDisconnected(disconnect);
    if (generation == m_generation)
        teardown(MqttClient::tr("Disconnected by the server: %1").arg(text), AfterClose::Reconnect);
}

void MqttClientPrivate::failProtocol(const ProtocolError &error)
{
    // What arrived before the bad packet was acknowledged: it is delivered first.
    const quint64 generation = m_generation;
    emitMessages();
    if (generation != m_generation)
        return;
    qCWarning(lcClient).noquote() << "Bad packet from the server:" << error.message
                                  << "- closing with" << reasonCodeName(error.reason);
    // 5.0 tells the server why [MQTT-4.13.1-1]; 3.1.1 just closes [MQTT-4.8.0-1].
    if (m_transport && connectSent() && version == ProtocolVersion::V5)
        sendPacket(DisconnectPacket{error.reason, {}});
    teardown(describeProtocolError(error), AfterClose::Reconnect);
}

// ---------------------------------------------------------------------------------------------
// Sending

bool MqttClientPrivate::sendPacket(const Packet &packet)
{
    if (!m_transport)
        return false;
    const quint32 maximum = m_phase == AttemptPhase::Connected
        ? lastConnack.properties.maximumPacketSize.value_or(0)
        : 0;
    const std::optional<QByteArray> bytes = encodeOutgoing(packet, version, maximum);
    if (bytes)
        writeBytes(*bytes);
    return bytes.has_value();
}

void MqttClientPrivate::writeBytes(const QByteArray &bytes)
{
    if (bytes.isEmpty() || !m_transport)
        return;
    m_keepAlive->noteSent();
    m_unreportedSent += bytes.size();
    if (m_decoding) {
        m_readOutput.bytes += bytes; // traced when written, with the read's acks
    } else {
        if (packetTracing)
            traceWritten(bytes);
        m_transport->write(bytes);
    }
    scheduleDeferredSignals();
}

qint64 MqttClientPrivate::bytesToWrite() const
{
    return m_transport ? m_transport->bytesToWrite() : 0;
}

void MqttClientPrivate::flushReadBytes()
{
    if (m_transport && !m_readOutput.bytes.isEmpty()) {
        if (packetTracing)
            traceWritten(m_readOutput.bytes);
        m_transport->write(m_readOutput.bytes);
    }
    m_readOutput.bytes.clear();
    m_session.acksWritten();
}

void MqttClientPrivate::traceWritten(const QByteArray &bytes)
{
    tracePackets(bytes, PacketDirection::Sent, version, traceClockUs(), m_trace);
}

void MqttClientPrivate::emitTrace()
{
    if (m_trace.isEmpty())
        return;
    emit q->packetsTraced(std::exchange(m_trace, {}));
}

bool MqttClientPrivate::carryOut(SessionOutput &out)
{
    const quint64 generation = m_generation;
    if (&out != &m_readOutput)
        writeBytes(std::exchange(out.bytes, {}));
    // By index and by copy: a slot may publish, which adds to the read's output.
    for (qsizetype i = 0; i < out.events.size() && generation == m_generation; ++i) {
        const SessionEvent event = out.events.at(i);
        emitEvent(event);
    }
    out.events.clear();
    if (generation != m_generation)
        return false;
    if (out.violation) {
        failProtocol(*std::exchange(out.violation, std::nullopt));
        return false;
    }
    return true;
}

void MqttClientPrivate::emitEvent(const SessionEvent &event)
{
    if (const auto *finished = std::get_if<PublishFinished>(&event)) {
        emit q->publishFinished(finished->token, finished->reason, finished->reasonString);
    } else if (const auto *written = std::get_if<PublishWritten>(&event)) {
        m_writtenQos0.append(written->token); // after the caller got its token
        scheduleDeferredSignals();
    } else if (const auto *subscribed = std::get_if<SubscribeFinished>(&event)) {
        emit q->subscribeFinished(subscribed->token, subscribed->suback);
    } else if (const auto *unsubscribed = std::get_if<UnsubscribeFinished>(&event)) {
        emit q->unsubscribeFinished(unsubscribed->token, unsubscribed->unsuback);
    } else if (const auto *problem = std::get_if<SessionProblem>(&event)) {
        emit q->errorOccurred(problem->text);
    }
}

quint64 MqttClientPrivate::publish(const Message &message)
{
    SessionOutput out;
    const quint64 token = m_session.publish(message, out);
    carryOut(out);
    return token;
}

quint64 MqttClientPrivate::subscribe(const QList<Subscription> &subscriptions,
                                     const Properties &properties)
{
    SessionOutput out;
    const quint64 token = m_session.subscribe(subscriptions, properties, out);
    carryOut(out);
    return token;
}

quint64 MqttClientPrivate::unsubscribe(const QList<QString> &filters, const Properties &properties)
{
    SessionOutput out;
    const quint64 token = m_session.unsubscribe(filters, properties, out);
    carryOut(out);
    return token;
}

void MqttClientPrivate::sendAuth(const AuthPacket &auth)
{
    if (!m_transport || !connectSent() || version != ProtocolVersion::V5) {
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
    QMetaObject::invokeMethod(
        q, [this] { emitDeferredSignals(); }, Qt::QueuedConnection);
}

void MqttClientPrivate::emitDeferredSignals()
{
    m_deferredScheduled = false;
    emitTrace();
    const QList<quint64> written = std::exchange(m_writtenQos0, {});
    for (quint64 token : written)
        emit q->publishFinished(token, ReasonCode::Success, QString());
    const qint64 received = std::exchange(m_unreportedReceived, 0);
    const qint64 sent = std::exchange(m_unreportedSent, 0);
    if (received || sent)
        emit q->bytesTransferred(received, sent);
}

} // namespace mqttscope

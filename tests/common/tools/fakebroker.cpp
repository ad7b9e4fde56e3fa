// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakebroker.h"

#include "loopbackendpoint.h"

#include <QPointer>
#include <QTcpSocket>

namespace mqttscope::test {

// One accepted connection and what the client sent on it. Kept after it closed, as a record.
struct FakeBroker::Connection
{
    int index = 0;
    QPointer<QTcpSocket> socket; // deletes itself once closed and flushed
    Framer framer;
    ProtocolVersion version = ProtocolVersion::V5;
    bool connectSeen = false;
    bool closed = false;
    QList<Packet> packets;
};

FakeBroker::FakeBroker(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeBroker::accept);
}

FakeBroker::~FakeBroker()
{
    for (const auto &connection : m_connections) {
        delete connection->socket.data();
    }
}

bool FakeBroker::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        m_error = m_server.errorString();
        return false;
    }
    return true;
}

quint16 FakeBroker::port() const
{
    return m_server.serverPort();
}

Endpoint FakeBroker::endpoint() const
{
    return loopbackEndpoint(port());
}

void FakeBroker::setConnectHandler(ConnectHandler handler)
{
    m_connectHandler = std::move(handler);
}

void FakeBroker::setAnswersRequests(bool answers)
{
    m_answersRequests = answers;
}

bool FakeBroker::send(const QByteArray &bytes)
{
    if (m_connections.empty() || m_connections.back()->closed)
        return false;
    m_connections.back()->socket->write(bytes);
    return true;
}

void FakeBroker::hangUp()
{
    if (!m_connections.empty())
        close(m_connections.back().get());
}

QList<Packet> FakeBroker::received(int connection) const
{
    if (connection < 0 || connection >= connectionCount())
        return {};
    return m_connections[size_t(connection)]->packets;
}

ProtocolVersion FakeBroker::version(int connection) const
{
    if (connection < 0 || connection >= connectionCount())
        return ProtocolVersion::V5;
    return m_connections[size_t(connection)]->version;
}

bool FakeBroker::isClosed(int connection) const
{
    return connection >= 0 && connection < connectionCount()
        && m_connections[size_t(connection)]->closed;
}

QByteArray FakeBroker::connack(ProtocolVersion version, ReasonCode reason,
                               const Properties &properties, bool sessionPresent)
{
    ConnackPacket connack;
    connack.sessionPresent = sessionPresent;
    connack.reason = reason;
    connack.properties = properties;
    return encodePacket(connack, version);
}

QByteArray FakeBroker::connack311(quint8 returnCode)
{
    return QByteArray::fromRawData("\x20\x02\x00", 3) + char(returnCode);
}

QList<FakeBroker::FiveRefusal> FakeBroker::fiveRefusalsSeenInTheField()
{
    return {
        {"return code 1, session present",
         FakeConnectReply{QByteArray::fromHex("20020101"), false}},
        {"return code 1", FakeConnectReply{connack311(1), true}},
        {"5.0 reason 0x84",
         FakeConnectReply{connack(ProtocolVersion::V5, ReasonCode::UnsupportedProtocolVersion),
                          true}},
        {"closed without CONNACK", FakeConnectReply{QByteArray(), true}},
    };
}

void FakeBroker::actAsOldBroker(const FakeConnectReply &refusal, const QByteArray &topic,
                                const QByteArray &payload)
{
    setConnectHandler([refusal](const ConnectPacket &connect, int) {
        if (connect.version == ProtocolVersion::V5)
            return refusal;
        return FakeConnectReply{FakeBroker::connack(connect.version)};
    });
    connect(this, &FakeBroker::packetReceived, this,
            [this, topic, payload](int, const Packet &packet) {
                if (std::holds_alternative<SubscribePacket>(packet))
                    send(encodePacket(PublishPacket{topic, payload, 0, false, false, 0, {}},
                                      ProtocolVersion::V311));
            });
}

QByteArray FakeBroker::packet(quint8 firstByte, const QByteArray &body)
{
    QByteArray bytes(1, char(firstByte));
    appendVariableByteInteger(bytes, quint32(body.size()));
    return bytes + body;
}

QByteArray FakeBroker::field(const QByteArray &bytes)
{
    QByteArray out;
    out.append(char(bytes.size() >> 8)).append(char(bytes.size() & 0xff));
    return out + bytes;
}

void FakeBroker::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto connection = std::make_unique<Connection>();
        connection->index = connectionCount();
        connection->socket = socket;
        Connection *raw = connection.get();
        m_connections.push_back(std::move(connection));
        connect(socket, &QTcpSocket::readyRead, this, [this, raw] { read(raw); });
        connect(socket, &QTcpSocket::disconnected, this, [this, raw] { close(raw); });
        emit clientConnected(raw->index);
    }
}

void FakeBroker::read(Connection *connection)
{
    connection->framer.append(connection->socket->readAll());
    while (!connection->closed) {
        const std::optional<QByteArrayView> bytes = connection->framer.next();
        if (!bytes)
            break;
        // Before CONNECT the version is unknown; the codec reads CONNECT's own version.
        DecodeResult result = decodePacket(*bytes, connection->version);
        if (const auto *error = std::get_if<ProtocolError>(&result)) {
            m_clientErrors.append(
                QStringLiteral("connection %1: %2").arg(connection->index).arg(error->message));
            close(connection);
            return;
        }
        handle(connection, std::get<Packet>(result));
    }
    if (const auto &error = connection->framer.error(); error && !connection->closed) {
        m_clientErrors.append(
            QStringLiteral("connection %1: %2").arg(connection->index).arg(error->message));
        close(connection);
    }
}

void FakeBroker::handle(Connection *connection, const Packet &packet)
{
    connection->packets.append(packet);
    emit packetReceived(connection->index, packet);
    if (connection->closed)
        return;
    if (const auto *connect = std::get_if<ConnectPacket>(&packet)) {
        connection->version = connect->version;
        connection->connectSeen = true;
        const FakeConnectReply reply = m_connectHandler
            ? m_connectHandler(*connect, connection->index)
            : FakeConnectReply{connack(connect->version)};
        connection->socket->write(reply.bytes);
        if (reply.hangUp)
            close(connection);
        return;
    }
    if (std::holds_alternative<DisconnectPacket>(packet)) {
        close(connection);
        return;
    }
    if (m_answersRequests && connection->connectSeen)
        answer(connection, packet);
}

static PubAckPacket acknowledgement(PacketType type, quint16 packetId)
{
    PubAckPacket ack;
    ack.type = type;
    ack.packetId = packetId;
    return ack;
}

void FakeBroker::answer(Connection *connection, const Packet &packet)
{
    if (std::holds_alternative<PingreqPacket>(packet)) {
        write(connection, PingrespPacket{});
    } else if (const auto *subscribe = std::get_if<SubscribePacket>(&packet)) {
        SubackPacket suback;
        suback.packetId = subscribe->packetId;
        for (const Subscription &subscription : subscribe->subscriptions)
            suback.reasons.append(ReasonCode(subscription.qos)); // GrantedQoS0/1/2 are 0/1/2
        write(connection, suback);
    } else if (const auto *unsubscribe = std::get_if<UnsubscribePacket>(&packet)) {
        UnsubackPacket unsuback;
        unsuback.packetId = unsubscribe->packetId;
        if (connection->version == ProtocolVersion::V5)
            unsuback.reasons = QList<ReasonCode>(unsubscribe->filters.size(), ReasonCode::Success);
        write(connection, unsuback);
    } else if (const auto *publish = std::get_if<PublishPacket>(&packet);
               publish && publish->qos > 0) {
        write(connection,
              acknowledgement(publish->qos == 1 ? PacketType::Puback : PacketType::Pubrec,
                              publish->packetId));
    } else if (const auto *ack = std::get_if<PubAckPacket>(&packet);
               ack && ack->type == PacketType::Pubrel) {
        write(connection, acknowledgement(PacketType::Pubcomp, ack->packetId));
    }
}

void FakeBroker::write(Connection *connection, const Packet &packet)
{
    connection->socket->write(encodePacket(packet, connection->version));
}

void FakeBroker::close(Connection *connection)
{
    if (connection->closed)
        return;
    connection->closed = true;
    QTcpSocket *socket = connection->socket;
    socket->disconnect(this);
    // A FIN after what was queued, not a RST: a RST could make the client drop bytes it has
    // not read yet, and the test would no longer know what the client saw.
    if (socket->state() == QAbstractSocket::UnconnectedState) {
        socket->deleteLater();
    } else {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
    }
    emit connectionClosed(connection->index);
}

} // namespace mqttscope::test

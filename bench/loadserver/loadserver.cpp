// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadserver.h"

#include "protocol/codec.h"
#include "protocol/framer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

namespace mqttscope::bench {

namespace {

bool sendAll(int fd, const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= std::size_t(n);
    }
    return true;
}

bool sendPacket(int fd, const Packet &packet, ProtocolVersion version)
{
    const QByteArray bytes = encodePacket(packet, version);
    return sendAll(fd, bytes.constData(), std::size_t(bytes.size()));
}

// Blocks until the next whole packet arrives; nullopt when the peer closed or sent garbage.
std::optional<Packet> receivePacket(int fd, Framer &framer, ProtocolVersion version)
{
    for (;;) {
        if (const auto bytes = framer.next()) {
            DecodeResult decoded = decodePacket(*bytes, version);
            if (auto *packet = std::get_if<Packet>(&decoded))
                return std::move(*packet);
            std::fprintf(stderr, "loadserver: %s\n",
                         qPrintable(std::get<ProtocolError>(decoded).message));
            return std::nullopt;
        }
        if (framer.error())
            return std::nullopt;
        char buffer[65536];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return std::nullopt;
        framer.append(QByteArray(buffer, n));
    }
}

// All the spec's PUBLISH packets back to back, message i on topic i % topics.
QByteArray encodePublishes(const LoadSpec &spec, ProtocolVersion version)
{
    QByteArray all;
    PublishPacket publish;
    publish.qos = quint8(spec.qos);
    publish.retain = spec.retain;
    quint16 packetId = 0;
    for (std::uint64_t i = 0; i < spec.messages; ++i) {
        const std::uint32_t t = std::uint32_t(i % spec.topics);
        publish.topic = spec.topicPrefix + "/dev" + QByteArray::number(t / 100) + "/sensor"
                + QByteArray::number(t % 100);
        QByteArray payload = "{\"seq\":" + QByteArray::number(quint64(i)) + ",\"value\":"
                + QByteArray::number(double(i % 1000) / 10.0) + '}';
        payload.resize(qMax<qsizetype>(payload.size(), spec.payloadBytes), ' ');
        payload.truncate(spec.payloadBytes);
        publish.payload = payload;
        if (spec.qos > 0)
            publish.packetId = packetId = quint16(packetId % 65535 + 1);
        all += encodePacket(publish, version);
    }
    return all;
}

} // namespace

LoadServer::LoadServer(const LoadSpec &spec)
    : m_spec(spec),
      // Encoded before listening, so that encoding is never part of what a client measures.
      m_publishesV311(encodePublishes(spec, ProtocolVersion::V311)),
      m_publishesV5(encodePublishes(spec, ProtocolVersion::V5))
{
}

int LoadServer::listen(int port)
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(std::uint16_t(port));
    if (::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || ::listen(m_listenFd, 4) != 0)
        return -1;
    socklen_t length = sizeof address;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length);
    return ntohs(address.sin_port);
}

void LoadServer::serve(int clients)
{
    for (int i = 0; i < clients; ++i) {
        const int fd = ::accept(m_listenFd, nullptr, nullptr);
        if (fd < 0)
            continue;
        serveOne(fd);
        ::close(fd);
    }
}

void LoadServer::serveOne(int fd)
{
    Framer framer;
    const auto connect = receivePacket(fd, framer, ProtocolVersion::V5);
    if (!connect || !std::holds_alternative<ConnectPacket>(*connect))
        return;
    const auto &connectPacket = std::get<ConnectPacket>(*connect);
    const ProtocolVersion version = connectPacket.version == ProtocolVersion::V5
            ? ProtocolVersion::V5
            : ProtocolVersion::V311;
    const quint16 receiveMaximum = connectPacket.properties.receiveMaximum.value_or(65535);
    sendPacket(fd, ConnackPacket {}, version);

    const QByteArray &publishes = version == ProtocolVersion::V5 ? m_publishesV5 : m_publishesV311;
    for (;;) {
        const auto packet = receivePacket(fd, framer, version);
        if (!packet)
            return;
        if (const auto *subscribe = std::get_if<SubscribePacket>(&*packet)) {
            SubackPacket suback;
            suback.packetId = subscribe->packetId;
            for (const Subscription &subscription : subscribe->subscriptions)
                suback.reasons.append(ReasonCode(qMin<int>(subscription.qos, m_spec.qos)));
            sendPacket(fd, suback, version);
            break;
        }
        if (std::holds_alternative<PingreqPacket>(*packet))
            sendPacket(fd, PingrespPacket {}, version);
    }

    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (m_spec.qos == 0) {
        if (!sendAll(fd, publishes.constData(), std::size_t(publishes.size())))
            return;
    } else {
        // QoS 1: keep at most the client's receive maximum unacknowledged [MQTT-3.3.4-9].
        const std::uint64_t window = qMin<std::uint64_t>(receiveMaximum, 1000);
        std::uint64_t sent = 0, acked = 0;
        qsizetype offset = 0;
        Framer sizer; // cuts the pre-encoded buffer into packets
        sizer.append(publishes);
        while (acked < m_spec.messages) {
            qsizetype end = offset;
            while (sent < m_spec.messages && sent - acked < window) {
                end += sizer.next()->size();
                ++sent;
            }
            if (end > offset && !sendAll(fd, publishes.constData() + offset, std::size_t(end - offset)))
                return;
            offset = end;
            const auto packet = receivePacket(fd, framer, version);
            if (!packet)
                return;
            if (std::holds_alternative<PubAckPacket>(*packet))
                ++acked;
            else if (std::holds_alternative<PingreqPacket>(*packet))
                sendPacket(fd, PingrespPacket {}, version);
        }
    }
    // Stay until the client leaves, as a broker would (answering its pings).
    while (const auto packet = receivePacket(fd, framer, version)) {
        if (std::holds_alternative<PingreqPacket>(*packet))
            sendPacket(fd, PingrespPacket {}, version);
        if (std::holds_alternative<DisconnectPacket>(*packet))
            return;
    }
}

bool publishToBroker(const LoadSpec &spec, const char *host, int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(std::uint16_t(port));
    if (::inet_pton(AF_INET, host, &address.sin_addr) != 1
        || ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        std::fprintf(stderr, "loadserver: cannot connect to %s:%d: %s\n", host, port,
                     std::strerror(errno));
        return false;
    }
    ConnectPacket connect;
    connect.version = ProtocolVersion::V311;
    connect.clientId = QStringLiteral("mqttscope-load");
    sendPacket(fd, connect, ProtocolVersion::V311);
    Framer framer;
    const auto connack = receivePacket(fd, framer, ProtocolVersion::V311);
    if (!connack || !std::holds_alternative<ConnackPacket>(*connack)
        || isError(std::get<ConnackPacket>(*connack).reason)) {
        std::fprintf(stderr, "loadserver: the broker did not accept the connection\n");
        return false;
    }
    LoadSpec qos0 = spec;
    qos0.qos = 0;
    const QByteArray publishes = encodePublishes(qos0, ProtocolVersion::V311);
    const bool ok = sendAll(fd, publishes.constData(), std::size_t(publishes.size()))
            && sendPacket(fd, DisconnectPacket {}, ProtocolVersion::V311);
    ::close(fd);
    return ok;
}

} // namespace mqttscope::bench

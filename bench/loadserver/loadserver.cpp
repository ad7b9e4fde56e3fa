// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadserver.h"

#include "decode/sparkplugpayload.h"
#include "protocol/codec.h"
#include "protocol/framer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fcntl.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <limits>
#include <cstdio>
#include <cstring>
#include <optional>

namespace mqttscope::bench {

namespace {

using Clock = std::chrono::steady_clock;
using namespace Qt::Literals::StringLiterals;

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

// The 20 metrics of a bench device, as its DBIRTH (names and aliases) or a DDATA (aliases).
QList<Sparkplug::CommandMetric> deviceMetrics(std::uint64_t i, bool birth)
{
    static const QString types[] = {u"Float"_s, u"Double"_s, u"Int32"_s, u"Boolean"_s, u"Int64"_s};
    QList<Sparkplug::CommandMetric> metrics;
    for (int m = 0; m < 20; ++m) {
        const QString &type = types[m % 5];
        const QVariant value = type == u"Boolean"_s ? QVariant((i + m) % 2 == 0)
            : type.startsWith(u"Int"_s)             ? QVariant(qint64(i % 1000 + m))
                                                    : QVariant(double(i % 1000) / 10.0 + m);
        metrics.append(
            {birth ? u"Line/Machine/Sensor%1"_s.arg(m) : QString(), type, value, quint64(m + 1)});
    }
    return metrics;
}

// A Sparkplug B session over the spec's topics (see LoadSpec::sparkplug), `spec.messages` in all.
QByteArray encodeSparkplug(const LoadSpec &spec, ProtocolVersion version)
{
    QByteArray all;
    PublishPacket publish;
    const std::uint32_t nodes = (spec.topics + 99) / 100;
    std::vector<quint64> seq(nodes, 0);
    const QByteArray root = "spBv1.0/" + spec.topicPrefix;
    const auto node = [&](std::uint32_t n) { return "/node" + QByteArray::number(n); };
    for (std::uint64_t i = 0; i < spec.messages; ++i) {
        const std::uint64_t step = i < nodes ? 0 : i - nodes; // the NBIRTHs first
        const std::uint32_t t = std::uint32_t(step % spec.topics);
        const std::uint32_t n = i < nodes ? std::uint32_t(i) : t / 100;
        const bool dbirth = i >= nodes && step < spec.topics;
        QList<Sparkplug::CommandMetric> metrics;
        if (i < nodes) {
            publish.topic = root + "/NBIRTH" + node(n);
            metrics = {{u"bdSeq"_s, u"UInt64"_s, 0, std::nullopt}};
        } else {
            publish.topic = root + (dbirth ? "/DBIRTH" : "/DDATA") + node(n) + "/device"
                + QByteArray::number(t % 100);
            metrics = deviceMetrics(i, dbirth);
        }
        const quint64 thisSeq = seq[n];
        seq[n] = (seq[n] + 1) % 256;
        publish.payload =
            *Sparkplug::encodePayload(metrics, 1700000000000 + qint64(i), thisSeq, nullptr);
        all += encodePacket(publish, version);
    }
    return all;
}

// Message i's JSON, padded to the spec's size: with spaces, or (jsonFill) with an array of
// samples closed in time and spaces for the last few bytes.
QByteArray jsonPayload(const LoadSpec &spec, std::uint64_t i)
{
    const QByteArray value = QByteArray::number(double(i % 1000) / 10.0);
    QByteArray payload = "{\"seq\":" + QByteArray::number(quint64(i)) + ",\"value\":" + value;
    if (spec.jsonFill && payload.size() + 16 < qsizetype(spec.payloadBytes)) {
        payload.reserve(spec.payloadBytes);
        payload += ",\"samples\":[";
        for (std::uint64_t k = 0;; ++k) {
            const QByteArray sample = (k > 0 ? ",{\"t\":" : "{\"t\":") + QByteArray::number(k)
                + ",\"v\":" + QByteArray::number(double((i + k) % 1000) / 10.0) + '}';
            if (payload.size() + sample.size() + 2 > qsizetype(spec.payloadBytes))
                break;
            payload += sample;
        }
        payload += ']';
    }
    payload += '}';
    payload.resize(qMax<qsizetype>(payload.size(), spec.payloadBytes), ' ');
    payload.truncate(spec.payloadBytes);
    return payload;
}

// How many different packets are encoded; the stream sends them in turn.
std::uint64_t encodedCount(const LoadSpec &spec)
{
    return spec.distinct > 0 ? qMin(spec.messages, spec.distinct) : spec.messages;
}

// The spec's PUBLISH packets back to back (encodedCount() of them), message i on topic i % topics.
QByteArray encodePublishes(const LoadSpec &spec, ProtocolVersion version)
{
    if (spec.sparkplug)
        return encodeSparkplug(spec, version);
    QByteArray all;
    PublishPacket publish;
    publish.qos = quint8(spec.qos);
    publish.retain = spec.retain;
    quint16 packetId = 0;
    for (std::uint64_t i = 0; i < encodedCount(spec); ++i) {
        const std::uint32_t t = std::uint32_t(i % spec.topics);
        publish.topic = spec.topicPrefix + "/dev" + QByteArray::number(t / 100) + "/sensor"
            + QByteArray::number(t % 100);
        publish.payload = jsonPayload(spec, i);
        if (spec.qos > 0)
            publish.packetId = packetId = quint16(packetId % 65535 + 1);
        all += encodePacket(publish, version);
    }
    return all;
}

// Byte offsets at which each packet of a pre-encoded buffer ends.
std::vector<qsizetype> packetEnds(const QByteArray &packets)
{
    std::vector<qsizetype> ends;
    Framer sizer;
    sizer.append(packets);
    qsizetype end = 0;
    while (const auto packet = sizer.next())
        ends.push_back(end += packet->size());
    return ends;
}

SubackPacket subackFor(const SubscribePacket &subscribe, int maximumQos)
{
    SubackPacket suback;
    suback.packetId = subscribe.packetId;
    for (const Subscription &subscription : subscribe.subscriptions)
        suback.reasons.append(ReasonCode(qMin<int>(subscription.qos, maximumQos)));
    return suback;
}

double millisecondsBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

} // namespace

LoadServer::LoadServer(const LoadSpec &spec)
    : m_spec(spec)
    ,
    // Encoded before listening, so that encoding is never part of what a client measures.
    m_publishesV311(encodePublishes(spec, ProtocolVersion::V311))
    , m_publishesV5(encodePublishes(spec, ProtocolVersion::V5))
    , m_endsV311(packetEnds(m_publishesV311))
    , m_endsV5(packetEnds(m_publishesV5))
{
}

int LoadServer::listen(int port)
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
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

int LoadServer::accept() const
{
    return ::accept(m_listenFd, nullptr, nullptr);
}

ServeReport LoadServer::serveOne(int fd)
{
    ServeReport report;
    auto lastHeard = Clock::now();
    const auto heard = [&] {
        const auto now = Clock::now();
        report.maxSilenceMs = std::max(report.maxSilenceMs, millisecondsBetween(lastHeard, now));
        lastHeard = now;
    };

    Framer framer;
    const auto connect = receivePacket(fd, framer, ProtocolVersion::V5);
    if (!connect || !std::holds_alternative<ConnectPacket>(*connect)) {
        ::close(fd);
        return report;
    }
    heard();
    const auto &connectPacket = std::get<ConnectPacket>(*connect);
    const ProtocolVersion version =
        connectPacket.version == ProtocolVersion::V5 ? ProtocolVersion::V5 : ProtocolVersion::V311;
    report.keepAliveSeconds = connectPacket.keepAlive;
    const quint16 receiveMaximum = connectPacket.properties.receiveMaximum.value_or(65535);
    sendPacket(fd, ConnackPacket{}, version);

    // The stream starts with the first SUBSCRIBE.
    for (;;) {
        const auto packet = receivePacket(fd, framer, version);
        if (!packet) {
            ::close(fd);
            return report;
        }
        heard();
        if (const auto *subscribe = std::get_if<SubscribePacket>(&*packet)) {
            sendPacket(fd, subackFor(*subscribe, m_spec.qos), version);
            break;
        }
        if (std::holds_alternative<PingreqPacket>(*packet)) {
            ++report.pings;
            sendPacket(fd, PingrespPacket{}, version);
        }
    }

    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

    const QByteArray &publishes = version == ProtocolVersion::V5 ? m_publishesV5 : m_publishesV311;
    const std::vector<qsizetype> &ends = version == ProtocolVersion::V5 ? m_endsV5 : m_endsV311;
    // The encoded packets are sent in turn ("laps") until spec.messages are out; offsets count
    // the bytes of the whole stream.
    const std::uint64_t lap = ends.size();
    const std::uint64_t total = lap == 0 ? 0 : m_spec.messages;
    const qint64 lapBytes = publishes.size();
    const auto endOf = [&](std::uint64_t packet) {
        return qint64(packet / lap) * lapBytes + ends[packet % lap];
    };
    // QoS 1: keep at most the client's receive maximum unacknowledged [MQTT-3.3.4-9].
    const std::uint64_t window = m_spec.qos > 0 ? qMin<std::uint64_t>(receiveMaximum, 1000)
                                                : std::numeric_limits<std::uint64_t>::max();
    QByteArray control; // answers to the client, written at the next packet boundary
    qint64 offset = 0; // bytes of the stream written
    const auto start = Clock::now();
    bool sendDone = total == 0;
    for (bool open = true; open;) {
        std::uint64_t due = total;
        if (m_spec.messagesPerSecond > 0) {
            const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
            due = qMin(total, std::uint64_t(elapsed * m_spec.messagesPerSecond) + 1);
        }
        if (window != std::numeric_limits<std::uint64_t>::max())
            due = qMin(due, report.acked + window);

        const bool atBoundary = report.sent == 0 ? offset == 0 : offset == endOf(report.sent - 1);
        const char *data = nullptr;
        qsizetype size = 0;
        if (!control.isEmpty() && atBoundary) {
            data = control.constData();
            size = control.size();
        } else if (!atBoundary || report.sent < due) {
            // With an answer waiting, only finish the packet under way.
            const qint64 end =
                !control.isEmpty() ? endOf(report.sent) : endOf(qMax(due, report.sent + 1) - 1);
            const qint64 inLap = offset % lapBytes;
            data = publishes.constData() + inLap;
            size = qsizetype(qMin(end - offset, lapBytes - inLap));
        }
        if (!sendDone && report.sent == total) {
            sendDone = true;
            report.sendSeconds = std::chrono::duration<double>(Clock::now() - start).count();
        }
        // Waiting for the rate: the next messages fall due within a millisecond.
        const bool rateBound =
            m_spec.messagesPerSecond > 0 && due < total && due < report.acked + window;
        pollfd poll{fd, short(POLLIN | (size > 0 ? POLLOUT : 0)), 0};
        if (::poll(&poll, 1, size == 0 && rateBound ? 1 : -1) < 0 && errno != EINTR)
            break;

        if (poll.revents & POLLOUT) {
            const ssize_t n = ::send(fd, data, std::size_t(size), MSG_NOSIGNAL);
            if (n < 0 && errno != EAGAIN && errno != EINTR)
                break;
            if (n > 0 && data == control.constData()) {
                control.remove(0, n);
            } else if (n > 0) {
                offset += n;
                while (report.sent < total && endOf(report.sent) <= offset)
                    ++report.sent;
            }
        }
        if (poll.revents & (POLLIN | POLLHUP | POLLERR)) {
            char buffer[65536];
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n < 0 && (errno == EAGAIN || errno == EINTR))
                continue;
            heard();
            if (n <= 0)
                break;
            framer.append(QByteArray(buffer, n));
            while (const auto bytes = framer.next()) {
                DecodeResult decoded = decodePacket(*bytes, version);
                const auto *packet = std::get_if<Packet>(&decoded);
                if (!packet) {
                    open = false;
                    break;
                }
                if (std::holds_alternative<PingreqPacket>(*packet)) {
                    ++report.pings;
                    control += encodePacket(PingrespPacket{}, version);
                } else if (std::holds_alternative<PubAckPacket>(*packet)) {
                    ++report.acked;
                } else if (const auto *subscribe = std::get_if<SubscribePacket>(packet)) {
                    control += encodePacket(subackFor(*subscribe, m_spec.qos), version);
                } else if (const auto *unsubscribe = std::get_if<UnsubscribePacket>(packet)) {
                    UnsubackPacket unsuback;
                    unsuback.packetId = unsubscribe->packetId;
                    if (version == ProtocolVersion::V5)
                        unsuback.reasons.fill(ReasonCode::Success, unsubscribe->filters.size());
                    control += encodePacket(unsuback, version);
                } else if (std::holds_alternative<DisconnectPacket>(*packet)) {
                    report.disconnected = true;
                    open = false;
                    break;
                }
            }
            if (framer.error())
                break;
        }
    }
    ::close(fd);
    return report;
}

bool publishToBroker(const LoadSpec &spec, const char *host, int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
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
    const std::vector<qsizetype> ends = packetEnds(publishes);
    bool ok = true;
    for (std::uint64_t sent = 0; ok && !ends.empty() && sent < spec.messages;) {
        // A last lap that is not whole ends at a packet boundary.
        const std::uint64_t count = qMin<std::uint64_t>(ends.size(), spec.messages - sent);
        ok = sendAll(fd, publishes.constData(), std::size_t(ends[count - 1]));
        sent += count;
    }
    ok = ok && sendPacket(fd, DisconnectPacket{}, ProtocolVersion::V311);
    ::close(fd);
    return ok;
}

} // namespace mqttscope::bench

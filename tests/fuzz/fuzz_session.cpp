// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target over the session: whatever a server sends after our CONNECT, in either
// version, the session never crashes, writes only packets the codec accepts, never has more
// QoS 1/2 messages of its own in flight than its window (beyond what a resumed session carries
// over), and finishes every publish at most once. The first input byte picks the version and the
// window; the rest are the server's bytes, framed and decoded as the client does.

#include "client/session.h"
#include "protocol/codec.h"
#include "protocol/framer.h"

#include <QHash>

#include <cstdio>
#include <cstdlib>

using namespace mqttscope;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_session: %s\n", what);
        std::abort();
    }
}

constexpr qsizetype MaximumPackets = 64; // as in fuzz_codec: repetition must not pay

void checkWritten(const QByteArray &bytes, ProtocolVersion version)
{
    Framer framer;
    framer.append(bytes);
    while (const auto frame = framer.next())
        check(std::holds_alternative<Packet>(decodePacket(*frame, version)),
              "the session wrote a bad packet");
    check(!framer.error() && framer.bufferedBytes() == 0, "the session wrote a partial packet");
}

class Run
{
public:
    Run(ProtocolVersion version, quint16 window)
        : m_version(version)
    {
        SessionSettings settings;
        settings.maximumInflight = window;
        settings.receiveMaximum = 10;
        settings.topicAliasMaximum = 4;
        m_session.setSettings(settings);
        m_session.setAcceptingRequests(true);
        for (int i = 0; i < 30; ++i) {
            Message message;
            message.topic = "fuzz/out";
            message.payload = QByteArray::number(i);
            message.qos = quint8(i % 3);
            SessionOutput out;
            m_session.publish(message, out);
            carryOut(out);
        }
    }

    void receive(Packet &packet)
    {
        SessionOutput out;
        if (const auto *connack = std::get_if<ConnackPacket>(&packet)) {
            m_session.connectionLost();
            if (!isError(connack->reason)) {
                m_session.connectionAccepted(*connack, m_version, out);
                m_session.sendQueued(out);
                m_allowedInFlight = qMax(m_session.outboundWindow(), m_session.inFlightCount());
            }
        } else if (std::holds_alternative<DisconnectPacket>(packet)) {
            m_session.connectionLost();
        } else if (m_session.isLinkUp()) {
            m_session.packetReceived(packet, 0, out);
        }
        carryOut(out);
        if (out.violation)
            m_session.connectionLost(); // the client ends the connection on it
        check(m_session.inFlightCount() <= m_allowedInFlight, "more in flight than the window");
    }

private:
    void carryOut(const SessionOutput &out)
    {
        checkWritten(out.bytes, m_version);
        m_session.acksWritten();
        for (const SessionEvent &event : out.events) {
            quint64 token = 0;
            if (const auto *finished = std::get_if<PublishFinished>(&event))
                token = finished->token;
            else if (const auto *written = std::get_if<PublishWritten>(&event))
                token = written->token;
            if (token)
                check(++m_finished[token] == 1, "a publish finished twice");
        }
    }

    ProtocolVersion m_version;
    Session m_session;
    QHash<quint64, int> m_finished;
    int m_allowedInFlight = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const ProtocolVersion version = (data[0] & 1) ? ProtocolVersion::V5 : ProtocolVersion::V311;
    const quint16 window = quint16(data[0] >> 1); // 0 = only the server's Receive Maximum
    Run run(version, window);
    Framer framer(1 << 20);
    framer.append(QByteArray(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1));
    for (qsizetype count = 0; count < MaximumPackets; ++count) {
        const auto frame = framer.next();
        if (!frame)
            break;
        DecodeResult result = decodePacket(*frame, version);
        if (auto *packet = std::get_if<Packet>(&result))
            run.receive(*packet);
    }
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// The trace entry of each packet type reads its id, reason code and flags from the bytes, keeps a
// bounded copy of a PUBLISH that still decodes, and survives bytes that do not parse.

#include "client/packettrace.h"

#include <QTest>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(mqttscope::Packet)

namespace {

PacketTraceEntry traceOne(const Packet &packet, ProtocolVersion version)
{
    QList<PacketTraceEntry> out;
    tracePackets(encodePacket(packet, version), PacketDirection::Received, version, 42, out);
    return out.value(0);
}

PublishPacket publish(quint8 qos, quint16 id, QByteArray payload)
{
    PublishPacket p;
    p.topic = "a/b";
    p.payload = std::move(payload);
    p.qos = qos;
    p.packetId = id;
    return p;
}

} // namespace

class tst_PacketTrace : public QObject
{
    Q_OBJECT
private slots:
    void fieldsOfEachType_data();
    void fieldsOfEachType();
    void concatenatedWritesSplitIntoPackets();
    void longPublishKeepsAPreviewThatDecodes();
    void malformedBytesAreTracedNotRead();
};

void tst_PacketTrace::fieldsOfEachType_data()
{
    QTest::addColumn<Packet>("packet");
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("packetId");
    QTest::addColumn<int>("reasonCode");

    const int v5 = int(ProtocolVersion::V5);
    const int v311 = int(ProtocolVersion::V311);
    PublishPacket retained = publish(2, 7, "x");
    retained.retain = true;
    retained.dup = true;
    SubackPacket suback{9, {ReasonCode::GrantedQoS1}, {}};
    QTest::newRow("PUBLISH QoS 0") << Packet(publish(0, 0, "x")) << v5 << 0 << 0 << -1;
    QTest::newRow("PUBLISH QoS 2 dup retain 3.1.1") << Packet(retained) << v311 << 0xD << 7 << -1;
    QTest::newRow("PUBACK 5.0 short form")
        << Packet(PubAckPacket{PacketType::Puback, 3, ReasonCode::Success, {}}) << v5 << 0 << 3
        << 0;
    QTest::newRow("PUBREC 5.0 error")
        << Packet(PubAckPacket{PacketType::Pubrec, 4, ReasonCode::QuotaExceeded, {}}) << v5 << 0
        << 4 << int(ReasonCode::QuotaExceeded);
    QTest::newRow("PUBREL 3.1.1") << Packet(
        PubAckPacket{PacketType::Pubrel, 5, ReasonCode::Success, {}})
                                  << v311 << 2 << 5 << -1;
    QTest::newRow("SUBACK 5.0") << Packet(suback) << v5 << 0 << 9 << 1;
    QTest::newRow("SUBACK 3.1.1") << Packet(suback) << v311 << 0 << 9 << 1;
    QTest::newRow("CONNACK refused")
        << Packet(ConnackPacket{false, ReasonCode::NotAuthorized, 0x87, {}}) << v5 << 0 << 0
        << 0x87;
    QTest::newRow("PINGRESP") << Packet(PingrespPacket{}) << v311 << 0 << 0 << -1;
    QTest::newRow("DISCONNECT 5.0 short form") << Packet(DisconnectPacket{}) << v5 << 0 << 0 << 0;
}

void tst_PacketTrace::fieldsOfEachType()
{
    QFETCH(Packet, packet);
    QFETCH(int, version);
    const PacketTraceEntry entry = traceOne(packet, ProtocolVersion(version));
    QCOMPARE(entry.type, packetTypeOf(packet));
    QTEST(int(entry.flags), "flags");
    QTEST(int(entry.packetId), "packetId");
    QTEST(int(entry.reasonCode), "reasonCode");
    QCOMPARE(entry.timeUs, 42);
    QCOMPARE(entry.size, encodePacket(packet, ProtocolVersion(version)).size());
    QVERIFY(!entry.isTruncated());
    const DecodeResult decoded = decodeTraced(entry);
    QVERIFY(std::holds_alternative<Packet>(decoded));
}

void tst_PacketTrace::concatenatedWritesSplitIntoPackets()
{
    // The session writes a read's acks in one buffer.
    const QByteArray bytes =
        encodePacket(PubAckPacket{PacketType::Puback, 1, ReasonCode::Success, {}},
                     ProtocolVersion::V311)
        + encodePacket(PubAckPacket{PacketType::Pubrec, 2, ReasonCode::Success, {}},
                       ProtocolVersion::V311)
        + encodePacket(PingreqPacket{}, ProtocolVersion::V311);
    QList<PacketTraceEntry> out;
    tracePackets(bytes, PacketDirection::Sent, ProtocolVersion::V311, 1, out);
    QCOMPARE(out.size(), 3);
    QCOMPARE(out.at(0).type, PacketType::Puback);
    QCOMPARE(out.at(0).packetId, 1);
    QCOMPARE(out.at(1).type, PacketType::Pubrec);
    QCOMPARE(out.at(1).packetId, 2);
    QCOMPARE(out.at(2).type, PacketType::Pingreq);
    QCOMPARE(out.at(2).direction, PacketDirection::Sent);
}

void tst_PacketTrace::longPublishKeepsAPreviewThatDecodes()
{
    for (const ProtocolVersion version : {ProtocolVersion::V311, ProtocolVersion::V5}) {
        PublishPacket big = publish(1, 300, QByteArray(100'000, 'p'));
        if (version == ProtocolVersion::V5)
            big.properties.edit().contentType = u"text/plain"_s;
        const QByteArray wire = encodePacket(big, version);
        const PacketTraceEntry entry = traceOne(big, version);
        QCOMPARE(entry.size, wire.size());
        QCOMPARE(entry.payloadSize, 100'000);
        QVERIFY(entry.isTruncated());
        QVERIFY(entry.bytes.size() < 400);
        QCOMPARE(entry.publishTopic(), "a/b");
        QCOMPARE(entry.packetId, 300);
        const DecodeResult decoded = decodeTraced(entry);
        const auto *packet = std::get_if<Packet>(&decoded);
        QVERIFY(packet);
        const auto &preview = std::get<PublishPacket>(*packet);
        QCOMPARE(preview.payload, QByteArray(PacketTraceEntry::PayloadPreviewBytes, 'p'));
        QCOMPARE(preview.properties, big.properties);
    }
}

void tst_PacketTrace::malformedBytesAreTracedNotRead()
{
    // A PUBACK whose remaining length promises bytes that are not there, and a lone byte.
    for (const QByteArray &bytes : {QByteArray("\x40\x05\x00", 3), QByteArray("\x30", 1),
                                    QByteArray("\x30\x03\xff\xff\x00", 5)}) {
        QList<PacketTraceEntry> out;
        tracePackets(bytes, PacketDirection::Received, ProtocolVersion::V5, 0, out);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.at(0).size, bytes.size());
        QVERIFY(std::holds_alternative<ProtocolError>(decodeTraced(out.at(0))));
    }
}

QTEST_GUILESS_MAIN(tst_PacketTrace)
#include "tst_packettrace.moc"

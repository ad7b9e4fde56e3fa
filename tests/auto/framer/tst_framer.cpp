// SPDX-License-Identifier: GPL-3.0-or-later
// The framer cuts a byte stream into whole packets however the stream is split, enforces the
// receive limit from the header alone, and stays failed after an error until reset.

#include "protocol/codec.h"
#include "protocol/framer.h"

#include <QTest>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

namespace {

// Packets of both versions and of all remaining-length sizes up to three bytes.
QList<QByteArray> samplePackets()
{
    ConnectPacket connect;
    connect.clientId = u"framer"_s;
    connect.properties.sessionExpiryInterval = 60;
    PublishPacket small{QByteArray("a"), QByteArray(), 0, false, false, 0, {}};
    PublishPacket medium{QByteArray("b/c"), QByteArray(200, 'm'), 1, false, false, 1, {}};
    PublishPacket large{QByteArray("d"), QByteArray(20000, 'l'), 2, true, false, 2, {}};
    return {
        encodePacket(connect, ProtocolVersion::V5),
        encodePacket(small, ProtocolVersion::V311),
        encodePacket(PingrespPacket{}, ProtocolVersion::V311),
        encodePacket(medium, ProtocolVersion::V5),
        encodePacket(PubAckPacket{PacketType::Puback, 1, ReasonCode::Success, {}},
                     ProtocolVersion::V5),
        encodePacket(large, ProtocolVersion::V311),
        encodePacket(DisconnectPacket{}, ProtocolVersion::V5),
    };
}

QList<QByteArray> drain(Framer &framer)
{
    QList<QByteArray> packets;
    while (const auto packet = framer.next())
        packets.append(packet->toByteArray());
    return packets;
}

} // namespace

class tst_Framer : public QObject
{
    Q_OBJECT

private slots:
    void splitAtEveryBoundary();
    void byteByByte();
    void viewsStayValidUntilAppend();
    void maximumPacketSize_data();
    void maximumPacketSize();
    void badRemainingLength_data();
    void badRemainingLength();
    void errorIsStickyUntilReset();
};

void tst_Framer::splitAtEveryBoundary()
{
    const QList<QByteArray> packets = samplePackets();
    const QByteArray stream = packets.join();
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        Framer framer;
        framer.append(stream.first(cut));
        QList<QByteArray> received = drain(framer);
        framer.append(stream.sliced(cut));
        received += drain(framer);
        QVERIFY2(received == packets, qPrintable(u"cut at %1"_s.arg(cut)));
        QVERIFY(!framer.error());
        QCOMPARE(framer.bufferedBytes(), 0);
    }
}

void tst_Framer::byteByByte()
{
    const QList<QByteArray> packets = samplePackets();
    const QByteArray stream = packets.join();
    Framer framer;
    QList<QByteArray> received;
    for (char byte : stream) {
        framer.append(QByteArray(1, byte));
        received += drain(framer);
    }
    QCOMPARE(received, packets);
}

void tst_Framer::viewsStayValidUntilAppend()
{
    const QList<QByteArray> packets = samplePackets();
    Framer framer;
    framer.append(packets.join());
    QList<QByteArrayView> views;
    while (const auto view = framer.next())
        views.append(*view);
    QCOMPARE(views.size(), packets.size());
    for (qsizetype i = 0; i < views.size(); ++i)
        QCOMPARE(views[i], QByteArrayView(packets[i]));
}

// 5.0 3.1.2.11.4 / 3.2.2.3.6: the limit counts the whole packet, fixed header included.
void tst_Framer::maximumPacketSize_data()
{
    QTest::addColumn<quint32>("limit");
    QTest::addColumn<bool>("accepted");
    // The PUBLISH below is 1 + 2 + 205 = 208 bytes.
    QTest::newRow("limit above") << 1000u << true;
    QTest::newRow("limit exact") << 208u << true;
    QTest::newRow("one byte over") << 207u << false;
    QTest::newRow("tiny limit") << 2u << false;
}

void tst_Framer::maximumPacketSize()
{
    QFETCH(quint32, limit);
    QFETCH(bool, accepted);

    const QByteArray publish =
        encodePacket(PublishPacket{QByteArray("a/b"), QByteArray(200, 'x'), 0, false, false, 0, {}},
                     ProtocolVersion::V311);
    QCOMPARE(publish.size(), 208);

    Framer framer(limit);
    QCOMPARE(framer.maximumPacketSize(), limit);
    // Only the fixed header: the verdict must not wait for the body.
    framer.append(publish.first(3));
    QCOMPARE(framer.next(), std::nullopt);
    QCOMPARE(bool(framer.error()), !accepted);
    if (!accepted) {
        QCOMPARE(framer.error()->reason, ReasonCode::PacketTooLarge);
        QVERIFY2(framer.error()->message.contains(u"208"_s), qPrintable(framer.error()->message));
        return;
    }
    framer.append(publish.sliced(3));
    const auto packet = framer.next();
    QVERIFY(packet);
    QCOMPARE(*packet, QByteArrayView(publish));
}

void tst_Framer::badRemainingLength_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    // 3.1.1 2.2.3, 5.0 1.5.5: at most four bytes.
    QTest::newRow("five bytes") << QByteArray::fromHex("30ffffffff01") << u"longer than 4 bytes"_s;
    QTest::newRow("fifth byte not yet received")
        << QByteArray::fromHex("30ffffffff") << u"longer than 4 bytes"_s;
    QTest::newRow("not minimal") << QByteArray::fromHex("308000")
                                 << u"not minimally encoded"_s; // [MQTT-1.5.5-1]
}

void tst_Framer::badRemainingLength()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    Framer framer;
    framer.append(bytes);
    QCOMPARE(framer.next(), std::nullopt);
    QVERIFY(framer.error());
    QCOMPARE(framer.error()->reason, ReasonCode::MalformedPacket);
    QVERIFY2(framer.error()->message.contains(message), qPrintable(framer.error()->message));
}

void tst_Framer::errorIsStickyUntilReset()
{
    const QByteArray ping = encodePacket(PingreqPacket{}, ProtocolVersion::V311);
    Framer framer(10);
    framer.append(encodePacket(
        PublishPacket{QByteArray("topic"), QByteArray(50, 'x'), 0, false, false, 0, {}},
        ProtocolVersion::V311));
    QCOMPARE(framer.next(), std::nullopt);
    QVERIFY(framer.error());

    framer.append(ping); // a valid packet after the error changes nothing
    QCOMPARE(framer.next(), std::nullopt);
    QCOMPARE(framer.error()->reason, ReasonCode::PacketTooLarge);

    framer.reset();
    QVERIFY(!framer.error());
    QCOMPARE(framer.bufferedBytes(), 0);
    framer.append(ping);
    const auto packet = framer.next();
    QVERIFY(packet);
    QCOMPARE(*packet, QByteArrayView(ping));
    QCOMPARE(framer.maximumPacketSize(), 10u); // reset keeps the configured limit
}

QTEST_APPLESS_MAIN(tst_Framer)
#include "tst_framer.moc"

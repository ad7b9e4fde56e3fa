// SPDX-License-Identifier: GPL-3.0-or-later
// A server that breaks the rules: the client must end the connection with a reason that names the
// problem, tell a 5.0 server why in DISCONNECT, never crash, and work again on the next connect.
// Also the two ways a connect can go wrong without a malformed byte: a broker that refuses 5.0
// (Auto falls back to 3.1.1) and one that never sends CONNACK.

#include "client/mqttclient.h"
#include "fakebroker.h"
#include "testversions.h"
#include "versionchoice.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

Q_DECLARE_METATYPE(mqttscope::ProtocolVersion)

namespace {

// Limits the client announces in 5.0, so that the server can break them.
constexpr quint32 ClientMaximumPacketSize = 1024;
constexpr quint16 ClientTopicAliasMaximum = 10;

QByteArray twoBytes(quint16 value)
{
    return QByteArray(1, char(value >> 8)) + char(value & 0xff);
}

// A PUBLISH built by hand, so that any field can be wrong. `properties` is the raw property
// block without its length (5.0 only); the packet id is written when a QoS bit is set.
QByteArray publish(ProtocolVersion version, quint8 flags, const QByteArray &topic,
                   quint16 packetId = 0, const QByteArray &properties = {},
                   const QByteArray &payload = "x"_ba)
{
    QByteArray body = FakeBroker::field(topic);
    if (flags & 0x06)
        body += twoBytes(packetId);
    if (version == ProtocolVersion::V5) {
        appendVariableByteInteger(body, quint32(properties.size()));
        body += properties;
    }
    return FakeBroker::packet(0x30 | flags, body + payload);
}

QByteArray subscribe(ProtocolVersion version)
{
    QByteArray body = twoBytes(1);
    if (version == ProtocolVersion::V5)
        body += '\0'; // no properties
    return FakeBroker::packet(0x82, body + FakeBroker::field("t/#"_ba) + '\0');
}

ClientOptions optionsFor(const FakeBroker &fake, VersionChoice version)
{
    ClientOptions options;
    options.endpoint = fake.endpoint();
    options.version = version;
    options.clientId = u"malicious-test"_s;
    options.keepAliveSeconds = 30;
    options.reconnect.enabled = false; // every connect below is on purpose
    if (version == VersionChoice::V5) {
        options.connectProperties.maximumPacketSize = ClientMaximumPacketSize;
        options.connectProperties.topicAliasMaximum = ClientTopicAliasMaximum;
    }
    return options;
}

QString describe(const QList<Packet> &packets)
{
    QStringList names;
    for (const Packet &packet : packets)
        names.append(packetTypeName(packetTypeOf(packet)));
    return names.join(u' ');
}

} // namespace

class tst_Malicious : public QObject
{
    Q_OBJECT
private slots:
    void malformedPacketEndsConnection_data();
    void malformedPacketEndsConnection();
    void autoFallsBackTo311_data();
    void autoFallsBackTo311();
    void explicit5DoesNotFallBack();
    void connackTimeout_data();
    void connackTimeout();
    void packetBeforeConnack_data();
    void packetBeforeConnack();

private:
    // The client ended connection 0 the way its version asks after a server's protocol
    // violation: 5.0 with a DISCONNECT carrying one of `allowedReasons`, 3.1.1 without DISCONNECT.
    static void checkToldServerWhy(const FakeBroker &fake, ProtocolVersion version,
                                   const QList<int> &allowedReasons);
    // Connects `client` to `fake` and waits for Connected; the caller checks
    // QTest::currentTestFailed().
    static void connectAndWait(MqttClient &client);
    // The client, just disconnected by a bad server, connects again to a well-behaved one and
    // works there.
    static void checkStillUsable(MqttClient &client, FakeBroker &fake, ProtocolVersion version);
    // On the newest connection, the client receives a QoS 1 message and acknowledges it, then
    // disconnects.
    static void checkReceivesAndAcknowledges(MqttClient &client, FakeBroker &fake,
                                             ProtocolVersion version);
};

void tst_Malicious::checkToldServerWhy(const FakeBroker &fake, ProtocolVersion version,
                                       const QList<int> &allowedReasons)
{
    const QList<Packet> sent = fake.received(0);
    const auto *disconnect = sent.isEmpty() ? nullptr : std::get_if<DisconnectPacket>(&sent.last());
    if (version == ProtocolVersion::V5 && !allowedReasons.isEmpty()) {
        // [MQTT-4.13.1-1] 5.0: say why with DISCONNECT before closing.
        QVERIFY2(disconnect, qPrintable(u"packets sent: "_s + describe(sent)));
        QVERIFY2(allowedReasons.contains(int(disconnect->reason)),
                 qPrintable(
                     u"DISCONNECT reason 0x%1"_s.arg(int(disconnect->reason), 2, 16, QChar(u'0'))));
    } else if (version == ProtocolVersion::V311) {
        // 3.1.1 closes the connection [MQTT-4.8.0-1]; a DISCONNECT would make the server
        // discard the Will [MQTT-3.14.4-3] although the connection ended abnormally.
        QVERIFY2(!disconnect, "3.1.1 client sent DISCONNECT after a protocol violation");
    }
}

void tst_Malicious::connectAndWait(MqttClient &client)
{
    QSignalSpy connected(&client, &MqttClient::connected);
    client.connectToBroker();
    QTRY_VERIFY2_WITH_TIMEOUT(connected.count() == 1, "no CONNACK accepted within 10 s", 10000);
    QCOMPARE(client.state(), ClientState::Connected);
}

void tst_Malicious::checkStillUsable(MqttClient &client, FakeBroker &fake, ProtocolVersion version)
{
    fake.setConnectHandler({}); // a plain success CONNACK from here on
    connectAndWait(client);
    if (QTest::currentTestFailed())
        return;
    checkReceivesAndAcknowledges(client, fake, version);
}

void tst_Malicious::checkReceivesAndAcknowledges(MqttClient &client, FakeBroker &fake,
                                                 ProtocolVersion version)
{
    QCOMPARE(client.protocolVersion(), version);
    const int connection = fake.connectionCount() - 1;
    QSignalSpy messages(&client, &MqttClient::messagesReceived);
    PublishPacket good;
    good.topic = "t/ok"_ba;
    good.payload = "still usable"_ba;
    good.qos = 1;
    good.packetId = 7;
    QVERIFY(fake.send(encodePacket(good, version)));
    QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 5000);
    const auto delivered = messages.first().first().value<QList<Message>>();
    QCOMPARE(delivered.size(), 1);
    QCOMPARE(delivered.first().topic, good.topic);
    QCOMPARE(delivered.first().payload, good.payload);

    const auto pubackSent = [&] {
        const QList<Packet> sent = fake.received(connection);
        return std::any_of(sent.begin(), sent.end(), [](const Packet &packet) {
            const auto *ack = std::get_if<PubAckPacket>(&packet);
            return ack && ack->type == PacketType::Puback && ack->packetId == 7;
        });
    };
    QTRY_VERIFY2_WITH_TIMEOUT(pubackSent(), "no PUBACK for the well-formed QoS 1 message",
                              5000); // 3.1.1 [MQTT-4.3.2-2]
    client.disconnectFromBroker();
    QTRY_COMPARE(client.state(), ClientState::Disconnected);
}

void tst_Malicious::malformedPacketEndsConnection_data()
{
    addVersionColumn();
    QTest::addColumn<QByteArray>("bytes"); // what the server sends after a good CONNACK
    QTest::addColumn<bool>("hangUp"); // the server closes right after sending
    QTest::addColumn<QString>("reasonPattern"); // what disconnected(reason) must name
    QTest::addColumn<QList<int>>("disconnectReasons"); // 5.0: DISCONNECT reason codes allowed

    const QList<int> malformed{0x81};
    const QList<int> protocolError{0x82};
    const QList<int> either{0x81, 0x82};

    for (const ProtocolVersion v : testedVersions) {
        const auto row = [v](const char *what) -> QTestData & {
            return addVersionRow(v, QString::fromLatin1(what));
        };

        // The header promises 10 bytes, 5 come, then the server hangs up: no packet to act on,
        // and nothing can be sent back on a closed connection.
        row("truncated then hang-up")
            << "\x30\x0a\x00\x03t/a"_ba << true << u"clos|truncat|incomplete|end"_s << QList<int>{};
        // A variable byte integer has at most 4 bytes (5.0 section 1.5.5, 3.1.1 section 2.2.3).
        row("remaining length of 5 bytes") << "\x30\xff\xff\xff\xff\x7f"_ba << false
                                           << u"remaining length|variable byte"_s << malformed;
        // [MQTT-1.5.4-1] ill-formed UTF-8 in a topic name.
        row("bad UTF-8 topic") << publish(v, 0x00, "t/\xc3\x28"_ba) << false << u"UTF-8"_s
                               << malformed;
        // [MQTT-1.5.4-2] U+0000 in a topic name.
        row("topic with U+0000") << publish(v, 0x00, "t\x00x"_ba) << false << u"U\\+0000|null"_s
                                 << malformed;
        // [MQTT-2.2.2-2] (3.1.1) / 5.0 section 2.1.3: reserved flags must be as specified.
        row("reserved flag bits set") << "\xd1\x00"_ba << false << u"flag|reserved"_s << malformed;
        // [MQTT-3.3.1-4] a PUBLISH must not have both QoS bits set.
        row("QoS 3 PUBLISH") << publish(v, 0x06, "t/a"_ba, 1) << false << u"QoS"_s << malformed;
        // [MQTT-2.3.1-1] (3.1.1) / 5.0 section 2.2.1: a QoS > 0 PUBLISH has a non-zero packet id.
        row("QoS 1 PUBLISH with packet id 0")
            << publish(v, 0x02, "t/a"_ba, 0) << false << u"packet id|identifier"_s << either;
        // [MQTT-3.2.0-2] (5.0) the server sends CONNACK once per connection.
        row("CONNACK twice") << FakeBroker::connack(v) << false << u"CONNACK"_s << protocolError;
        // SUBSCRIBE travels only from client to server.
        row("SUBSCRIBE sent to the client") << subscribe(v) << false << u"SUBSCRIBE"_s << either;
    }

    const ProtocolVersion v5 = ProtocolVersion::V5;
    // [MQTT-3.1.2-24] the server must not send more than the client's Maximum Packet Size; the
    // client says so with 0x95 (Packet too large).
    QTest::newRow("5.0 packet larger than the client's maximum")
        << v5 << publish(v5, 0x00, "t/a"_ba, 0, {}, QByteArray(2 * ClientMaximumPacketSize, 'x'))
        << false << u"large|maximum packet size"_s << QList<int>{0x95};
    // An identifier that is not a property is a Malformed Packet (5.0 section 2.2.2.2).
    QTest::newRow("5.0 unknown property") << v5 << publish(v5, 0x00, "t/a"_ba, 0, "\x7f\x00"_ba)
                                          << false << u"propert"_s << malformed;
    // Payload Format Indicator twice is a Protocol Error (5.0 section 3.3.2.3.2).
    QTest::newRow("5.0 duplicate property")
        << v5 << publish(v5, 0x00, "t/a"_ba, 0, "\x01\x00\x01\x00"_ba) << false
        << u"duplicate|more than once|twice"_s << either;
    // An empty topic with an alias the server never mapped (5.0 section 3.3.2.3.4).
    QTest::newRow("5.0 unknown topic alias") << v5 << publish(v5, 0x00, {}, 0, "\x23\x00\x05"_ba)
                                             << false << u"alias"_s << QList<int>{0x82, 0x94};
    // An alias above the client's Topic Alias Maximum is 0x94 (Topic Alias invalid).
    QTest::newRow("5.0 topic alias above the maximum")
        << v5 << publish(v5, 0x00, "t/a"_ba, 0, "\x23\x00\x0b"_ba) << false << u"alias"_s
        << QList<int>{0x82, 0x94};
}

void tst_Malicious::malformedPacketEndsConnection()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, hangUp);
    QFETCH(QString, reasonPattern);
    QFETCH(QList<int>, disconnectReasons);

    FakeBroker fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    MqttClient client;
    client.setOptions(optionsFor(fake, versionChoice(version)));
    QSignalSpy disconnected(&client, &MqttClient::disconnected);
    QSignalSpy messages(&client, &MqttClient::messagesReceived);

    connectAndWait(client);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(fake.send(bytes));
    if (hangUp)
        fake.hangUp();

    QTRY_VERIFY2_WITH_TIMEOUT(disconnected.count() == 1, "the client did not end the connection",
                              5000);
    const QString reason = disconnected.first().first().toString();
    qInfo().noquote() << "disconnected:" << reason;
    const QRegularExpression expected(reasonPattern, QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(expected.match(reason).hasMatch(),
             qPrintable(u"reason \"%1\" does not match /%2/"_s.arg(reason, reasonPattern)));
    QTRY_VERIFY2_WITH_TIMEOUT(fake.isClosed(0), "the client left the connection open", 5000);
    QCOMPARE(client.state(), ClientState::Disconnected);
    QVERIFY2(messages.isEmpty(), "a message from a broken packet was delivered");
    QVERIFY2(fake.clientErrors().isEmpty(), qPrintable(fake.clientErrors().join(u'\n')));

    checkToldServerWhy(fake, version, disconnectReasons);
    if (QTest::currentTestFailed())
        return;
    checkStillUsable(client, fake, version);
}

void tst_Malicious::autoFallsBackTo311_data()
{
    QTest::addColumn<QByteArray>("refusal");
    // A 3.1.1-only broker reading a level-5 CONNECT answers in 3.1.1: return code 1 [MQTT-3.1.2-2].
    QTest::newRow("3.1.1 return code 1") << FakeBroker::connack311(1);
    // A 5.0 broker configured without 5.0 uses reason 0x84 (5.0 [MQTT-3.1.2-2]).
    QTest::newRow("5.0 reason 0x84")
        << FakeBroker::connack(ProtocolVersion::V5, ReasonCode::UnsupportedProtocolVersion);
}

void tst_Malicious::autoFallsBackTo311()
{
    QFETCH(QByteArray, refusal);

    FakeBroker fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.setConnectHandler([refusal](const ConnectPacket &connect, int) {
        if (connect.version == ProtocolVersion::V5)
            return FakeConnectReply{refusal, true}; // the broker closes after refusing
        return FakeConnectReply{FakeBroker::connack(connect.version)};
    });
    MqttClient client;
    // Reconnect off: falling back is part of connecting, it must not need a reconnect policy
    // (mqttscope-cli pub has none).
    client.setOptions(optionsFor(fake, VersionChoice::Auto));

    connectAndWait(client);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(client.protocolVersion(), ProtocolVersion::V311);
    QCOMPARE(fake.connectionCount(), 2);
    QCOMPARE(fake.version(0), ProtocolVersion::V5);
    QCOMPARE(fake.version(1), ProtocolVersion::V311);
    QVERIFY2(fake.clientErrors().isEmpty(), qPrintable(fake.clientErrors().join(u'\n')));
    // The 3.1.1 connection works: the client speaks 3.1.1 on it.
    checkReceivesAndAcknowledges(client, fake, ProtocolVersion::V311);
}

void tst_Malicious::explicit5DoesNotFallBack()
{
    FakeBroker fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.setConnectHandler([](const ConnectPacket &, int) {
        return FakeConnectReply{FakeBroker::connack311(1), true};
    });
    MqttClient client;
    client.setOptions(optionsFor(fake, VersionChoice::V5));
    QSignalSpy refused(&client, &MqttClient::connectionRefused);
    QSignalSpy disconnected(&client, &MqttClient::disconnected);

    client.connectToBroker();
    QTRY_VERIFY_WITH_TIMEOUT(disconnected.count() == 1, 5000);
    QCOMPARE(refused.count(), 1);
    const auto connack = refused.first().first().value<ConnackPacket>();
    QCOMPARE(connack.reason, ReasonCode::UnsupportedProtocolVersion);
    QCOMPARE(client.state(), ClientState::Disconnected);
    QTest::qWait(300); // a fallback attempt, if any, would come now
    QCOMPARE(fake.connectionCount(), 1);
}

void tst_Malicious::connackTimeout_data()
{
    QTest::addColumn<VersionChoice>("version");
    QTest::newRow("3.1.1") << VersionChoice::V311;
    QTest::newRow("5.0") << VersionChoice::V5;
    QTest::newRow("auto") << VersionChoice::Auto;
}

void tst_Malicious::connackTimeout()
{
    QFETCH(VersionChoice, version);
    constexpr int TimeoutMs = 400;

    FakeBroker fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.setConnectHandler(
        [](const ConnectPacket &, int) { return FakeConnectReply{}; }); // silence
    MqttClient client;
    ClientOptions options = optionsFor(fake, version);
    options.connackTimeoutMs = TimeoutMs;
    client.setOptions(options);
    QSignalSpy disconnected(&client, &MqttClient::disconnected);

    QElapsedTimer timer;
    timer.start();
    client.connectToBroker();
    QTRY_VERIFY2_WITH_TIMEOUT(disconnected.count() == 1, "no give-up after the CONNACK timeout",
                              10000);
    QVERIFY2(timer.elapsed() >= TimeoutMs - 50,
             qPrintable(u"gave up after %1 ms"_s.arg(timer.elapsed())));
    const QString reason = disconnected.first().first().toString();
    qInfo().noquote() << "disconnected:" << reason;
    const QRegularExpression namesTimeout(u"time|within"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(reason.contains(u"CONNACK"_s) && namesTimeout.match(reason).hasMatch(),
             qPrintable(u"reason \"%1\" does not name the CONNACK timeout"_s.arg(reason)));
    QCOMPARE(client.state(), ClientState::Disconnected);
    QTRY_VERIFY2_WITH_TIMEOUT(fake.isClosed(fake.connectionCount() - 1), "connection left open",
                              5000);
    QVERIFY2(fake.received(0).size() == 1, qPrintable(describe(fake.received(0)))); // CONNECT only

    checkStillUsable(client, fake,
                     version == VersionChoice::V311 ? ProtocolVersion::V311 : ProtocolVersion::V5);
}

void tst_Malicious::packetBeforeConnack_data()
{
    addVersionRows();
}

// [MQTT-3.2.0-1] the first packet from the server is CONNACK; a PUBLISH before it is refused.
void tst_Malicious::packetBeforeConnack()
{
    QFETCH(ProtocolVersion, version);
    FakeBroker fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.setConnectHandler([version](const ConnectPacket &, int) {
        PublishPacket early;
        early.topic = "t/early"_ba;
        early.payload = "too soon"_ba;
        return FakeConnectReply{encodePacket(early, version) + FakeBroker::connack(version)};
    });
    MqttClient client;
    client.setOptions(optionsFor(fake, versionChoice(version)));
    QSignalSpy disconnected(&client, &MqttClient::disconnected);
    QSignalSpy connected(&client, &MqttClient::connected);
    QSignalSpy messages(&client, &MqttClient::messagesReceived);

    client.connectToBroker();
    QTRY_VERIFY2_WITH_TIMEOUT(disconnected.count() == 1,
                              "the client accepted a PUBLISH before CONNACK", 5000);
    const QString reason = disconnected.first().first().toString();
    qInfo().noquote() << "disconnected:" << reason;
    QVERIFY2(reason.contains(u"CONNACK"_s), qPrintable(reason));
    QCOMPARE(connected.count(), 0);
    QVERIFY(messages.isEmpty());
    QTRY_VERIFY(fake.isClosed(0));
    QCOMPARE(client.state(), ClientState::Disconnected);
    checkToldServerWhy(fake, version, {0x82});
    if (QTest::currentTestFailed())
        return;
    checkStillUsable(client, fake, version);
}

QTEST_GUILESS_MAIN(tst_Malicious)
#include "tst_malicious.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// What MqttClient puts on the wire where a real broker cannot be made to show it: the 5.0 ->
// 3.1.1 fallback, resending after a reconnect, duplicate QoS 2 deliveries, topic aliases, flow
// control and dead connections. A scripted in-process server (FakeBroker) plays the broker and
// records every packet the client sends. Each test runs for 3.1.1 and 5.0 where both apply.

#include "client/mqttclient.h"
#include "fakebroker.h"
#include "messagebuilder.h"
#include "protocol/codec.h"
#include "testversions.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr int kTimeoutMs = 10000;
constexpr int kQuietMs = 300;

template<typename T>
QList<T> packetsOf(const QList<Packet> &packets)
{
    QList<T> result;
    for (const Packet &packet : packets) {
        if (const T *typed = std::get_if<T>(&packet))
            result += *typed;
    }
    return result;
}

QList<PubAckPacket> acksOf(const QList<Packet> &packets, PacketType type)
{
    QList<PubAckPacket> result;
    for (const PubAckPacket &ack : packetsOf<PubAckPacket>(packets)) {
        if (ack.type == type)
            result += ack;
    }
    return result;
}

QByteArray connackBytes(ProtocolVersion version, bool sessionPresent,
                        const Properties &properties = {})
{
    ConnackPacket connack;
    connack.sessionPresent = sessionPresent;
    connack.properties = properties;
    return encodePacket(connack, version);
}

} // namespace

class tst_ClientWire : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void autoFallsBackTo311_data();
    void autoFallsBackTo311();
    void resumedSessionResendsInOrder_data() { versions(); }
    void resumedSessionResendsInOrder();
    void lostSessionSendsAgainAsNew_data() { versions(); }
    void lostSessionSendsAgainAsNew();
    void inboundQos2DeliveredExactlyOnce_data() { versions(); }
    void inboundQos2DeliveredExactlyOnce();
    void receiveMaximumHonoured_data() { versions(); }
    void receiveMaximumHonoured();
    void inflightWindowWithoutReceiveMaximum_data() { versions(); }
    void inflightWindowWithoutReceiveMaximum();
    void pubrecQuotaExceededIsAFailure();
    void publishQueueIsBounded();
    void inboundReceiveMaximumCountsQos1();
    void outboundTopicAliases();
    void inboundTopicAliases();
    void deadConnectionDetected_data() { versions(); }
    void deadConnectionDetected();
    void connackTimeout();
    void connackLimitsRefusePublishes();
    void enhancedAuthenticationPassedThrough();
    void serverDisconnectWithReference();

private:
    static void versions();
    // A client for the fake server; reconnects quickly so that tests need not wait.
    void makeClient(bool v5, bool cleanStart = true);
    bool waitConnected(int count = 1);

    std::unique_ptr<FakeBroker> m_fake;
    std::unique_ptr<MqttClient> m_client;
    QList<Message> m_messages;
    QHash<quint64, ReasonCode> m_finished;
    QStringList m_disconnects;
    QList<ConnackPacket> m_connacks;
    QList<ConnackPacket> m_refusals;
};

void tst_ClientWire::versions()
{
    addVersionRows();
}

void tst_ClientWire::init()
{
    m_fake = std::make_unique<FakeBroker>();
    QVERIFY2(m_fake->listen(), qPrintable(m_fake->errorString()));
    m_messages.clear();
    m_finished.clear();
    m_disconnects.clear();
    m_connacks.clear();
    m_refusals.clear();
}

void tst_ClientWire::cleanup()
{
    m_client.reset();
    m_fake.reset();
}

void tst_ClientWire::makeClient(bool v5, bool cleanStart)
{
    ClientOptions options;
    options.endpoint = m_fake->endpoint();
    options.version = v5 ? VersionChoice::V5 : VersionChoice::V311;
    options.clientId = u"wire-test"_s;
    options.cleanStart = cleanStart;
    if (v5 && !cleanStart)
        options.connectProperties.sessionExpiryInterval = 600;
    options.reconnect.initialDelayMs = 50;
    options.reconnect.maximumDelayMs = 200;
    m_client = std::make_unique<MqttClient>();
    m_client->setOptions(options);
    MqttClient *client = m_client.get();
    connect(client, &MqttClient::messagesReceived, this,
            [this](const QList<Message> &batch) { m_messages += batch; });
    connect(client, &MqttClient::publishFinished, this,
            [this](quint64 token, ReasonCode reason, const QString &) {
                m_finished.insert(token, reason);
            });
    connect(client, &MqttClient::disconnected, this,
            [this](const QString &reason) { m_disconnects += reason; });
    connect(client, &MqttClient::connected, this,
            [this](const ConnackPacket &c) { m_connacks += c; });
    connect(client, &MqttClient::connectionRefused, this,
            [this](const ConnackPacket &c) { m_refusals += c; });
}

bool tst_ClientWire::waitConnected(int count)
{
    return QTest::qWaitFor([&] { return m_connacks.size() >= count; }, kTimeoutMs)
        && m_client->state() == ClientState::Connected;
}

void tst_ClientWire::autoFallsBackTo311_data()
{
    QTest::addColumn<QByteArray>("refusal");
    QTest::addColumn<bool>("hangUp");
    QTest::newRow("3.1.1 return code 1") << FakeBroker::connack311(1) << true;
    // Seen in the field: session present set on the refusal, against [MQTT-3.2.2-4].
    QTest::newRow("3.1.1 return code 1, session present")
        << QByteArray::fromHex("20020101") << true;
    QTest::newRow("3.1.1 return code 1, left open") << FakeBroker::connack311(1) << false;
    QTest::newRow("5.0 reason 0x84")
        << FakeBroker::connack(ProtocolVersion::V5, ReasonCode::UnsupportedProtocolVersion) << true;
    QTest::newRow("closed without CONNACK") << QByteArray() << true;
}

void tst_ClientWire::autoFallsBackTo311()
{
    QFETCH(QByteArray, refusal);
    QFETCH(bool, hangUp);
    m_fake->setConnectHandler([&](const ConnectPacket &connect, int connection) {
        if (connection == 0)
            return FakeConnectReply{refusal, hangUp};
        return FakeConnectReply{FakeBroker::connack(connect.version)};
    });
    makeClient(true);
    ClientOptions options = m_client->options();
    options.version = VersionChoice::Auto;
    m_client->setOptions(options);
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    QCOMPARE(m_fake->version(0), ProtocolVersion::V5); // tried first
    QCOMPARE(m_fake->version(1), ProtocolVersion::V311); // at once, no backoff
    QCOMPARE(m_client->protocolVersion(), ProtocolVersion::V311);
    QVERIFY(m_refusals.isEmpty()); // a fallback is no refusal...
    QVERIFY(m_disconnects.isEmpty()); // ...and no lost connection

    // Remembered: the next connection speaks 3.1.1 straight away.
    m_client->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), ClientState::Disconnected, kTimeoutMs);
    m_client->connectToBroker();
    QVERIFY(waitConnected(2));
    QCOMPARE(m_fake->connectionCount(), 3);
    QCOMPARE(m_fake->version(2), ProtocolVersion::V311);

    // For the rest of the process: another client (a new tab, the same profile edited) to this
    // broker does not try 5.0 again.
    MqttClient other;
    other.setOptions(m_client->options());
    other.connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(other.state(), ClientState::Connected, kTimeoutMs);
    QCOMPARE(m_fake->connectionCount(), 4);
    QCOMPARE(m_fake->version(3), ProtocolVersion::V311);
    QCOMPARE(other.protocolVersion(), ProtocolVersion::V311);
}

void tst_ClientWire::resumedSessionResendsInOrder()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    m_fake->setAnswersRequests(false);
    m_fake->setConnectHandler([&](const ConnectPacket &connect, int connection) {
        return FakeConnectReply{connackBytes(connect.version, connection > 0)};
    });
    makeClient(v5, false);
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    const quint64 a = m_client->publish(message("t/a").payload("a").qos(1));
    const quint64 b = m_client->publish(message("t/b").payload("b").qos(2));
    const quint64 c = m_client->publish(message("t/c").payload("c").qos(2));
    QTRY_COMPARE_WITH_TIMEOUT(packetsOf<PublishPacket>(m_fake->received(0)).size(), 3, kTimeoutMs);
    const QList<PublishPacket> first = packetsOf<PublishPacket>(m_fake->received(0));
    // b reaches the PUBREC stage, so it is PUBREL that has to go again.
    m_fake->send(encodePacket(
        PubAckPacket{PacketType::Pubrec, first.at(1).packetId, ReasonCode::Success, {}}, version));
    QTRY_COMPARE_WITH_TIMEOUT(acksOf(m_fake->received(0), PacketType::Pubrel).size(), 1,
                              kTimeoutMs);

    m_fake->setAnswersRequests(true);
    m_fake->hangUp();
    QVERIFY(waitConnected(2));
    QVERIFY(m_connacks.last().sessionPresent);
    QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), 3, kTimeoutMs);
    QCOMPARE(m_finished.value(a), ReasonCode::Success);
    QCOMPARE(m_finished.value(b), ReasonCode::Success);
    QCOMPARE(m_finished.value(c), ReasonCode::Success);

    // [MQTT-4.4.0-1]: unacknowledged PUBLISH and PUBREL again, original ids, original order.
    const QList<Packet> second = m_fake->received(1);
    QVERIFY(std::holds_alternative<ConnectPacket>(second.at(0)));
    QCOMPARE(std::get<ConnectPacket>(second.at(0)).cleanStart, false);
    const auto *resentA = std::get_if<PublishPacket>(&second.at(1));
    const auto *resentB = std::get_if<PubAckPacket>(&second.at(2));
    const auto *resentC = std::get_if<PublishPacket>(&second.at(3));
    QVERIFY(resentA && resentB && resentC);
    QCOMPARE(resentA->packetId, first.at(0).packetId);
    QVERIFY(resentA->dup); // [MQTT-3.3.1-1]
    QCOMPARE(resentA->topic,
             "t/a"_ba); // full topic: aliases end with the connection [MQTT-3.3.2-7]
    QCOMPARE(resentB->type, PacketType::Pubrel);
    QCOMPARE(resentB->packetId, first.at(1).packetId);
    QCOMPARE(resentC->packetId, first.at(2).packetId);
    QVERIFY(resentC->dup);
}

void tst_ClientWire::lostSessionSendsAgainAsNew()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    m_fake->setAnswersRequests(false);
    makeClient(v5, false); // the default handler answers session present 0
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    const quint64 a = m_client->publish(message("t/a").payload("a").qos(1));
    const quint64 b = m_client->publish(message("t/b").payload("b").qos(2));
    QTRY_COMPARE_WITH_TIMEOUT(packetsOf<PublishPacket>(m_fake->received(0)).size(), 2, kTimeoutMs);
    const quint16 idB = packetsOf<PublishPacket>(m_fake->received(0)).at(1).packetId;
    m_fake->send(
        encodePacket(PubAckPacket{PacketType::Pubrec, idB, ReasonCode::Success, {}}, version));
    QTRY_COMPARE_WITH_TIMEOUT(acksOf(m_fake->received(0), PacketType::Pubrel).size(), 1,
                              kTimeoutMs);

    m_fake->setAnswersRequests(true);
    m_fake->hangUp();
    QVERIFY(waitConnected(2));
    QVERIFY(!m_connacks.last().sessionPresent);
    QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), 2, kTimeoutMs);
    // b was received by the server (PUBREC): done, not sent twice. a goes again as a new message.
    QCOMPARE(m_finished.value(b), ReasonCode::Success);
    QCOMPARE(m_finished.value(a), ReasonCode::Success);
    const QList<PublishPacket> again = packetsOf<PublishPacket>(m_fake->received(1));
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.first().payload, "a"_ba);
    QVERIFY(!again.first().dup); // a new message for a new session
    QVERIFY(acksOf(m_fake->received(1), PacketType::Pubrel).isEmpty());
}

void tst_ClientWire::inboundQos2DeliveredExactlyOnce()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    makeClient(v5);
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    PublishPacket x{"t/x", "x", 2, false, false, 7, {}};
    m_fake->send(encodePacket(x, version));
    x.dup = true; // the server did not see our PUBREC and sends again
    m_fake->send(encodePacket(x, version));
    QTRY_COMPARE_WITH_TIMEOUT(acksOf(m_fake->received(0), PacketType::Pubrec).size(), 2,
                              kTimeoutMs);
    m_fake->send(
        encodePacket(PubAckPacket{PacketType::Pubrel, 7, ReasonCode::Success, {}}, version));
    QTRY_COMPARE_WITH_TIMEOUT(acksOf(m_fake->received(0), PacketType::Pubcomp).size(), 1,
                              kTimeoutMs);
    // After PUBCOMP the id is free again and names a new message [MQTT-4.3.3-10].
    m_fake->send(encodePacket(PublishPacket{"t/x", "y", 2, false, false, 7, {}}, version));
    QTRY_COMPARE_WITH_TIMEOUT(acksOf(m_fake->received(0), PacketType::Pubrec).size(), 3,
                              kTimeoutMs);
    QTest::qWait(kQuietMs);
    QCOMPARE(m_messages.size(), 2); // [MQTT-4.3.3-9]: not delivered again before PUBREL
    QCOMPARE(m_messages.at(0).payload, "x"_ba);
    QCOMPARE(m_messages.at(1).payload, "y"_ba);
    // A PUBREL for an id we do not know still gets its PUBCOMP [MQTT-4.3.3-11].
    m_fake->send(
        encodePacket(PubAckPacket{PacketType::Pubrel, 99, ReasonCode::Success, {}}, version));
    QTRY_COMPARE_WITH_TIMEOUT(acksOf(m_fake->received(0), PacketType::Pubcomp).size(), 2,
                              kTimeoutMs);
    QCOMPARE(acksOf(m_fake->received(0), PacketType::Pubcomp).last().reason,
             v5 ? ReasonCode::PacketIdentifierNotFound : ReasonCode::Success);
}

void tst_ClientWire::receiveMaximumHonoured()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    Properties limits;
    limits.receiveMaximum = 2;
    m_fake->setAnswersRequests(false);
    m_fake->setConnectHandler([&](const ConnectPacket &connect, int) {
        return FakeConnectReply{connackBytes(connect.version, false, limits)};
    });
    makeClient(v5);
    ClientOptions options = m_client->options();
    options.maximumInflight = 3;
    m_client->setOptions(options);
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    QList<quint64> tokens;
    for (int i = 0; i < 5; ++i)
        tokens += m_client->publish(message("t/flow").payload(QByteArray::number(i)).qos(1));
    QVERIFY(!tokens.contains(0));
    const int expectedInFlight = v5 ? 2 : 3; // 3.1.1 has no receive maximum: only our window
    QTRY_COMPARE_WITH_TIMEOUT(packetsOf<PublishPacket>(m_fake->received(0)).size(),
                              expectedInFlight, kTimeoutMs);
    QTest::qWait(kQuietMs);
    QCOMPARE(packetsOf<PublishPacket>(m_fake->received(0)).size(),
             expectedInFlight); // [MQTT-3.3.4-7]
    if (!v5)
        return;
    // Each PUBACK frees a slot for the next queued message, in order [MQTT-3.3.4-8].
    const quint16 firstId = packetsOf<PublishPacket>(m_fake->received(0)).first().packetId;
    m_fake->send(
        encodePacket(PubAckPacket{PacketType::Puback, firstId, ReasonCode::Success, {}}, version));
    QTRY_COMPARE_WITH_TIMEOUT(packetsOf<PublishPacket>(m_fake->received(0)).size(), 3, kTimeoutMs);
    QCOMPARE(packetsOf<PublishPacket>(m_fake->received(0)).last().payload, "2"_ba);
    QTRY_COMPARE_WITH_TIMEOUT(m_finished.value(tokens.first(), ReasonCode::UnspecifiedError),
                              ReasonCode::Success, kTimeoutMs);
}

// 3.1.1 brokers announce no quota (nor do 5.0 ones that leave Receive Maximum out), yet may drop
// QoS 2 messages beyond their own: the client keeps its own window of 20 by default.
void tst_ClientWire::inflightWindowWithoutReceiveMaximum()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    m_fake->setAnswersRequests(false);
    makeClient(v5);
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    constexpr int count = 50;
    QList<quint64> tokens;
    for (int i = 0; i < count; ++i)
        tokens += m_client->publish(message("t/window").payload(QByteArray::number(i)).qos(2));
    QVERIFY(!tokens.contains(0));
    const auto published = [&] { return packetsOf<PublishPacket>(m_fake->received(0)); };
    QTRY_COMPARE_WITH_TIMEOUT(published().size(), ClientOptions::defaultMaximumInflight,
                              kTimeoutMs);
    QTest::qWait(kQuietMs);
    QCOMPARE(published().size(), ClientOptions::defaultMaximumInflight);

    // A PUBREC does not free the slot, the PUBCOMP does [MQTT-4.3.3-2]: a QoS 2 message counts
    // until its flow is complete.
    const quint16 firstId = published().first().packetId;
    m_fake->send(
        encodePacket(PubAckPacket{PacketType::Pubrec, firstId, ReasonCode::Success, {}}, version));
    QTRY_COMPARE_WITH_TIMEOUT(acksOf(m_fake->received(0), PacketType::Pubrel).size(), 1,
                              kTimeoutMs);
    QTest::qWait(kQuietMs);
    QCOMPARE(published().size(), ClientOptions::defaultMaximumInflight);
    m_fake->send(
        encodePacket(PubAckPacket{PacketType::Pubcomp, firstId, ReasonCode::Success, {}}, version));
    QTRY_COMPARE_WITH_TIMEOUT(published().size(), ClientOptions::defaultMaximumInflight + 1,
                              kTimeoutMs);
    QCOMPARE(published().last().payload, QByteArray::number(ClientOptions::defaultMaximumInflight));
    QTRY_COMPARE_WITH_TIMEOUT(m_finished.value(tokens.first(), ReasonCode::UnspecifiedError),
                              ReasonCode::Success, kTimeoutMs);

    // The rest follow in order as acks come, each message once.
    for (int acked = 1; acked < count; ++acked) {
        QTRY_VERIFY_WITH_TIMEOUT(published().size() > acked, kTimeoutMs);
        const PublishPacket next = published().at(acked);
        QCOMPARE(next.payload, QByteArray::number(acked));
        m_fake->send(
            encodePacket(PubAckPacket{PacketType::Pubrec, next.packetId, ReasonCode::Success, {}},
                         version)
            + encodePacket(
                PubAckPacket{PacketType::Pubcomp, next.packetId, ReasonCode::Success, {}},
                version));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), count, kTimeoutMs);
    QCOMPARE(published().size(), count);
    for (quint64 token : std::as_const(tokens))
        QCOMPARE(m_finished.value(token), ReasonCode::Success);
}

// A 5.0 broker over its quota says so in the PUBREC (0x97): the message was not accepted, the
// flow ends there [MQTT-4.3.3-4], and the publish is reported failed, never successful.
void tst_ClientWire::pubrecQuotaExceededIsAFailure()
{
    m_fake->setAnswersRequests(false);
    makeClient(true);
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    const quint64 token = m_client->publish(message("t/quota").payload("x").qos(2));
    QVERIFY(token != 0);
    QTRY_COMPARE_WITH_TIMEOUT(packetsOf<PublishPacket>(m_fake->received(0)).size(), 1, kTimeoutMs);
    const quint16 id = packetsOf<PublishPacket>(m_fake->received(0)).first().packetId;
    m_fake->send(encodePacket(PubAckPacket{PacketType::Pubrec, id, ReasonCode::QuotaExceeded, {}},
                              ProtocolVersion::V5));
    QTRY_VERIFY_WITH_TIMEOUT(m_finished.contains(token), kTimeoutMs);
    QCOMPARE(m_finished.value(token), ReasonCode::QuotaExceeded);
    QTest::qWait(kQuietMs);
    QVERIFY(acksOf(m_fake->received(0), PacketType::Pubrel).isEmpty());
    // The slot is free again: the next message goes out.
    QVERIFY(m_client->publish(message("t/quota").payload("y").qos(2)) != 0);
    QTRY_COMPARE_WITH_TIMEOUT(packetsOf<PublishPacket>(m_fake->received(0)).size(), 2, kTimeoutMs);
}

// What waits for a slot is bounded in bytes: beyond it a publish is refused with the reason,
// never queued without limit or dropped in silence.
void tst_ClientWire::publishQueueIsBounded()
{
    m_fake->setAnswersRequests(false);
    makeClient(false);
    ClientOptions options = m_client->options();
    options.maximumInflight = 1;
    options.maximumQueuedBytes = 300;
    m_client->setOptions(options);
    QStringList errors;
    connect(m_client.get(), &MqttClient::errorOccurred, this,
            [&errors](const QString &e) { errors += e; });
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    const QByteArray payload(400, 'p');
    QVERIFY(m_client->publish(message("t/q").payload(payload).qos(1)) != 0); // in flight
    // 403 bytes, more than the budget, but a message on its own always waits: any size can go.
    QVERIFY(m_client->publish(message("t/q").payload(payload).qos(1)) != 0);
    QCOMPARE(m_client->publish(message("t/q").payload(payload).qos(1)), quint64(0));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(u"wait for the broker"_s), qPrintable(errors.first()));
    QTest::qWait(kQuietMs);
    QCOMPARE(packetsOf<PublishPacket>(m_fake->received(0)).size(), 1);
}

// Our Receive Maximum bounds the server's unacknowledged QoS 1 messages as well as QoS 2 ones
// [MQTT-3.3.4-9]; beyond it the client disconnects with 0x93 (section 4.9).
void tst_ClientWire::inboundReceiveMaximumCountsQos1()
{
    makeClient(true);
    ClientOptions options = m_client->options();
    options.connectProperties.receiveMaximum = 2;
    m_client->setOptions(options);
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    QByteArray burst;
    for (quint16 id = 1; id <= 3; ++id) {
        PublishPacket publish{"t/in", QByteArray::number(id), 1, false, false, id, {}};
        burst += encodePacket(publish, ProtocolVersion::V5);
    }
    m_fake->send(burst); // one read: none of them can have been acknowledged yet
    QTRY_VERIFY_WITH_TIMEOUT(!m_disconnects.isEmpty(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(packetsOf<DisconnectPacket>(m_fake->received(0)).size(), 1,
                              kTimeoutMs);
    const QList<DisconnectPacket> disconnects = packetsOf<DisconnectPacket>(m_fake->received(0));
    QCOMPARE(disconnects.first().reason, ReasonCode::ReceiveMaximumExceeded);
    QCOMPARE(m_messages.size(), 2);

    // Within the maximum, read after read, nothing is wrong.
    QVERIFY(waitConnected(2));
    for (quint16 id = 1; id <= 6; ++id) {
        PublishPacket publish{"t/in", QByteArray::number(id), 1, false, false, id, {}};
        m_fake->send(encodePacket(publish, ProtocolVersion::V5));
        QTRY_COMPARE_WITH_TIMEOUT(acksOf(m_fake->received(1), PacketType::Puback).size(), int(id),
                                  kTimeoutMs);
    }
    QCOMPARE(m_disconnects.size(), 1);
}

void tst_ClientWire::outboundTopicAliases()
{
    Properties limits;
    limits.topicAliasMaximum = 2;
    m_fake->setConnectHandler([&](const ConnectPacket &connect, int) {
        return FakeConnectReply{connackBytes(connect.version, false, limits)};
    });
    makeClient(true);
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    for (const QByteArray &topic : {"t/a"_ba, "t/a"_ba, "t/b"_ba, "t/c"_ba, "t/c"_ba, "t/b"_ba})
        QVERIFY(m_client->publish(message(topic).payload("p")) != 0);
    QTRY_COMPARE_WITH_TIMEOUT(packetsOf<PublishPacket>(m_fake->received(0)).size(), 6, kTimeoutMs);
    const QList<PublishPacket> sent = packetsOf<PublishPacket>(m_fake->received(0));
    struct Expected
    {
        QByteArray topic;
        std::optional<quint16> alias;
    };
    const QList<Expected> expected{
        {"t/a", 1},
        {"", 1}, // introduced, then used with an empty topic
        {"t/b", 2},
        {"t/c", std::nullopt},
        {"t/c", std::nullopt}, // out of aliases: never above the server's maximum [MQTT-3.3.2-9]
        {"", 2},
    };
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(sent.at(i).topic, expected.at(i).topic);
        QCOMPARE(sent.at(i).properties->topicAlias, expected.at(i).alias);
    }
}

void tst_ClientWire::inboundTopicAliases()
{
    makeClient(true);
    ClientOptions options = m_client->options();
    options.connectProperties.topicAliasMaximum = 3;
    options.reconnect.enabled = false;
    m_client->setOptions(options);
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    PublishPacket introduce{"sensors/t", "1", 0, false, false, 0, {}};
    introduce.properties.edit().topicAlias = 3;
    PublishPacket byAlias{"", "2", 0, false, false, 0, {}};
    byAlias.properties.edit().topicAlias = 3;
    m_fake->send(encodePacket(introduce, ProtocolVersion::V5)
                 + encodePacket(byAlias, ProtocolVersion::V5));
    QTRY_COMPARE_WITH_TIMEOUT(m_messages.size(), 2, kTimeoutMs);
    QCOMPARE(m_messages.at(1).topic, "sensors/t"_ba);

    // An alias never established is a protocol error: DISCONNECT 0x82 and the reason logged.
    PublishPacket unknown{"", "3", 0, false, false, 0, {}};
    unknown.properties.edit().topicAlias = 2;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"unknown topic alias 2"_s));
    m_fake->send(encodePacket(unknown, ProtocolVersion::V5));
    QTRY_COMPARE_WITH_TIMEOUT(m_disconnects.size(), 1, kTimeoutMs);
    QVERIFY2(m_disconnects.first().startsWith(u"Protocol error by server: "_s),
             qPrintable(m_disconnects.first()));
    // The fake reads it in this same event loop, maybe after the client reported the end.
    QTRY_COMPARE_WITH_TIMEOUT(packetsOf<DisconnectPacket>(m_fake->received(0)).size(), 1,
                              kTimeoutMs);
    const QList<DisconnectPacket> disconnects = packetsOf<DisconnectPacket>(m_fake->received(0));
    QCOMPARE(disconnects.first().reason, ReasonCode::ProtocolError);
    QCOMPARE(m_messages.size(), 2);
}

void tst_ClientWire::deadConnectionDetected()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    m_fake->setAnswersRequests(false); // PINGREQ goes unanswered
    makeClient(v5);
    ClientOptions options = m_client->options();
    options.keepAliveSeconds = 1;
    m_client->setOptions(options);
    QSignalSpy reconnects(m_client.get(), &MqttClient::reconnectScheduled);
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"No answer to PINGREQ"_s));
    // Ping after 1 s, dead 1 s later (the answer timeout is at least a second).
    QTRY_COMPARE_WITH_TIMEOUT(m_disconnects.size(), 1, 4000);
    QVERIFY2(m_disconnects.first().startsWith(u"No answer from the server"_s),
             qPrintable(m_disconnects.first()));
    QCOMPARE(packetsOf<PingreqPacket>(m_fake->received(0)).size(), 1);
    QCOMPARE(reconnects.size(), 1);
    m_fake->setAnswersRequests(true);
    QVERIFY(waitConnected(2)); // and it comes back by itself
}

void tst_ClientWire::connackTimeout()
{
    m_fake->setConnectHandler([](const ConnectPacket &, int) { return FakeConnectReply{}; });
    makeClient(true);
    ClientOptions options = m_client->options();
    options.connackTimeoutMs = 300;
    options.reconnect.enabled = false;
    m_client->setOptions(options);
    m_client->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_disconnects.size(), 1, kTimeoutMs);
    QCOMPARE(m_disconnects.first(), u"Timed out: no CONNACK within 300 ms"_s);
    QCOMPARE(m_client->state(), ClientState::Disconnected);
}

void tst_ClientWire::serverDisconnectWithReference()
{
    makeClient(true);
    m_client->connectToBroker();
    QVERIFY(waitConnected());
    QSignalSpy serverDisconnects(m_client.get(), &MqttClient::serverDisconnected);
    DisconnectPacket goAway{ReasonCode::UseAnotherServer, {}};
    goAway.properties.reasonString = u"maintenance"_s;
    goAway.properties.serverReference = u"other.example:1883"_s;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"disconnected us"_s));
    m_fake->send(encodePacket(goAway, ProtocolVersion::V5));
    QTRY_COMPARE_WITH_TIMEOUT(m_disconnects.size(), 1, kTimeoutMs);
    QCOMPARE(serverDisconnects.size(), 1);
    const QString reason = m_disconnects.first();
    QVERIFY2(reason.startsWith(u"Disconnected by the server: "_s), qPrintable(reason));
    QVERIFY2(reason.contains(u"(0x9c)"_s) && reason.contains(u"maintenance"_s)
                 && reason.contains(u"other.example:1883"_s),
             qPrintable(reason));
    m_client->disconnectFromBroker(); // stops the reconnect the server's DISCONNECT scheduled
    QCOMPARE(m_client->state(), ClientState::Disconnected);
}

void tst_ClientWire::connackLimitsRefusePublishes()
{
    Properties limits;
    limits.maximumQoS = 1;
    limits.retainAvailable = 0;
    m_fake->setConnectHandler([&](const ConnectPacket &connect, int) {
        return FakeConnectReply{connackBytes(connect.version, false, limits)};
    });
    makeClient(true);
    QSignalSpy errors(m_client.get(), &MqttClient::errorOccurred);
    // Disconnected: refused. Connecting: queued, then refused through publishFinished once
    // CONNACK told the limits.
    QCOMPARE(m_client->publish(message("t/early").payload("q2").qos(2)), quint64(0));
    m_client->connectToBroker();
    const quint64 early = m_client->publish(message("t/early").payload("q2").qos(2));
    QVERIFY(early != 0);
    QVERIFY(waitConnected());
    QTRY_COMPARE_WITH_TIMEOUT(m_finished.value(early, ReasonCode::Success),
                              ReasonCode::QoSNotSupported, kTimeoutMs);
    // Known limits: refused at once, no silent downgrade [MQTT-3.2.2-11], [MQTT-3.2.2-14].
    QCOMPARE(m_client->publish(message("t/a").payload("q2").qos(2)), quint64(0));
    Message retained = message("t/a").payload("r").qos(1);
    retained.retain = true;
    QCOMPARE(m_client->publish(retained), quint64(0));
    QVERIFY(m_client->publish(message("t/a").payload("q1").qos(1)) != 0);
    QTRY_COMPARE_WITH_TIMEOUT(packetsOf<PublishPacket>(m_fake->received(0)).size(), 1, kTimeoutMs);
    QCOMPARE(packetsOf<PublishPacket>(m_fake->received(0)).first().payload, "q1"_ba);
    QCOMPARE(errors.size(), 4);
}

void tst_ClientWire::enhancedAuthenticationPassedThrough()
{
    AuthPacket challenge{ReasonCode::ContinueAuthentication, {}};
    challenge.properties.authenticationMethod = u"SCRAM-SHA-1"_s;
    challenge.properties.authenticationData = "server-first"_ba;
    m_fake->setConnectHandler([&](const ConnectPacket &, int) {
        return FakeConnectReply{encodePacket(challenge, ProtocolVersion::V5)};
    });
    makeClient(true);
    ClientOptions options = m_client->options();
    options.connectProperties.authenticationMethod = u"SCRAM-SHA-1"_s;
    options.connectProperties.authenticationData = "client-first"_ba;
    m_client->setOptions(options);
    QList<AuthPacket> challenges;
    connect(m_client.get(), &MqttClient::authReceived, this,
            [&](const AuthPacket &auth) { challenges += auth; });
    m_client->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(challenges.size(), 1, kTimeoutMs);
    QCOMPARE(challenges.first(), challenge);
    QCOMPARE(m_client->state(), ClientState::Connecting); // the exchange happens before CONNACK

    AuthPacket response{ReasonCode::ContinueAuthentication, {}};
    response.properties.authenticationMethod = u"SCRAM-SHA-1"_s;
    response.properties.authenticationData = "client-final"_ba;
    m_client->sendAuth(response);
    QTRY_COMPARE_WITH_TIMEOUT(packetsOf<AuthPacket>(m_fake->received(0)).size(), 1, kTimeoutMs);
    QCOMPARE(packetsOf<AuthPacket>(m_fake->received(0)).first(), response);
    const ConnectPacket connect = packetsOf<ConnectPacket>(m_fake->received(0)).first();
    QCOMPARE(connect.properties.authenticationMethod,
             options.connectProperties.authenticationMethod);
    QCOMPARE(connect.properties.authenticationData, options.connectProperties.authenticationData);

    Properties done;
    done.authenticationMethod = u"SCRAM-SHA-1"_s;
    done.authenticationData = "server-final"_ba;
    m_fake->send(connackBytes(ProtocolVersion::V5, false, done));
    QVERIFY(waitConnected());
    QCOMPARE(m_connacks.first().properties.authenticationData,
             std::optional<QByteArray>("server-final"_ba));
}

QTEST_GUILESS_MAIN(tst_ClientWire)
#include "tst_clientwire.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// A persistent session survives a connection that keeps breaking: a proxy between the client and
// a real mosquitto cuts it again and again while 2,000 messages flow each way. QoS 2 must arrive
// exactly once and in order, QoS 1 at least once with the first deliveries in order.

#include "client/mqttclient.h"
#include "fakebroker.h"
#include "faultproxy.h"
#include "mosquittobroker.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using mqttscope::test::FakeBroker;
using mqttscope::test::FakeConnectReply;
using mqttscope::test::FaultProxy;
using mqttscope::test::MosquittoBroker;

Q_DECLARE_METATYPE(mqttscope::ProtocolVersion)

namespace {

constexpr int MessageCount = 2000;
constexpr int PaceIntervalMs = 5;
constexpr int PublishesPerTick = 8; // 2000 messages take at least 1.25 s
constexpr int PublishWindow = 100;     // publishes in flight per publisher, as an application would
// A row takes ~2 s on loopback. On failure QTRY waits up to twice this to say whether more
// time would have helped; 8 rows x 90 s stay within the ctest timeout.
constexpr int GiveUpAfterMs = 45000;
constexpr int MaximumCuts = 40;        // then the proxy stops cutting, so every run can finish

// Sequence numbers seen on one topic, in order of arrival.
class SequenceLog
{
public:
    void add(const QByteArray &payload) { m_sequence.append(payload.toInt()); }
    int arrivals() const { return int(m_sequence.size()); }
    int distinct() const { return int(firstArrivals().size()); }

    // Empty when 0..count-1 arrived exactly once each, in order; otherwise what went wrong.
    QString exactlyOnceInOrder(int count) const { return compare(m_sequence, count); }
    // Empty when each of 0..count-1 arrived and their first arrivals are in order.
    QString everyOneFirstInOrder(int count) const { return compare(firstArrivals(), count); }

private:
    QList<int> firstArrivals() const
    {
        QList<int> first;
        QSet<int> seen;
        for (int sequence : m_sequence) {
            if (!seen.contains(sequence)) {
                seen.insert(sequence);
                first.append(sequence);
            }
        }
        return first;
    }

    static QString compare(const QList<int> &sequence, int count)
    {
        for (int i = 0; i < sequence.size() && i < count; ++i) {
            if (sequence[i] != i) {
                return u"arrival %1 is message %2, expected %3 (%4 arrivals)"_s
                    .arg(i).arg(sequence[i]).arg(i).arg(sequence.size());
            }
        }
        if (sequence.size() != count)
            return u"%1 arrivals for %2 messages"_s.arg(sequence.size()).arg(count);
        return {};
    }

    QList<int> m_sequence;
};

// Publishes `count` messages numbered 0..count-1, keeping at most PublishWindow unfinished.
class Publisher
{
public:
    Publisher(MqttClient &client, QByteArray topic, quint8 qos, int count)
        : m_client(client), m_topic(std::move(topic)), m_qos(qos), m_count(count)
    {
        QObject::connect(&client, &MqttClient::publishFinished, &m_context,
                         [this](quint64 token, ReasonCode reason, const QString &reasonString) {
                             if (!m_tokens.remove(token))
                                 return;
                             ++m_finished;
                             if (isError(reason))
                                 m_failures.append(u"%1 (%2)"_s.arg(reasonCodeName(reason), reasonString));
                             publishUpToWindow();
                         });
        // Paced, so that the flow lasts over a second even on a fast machine and the cuts land
        // while messages are in flight, not after they all arrived.
        m_pace.setInterval(PaceIntervalMs);
        QObject::connect(&m_pace, &QTimer::timeout, &m_context, [this] {
            m_sentThisTick = 0;
            publishUpToWindow();
            if (m_next == m_count)
                m_pace.stop();
        });
    }

    void start()
    {
        m_pace.start();
        publishUpToWindow();
    }
    bool isDone() const { return m_finished == m_count; }
    int finished() const { return m_finished; }
    QStringList failures() const { return m_failures; }

private:
    void publishUpToWindow()
    {
        while (m_next < m_count && m_tokens.size() < PublishWindow && m_sentThisTick < PublishesPerTick) {
            ++m_sentThisTick;
            Message message;
            message.topic = m_topic;
            message.payload = QByteArray::number(m_next);
            message.qos = m_qos;
            const quint64 token = m_client.publish(message);
            if (token == 0) {
                m_failures.append(u"publish %1 refused at once (state %2)"_s
                                      .arg(m_next).arg(int(m_client.state())));
                return;
            }
            m_tokens.insert(token);
            ++m_next;
        }
    }

    QObject m_context; // ends the connection to the client when this publisher goes
    QTimer m_pace;
    int m_sentThisTick = 0;
    MqttClient &m_client;
    QByteArray m_topic;
    quint8 m_qos;
    int m_count;
    int m_next = 0;
    int m_finished = 0;
    QSet<quint64> m_tokens;
    QStringList m_failures;
};

// Appends every message on `topic` that `client` receives to `log`.
void logArrivals(MqttClient &client, const QByteArray &topic, SequenceLog &log)
{
    QObject::connect(&client, &MqttClient::messagesReceived, &client,
                     [topic, &log](const QList<Message> &messages) {
                         for (const Message &message : messages) {
                             if (message.topic == topic)
                                 log.add(message.payload);
                         }
                     });
}

VersionChoice choiceOf(ProtocolVersion version)
{
    return version == ProtocolVersion::V5 ? VersionChoice::V5 : VersionChoice::V311;
}

// A persistent session that reconnects quickly: clean start off, and in 5.0 a session expiry
// that outlives every cut.
ClientOptions persistentOptions(const Endpoint &endpoint, ProtocolVersion version, const QString &clientId)
{
    ClientOptions options;
    options.endpoint = endpoint;
    options.version = choiceOf(version);
    options.clientId = clientId;
    options.keepAliveSeconds = 30;
    options.cleanStart = false;
    if (version == ProtocolVersion::V5)
        options.connectProperties.sessionExpiryInterval = 3600;
    options.reconnect.initialDelayMs = 20;
    options.reconnect.maximumDelayMs = 200;
    options.connackTimeoutMs = 5000;
    return options;
}

// The packets of one kind the client sent to the fake server on one connection.
template<typename T>
QList<T> packetsOf(const FakeBroker &fake, int connection)
{
    QList<T> found;
    for (const Packet &packet : fake.received(connection)) {
        if (const auto *typed = std::get_if<T>(&packet))
            found.append(*typed);
    }
    return found;
}

// The PUBACK/PUBREC/PUBREL/PUBCOMP of one type for one packet id the client sent on a connection.
int acksSent(const FakeBroker &fake, int connection, PacketType type, quint16 packetId)
{
    const QList<PubAckPacket> acks = packetsOf<PubAckPacket>(fake, connection);
    return int(std::count_if(acks.begin(), acks.end(), [&](const PubAckPacket &ack) {
        return ack.type == type && ack.packetId == packetId;
    }));
}

PubAckPacket ack(PacketType type, quint16 packetId)
{
    PubAckPacket packet;
    packet.type = type;
    packet.packetId = packetId;
    return packet;
}

// A fake server that keeps the session (session present from the second connection on) and
// acknowledges nothing by itself, so a test decides where each QoS 2 flow stops.
void keepSessionAndStaySilent(FakeBroker &fake)
{
    fake.setAnswersRequests(false);
    fake.setConnectHandler([](const ConnectPacket &connect, int connection) {
        return FakeConnectReply{FakeBroker::connack(connect.version, ReasonCode::Success, {}, connection > 0)};
    });
}

} // namespace

class tst_Faults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void proxyCutsWhereTold();
    void flowSurvivesCuts_data();
    void flowSurvivesCuts();
    void outboundQos2ResumesWhereItStopped_data() { versions(); }
    void outboundQos2ResumesWhereItStopped();
    void inboundQos2ExactlyOnceAcrossReconnect_data() { versions(); }
    void inboundQos2ExactlyOnceAcrossReconnect();

private:
    static void versions();
    ClientOptions directOptions(ProtocolVersion version, const QString &clientId) const;
    // Connects, subscribes to `filter` when given, and waits for both (fails the test otherwise).
    static void connectAndSubscribe(MqttClient &client, const QString &filter, quint8 qos);

    MosquittoBroker m_broker;
    int m_row = 0; // keeps topics and client ids apart between rows on the one broker
};

void tst_Faults::initTestCase()
{
    MQTTSCOPE_START_BROKER(m_broker, {});
}

// The tool first: if the proxy did not cut where told, the flow test below would prove little.
void tst_Faults::proxyCutsWhereTold()
{
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    FaultProxy proxy;
    QVERIFY2(proxy.listen(u"127.0.0.1"_s, target.serverPort()), qPrintable(proxy.errorString()));

    // Forwards both ways.
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, proxy.port());
    QTRY_VERIFY(target.hasPendingConnections());
    std::unique_ptr<QTcpSocket> server(target.nextPendingConnection());
    client.write("hello");
    QTRY_COMPARE(server->bytesAvailable(), 5); // QTRY_* evaluate twice: no readAll() inside
    QCOMPARE(server->readAll(), "hello"_ba);
    server->write("world");
    QTRY_COMPARE(client.bytesAvailable(), 5);
    QCOMPARE(client.readAll(), "world"_ba);
    QCOMPARE(proxy.connectionCount(), 1);

    // By hand: both sides go.
    proxy.cutAll();
    QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(server->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(proxy.openConnectionCount(), 0);
    QCOMPARE(proxy.cutCount(), 0); // cuts by hand are not counted against the maximum

    // After 10 bytes: exactly 10 arrive (5 already went the other way), then both sides go.
    proxy.setCutAfterBytes(15);
    QTcpSocket second;
    second.connectToHost(QHostAddress::LocalHost, proxy.port());
    QTRY_VERIFY(target.hasPendingConnections());
    server.reset(target.nextPendingConnection());
    server->write("12345");
    QTRY_COMPARE(second.bytesAvailable(), 5);
    QCOMPARE(second.readAll(), "12345"_ba);
    second.write("abcdefghijklmnopqrstuvwxy");
    QByteArray arrived;
    QTRY_VERIFY((arrived += server->readAll(), server->state() == QAbstractSocket::UnconnectedState));
    arrived += server->readAll();
    QCOMPARE(arrived, "abcdefghij"_ba);
    QTRY_COMPARE(second.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(proxy.cutCount(), 1);
    QCOMPARE(proxy.connectionCount(), 2);

    // The maximum stops automatic cuts.
    proxy.setMaximumCuts(1);
    QTcpSocket third;
    third.connectToHost(QHostAddress::LocalHost, proxy.port());
    QTRY_VERIFY(target.hasPendingConnections());
    server.reset(target.nextPendingConnection());
    third.write(QByteArray(100, 'z'));
    QTRY_COMPARE(server->bytesAvailable(), 100);
    QCOMPARE(proxy.cutCount(), 1);
    QCOMPARE(third.state(), QAbstractSocket::ConnectedState);
}

ClientOptions tst_Faults::directOptions(ProtocolVersion version, const QString &clientId) const
{
    ClientOptions options;
    options.endpoint = m_broker.endpoint(MosquittoBroker::Listener::Tcp);
    options.version = choiceOf(version);
    options.clientId = clientId;
    options.keepAliveSeconds = 30;
    return options;
}

void tst_Faults::connectAndSubscribe(MqttClient &client, const QString &filter, quint8 qos)
{
    QSignalSpy connected(&client, &MqttClient::connected);
    client.connectToBroker();
    QTRY_VERIFY2_WITH_TIMEOUT(connected.count() >= 1, "no connection to mosquitto within 10 s", 10000);
    if (filter.isEmpty())
        return;
    QSignalSpy subscribed(&client, &MqttClient::subscribeFinished);
    Subscription subscription;
    subscription.filter = filter;
    subscription.qos = qos;
    QVERIFY(client.subscribe({subscription}) != 0);
    QTRY_VERIFY_WITH_TIMEOUT(subscribed.count() == 1, 10000);
    const auto suback = subscribed.first().at(1).value<SubackPacket>();
    QCOMPARE(suback.reasons, QList<ReasonCode>{ReasonCode(qos)});
}

void tst_Faults::flowSurvivesCuts_data()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::addColumn<quint8>("qos");
    QTest::addColumn<qint64>("cutAfterBytes"); // 0: cut by time instead
    QTest::addColumn<int>("cutIntervalMs");    // 0: cut by bytes instead

    for (const ProtocolVersion version : {ProtocolVersion::V311, ProtocolVersion::V5}) {
        const char *name = version == ProtocolVersion::V5 ? "5.0" : "3.1.1";
        for (const quint8 qos : {quint8(1), quint8(2)}) {
            // Every 100 ms, as a flaky mobile link would: the cuts land anywhere. (On loopback
            // the whole flow takes about a second; slower links only see more cuts.)
            QTest::addRow("%s QoS %d cut every 100 ms", name, qos) << version << qos << qint64(0) << 100;
            // After every 16 kB: the same places on every run, mostly in the middle of a packet.
            QTest::addRow("%s QoS %d cut every 16 kB", name, qos) << version << qos << qint64(16000) << 0;
        }
    }
}

void tst_Faults::flowSurvivesCuts()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(quint8, qos);
    QFETCH(qint64, cutAfterBytes);
    QFETCH(int, cutIntervalMs);

    ++m_row;
    // Declared before the clients: a client going away may still report into them.
    SequenceLog outboundArrivals; // A -> proxy -> mosquitto -> subscriber
    SequenceLog inboundArrivals;  // publisher -> mosquitto -> proxy -> A
    QStringList disconnectReasons;
    int resumesWithoutSession = 0;

    const QByteArray outboundTopic = "faults/%1/a"_ba.replace("%1", QByteArray::number(m_row));
    const QByteArray inboundTopic = "faults/%1/b"_ba.replace("%1", QByteArray::number(m_row));

    FaultProxy proxy;
    QVERIFY2(proxy.listen(u"127.0.0.1"_s, m_broker.port(MosquittoBroker::Listener::Tcp)),
             qPrintable(proxy.errorString()));

    // Client A, the one under test: a persistent session through the proxy.
    MqttClient clientA;
    clientA.setOptions(persistentOptions(proxy.endpoint(), version, u"faults-a-%1"_s.arg(m_row)));

    // The others talk to mosquitto directly and never see a cut.
    MqttClient subscriber;
    subscriber.setOptions(directOptions(version, u"faults-sub-%1"_s.arg(m_row)));
    MqttClient publisher;
    publisher.setOptions(directOptions(version, u"faults-pub-%1"_s.arg(m_row)));

    logArrivals(subscriber, outboundTopic, outboundArrivals);
    logArrivals(clientA, inboundTopic, inboundArrivals);
    connect(&clientA, &MqttClient::connected, this, [&resumesWithoutSession, &disconnectReasons](const ConnackPacket &connack) {
        if (!disconnectReasons.isEmpty() && !connack.sessionPresent)
            ++resumesWithoutSession;
    });
    connect(&clientA, &MqttClient::disconnected, this,
            [&disconnectReasons](const QString &reason) { disconnectReasons.append(reason); });

    for (const auto &[client, filter] : {std::pair{&subscriber, outboundTopic},
                                         std::pair{&clientA, inboundTopic},
                                         std::pair{&publisher, QByteArray()}}) {
        connectAndSubscribe(*client, QString::fromUtf8(filter), qos);
        if (QTest::currentTestFailed())
            return;
    }

    proxy.setMaximumCuts(MaximumCuts);
    proxy.setCutAfterBytes(cutAfterBytes);
    proxy.setCutInterval(cutIntervalMs);

    Publisher outbound(clientA, outboundTopic, qos, MessageCount);
    Publisher inbound(publisher, inboundTopic, qos, MessageCount);
    QElapsedTimer timer;
    timer.start();
    outbound.start();
    inbound.start();

    const auto allArrived = [&] {
        return outbound.isDone() && inbound.isDone() && outboundArrivals.distinct() == MessageCount
               && inboundArrivals.distinct() == MessageCount;
    };
    const auto progress = [&] {
        return u"after %1 ms: A published %2/%3, subscriber got %4 distinct (%5 arrivals); "
               "publisher published %6/%3, A got %7 distinct (%8 arrivals); %9 cuts, %10 connections "
               "through the proxy; A is in state %11; publish failures: %12; last disconnect: %13"_s
            .arg(timer.elapsed()).arg(outbound.finished()).arg(MessageCount)
            .arg(outboundArrivals.distinct()).arg(outboundArrivals.arrivals())
            .arg(inbound.finished()).arg(inboundArrivals.distinct()).arg(inboundArrivals.arrivals())
            .arg(proxy.cutCount()).arg(proxy.connectionCount()).arg(int(clientA.state()))
            .arg((outbound.failures() + inbound.failures()).join(u"; "_s),
                 disconnectReasons.isEmpty() ? u"none"_s : disconnectReasons.last());
    };
    const auto stuck = [&] { return !outbound.failures().isEmpty() || !inbound.failures().isEmpty(); };
    QTRY_VERIFY2_WITH_TIMEOUT(allArrived() || stuck(), qPrintable(u"gave up "_s + progress()), GiveUpAfterMs);
    QVERIFY2(!stuck(), qPrintable(progress()));

    // No more cuts; give late duplicates a moment to show themselves.
    proxy.setMaximumCuts(proxy.cutCount());
    QTest::qWait(500);
    qInfo().noquote() << progress();

    // The faults really happened while the messages flowed.
    QVERIFY2(disconnectReasons.size() >= 3, qPrintable(progress()));
    // Every reconnect found the session on the broker (session present, [MQTT-3.2.2-2]).
    QCOMPARE(resumesWithoutSession, 0);
    if (qos == 2) {
        // Exactly once (section 4.3.3 in both versions), in order per topic (section 4.6).
        const QString outboundProblem = outboundArrivals.exactlyOnceInOrder(MessageCount);
        QVERIFY2(outboundProblem.isEmpty(), qPrintable(u"A -> subscriber: "_s + outboundProblem));
        const QString inboundProblem = inboundArrivals.exactlyOnceInOrder(MessageCount);
        QVERIFY2(inboundProblem.isEmpty(), qPrintable(u"publisher -> A: "_s + inboundProblem));
    } else {
        // At least once: duplicates may come, but none is missing and first arrivals keep order.
        const QString outboundProblem = outboundArrivals.everyOneFirstInOrder(MessageCount);
        QVERIFY2(outboundProblem.isEmpty(), qPrintable(u"A -> subscriber: "_s + outboundProblem));
        const QString inboundProblem = inboundArrivals.everyOneFirstInOrder(MessageCount);
        QVERIFY2(inboundProblem.isEmpty(), qPrintable(u"publisher -> A: "_s + inboundProblem));
    }
    QVERIFY(outbound.failures().isEmpty());
    QVERIFY(inbound.failures().isEmpty());

    clientA.disconnectFromBroker();
    subscriber.disconnectFromBroker();
    publisher.disconnectFromBroker();
}

void tst_Faults::versions()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::newRow("3.1.1") << ProtocolVersion::V311;
    QTest::newRow("5.0") << ProtocolVersion::V5;
}

// Where a real broker cannot be made to stop: an outbound QoS 2 flow cut before PUBREC and again
// before PUBCOMP must go on from exactly there after each reconnect.
void tst_Faults::outboundQos2ResumesWhereItStopped()
{
    QFETCH(ProtocolVersion, version);
    FakeBroker fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    keepSessionAndStaySilent(fake);
    MqttClient client;
    client.setOptions(persistentOptions(fake.endpoint(), version, u"faults-outbound"_s));
    QSignalSpy finished(&client, &MqttClient::publishFinished);
    client.connectToBroker();
    QTRY_COMPARE(client.state(), ClientState::Connected);

    Message message;
    message.topic = "faults/outbound"_ba;
    message.payload = "exactly once"_ba;
    message.qos = 2;
    const quint64 token = client.publish(message);
    QVERIFY(token != 0);
    QTRY_COMPARE(packetsOf<PublishPacket>(fake, 0).size(), 1);
    const PublishPacket first = packetsOf<PublishPacket>(fake, 0).first();
    QVERIFY(!first.dup);
    QVERIFY(first.packetId != 0);

    // Cut before PUBREC: the PUBLISH again, with DUP and the same packet id [MQTT-4.4.0-1]
    // (3.1.1 [MQTT-4.4.0-1] too), DUP set on a resend [MQTT-3.3.1-1].
    fake.hangUp();
    QTRY_VERIFY_WITH_TIMEOUT(packetsOf<PublishPacket>(fake, 1).size() == 1, 5000);
    QVERIFY(!packetsOf<ConnectPacket>(fake, 1).first().cleanStart);
    const PublishPacket again = packetsOf<PublishPacket>(fake, 1).first();
    QVERIFY(again.dup);
    QCOMPARE(again.packetId, first.packetId);
    QCOMPARE(again.topic, first.topic);
    QCOMPARE(again.payload, first.payload);
    QCOMPARE(again.qos, quint8(2));

    QVERIFY(fake.send(encodePacket(ack(PacketType::Pubrec, first.packetId), version)));
    QTRY_COMPARE(acksSent(fake, 1, PacketType::Pubrel, first.packetId), 1);
    QVERIFY(finished.isEmpty());

    // Cut before PUBCOMP: PUBREL again, and never the PUBLISH [MQTT-4.4.0-1].
    fake.hangUp();
    QTRY_VERIFY_WITH_TIMEOUT(acksSent(fake, 2, PacketType::Pubrel, first.packetId) == 1, 5000);
    QCOMPARE(packetsOf<PublishPacket>(fake, 2).size(), 0);
    QVERIFY(finished.isEmpty());

    QVERIFY(fake.send(encodePacket(ack(PacketType::Pubcomp, first.packetId), version)));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toULongLong(), token);
    QCOMPARE(finished.first().at(1).value<ReasonCode>(), ReasonCode::Success);
    QVERIFY2(fake.clientErrors().isEmpty(), qPrintable(fake.clientErrors().join(u'\n')));
    client.disconnectFromBroker();
}

// An inbound QoS 2 message resent with DUP after a reconnect, before its PUBREL, is the same
// message: delivered once. After PUBREL its packet id is free for a new message.
void tst_Faults::inboundQos2ExactlyOnceAcrossReconnect()
{
    QFETCH(ProtocolVersion, version);
    FakeBroker fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    keepSessionAndStaySilent(fake);
    QList<Message> delivered; // before the client, which may still report into it while it goes
    MqttClient client;
    client.setOptions(persistentOptions(fake.endpoint(), version, u"faults-inbound"_s));
    connect(&client, &MqttClient::messagesReceived, this,
            [&delivered](const QList<Message> &messages) { delivered += messages; });
    client.connectToBroker();
    QTRY_COMPARE(client.state(), ClientState::Connected);

    constexpr quint16 Id = 9;
    PublishPacket publish;
    publish.topic = "faults/inbound"_ba;
    publish.payload = "once"_ba;
    publish.qos = 2;
    publish.packetId = Id;
    QVERIFY(fake.send(encodePacket(publish, version)));
    QTRY_COMPARE(acksSent(fake, 0, PacketType::Pubrec, Id), 1);

    // Cut before PUBREL; the server sends the PUBLISH again with DUP [MQTT-4.4.0-1].
    fake.hangUp();
    QTRY_VERIFY_WITH_TIMEOUT(fake.connectionCount() == 2 && client.state() == ClientState::Connected, 5000);
    publish.dup = true;
    QVERIFY(fake.send(encodePacket(publish, version)));
    QTRY_COMPARE(acksSent(fake, 1, PacketType::Pubrec, Id), 1);
    QVERIFY(fake.send(encodePacket(ack(PacketType::Pubrel, Id), version)));
    QTRY_COMPARE(acksSent(fake, 1, PacketType::Pubcomp, Id), 1);
    // Delivered exactly once, whether on PUBLISH or on PUBREL (both methods of 4.3.3 allowed).
    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(delivered.first().payload, "once"_ba);

    // The id was released by PUBREL: the same id now carries a new message.
    publish.dup = false;
    publish.payload = "second"_ba;
    QVERIFY(fake.send(encodePacket(publish, version)));
    QTRY_COMPARE(acksSent(fake, 1, PacketType::Pubrec, Id), 2);
    QVERIFY(fake.send(encodePacket(ack(PacketType::Pubrel, Id), version)));
    QTRY_COMPARE(delivered.size(), 2);
    QCOMPARE(delivered.last().payload, "second"_ba);
    QTRY_COMPARE(acksSent(fake, 1, PacketType::Pubcomp, Id), 2);
    QVERIFY2(fake.clientErrors().isEmpty(), qPrintable(fake.clientErrors().join(u'\n')));
    client.disconnectFromBroker();
}

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// MqttClient against a real mosquitto: every protocol test runs for 3.1.1 and 5.0 from one data
// table, over tcp and, where the transport matters, over tls, ws and wss.

#include "client/mqttclient.h"
#include "messagebuilder.h"
#include "mosquittobroker.h"
#include "testclient.h"
#include "testversions.h"
#include "versionchoice.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

Q_DECLARE_METATYPE(mqttscope::test::MosquittoBroker::Listener)

namespace {

constexpr int kTimeoutMs = 10000;
// How long "nothing arrives" is watched for, after a fence message proved the path is flowing.
constexpr int kQuietMs = 300;

QByteArray uniqueTopic(const char *test)
{
    return "mqttscope/test/"_ba + test + '/'
        + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

} // namespace

class tst_Client : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void connectAndDisconnect_data();
    void connectAndDisconnect();
    void autoVersionSpeaksV5WithMosquitto();
    void qosRoundTrip_data();
    void qosRoundTrip();
    void retainedDeliveredToNewSubscriber_data() { versions(); }
    void retainedDeliveredToNewSubscriber();
    void willOnAbnormalDisconnectOnly_data() { versions(); }
    void willOnAbnormalDisconnectOnly();
    void persistentSessionReceivesQueuedMessages_data();
    void persistentSessionReceivesQueuedMessages();
    void unsubscribeStopsDelivery_data() { versions(); }
    void unsubscribeStopsDelivery();
    void keepAlivePingRoundTrip_data() { versions(); }
    void keepAlivePingRoundTrip();
    void propertiesRoundTrip_data() { versions(); }
    void propertiesRoundTrip();
    void noLocal_data() { versions(); }
    void noLocal();
    void retainHandlingDoNotSend_data() { versions(); }
    void retainHandlingDoNotSend();
    void emptyClientIdGetsAssignedId_data() { versions(); }
    void emptyClientIdGetsAssignedId();
    void wrongPasswordRefused_data() { versions(); }
    void wrongPasswordRefused();
    void invalidTopicsRefusedAtOnce_data() { versions(); }
    void invalidTopicsRefusedAtOnce();
    void worksOnItsOwnThread_data() { versions(); }
    void worksOnItsOwnThread();
    void serverLimitsHonoured();
    void oversizeRefusalTakenAsFailedPublish();
    void pausedReceivingHoldsMessagesAndStaysAlive_data() { versions(); }
    void pausedReceivingHoldsMessagesAndStaysAlive();

private:
    // One row per protocol version; every protocol test uses it.
    static void versions();
    ClientOptions
    optionsFor(ProtocolVersion version,
               MosquittoBroker::Listener listener = MosquittoBroker::Listener::Tcp) const;

    MosquittoBroker m_broker;
};

void tst_Client::initTestCase()
{
    using L = MosquittoBroker::Listener;
    MQTTSCOPE_START_BROKER(m_broker, QList<L>{L::Tcp, L::Tls, L::Ws, L::Wss, L::PasswordTcp});
}

void tst_Client::versions()
{
    addVersionRows();
}

ClientOptions tst_Client::optionsFor(ProtocolVersion version,
                                     MosquittoBroker::Listener listener) const
{
    ClientOptions options;
    options.endpoint = m_broker.endpoint(listener);
    options.version = versionChoice(version);
    options.clientId =
        u"mqttscope-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces).left(18);
    options.reconnect.enabled = false;
    return options;
}

void tst_Client::connectAndDisconnect_data()
{
    addVersionColumn();
    QTest::addColumn<MosquittoBroker::Listener>("listener");
    const std::pair<const char *, MosquittoBroker::Listener> listeners[] = {
        {"tcp", MosquittoBroker::Listener::Tcp},
        {"tls", MosquittoBroker::Listener::Tls},
        {"ws", MosquittoBroker::Listener::Ws},
        {"wss", MosquittoBroker::Listener::Wss},
    };
    for (const auto &[name, listener] : listeners) {
        for (const ProtocolVersion version : testedVersions)
            QTest::addRow("%s %s", name, versionName(version)) << version << listener;
    }
}

void tst_Client::connectAndDisconnect()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    QFETCH(MosquittoBroker::Listener, listener);
    TestClient client;
    client->setOptions(optionsFor(version, listener));
    QSignalSpy states(client.client.get(), &MqttClient::stateChanged);
    QVERIFY(connectClient(client));
    QCOMPARE(client->protocolVersion(), v5 ? ProtocolVersion::V5 : ProtocolVersion::V311);
    QCOMPARE(client.recorder.connacks.size(), 1);
    QCOMPARE(client.recorder.connacks.first().reason, ReasonCode::Success);
    QVERIFY(!client.recorder.connacks.first().sessionPresent); // clean start [MQTT-3.2.2-2]

    client->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ClientState::Disconnected, kTimeoutMs);
    QCOMPARE(client.recorder.disconnects, QStringList{u"Disconnected by the client"_s});
    QVERIFY(client.recorder.reconnects.isEmpty()); // a manual disconnect does not reconnect
    QCOMPARE(states.size(), 3); // Connecting, Connected, Disconnected
    QCOMPARE(states.at(1).at(0).value<ClientState>(), ClientState::Connected);
}

void tst_Client::autoVersionSpeaksV5WithMosquitto()
{
    TestClient client;
    ClientOptions options = optionsFor(ProtocolVersion::V5);
    options.version = VersionChoice::Auto;
    client->setOptions(options);
    QVERIFY(connectClient(client));
    QCOMPARE(client->protocolVersion(), ProtocolVersion::V5);
}

void tst_Client::qosRoundTrip_data()
{
    addVersionColumn();
    QTest::addColumn<int>("qos");
    QTest::addColumn<MosquittoBroker::Listener>("listener");
    for (const ProtocolVersion version : testedVersions) {
        for (int qos = 0; qos <= 2; ++qos)
            QTest::addRow("tcp qos%d %s", qos, versionName(version))
                << version << qos << MosquittoBroker::Listener::Tcp;
        QTest::addRow("tls qos2 %s", versionName(version))
            << version << 2 << MosquittoBroker::Listener::Tls;
        QTest::addRow("ws qos1 %s", versionName(version))
            << version << 1 << MosquittoBroker::Listener::Ws;
        QTest::addRow("wss qos2 %s", versionName(version))
            << version << 2 << MosquittoBroker::Listener::Wss;
    }
}

void tst_Client::qosRoundTrip()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(int, qos);
    QFETCH(MosquittoBroker::Listener, listener);
    TestClient client;
    client->setOptions(optionsFor(version, listener));
    QVERIFY(connectClient(client));
    const QByteArray topic = uniqueTopic("qos");
    // Granted at QoS 2, so each message comes back with the QoS it was published with.
    QVERIFY(subscribeAndWait(client, {Subscription{QString::fromUtf8(topic), 2}}));

    // Enough messages on one topic that 5.0 sends most of them with a topic alias (mosquitto
    // allows 10) and several flows overlap.
    constexpr int count = 50;
    QList<quint64> tokens;
    for (int i = 0; i < count; ++i) {
        const quint64 token =
            client->publish(message(topic).payload(QByteArray::number(i)).qos(qos));
        QVERIFY(token != 0);
        QVERIFY(!tokens.contains(token));
        tokens += token;
    }
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.messagesOn(topic).size(), count, kTimeoutMs);
    // Every publish finishes with Success: PUBACK (QoS 1), PUBCOMP (QoS 2), written (QoS 0).
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.finished.size(), count, kTimeoutMs);
    for (quint64 token : std::as_const(tokens))
        QCOMPARE(client.recorder.finished.value(token, ReasonCode::UnspecifiedError),
                 ReasonCode::Success);
    const QList<Message> received = client.recorder.messagesOn(topic);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(received.at(i).payload, QByteArray::number(i)); // in order [MQTT-4.6.0-6]
        QCOMPARE(received.at(i).qos, quint8(qos));
        QVERIFY(!received.at(i).retain);
        QVERIFY(received.at(i).receivedMsecsSinceEpoch > 0);
    }
    QVERIFY(client.recorder.errors.isEmpty());
}

void tst_Client::retainedDeliveredToNewSubscriber()
{
    QFETCH(ProtocolVersion, version);
    const QByteArray topic = uniqueTopic("retained");
    TestClient publisher;
    publisher->setOptions(optionsFor(version));
    QVERIFY(connectClient(publisher));
    const quint64 token = publisher->publish(message(topic).payload("kept").qos(1).retain());
    QTRY_VERIFY_WITH_TIMEOUT(publisher.recorder.finished.contains(token), kTimeoutMs);

    TestClient subscriber;
    subscriber->setOptions(optionsFor(version));
    QVERIFY(connectClient(subscriber));
    QVERIFY(subscribeAndWait(subscriber, {Subscription{QString::fromUtf8(topic), 1}}));
    QTRY_COMPARE_WITH_TIMEOUT(subscriber.recorder.messagesOn(topic).size(), 1, kTimeoutMs);
    const Message retained = subscriber.recorder.messagesOn(topic).first();
    QCOMPARE(retained.payload, "kept"_ba);
    QVERIFY(retained.retain); // [MQTT-3.3.1-8]

    // An empty retained message clears it [MQTT-3.3.1-10].
    const quint64 clear = publisher->publish(message(topic).qos(1).retain());
    QTRY_VERIFY_WITH_TIMEOUT(publisher.recorder.finished.contains(clear), kTimeoutMs);
}

void tst_Client::willOnAbnormalDisconnectOnly()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    const QByteArray willTopic = uniqueTopic("will");
    TestClient watcher;
    watcher->setOptions(optionsFor(version));
    QVERIFY(connectClient(watcher));
    QVERIFY(subscribeAndWait(watcher, {Subscription{QString::fromUtf8(willTopic), 1}}));

    Properties willProperties;
    willProperties.contentType = u"text/plain"_s;
    willProperties.userProperties = {{u"origin"_s, u"will"_s}};

    // A normal DISCONNECT discards the will [MQTT-3.1.2-10]...
    TestClient polite;
    polite->setOptions(withWill(optionsFor(version), willTopic, "polite", willProperties));
    QVERIFY(connectClient(polite));
    polite->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(polite->state(), ClientState::Disconnected, kTimeoutMs);

    // ...a connection that just ends publishes it [MQTT-3.1.2-8].
    TestClient rude;
    rude->setOptions(withWill(optionsFor(version), willTopic, "rude", willProperties));
    QVERIFY(connectClient(rude));
    rude->abortConnection();
    QTRY_COMPARE_WITH_TIMEOUT(watcher.recorder.messagesOn(willTopic).size(), 1, kTimeoutMs);
    QTest::qWait(kQuietMs);
    const QList<Message> wills = watcher.recorder.messagesOn(willTopic);
    QCOMPARE(wills.size(), 1);
    QCOMPARE(wills.first().payload, "rude"_ba);
    QCOMPARE(wills.first().qos, quint8(1));
    if (v5) {
        QCOMPARE(wills.first().properties->contentType, u"text/plain"_s);
        const QList<UserProperty> expected{{u"origin"_s, u"will"_s}};
        QCOMPARE(wills.first().properties->userProperties, expected);
    }
    QCOMPARE(rude.recorder.disconnects, QStringList{u"Connection aborted by the client"_s});
}

void tst_Client::persistentSessionReceivesQueuedMessages_data()
{
    addVersionColumn();
    QTest::addColumn<int>("qos");
    for (const ProtocolVersion version : testedVersions) {
        for (int qos = 1; qos <= 2; ++qos)
            QTest::addRow("qos%d %s", qos, versionName(version)) << version << qos;
    }
}

void tst_Client::persistentSessionReceivesQueuedMessages()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    QFETCH(int, qos);
    const QByteArray topic = uniqueTopic("session");
    ClientOptions options = optionsFor(version);
    options.cleanStart = false;
    if (v5)
        options.connectProperties.sessionExpiryInterval =
            300; // 5.0 sessions end with the connection otherwise

    {
        TestClient first;
        first->setOptions(options);
        QVERIFY(connectClient(first));
        QVERIFY(subscribeAndWait(first, {Subscription{QString::fromUtf8(topic), quint8(qos)}}));
        first->disconnectFromBroker();
        QTRY_COMPARE_WITH_TIMEOUT(first->state(), ClientState::Disconnected, kTimeoutMs);
    }

    TestClient publisher;
    publisher->setOptions(optionsFor(version));
    QVERIFY(connectClient(publisher));
    constexpr int count = 20;
    for (int i = 0; i < count; ++i)
        QVERIFY(publisher->publish(message(topic).payload(QByteArray::number(i)).qos(qos)) != 0);
    QTRY_COMPARE_WITH_TIMEOUT(publisher.recorder.finished.size(), count, kTimeoutMs);

    TestClient second;
    second->setOptions(options);
    QVERIFY(connectClient(second));
    QVERIFY(second.recorder.connacks.first().sessionPresent); // [MQTT-3.2.2-3]
    QTRY_COMPARE_WITH_TIMEOUT(second.recorder.messagesOn(topic).size(), count, kTimeoutMs);
    QTest::qWait(kQuietMs);
    const QList<Message> received = second.recorder.messagesOn(topic);
    QCOMPARE(received.size(), count); // exactly once for QoS 2, no extra copies for QoS 1 here
    for (int i = 0; i < count; ++i) {
        QCOMPARE(received.at(i).payload, QByteArray::number(i));
        QCOMPARE(received.at(i).qos, quint8(qos));
    }
}

void tst_Client::unsubscribeStopsDelivery()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    const QByteArray topic = uniqueTopic("unsubscribe");
    const QByteArray fence = topic + "/fence";
    TestClient client;
    client->setOptions(optionsFor(version));
    QVERIFY(connectClient(client));
    QVERIFY(subscribeAndWait(
        client,
        {Subscription{QString::fromUtf8(topic), 1}, Subscription{QString::fromUtf8(fence), 1}}));
    client->publish(message(topic).payload("before").qos(1));
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.messagesOn(topic).size(), 1, kTimeoutMs);

    const quint64 token = client->unsubscribe({QString::fromUtf8(topic)});
    QVERIFY(token != 0);
    QTRY_VERIFY_WITH_TIMEOUT(client.recorder.unsubacks.contains(token), kTimeoutMs);
    if (v5)
        QCOMPARE(client.recorder.unsubacks.value(token).reasons,
                 QList<ReasonCode>{ReasonCode::Success});
    client->publish(message(topic).payload("after").qos(1));
    client->publish(message(fence).payload("fence").qos(1));
    // Messages keep their order on one connection, so once the fence is here "after" would be.
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.messagesOn(fence).size(), 1, kTimeoutMs);
    QCOMPARE(client.recorder.messagesOn(topic).size(), 1);
}

void tst_Client::keepAlivePingRoundTrip()
{
    QFETCH(ProtocolVersion, version);
    TestClient client;
    ClientOptions options = optionsFor(version);
    options.keepAliveSeconds = 1;
    client->setOptions(options);
    QVERIFY(connectClient(client));
    // An idle client pings once a second [MQTT-3.1.2-23]; mosquitto drops one silent for 1.5 s.
    QTRY_VERIFY_WITH_TIMEOUT(client.recorder.pings.size() >= 2, 5000);
    for (int rtt : std::as_const(client.recorder.pings))
        QVERIFY2(rtt >= 0 && rtt < 1000, qPrintable(QString::number(rtt)));
    QTest::qWait(1600);
    QCOMPARE(client->state(), ClientState::Connected);
    QVERIFY(client.recorder.disconnects.isEmpty());
}

void tst_Client::propertiesRoundTrip()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    const QByteArray topic = uniqueTopic("properties");
    TestClient client;
    client->setOptions(optionsFor(version));
    QVERIFY(connectClient(client));
    Properties subscribeProperties;
    subscribeProperties.subscriptionIdentifiers = {42};
    QVERIFY(
        subscribeAndWait(client, {Subscription{QString::fromUtf8(topic), 1}}, subscribeProperties));

    Message sent = message(topic).payload("{\"t\":21.5}").qos(1);
    sent.properties.edit().payloadFormatIndicator = 1;
    sent.properties.edit().messageExpiryInterval = 3600;
    sent.properties.edit().contentType = u"application/json"_s;
    sent.properties.edit().responseTopic = u"reply/here"_s;
    sent.properties.edit().correlationData = "\x01\x02\x00\xff"_ba;
    sent.properties.edit().userProperties = {
        {u"a"_s, u"1"_s}, {u"a"_s, u"2"_s}, {u"ünï"_s, u"cödé"_s}};
    QVERIFY(client->publish(sent) != 0);
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.messagesOn(topic).size(), 1, kTimeoutMs);
    const Properties received = client.recorder.messagesOn(topic).first().properties;
    if (!v5) {
        QVERIFY(received.isEmpty()); // 3.1.1 has no properties
        return;
    }
    QCOMPARE(received.payloadFormatIndicator, std::optional<quint8>(1));
    QVERIFY(
        received.messageExpiryInterval.has_value()); // counted down by the broker [MQTT-3.3.2-6]
    QVERIFY(*received.messageExpiryInterval <= 3600 && *received.messageExpiryInterval >= 3590);
    QCOMPARE(received.contentType, sent.properties->contentType);
    QCOMPARE(received.responseTopic, sent.properties->responseTopic);
    QCOMPARE(received.correlationData, sent.properties->correlationData);
    QCOMPARE(received.userProperties,
             sent.properties->userProperties); // order kept [MQTT-3.3.2-18]
    QCOMPARE(received.subscriptionIdentifiers, QList<quint32>{42}); // [MQTT-3.3.4-3]
}

void tst_Client::noLocal()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    const QByteArray topic = uniqueTopic("nolocal");
    TestClient client;
    client->setOptions(optionsFor(version));
    QVERIFY(connectClient(client));
    Subscription subscription{QString::fromUtf8(topic), 1};
    subscription.noLocal = true;
    QVERIFY(subscribeAndWait(client, {subscription}));
    client->publish(message(topic).payload("own").qos(1));

    TestClient other;
    other->setOptions(optionsFor(version));
    QVERIFY(connectClient(other));
    other->publish(message(topic).payload("other").qos(1));
    QTRY_VERIFY_WITH_TIMEOUT(!client.recorder.messagesOn(topic).isEmpty()
                                 && client.recorder.messagesOn(topic).last().payload == "other",
                             kTimeoutMs);
    QList<QByteArray> payloads;
    for (const Message &m : client.recorder.messagesOn(topic))
        payloads += m.payload;
    // 5.0 never sends our own messages back [MQTT-3.8.3-3]; 3.1.1 has no such option.
    const QList<QByteArray> expected =
        v5 ? QList<QByteArray>{"other"} : QList<QByteArray>{"own", "other"};
    QCOMPARE(payloads, expected);
}

void tst_Client::retainHandlingDoNotSend()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    const QByteArray topic = uniqueTopic("retainhandling");
    TestClient client;
    client->setOptions(optionsFor(version));
    QVERIFY(connectClient(client));
    const quint64 token = client->publish(message(topic).payload("retained").qos(1).retain());
    QTRY_VERIFY_WITH_TIMEOUT(client.recorder.finished.contains(token), kTimeoutMs);

    Subscription subscription{QString::fromUtf8(topic), 1};
    subscription.retainHandling = RetainHandling::DoNotSend;
    QVERIFY(subscribeAndWait(client, {subscription}));
    client->publish(message(topic).payload("live").qos(1));
    QTRY_VERIFY_WITH_TIMEOUT(!client.recorder.messagesOn(topic).isEmpty()
                                 && client.recorder.messagesOn(topic).last().payload == "live",
                             kTimeoutMs);
    // 5.0 sends no retained message for Retain Handling 2 [MQTT-3.3.1-11]; 3.1.1 always does.
    QCOMPARE(client.recorder.messagesOn(topic).size(), v5 ? 1 : 2);
    client->publish(message(topic).qos(1).retain());
}

void tst_Client::emptyClientIdGetsAssignedId()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    TestClient client;
    ClientOptions options = optionsFor(version);
    options.clientId.clear();
    options.cleanStart = true; // [MQTT-3.1.3-7]
    client->setOptions(options);
    QVERIFY(connectClient(client));
    const std::optional<QString> assigned =
        client.recorder.connacks.first().properties.assignedClientIdentifier;
    if (v5) {
        QVERIFY(assigned.has_value() && !assigned->isEmpty()); // [MQTT-3.2.2-16]
        QCOMPARE(client->clientId(), *assigned);
    } else {
        QVERIFY(!assigned.has_value()); // 3.1.1 never tells the id
        QVERIFY(client->clientId().isEmpty());
    }
}

void tst_Client::wrongPasswordRefused()
{
    QFETCH(ProtocolVersion, version);
    TestClient client;
    ClientOptions options = optionsFor(version, MosquittoBroker::Listener::PasswordTcp);
    options.username = u"alice"_s;
    options.password = "wrong"_ba;
    options.reconnect.enabled = true;
    options.reconnect.initialDelayMs = 60000; // seen scheduled, never run
    client->setOptions(options);
    QSignalSpy failures(client.client.get(), &MqttClient::connectFailed);
    client->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.refusals.size(), 1, kTimeoutMs);
    const ReasonCode reason = client.recorder.refusals.first().reason;
    QVERIFY2(reason == ReasonCode::BadUserNameOrPassword || reason == ReasonCode::NotAuthorized,
             qPrintable(reasonCodeName(reason)));
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.disconnects.size(), 1, kTimeoutMs);
    QVERIFY2(client.recorder.disconnects.first().startsWith(u"Connection refused: "_s),
             qPrintable(client.recorder.disconnects.first()));
    QVERIFY(client.recorder.disconnects.first().contains(reasonCodeName(reason)));
    // A refused login is not retried, though reconnecting is on: the same credentials would
    // only be refused again (and brokers ban clients that keep trying).
    QCOMPARE(failures.size(), 1);
    const auto failure = failures.first().first().value<ConnectionFailure>();
    QVERIFY(failure.cause == ConnectionFailure::Cause::Credentials
            || failure.cause == ConnectionFailure::Cause::NotAuthorized);
    QVERIFY(!failure.retryCanHelp());
    QCOMPARE(failure.reason, client.recorder.disconnects.first());
    QCOMPARE(client.recorder.reconnects.size(), 0);
    QCOMPARE(client->state(), ClientState::Disconnected);

    TestClient right;
    options.password = "secret"_ba;
    options.reconnect.enabled = false;
    right->setOptions(options);
    QVERIFY(connectClient(right));
}

void tst_Client::invalidTopicsRefusedAtOnce()
{
    QFETCH(ProtocolVersion, version);
    TestClient client;
    client->setOptions(optionsFor(version));
    QCOMPARE(client->publish(message("a/b").payload("x")), quint64(0)); // not connected
    QVERIFY(connectClient(client));
    QCOMPARE(client->publish(message("a/+/b").payload("x")), quint64(0)); // [MQTT-3.3.2-2]
    QCOMPARE(client->publish(message({}).payload("x")), quint64(0)); // [MQTT-4.7.3-1]
    QCOMPARE(client->subscribe({Subscription{u"a/#/b"_s, 0}}), quint64(0)); // [MQTT-4.7.1-1]
    QCOMPARE(client->subscribe({Subscription{u"a+/b"_s, 0}}), quint64(0)); // [MQTT-4.7.1-2]
    QCOMPARE(client->unsubscribe({u"#/x"_s}), quint64(0));
    QCOMPARE(client.recorder.errors.size(), 6);
    QCOMPARE(client->state(), ClientState::Connected); // nothing reached the broker
}

void tst_Client::worksOnItsOwnThread()
{
    QFETCH(ProtocolVersion, version);
    const QByteArray topic = uniqueTopic("thread");
    QThread thread;
    thread.start();
    auto *client = new MqttClient;
    client->setOptions(optionsFor(version));
    client->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, client, &QObject::deleteLater);

    QList<Message> received; // filled on this thread through queued connections
    quint64 subscribeToken = 0;
    bool subscribed = false;
    QObject::connect(client, &MqttClient::messagesReceived, this,
                     [&](const QList<Message> &batch) { received += batch; });
    QObject::connect(
        client, &MqttClient::subscribeFinished, this,
        [&](quint64 token, const SubackPacket &) { subscribed = token == subscribeToken; });
    QSignalSpy connected(client, &MqttClient::connected);
    QMetaObject::invokeMethod(client, "connectToBroker", Qt::QueuedConnection);
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, kTimeoutMs);

    const QList<Subscription> subscriptions{Subscription{QString::fromUtf8(topic), 2}};
    QVERIFY(QMetaObject::invokeMethod(client, "subscribe", Qt::BlockingQueuedConnection,
                                      Q_RETURN_ARG(quint64, subscribeToken),
                                      Q_ARG(QList<mqttscope::Subscription>, subscriptions),
                                      Q_ARG(mqttscope::Properties, Properties{})));
    QVERIFY(subscribeToken != 0);
    QTRY_VERIFY_WITH_TIMEOUT(subscribed, kTimeoutMs);
    quint64 publishToken = 0;
    QVERIFY(QMetaObject::invokeMethod(
        client, "publish", Qt::BlockingQueuedConnection, Q_RETURN_ARG(quint64, publishToken),
        Q_ARG(mqttscope::Message, message(topic).payload("across").qos(2))));
    QVERIFY(publishToken != 0);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kTimeoutMs);
    QCOMPARE(received.first().payload, "across"_ba);

    QMetaObject::invokeMethod(client, "disconnectFromBroker", Qt::BlockingQueuedConnection);
    thread.quit();
    QVERIFY(thread.wait(kTimeoutMs));
}

// 5.0 only: 3.1.1 has no way for the server to state these limits.
void tst_Client::serverLimitsHonoured()
{
    MosquittoBroker limited;
    MQTTSCOPE_START_BROKER(limited, {MosquittoBroker::Listener::Tcp},
                           QStringList{u"max_packet_size 1000"_s, u"max_inflight_messages 3"_s});
    TestClient client;
    ClientOptions options = optionsFor(ProtocolVersion::V5);
    options.endpoint = limited.endpoint(MosquittoBroker::Listener::Tcp);
    client->setOptions(options);
    QVERIFY(connectClient(client));
    const ConnackPacket connack = client->lastConnack();
    QCOMPARE(connack.properties.maximumPacketSize, std::optional<quint32>(1000));
    QCOMPARE(connack.properties.receiveMaximum, std::optional<quint16>(3));

    // Too large for the server: refused here with a clear error, never sent [MQTT-3.1.2-24].
    const QByteArray topic = uniqueTopic("limits");
    QCOMPARE(client->publish(message(topic).payload(QByteArray(2000, 'x')).qos(1)), quint64(0));
    QCOMPARE(client.recorder.errors.size(), 1);
    QVERIFY2(client.recorder.errors.first().contains(u"at most 1000 bytes"_s),
             qPrintable(client.recorder.errors.first()));

    // Many more QoS 1/2 messages than the receive maximum: queued, sent as acks free slots,
    // all delivered in order, and the broker never had reason to cut us off [MQTT-3.3.4-7].
    QVERIFY(subscribeAndWait(client, {Subscription{QString::fromUtf8(topic), 2}}));
    constexpr int count = 60;
    for (int i = 0; i < count; ++i)
        QVERIFY(client->publish(message(topic).payload(QByteArray::number(i)).qos(1 + i % 2)) != 0);
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.messagesOn(topic).size(), count, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.finished.size(), count, kTimeoutMs);
    // In order per QoS: mosquitto releases a QoS 2 message at PUBREL, so a QoS 1 message sent
    // after it may overtake it; the client sent them in order.
    QList<int> lastPerQos{-1, -1, -1};
    for (const Message &m : client.recorder.messagesOn(topic)) {
        const int n = m.payload.toInt();
        QCOMPARE(m.qos, quint8(1 + n % 2));
        QVERIFY(n > lastPerQos[m.qos]);
        lastPerQos[m.qos] = n;
    }
    QVERIFY(client.recorder.disconnects.isEmpty());
}

// mosquitto 2.0 refuses a message over its message_size_limit with PUBACK 0x95, a code 3.4.2.1
// does not list: the publish fails with that reason and the connection stays up, so what
// follows is still delivered.
void tst_Client::oversizeRefusalTakenAsFailedPublish()
{
    MosquittoBroker limited;
    MQTTSCOPE_START_BROKER(limited, {MosquittoBroker::Listener::Tcp},
                           QStringList{u"message_size_limit 1000"_s});
    TestClient client;
    ClientOptions options = optionsFor(ProtocolVersion::V5);
    options.endpoint = limited.endpoint(MosquittoBroker::Listener::Tcp);
    client->setOptions(options);
    QVERIFY(connectClient(client));
    const QByteArray topic = uniqueTopic("oversize");
    QVERIFY(subscribeAndWait(client, {Subscription{QString::fromUtf8(topic), 1}}));

    const quint64 tooLarge = client->publish(message(topic).payload(QByteArray(2000, 'x')).qos(1));
    QVERIFY(tooLarge != 0);
    QTRY_VERIFY_WITH_TIMEOUT(client.recorder.finished.contains(tooLarge), kTimeoutMs);
    QCOMPARE(client.recorder.finished.value(tooLarge), ReasonCode::PacketTooLarge);

    const quint64 small = client->publish(message(topic).payload("fits").qos(1));
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.messagesOn(topic).size(), 1, kTimeoutMs);
    QCOMPARE(client.recorder.messagesOn(topic).first().payload, QByteArray("fits"));
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.finished.value(small), ReasonCode::Success,
                              kTimeoutMs);
    QVERIFY(client.recorder.disconnects.isEmpty());
}

void tst_Client::pausedReceivingHoldsMessagesAndStaysAlive()
{
    QFETCH(ProtocolVersion, version);
    const QByteArray topic = uniqueTopic("paused");
    constexpr int count = 50;
    TestClient subscriber;
    ClientOptions options = optionsFor(version);
    options.keepAliveSeconds = 1; // paused longer than ping + answer timeout (2 s)
    subscriber->setOptions(options);
    QVERIFY(connectClient(subscriber));
    QVERIFY(subscribeAndWait(subscriber, {Subscription{QString::fromUtf8(topic), 1}}));
    TestClient publisher;
    publisher->setOptions(optionsFor(version));
    QVERIFY(connectClient(publisher));

    subscriber->pauseReceiving();
    QVERIFY(subscriber->isReceivingPaused());
    for (int i = 0; i < count; ++i)
        QVERIFY(publisher->publish(message(topic).payload(QByteArray::number(i)).qos(1)) != 0);
    QTRY_COMPARE_WITH_TIMEOUT(publisher.recorder.finished.size(), count, kTimeoutMs);
    QTest::qWait(2500);
    QVERIFY(subscriber.recorder.messagesOn(topic).isEmpty());
    // Unread bytes are life: the PINGRESPs behind the messages must not make it "dead", and
    // pings still went out, or mosquitto would have dropped us after 1.5 s [MQTT-3.1.2-24].
    QCOMPARE(subscriber->state(), ClientState::Connected);
    QVERIFY2(subscriber.recorder.disconnects.isEmpty(),
             qPrintable(subscriber.recorder.disconnects.join(u'|')));

    subscriber->resumeReceiving();
    QTRY_COMPARE_WITH_TIMEOUT(subscriber.recorder.messagesOn(topic).size(), count, kTimeoutMs);
    const QList<Message> received = subscriber.recorder.messagesOn(topic);
    for (int i = 0; i < count; ++i)
        QCOMPARE(received.at(i).payload, QByteArray::number(i)); // in order [MQTT-4.6.0-5]
    QVERIFY(!subscriber->isReceivingPaused());
    QCOMPARE(subscriber->state(), ClientState::Connected);
}

QTEST_GUILESS_MAIN(tst_Client)
#include "tst_client.moc"

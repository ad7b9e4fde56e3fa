// SPDX-License-Identifier: GPL-3.0-or-later
// Interoperability: mqttscope's client and CLI against two real brokers as users run them,
// mosquitto and aedes, from one data table: broker x protocol version x transport (tcp, ws).
// aedes speaks only 3.1.1, so its 5.0 rows are the version tests at the end, which assert what
// it answers to a 5.0 CONNECT and that Auto ends up on 3.1.1. Where aedes behaves differently
// from mosquitto, the test says so and asserts what it does.
//
// Over WebSocket mosquitto sends one binary message per MQTT packet; aedes (through the ws
// package) one per piece that mqtt-packet writes: a CONNACK comes as four 1-byte messages, a
// PUBLISH as header bytes, topic, packet id and payload apart. The ws rows of both brokers so
// check that the client assumes no alignment of packets on messages [MQTT-6.0.0-2].

#include "aedesbroker.h"
#include "client/mqttclient.h"
#include "messagebuilder.h"
#include "mosquittobroker.h"
#include "testclient.h"
#include "testprocess.h"
#include "testversions.h"
#include "transportname.h"
#include "versionchoice.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

Q_DECLARE_METATYPE(mqttscope::TransportKind)

namespace {

constexpr int kTimeoutMs = 10000;
// How long "nothing more arrives" is watched for, after the expected messages did.
constexpr int kQuietMs = 300;
// A flow that makes no progress for this long has stalled: the test then says how far it got
// instead of waiting out its whole limit.
constexpr int kStallMs = 5000;

const QString cliProgram = QStringLiteral(MQTTSCOPE_CLI_PATH);

QByteArray uniqueTopic(const char *test)
{
    return "mqttscope/interop/"_ba + test + '/'
        + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QString uniqueClientId()
{
    return u"interop-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces).left(15);
}

QByteArray numbered(int i)
{
    return QByteArray::number(i);
}

// Waits until done() holds. Gives up when progress() has not changed for kStallMs or after
// limitMs, so a broken flow costs seconds, not the test's whole timeout.
bool waitWhileProgressing(const std::function<bool()> &done,
                          const std::function<qint64()> &progress, int limitMs,
                          int stallMs = kStallMs)
{
    const QDeadlineTimer limit(limitMs);
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    qint64 last = progress();
    while (!done()) {
        if (limit.hasExpired() || sinceProgress.elapsed() > stallMs)
            return false;
        QTest::qWait(10);
        const qint64 now = progress();
        if (now != last) {
            last = now;
            sinceProgress.restart();
        }
    }
    return true;
}

// How messages numbered 0..count-1 arrived on one topic.
struct Arrivals
{
    int distinct = 0; // how many of the numbers arrived at least once
    int duplicates = 0; // arrivals of a number already seen
    int firstMissing = -1; // the lowest number that never arrived
    int firstOutOfOrder = -1; // the first first-arrival lower than an earlier one
    int foreign = 0; // payloads that are not one of the numbers

    bool allOnceInOrder(int count) const
    {
        return distinct == count && duplicates == 0 && firstOutOfOrder < 0 && foreign == 0;
    }
    bool allInOrderDuplicatesAllowed(int count) const
    {
        return distinct == count && firstOutOfOrder < 0 && foreign == 0;
    }
    QString describe(int count) const
    {
        QString text = u"%1 of %2 arrived"_s.arg(distinct).arg(count);
        if (firstMissing >= 0)
            text += u" (first missing: #%1)"_s.arg(firstMissing);
        text += u", %1 duplicates"_s.arg(duplicates);
        text += firstOutOfOrder >= 0 ? u", out of order from #%1"_s.arg(firstOutOfOrder)
                                     : u", first arrivals in order"_s;
        if (foreign > 0)
            text += u", %1 unexpected payloads"_s.arg(foreign);
        return text;
    }
};

Arrivals analyse(const QList<Message> &messages, int count)
{
    Arrivals arrivals;
    QList<bool> seen(count, false);
    int highest = -1;
    for (const Message &m : messages) {
        bool ok = false;
        const int n = m.payload.toInt(&ok);
        if (!ok || n < 0 || n >= count) {
            ++arrivals.foreign;
            continue;
        }
        if (seen[n]) {
            ++arrivals.duplicates;
            continue;
        }
        seen[n] = true;
        ++arrivals.distinct;
        if (n < highest && arrivals.firstOutOfOrder < 0)
            arrivals.firstOutOfOrder = n;
        highest = std::max(highest, n);
    }
    arrivals.firstMissing = int(seen.indexOf(false));
    return arrivals;
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// Bytes that no offset or truncation error can turn into themselves.
QByteArray pseudoRandomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

// The broker's last few log lines that name a client, for a failure message.
QString logLinesAbout(const TestBroker &broker, const QString &clientId, int count = 4)
{
    QStringList lines;
    const QList<QByteArray> all = broker.log().split('\n');
    for (auto it = all.crbegin(); it != all.crend() && lines.size() < count; ++it) {
        if (it->contains(clientId.toUtf8()))
            lines.prepend(QString::fromUtf8(*it));
    }
    return u"%1 log about %2: [%3]"_s.arg(broker.name(), clientId, lines.join(u" | "_s));
}

// The first ack the broker logged with an error code for a client, e.g. mosquitto's "Sending
// PUBREC to x (m21, rc151)": at 3.1.1 the code never reaches the client, only this log has it.
QString firstErrorAckInLog(const TestBroker &broker, const QString &clientId)
{
    static const QRegularExpression errorCode(u"\\brc(1[2-9][0-9]|2[0-5][0-9])\\)"_s);
    const QList<QByteArray> all = broker.log().split('\n');
    for (const QByteArray &line : all) {
        const QString text = QString::fromUtf8(line);
        if (text.contains(clientId) && errorCode.match(text).hasMatch())
            return u"first error ack in the %1 log: %2"_s.arg(broker.name(), text);
    }
    return u"no error ack in the %1 log"_s.arg(broker.name());
}

} // namespace

class tst_Interop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void publishSubscribe_data() { qosRows(0); }
    void publishSubscribe();
    void deliveredQosIsTheLowerOfPublishedAndGranted_data() { rows(); }
    void deliveredQosIsTheLowerOfPublishedAndGranted();
    void mosquittoClientsAsPeers_data();
    void mosquittoClientsAsPeers();
    void retainedMessages_data() { rows(); }
    void retainedMessages();
    void willOnAbort_data() { rows(); }
    void willOnAbort();
    void offlineQueue_data() { qosRows(1); }
    void offlineQueue();
    void bigPayload_data();
    void bigPayload();
    void inflightBurst_data() { qosRows(1); }
    void inflightBurst();
    void qos2ForwardedAtPublishOrAtPubrel_data() { brokers(); }
    void qos2ForwardedAtPublishOrAtPubrel();

    void versionChoice_data();
    void versionChoice();
    void answerToAFiveConnect_data() { brokers(); }
    void answerToAFiveConnect();
    void cliAutoVersion_data();
    void cliAutoVersion();

private:
    // The table: {mosquitto} x {3.1.1, 5.0} x {tcp, ws} and {aedes} x {3.1.1} x {tcp, ws}.
    struct RowSpec
    {
        QByteArray name; // "mosquitto 5.0 ws"
        QString broker;
        ProtocolVersion version;
        TransportKind transport;
    };
    static QList<RowSpec> rowSpecs();
    static void addRowColumns();
    // A row named after the spec and the suffix; the caller streams the extra columns into it.
    static QTestData &addRow(const RowSpec &row, const QByteArray &suffix = {});
    static void rows();
    // rows() once for each QoS from lowestQos to 2, in a column "qos".
    static void qosRows(int lowestQos);
    // Every broker, alone: the tests that talk to it on a plain socket.
    static void brokers();
    // Every broker x transport, without a version (the version tests choose their own).
    static void brokersAndTransports();

    // The current row's broker and client options (a fresh client id each call).
    TestBroker &broker();
    TestBroker &broker(const QString &name);
    ClientOptions rowOptions();
    // A subscriber to `topic` with the row's options, granted QoS 2 so that each message comes
    // with the QoS it was published with, and a publisher with publisherOptions, both connected.
    bool connectSubscriberAndPublisher(TestClient &subscriber, const QByteArray &topic,
                                       TestClient &publisher,
                                       const ClientOptions &publisherOptions);

    static bool waitForSubscribed(const TestBroker &broker, const QString &clientId,
                                  QProcess &process);

    MosquittoBroker m_mosquitto;
    AedesBroker m_aedes;
    const MosquittoClients m_mosquittoClients;
};

void tst_Interop::initTestCase()
{
    QVERIFY2(QFile::exists(cliProgram), qPrintable(cliProgram));
    QVERIFY2(m_mosquittoClients.installed(), MosquittoClients::notInstalled);
    using L = MosquittoBroker::Listener;
    // mosquitto's own defaults for the limits that matter here, stated so that this test runs
    // the broker as users do whatever the fixture's defaults are: 20 QoS 1/2 messages in flight
    // per client (the 5.0 receive maximum), 1,000 more queued.
    MQTTSCOPE_START_BROKER(m_mosquitto, {L::Tcp, L::Ws},
                           QStringList{u"max_inflight_messages 20"_s, u"max_queued_messages 1000"_s,
                                       u"max_queued_bytes 0"_s});
    QVERIFY2(m_aedes.startListening({TransportKind::Tcp, TransportKind::WebSocket}),
             qPrintable(m_aedes.errorString()));
    qInfo("mosquitto %s, aedes %s", qPrintable(m_mosquitto.version()),
          qPrintable(m_aedes.version()));
}

QList<tst_Interop::RowSpec> tst_Interop::rowSpecs()
{
    QList<RowSpec> specs;
    for (const QString &broker : {u"mosquitto"_s, u"aedes"_s}) {
        for (const ProtocolVersion version : testedVersions) {
            if (version == ProtocolVersion::V5 && broker == "aedes"_L1)
                continue; // aedes speaks 3.1.1 only: see versionChoice and answerToAFiveConnect
            for (const TransportKind transport : {TransportKind::Tcp, TransportKind::WebSocket}) {
                const QByteArray name = broker.toUtf8() + ' ' + versionName(version) + ' '
                    + transportName(transport).toLatin1();
                specs += RowSpec{name, broker, version, transport};
            }
        }
    }
    return specs;
}

void tst_Interop::addRowColumns()
{
    QTest::addColumn<QString>("broker");
    addVersionColumn();
    QTest::addColumn<TransportKind>("transport");
}

QTestData &tst_Interop::addRow(const RowSpec &row, const QByteArray &suffix)
{
    const QByteArray name = suffix.isEmpty() ? row.name : row.name + ' ' + suffix;
    return QTest::newRow(name.constData()) << row.broker << row.version << row.transport;
}

void tst_Interop::rows()
{
    addRowColumns();
    for (const RowSpec &row : rowSpecs())
        addRow(row);
}

void tst_Interop::qosRows(int lowestQos)
{
    addRowColumns();
    QTest::addColumn<int>("qos");
    for (const RowSpec &row : rowSpecs()) {
        for (int qos = lowestQos; qos <= 2; ++qos)
            addRow(row, "qos" + QByteArray::number(qos)) << qos;
    }
}

void tst_Interop::brokers()
{
    QTest::addColumn<QString>("broker");
    QTest::newRow("mosquitto") << u"mosquitto"_s;
    QTest::newRow("aedes") << u"aedes"_s;
}

void tst_Interop::brokersAndTransports()
{
    QTest::addColumn<QString>("broker");
    QTest::addColumn<TransportKind>("transport");
    for (const QString &broker : {u"mosquitto"_s, u"aedes"_s}) {
        for (const TransportKind transport : {TransportKind::Tcp, TransportKind::WebSocket}) {
            QTest::addRow("%s %s", qPrintable(broker), qPrintable(transportName(transport)))
                << broker << transport;
        }
    }
}

TestBroker &tst_Interop::broker(const QString &name)
{
    if (name == "aedes"_L1)
        return m_aedes;
    return m_mosquitto;
}

TestBroker &tst_Interop::broker()
{
    QFETCH(QString, broker);
    return this->broker(broker);
}

ClientOptions tst_Interop::rowOptions()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(TransportKind, transport);
    ClientOptions options;
    options.endpoint = broker().endpoint(transport);
    options.version = test::versionChoice(version);
    options.clientId = uniqueClientId();
    options.reconnect.enabled = false;
    return options;
}

bool tst_Interop::connectSubscriberAndPublisher(TestClient &subscriber, const QByteArray &topic,
                                                TestClient &publisher,
                                                const ClientOptions &publisherOptions)
{
    subscriber->setOptions(rowOptions());
    publisher->setOptions(publisherOptions);
    return connectClient(subscriber)
        && subscribeAndWait(subscriber, {Subscription{QString::fromUtf8(topic), 2}})
        && connectClient(publisher);
}

bool tst_Interop::waitForSubscribed(const TestBroker &broker, const QString &clientId,
                                    QProcess &process)
{
    return QTest::qWaitFor(
               [&] {
                   return broker.subackCount(clientId) > 0
                       || process.state() == QProcess::NotRunning;
               },
               kTimeoutMs)
        && broker.subackCount(clientId) > 0;
}

void tst_Interop::publishSubscribe()
{
    QFETCH(int, qos);
    const QByteArray topic = uniqueTopic("pubsub");
    const ClientOptions publisherOptions = rowOptions();
    TestClient subscriber;
    TestClient publisher;
    QVERIFY(connectSubscriberAndPublisher(subscriber, topic, publisher, publisherOptions));

    constexpr int count = 50;
    QList<quint64> tokens;
    for (int i = 0; i < count; ++i)
        tokens += publisher->publish(message(topic).payload(numbered(i)).qos(qos));
    QVERIFY(!tokens.contains(0));
    const bool complete = waitWhileProgressing(
        [&] {
            return subscriber.recorder.messagesOn(topic).size() >= count
                && publisher.recorder.finished.size() >= count;
        },
        [&] { return subscriber.recorder.messages.size() + publisher.recorder.finished.size(); },
        kTimeoutMs);
    const QList<Message> received = subscriber.recorder.messagesOn(topic);
    const Arrivals arrivals = analyse(received, count);
    QVERIFY2(complete && arrivals.allOnceInOrder(count),
             qPrintable(u"%1; publisher: %2 of %3 finished; subscriber: %4; %5"_s.arg(
                 arrivals.describe(count), QString::number(publisher.recorder.finished.size()),
                 QString::number(count), subscriber.recorder.story(),
                 firstErrorAckInLog(broker(), publisherOptions.clientId))));
    for (const quint64 token : std::as_const(tokens))
        QCOMPARE(publisher.recorder.finished.value(token, ReasonCode::UnspecifiedError),
                 ReasonCode::Success);
    for (const Message &m : received) {
        QCOMPARE(m.qos, quint8(qos));
        // An established subscription: 3.1.1 [MQTT-3.3.1-9], 5.0 [MQTT-3.3.1-12].
        QVERIFY(!m.retain);
    }
}

void tst_Interop::deliveredQosIsTheLowerOfPublishedAndGranted()
{
    const QByteArray base = uniqueTopic("downgrade");
    TestClient subscriber;
    subscriber->setOptions(rowOptions());
    QVERIFY(connectClient(subscriber));
    QList<Subscription> subscriptions;
    for (int granted = 0; granted <= 2; ++granted)
        subscriptions +=
            Subscription{QString::fromUtf8(base + '/' + numbered(granted)), quint8(granted)};
    const quint64 subscribeToken = subscriber->subscribe(subscriptions);
    QTRY_VERIFY_WITH_TIMEOUT(subscriber.recorder.subacks.contains(subscribeToken), kTimeoutMs);
    // Both brokers grant what was asked, in the order asked [MQTT-3.9.3-1].
    const QList<ReasonCode> granted{ReasonCode::Success, ReasonCode::GrantedQoS1,
                                    ReasonCode::GrantedQoS2};
    QCOMPARE(subscriber.recorder.subacks.value(subscribeToken).reasons, granted);

    TestClient publisher;
    publisher->setOptions(rowOptions());
    QVERIFY(connectClient(publisher));
    for (int grantedQos = 0; grantedQos <= 2; ++grantedQos) {
        for (int publishedQos = 0; publishedQos <= 2; ++publishedQos)
            publisher->publish(message(base + '/' + numbered(grantedQos))
                                   .payload(numbered(publishedQos))
                                   .qos(publishedQos));
    }
    QTRY_COMPARE_WITH_TIMEOUT(subscriber.recorder.messages.size(), 9, kTimeoutMs);
    for (const Message &m : std::as_const(subscriber.recorder.messages)) {
        const int grantedQos = m.topic.back() - '0';
        const int publishedQos = m.payload.toInt();
        // 3.1.1 [MQTT-3.8.4-6], 5.0 [MQTT-3.8.4-8]
        QVERIFY2(m.qos == std::min(grantedQos, publishedQos),
                 qPrintable(u"published at %1 to a QoS %2 subscription, delivered at %3"_s
                                .arg(publishedQos)
                                .arg(grantedQos)
                                .arg(m.qos)));
    }
}

void tst_Interop::mosquittoClientsAsPeers_data()
{
    addRowColumns();
    QTest::addColumn<int>("qos");
    for (const RowSpec &row : rowSpecs()) {
        // mosquitto_pub and mosquitto_sub (Debian's 2.0.11) speak MQTT over TCP only.
        if (row.transport != TransportKind::Tcp)
            continue;
        for (int qos = 0; qos <= 2; ++qos)
            addRow(row, "qos" + QByteArray::number(qos)) << qos;
    }
}

// Both ways with a client that is not ours: mosquitto_pub to our subscriber, our publisher to
// mosquitto_sub.
void tst_Interop::mosquittoClientsAsPeers()
{
    QFETCH(int, qos);
    QFETCH(ProtocolVersion, version);
    QFETCH(TransportKind, transport);
    TestBroker &server = broker();
    const Endpoint endpoint = server.endpoint(transport);
    const QStringList connection{u"-h"_s, endpoint.host,
                                 u"-p"_s, QString::number(endpoint.port),
                                 u"-V"_s, versionArgument(version)};
    constexpr int count = 20;
    QByteArray lines;
    for (int i = 0; i < count; ++i)
        lines += numbered(i) + '\n';

    // mosquitto_pub -> our subscriber.
    const QByteArray inTopic = uniqueTopic("from-mosquitto-pub");
    TestClient subscriber;
    subscriber->setOptions(rowOptions());
    QVERIFY(connectClient(subscriber));
    QVERIFY(subscribeAndWait(subscriber, {Subscription{QString::fromUtf8(inTopic), 2}}));
    const Finished published = run(m_mosquittoClients.pub,
                                   connection
                                       + QStringList{u"-t"_s, QString::fromUtf8(inTopic), u"-q"_s,
                                                     QString::number(qos), u"-l"_s},
                                   lines);
    QVERIFY2(published.exitCode == 0, published.err.constData());
    waitWhileProgressing([&] { return subscriber.recorder.messagesOn(inTopic).size() >= count; },
                         [&] { return subscriber.recorder.messages.size(); }, kTimeoutMs);
    const QList<Message> received = subscriber.recorder.messagesOn(inTopic);
    const Arrivals arrivals = analyse(received, count);
    QVERIFY2(arrivals.allOnceInOrder(count), qPrintable(arrivals.describe(count)));
    for (const Message &m : received)
        QCOMPARE(m.qos, quint8(qos));

    // Our publisher -> mosquitto_sub.
    const QByteArray outTopic = uniqueTopic("to-mosquitto-sub");
    const QString subId = uniqueClientId();
    auto mosquittoSub =
        launch(m_mosquittoClients.sub,
               connection
                   + QStringList{u"-i"_s, subId, u"-t"_s, QString::fromUtf8(outTopic), u"-q"_s,
                                 u"2"_s, u"-C"_s, QString::number(count), u"-W"_s, u"20"_s, u"-F"_s,
                                 u"%q %r %p"_s});
    if (!waitForSubscribed(server, subId, *mosquittoSub)) {
        QFAIL(qPrintable(u"mosquitto_sub did not subscribe: "_s
                         + QString::fromUtf8(mosquittoSub->readAllStandardError())));
    }
    TestClient publisher;
    publisher->setOptions(rowOptions());
    QVERIFY(connectClient(publisher));
    for (int i = 0; i < count; ++i)
        QVERIFY(publisher->publish(message(outTopic).payload(numbered(i)).qos(qos)) != 0);
    const Finished delivered = waitFor(*mosquittoSub);
    QByteArray expected;
    for (int i = 0; i < count; ++i)
        expected += QByteArray::number(qos) + " 0 " + numbered(i) + '\n';
    QVERIFY2(delivered.exitCode == 0, delivered.err.constData());
    QCOMPARE(delivered.out, expected);
    QTRY_COMPARE_WITH_TIMEOUT(publisher.recorder.finished.size(), count, kTimeoutMs);
}

void tst_Interop::retainedMessages()
{
    const QByteArray topic = uniqueTopic("retained");
    const QByteArray fence = topic + "/fence";
    TestClient live;
    live->setOptions(rowOptions());
    QVERIFY(connectClient(live));
    QVERIFY(subscribeAndWait(live, {Subscription{QString::fromUtf8(topic), 2}}));
    TestClient publisher;
    publisher->setOptions(rowOptions());
    QVERIFY(connectClient(publisher));

    const quint64 kept = publisher->publish(message(topic).payload("kept").qos(1).retain());
    QTRY_VERIFY_WITH_TIMEOUT(publisher.recorder.finished.contains(kept), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(live.recorder.messagesOn(topic).size(), 1, kTimeoutMs);
    // To a subscription that already exists the flag is 0: 3.1.1 [MQTT-3.3.1-9]; 5.0 without
    // Retain As Published [MQTT-3.3.1-12].
    QVERIFY(!live.recorder.messagesOn(topic).first().retain);

    // A new subscription gets the retained message with RETAIN 1 (3.1.1 [MQTT-3.3.1-6],
    // [MQTT-3.3.1-8]; 5.0 [MQTT-3.3.1-9]), at the lower of its QoS and the subscription's.
    TestClient late;
    late->setOptions(rowOptions());
    QVERIFY(connectClient(late));
    QVERIFY(subscribeAndWait(late, {Subscription{QString::fromUtf8(topic), 2}}));
    QTRY_COMPARE_WITH_TIMEOUT(late.recorder.messagesOn(topic).size(), 1, kTimeoutMs);
    const Message retained = late.recorder.messagesOn(topic).first();
    QCOMPARE(retained.payload, "kept"_ba);
    QVERIFY(retained.retain);
    QCOMPARE(retained.qos, quint8(1));

    // An empty retained message deletes it (3.1.1 [MQTT-3.3.1-10], [MQTT-3.3.1-11]; 5.0
    // [MQTT-3.3.1-6], [MQTT-3.3.1-7]) and still goes to the subscribers there are, as any other.
    const quint64 cleared = publisher->publish(message(topic).qos(1).retain());
    QTRY_VERIFY_WITH_TIMEOUT(publisher.recorder.finished.contains(cleared), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(live.recorder.messagesOn(topic).size(), 2, kTimeoutMs);
    QVERIFY(live.recorder.messagesOn(topic).last().payload.isEmpty());
    QVERIFY(!live.recorder.messagesOn(topic).last().retain);

    TestClient afterDelete;
    afterDelete->setOptions(rowOptions());
    QVERIFY(connectClient(afterDelete));
    QVERIFY(subscribeAndWait(
        afterDelete,
        {Subscription{QString::fromUtf8(topic), 2}, Subscription{QString::fromUtf8(fence), 2}}));
    publisher->publish(message(fence).payload("fence").qos(1));
    QTRY_COMPARE_WITH_TIMEOUT(afterDelete.recorder.messagesOn(fence).size(), 1, kTimeoutMs);
    QTest::qWait(kQuietMs);
    QCOMPARE(afterDelete.recorder.messagesOn(topic).size(), 0);
}

void tst_Interop::willOnAbort()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    const QByteArray willTopic = uniqueTopic("will");
    TestClient watcher;
    watcher->setOptions(rowOptions());
    QVERIFY(connectClient(watcher));
    QVERIFY(subscribeAndWait(watcher, {Subscription{QString::fromUtf8(willTopic), 2}}));
    Properties willProperties;
    if (v5)
        willProperties.contentType = u"text/plain"_s;

    // A normal DISCONNECT discards the will (3.1.1 [MQTT-3.1.2-10]; 5.0 [MQTT-3.1.2-10])...
    TestClient polite;
    polite->setOptions(withWill(rowOptions(), willTopic, "polite", willProperties));
    QVERIFY(connectClient(polite));
    polite->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(polite->state(), ClientState::Disconnected, kTimeoutMs);

    // ...a connection that just ends publishes it [MQTT-3.1.2-8].
    TestClient rude;
    rude->setOptions(withWill(rowOptions(), willTopic, "rude", willProperties));
    QVERIFY(connectClient(rude));
    QElapsedTimer sinceAbort;
    sinceAbort.start();
    rude->abortConnection();
    QVERIFY2(QTest::qWaitFor([&] { return !watcher.recorder.messagesOn(willTopic).isEmpty(); },
                             kTimeoutMs),
             "no will");
    const qint64 willAfterMs = sinceAbort.elapsed();
    QTest::qWait(kQuietMs);
    const QList<Message> wills = watcher.recorder.messagesOn(willTopic);
    QCOMPARE(wills.size(), 1);
    QCOMPARE(wills.first().payload, "rude"_ba);
    QCOMPARE(wills.first().qos, quint8(1));
    QVERIFY(!wills.first().retain);
    if (v5)
        QCOMPARE(wills.first().properties->contentType, u"text/plain"_s);
    // Both publish the will as soon as they see the connection closed (no Will Delay asked).
    QVERIFY2(willAfterMs < 2000, qPrintable(u"will after %1 ms"_s.arg(willAfterMs)));
    qInfo("%s: will published %lld ms after the abort", QTest::currentDataTag(), willAfterMs);
}

void tst_Interop::offlineQueue()
{
    QFETCH(ProtocolVersion, version);
    const bool v5 = version == ProtocolVersion::V5;
    QFETCH(int, qos);
    const QByteArray topic = uniqueTopic("offline");
    ClientOptions persistent = rowOptions();
    persistent.cleanStart = false;
    if (v5)
        persistent.connectProperties.sessionExpiryInterval = 300; // else it ends at the close
    {
        TestClient first;
        first->setOptions(persistent);
        QVERIFY(connectClient(first));
        QVERIFY(subscribeAndWait(first, {Subscription{QString::fromUtf8(topic), quint8(qos)}}));
        first->disconnectFromBroker();
        QTRY_COMPARE_WITH_TIMEOUT(first->state(), ClientState::Disconnected, kTimeoutMs);
    }

    // Fewer than mosquitto's default queue of 1,000 per client: beyond it mosquitto drops.
    constexpr int count = 200;
    TestClient publisher;
    publisher->setOptions(rowOptions());
    QVERIFY(connectClient(publisher));
    for (int i = 0; i < count; ++i)
        QVERIFY(publisher->publish(message(topic).payload(numbered(i)).qos(qos)) != 0);
    QVERIFY2(
        waitWhileProgressing([&] { return publisher.recorder.finished.size() >= count; },
                             [&] { return publisher.recorder.finished.size(); }, 30000),
        qPrintable(u"publisher: %1 of %2 finished; %3"_s.arg(publisher.recorder.finished.size())
                       .arg(count)
                       .arg(publisher.recorder.story())));

    TestClient second;
    second->setOptions(persistent);
    QVERIFY(connectClient(second));
    // The session was kept: 3.1.1 [MQTT-3.2.2-2], 5.0 [MQTT-3.2.2-3]; with it the messages that
    // came while away [MQTT-3.1.2-5] (3.1.1).
    QVERIFY(second.recorder.connacks.first().sessionPresent);
    waitWhileProgressing(
        [&] { return analyse(second.recorder.messagesOn(topic), count).distinct >= count; },
        [&] { return second.recorder.messages.size(); }, 30000);
    QTest::qWait(kQuietMs);
    const QList<Message> received = second.recorder.messagesOn(topic);
    const Arrivals arrivals = analyse(received, count);
    const QString story =
        u"%1; %2; publisher's %3"_s.arg(arrivals.describe(count), second.recorder.story(),
                                        firstErrorAckInLog(broker(), publisher->clientId()));
    if (qos == 2)
        QVERIFY2(arrivals.allOnceInOrder(count), qPrintable(story)); // [MQTT-4.3.3-2]
    else
        QVERIFY2(arrivals.allInOrderDuplicatesAllowed(count), qPrintable(story)); // [MQTT-4.6.0-6]
    for (const Message &m : received)
        QCOMPARE(m.qos, quint8(qos));
}

void tst_Interop::bigPayload_data()
{
    addRowColumns();
    QTest::addColumn<int>("size");
    for (const RowSpec &row : rowSpecs()) {
        addRow(row, "1 MiB") << (1 << 20);
        addRow(row, "16 MiB") << (16 << 20);
    }
}

// Over WebSocket mosquitto 2.0.11 sends a large message slowly: libwebsockets takes about 4 KiB
// of it per turn of mosquitto's loop, some 40 KB/s (mosquitto issue 1390), so 1 MiB takes ~25 s
// and 16 MiB would take 7 minutes. Its 1 MiB ws row waits that long, with no progress to watch
// (a WebSocket message is handed on whole); its 16 MiB ws row publishes over ws and subscribes
// over tcp. aedes sends at full speed: both its ws rows go both ways over ws.
void tst_Interop::bigPayload()
{
    QFETCH(int, size);
    const QByteArray topic = uniqueTopic("big");
    const QByteArray payload = pseudoRandomBytes(size, quint32(size));
    ClientOptions subscriberOptions = rowOptions();
    const bool slowWebSocket = subscriberOptions.endpoint.kind == TransportKind::WebSocket
        && broker().sendsLargeWebSocketMessagesSlowly();
    if (slowWebSocket && size > (1 << 20))
        subscriberOptions.endpoint = broker().endpoint(TransportKind::Tcp);
    const bool waitsForSlowWebSocket =
        slowWebSocket && subscriberOptions.endpoint.kind == TransportKind::WebSocket;
    TestClient subscriber;
    subscriber->setOptions(subscriberOptions);
    QVERIFY(connectClient(subscriber));
    QVERIFY(subscribeAndWait(subscriber, {Subscription{QString::fromUtf8(topic), 1}}));
    TestClient publisher;
    publisher->setOptions(rowOptions());
    QVERIFY(connectClient(publisher));

    QElapsedTimer sincePublish;
    sincePublish.start();
    const quint64 token = publisher->publish(message(topic).payload(payload).qos(1));
    QVERIFY2(token != 0, qPrintable(publisher.recorder.story()));
    const int limitMs = waitsForSlowWebSocket ? 90000 : 60000;
    const bool arrived = waitWhileProgressing(
        [&] {
            return !subscriber.recorder.messagesOn(topic).isEmpty()
                && publisher.recorder.finished.contains(token);
        },
        [&] {
            return subscriber.recorder.bytesReceived + publisher.recorder.bytesSent
                + publisher.recorder.finished.size();
        },
        limitMs, waitsForSlowWebSocket ? limitMs : kStallMs);
    const qint64 elapsedMs = sincePublish.elapsed();
    QVERIFY2(arrived,
             qPrintable(u"the %1-byte message did not make it: the publisher sent %2 bytes, %3; "
                        "the subscriber received %4 bytes and %5 messages; publisher: %6; "
                        "subscriber: %7; %8"_s.arg(size)
                            .arg(publisher.recorder.bytesSent)
                            .arg(publisher.recorder.finished.contains(token) ? u"got its PUBACK"_s
                                                                             : u"no PUBACK"_s)
                            .arg(subscriber.recorder.bytesReceived)
                            .arg(subscriber.recorder.messagesOn(topic).size())
                            .arg(publisher.recorder.story(), subscriber.recorder.story(),
                                 logLinesAbout(broker(), subscriberOptions.clientId, 2))));
    QCOMPARE(publisher.recorder.finished.value(token), ReasonCode::Success);
    const Message received = subscriber.recorder.messagesOn(topic).first();
    QCOMPARE(received.payload.size(), payload.size());
    QCOMPARE(sha256(received.payload), sha256(payload)); // every byte as sent
    QCOMPARE(subscriber.recorder.messagesOn(topic).size(), 1);
    qInfo("%s: %d bytes to a subscriber on %s in %lld ms", QTest::currentDataTag(), size,
          qPrintable(transportName(subscriberOptions.endpoint.kind)), elapsedMs);
}

// publish() 1,000 times as fast as the client takes the calls: whatever window the client keeps
// (3.1.1 has no Receive Maximum; mosquitto's default is 20 messages in flight per client), every
// message must get through.
void tst_Interop::inflightBurst()
{
    QFETCH(int, qos);
    const QByteArray topic = uniqueTopic("burst");
    const ClientOptions publisherOptions = rowOptions();
    TestClient subscriber;
    TestClient publisher;
    QVERIFY(connectSubscriberAndPublisher(subscriber, topic, publisher, publisherOptions));

    constexpr int count = 1000;
    int refused = 0;
    for (int i = 0; i < count; ++i) {
        if (publisher->publish(message(topic).payload(numbered(i)).qos(qos)) == 0)
            ++refused;
    }
    QVERIFY2(refused == 0,
             qPrintable(u"%1 of %2 publish() calls refused: %3"_s.arg(refused).arg(count).arg(
                 publisher.recorder.errors.value(0))));
    waitWhileProgressing(
        [&] {
            return publisher.recorder.finished.size() >= count
                && analyse(subscriber.recorder.messagesOn(topic), count).distinct >= count;
        },
        [&] { return subscriber.recorder.messages.size() + publisher.recorder.finished.size(); },
        60000);
    QTest::qWait(kQuietMs); // for late duplicates

    const Arrivals arrivals = analyse(subscriber.recorder.messagesOn(topic), count);
    const int succeeded = int(std::count(publisher.recorder.finished.cbegin(),
                                         publisher.recorder.finished.cend(), ReasonCode::Success));
    const QString story = u"QoS %1 burst: %2; publisher: %3 of %4 finished, %5 with Success (%6); "
                          "subscriber: %7; %8"_s.arg(qos)
                              .arg(arrivals.describe(count))
                              .arg(publisher.recorder.finished.size())
                              .arg(count)
                              .arg(succeeded)
                              .arg(publisher.recorder.story(), subscriber.recorder.story(),
                                   firstErrorAckInLog(broker(), publisherOptions.clientId));
    if (qos == 2)
        QVERIFY2(arrivals.allOnceInOrder(count), qPrintable(story)); // [MQTT-4.3.3-2]
    else
        QVERIFY2(arrivals.allInOrderDuplicatesAllowed(count), qPrintable(story)); // [MQTT-4.6.0-6]
    QVERIFY2(succeeded == count, qPrintable(story));
}

// When a broker passes on a QoS 2 message it receives: aedes when the PUBLISH arrives (before its
// PUBREC), mosquitto only once the PUBREL does. Both are allowed (3.1.1 4.3.3, 5.0 4.3.3: the
// receiver only must not deliver it twice [MQTT-4.3.3-2]), but it decides whether a QoS 1 message
// sent after a QoS 2 one can overtake it. A publisher on a plain socket holds its PUBREL back.
void tst_Interop::qos2ForwardedAtPublishOrAtPubrel()
{
    TestBroker &server = broker();
    const QByteArray topic = uniqueTopic("qos2-release");
    TestClient subscriber;
    ClientOptions options;
    options.endpoint = server.endpoint(TransportKind::Tcp);
    options.version = VersionChoice::V311;
    options.clientId = uniqueClientId();
    options.reconnect.enabled = false;
    subscriber->setOptions(options);
    QVERIFY(connectClient(subscriber));
    QVERIFY(subscribeAndWait(subscriber, {Subscription{QString::fromUtf8(topic), 2}}));

    QTcpSocket publisher;
    publisher.connectToHost(QHostAddress::LocalHost, options.endpoint.port);
    QVERIFY(publisher.waitForConnected(kTimeoutMs));
    QByteArray received;
    const auto expect = [&](const QByteArray &hex) {
        const QByteArray wanted = QByteArray::fromHex(hex);
        const bool enough = QTest::qWaitFor(
            [&] {
                received += publisher.readAll();
                return received.size() >= wanted.size();
            },
            kTimeoutMs);
        const QByteArray got = received.left(wanted.size());
        received.remove(0, got.size());
        if (!enough || got != wanted)
            qWarning("expected %s, got %s", hex.constData(), got.toHex(' ').constData());
        return got == wanted;
    };
    const QByteArray clientId = "raw-" + QUuid::createUuid().toByteArray(QUuid::Id128).left(12);
    // "MQTT", level 4, clean session, keepalive 60, then the client id.
    QByteArray connect = QByteArray::fromHex("00044d5154540402003c");
    connect += char(0) + QByteArray(1, char(clientId.size())) + clientId;
    publisher.write(QByteArray(1, char(0x10)) + char(connect.size()) + connect);
    QVERIFY(expect("20020000"));
    // PUBLISH, QoS 2, packet id 1, payload "two".
    QByteArray publish = QByteArray(1, char(topic.size() >> 8)) + char(topic.size() & 0xff) + topic
        + "\x00\x01two"_ba;
    QVERIFY(publish.size() < 128);
    publisher.write(QByteArray(1, char(0x34)) + char(publish.size()) + publish);
    QVERIFY(expect("50020001")); // PUBREC
    QTest::qWait(kQuietMs);
    const qsizetype beforePubrel = subscriber.recorder.messagesOn(topic).size();
    qInfo("%s: %lld of 1 QoS 2 message forwarded before the PUBREL", qPrintable(server.name()),
          qlonglong(beforePubrel));
    QCOMPARE(beforePubrel, server.forwardsQos2OnPublish() ? 1 : 0);

    publisher.write(QByteArray::fromHex("62020001")); // PUBREL
    QVERIFY(expect("70020001")); // PUBCOMP
    QTRY_COMPARE_WITH_TIMEOUT(subscriber.recorder.messagesOn(topic).size(), 1, kTimeoutMs);
    QTest::qWait(kQuietMs);
    QCOMPARE(subscriber.recorder.messagesOn(topic).size(), 1); // once [MQTT-4.3.3-2]
    QCOMPARE(subscriber.recorder.messagesOn(topic).first().payload, "two"_ba);
    publisher.write(QByteArray::fromHex("e000")); // DISCONNECT
    publisher.waitForBytesWritten(1000);
}

void tst_Interop::versionChoice_data()
{
    QTest::addColumn<QString>("broker");
    QTest::addColumn<TransportKind>("transport");
    QTest::addColumn<VersionChoice>("choice");
    QTest::addColumn<int>("expectedLevel"); // the protocol level connected with; 0: refused
    for (const QString &broker : {u"mosquitto"_s, u"aedes"_s}) {
        const bool five = broker == "mosquitto"_L1;
        for (const TransportKind transport : {TransportKind::Tcp, TransportKind::WebSocket}) {
            const char *b = broker == "aedes"_L1 ? "aedes" : "mosquitto";
            const QByteArray t = transportName(transport).toLatin1();
            QTest::addRow("%s %s 3.1.1", b, t.constData())
                << broker << transport << VersionChoice::V311 << 4;
            QTest::addRow("%s %s 5.0", b, t.constData())
                << broker << transport << VersionChoice::V5 << (five ? 5 : 0);
            QTest::addRow("%s %s auto", b, t.constData())
                << broker << transport << VersionChoice::Auto << (five ? 5 : 4);
        }
    }
}

// What each broker does with each version choice; Auto must end up on the newest version the
// broker speaks, and then work.
void tst_Interop::versionChoice()
{
    QFETCH(TransportKind, transport);
    QFETCH(VersionChoice, choice);
    QFETCH(int, expectedLevel);
    ClientOptions options;
    options.endpoint = broker().endpoint(transport);
    options.version = choice;
    options.clientId = uniqueClientId();
    options.reconnect.enabled = false;
    TestClient client;
    client->setOptions(options);

    if (expectedLevel == 0) {
        // aedes answers a 5.0 CONNECT with the 3.1.1 CONNACK 20 02 00 01, "unacceptable protocol
        // version", and closes the connection (3.1.1 [MQTT-3.1.2-2]); a client held to 5.0 must
        // say it was refused for that.
        client->connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), ClientState::Disconnected, kTimeoutMs);
        QVERIFY2(client.recorder.connacks.isEmpty(), qPrintable(client.recorder.story()));
        QVERIFY2(client.recorder.refusals.size() == 1, qPrintable(client.recorder.story()));
        QCOMPARE(client.recorder.refusals.first().rawReturnCode, quint8(1));
        QCOMPARE(client.recorder.refusals.first().reason, ReasonCode::UnsupportedProtocolVersion);
        return;
    }
    QVERIFY2(connectClient(client), qPrintable(client.recorder.story()));
    QCOMPARE(int(client->protocolVersion()), expectedLevel);
    QCOMPARE(client.recorder.connacks.size(), 1);
    QCOMPARE(client->state(), ClientState::Connected);

    // It works: a QoS 1 message to itself through the broker.
    const QByteArray topic = uniqueTopic("version");
    QVERIFY(subscribeAndWait(client, {Subscription{QString::fromUtf8(topic), 1}}));
    const quint64 token = client->publish(message(topic).payload("works").qos(1));
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.messagesOn(topic).size(), 1, kTimeoutMs);
    QCOMPARE(client.recorder.messagesOn(topic).first().payload, "works"_ba);
    QTRY_VERIFY_WITH_TIMEOUT(client.recorder.finished.contains(token), kTimeoutMs);
    QCOMPARE(client.recorder.finished.value(token), ReasonCode::Success);
    QCOMPARE(client->state(), ClientState::Connected);
}

// The bytes each broker answers to a 5.0 CONNECT, on a plain socket.
void tst_Interop::answerToAFiveConnect()
{
    TestBroker &server = broker();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.endpoint(TransportKind::Tcp).port);
    QVERIFY(socket.waitForConnected(kTimeoutMs));
    // CONNECT: "MQTT", level 5, clean start, keepalive 60, no properties, client id "probe".
    socket.write(QByteArray::fromHex("101200044d5154540502003c00000570726f6265"));
    QByteArray answer;
    QElapsedTimer sinceData;
    sinceData.start();
    // Until the broker closes, or has said nothing more for a while.
    while (socket.state() == QAbstractSocket::ConnectedState && sinceData.elapsed() < 1000) {
        if (socket.waitForReadyRead(100)) {
            answer += socket.readAll();
            sinceData.restart();
        }
    }
    answer += socket.readAll();
    const bool closedByBroker = socket.state() != QAbstractSocket::ConnectedState;
    qInfo("%s answers a 5.0 CONNECT with %s%s", qPrintable(server.name()),
          answer.toHex(' ').constData(), closedByBroker ? " and closes the connection" : "");
    if (server.speaksMqtt5()) {
        // A 5.0 CONNACK: Success, session not present, then its properties.
        QVERIFY2(answer.size() >= 5, answer.toHex(' ').constData());
        QCOMPARE(quint8(answer.at(0)), quint8(0x20));
        QCOMPARE(answer.mid(2, 2), QByteArray::fromHex("0000"));
        QVERIFY(!closedByBroker);
    } else {
        // The 3.1.1 refusal for an unsupported level, then the close (3.1.1 [MQTT-3.1.2-2]). A
        // 5.0 reader sees a CONNACK whose reason 0x01 is no 5.0 CONNACK reason and whose
        // properties are missing: a client has to know it for the answer of a 3.1.1 broker.
        QCOMPARE(answer.toHex(' '), "20 02 00 01"_ba);
        QVERIFY(closedByBroker);
    }
}

void tst_Interop::cliAutoVersion_data()
{
    brokersAndTransports();
}

// mqttscope-cli with `-V auto` on both ends: 5.0 with mosquitto, 3.1.1 with aedes, and the
// message gets through.
void tst_Interop::cliAutoVersion()
{
    QFETCH(TransportKind, transport);
    TestBroker &server = broker();
    const QString expectedVersion = server.speaksMqtt5() ? u"MQTT 5.0"_s : u"MQTT 3.1.1"_s;
    // -d prints mosquitto's CONNACK line; the client's log names the version of each attempt, and
    // the last attempt is the one accepted.
    const QByteArray connack = "received CONNACK (0)\n";
    const auto acceptedVersion = [](const QByteArray &err) {
        const qsizetype at = err.lastIndexOf(" with MQTT ");
        return at < 0 ? QString()
                      : QString::fromUtf8(err.mid(at + 6, err.indexOf('\n', at) - at - 6));
    };
    const QString topic = QString::fromUtf8(uniqueTopic("cli"));
    const QString subId = uniqueClientId();
    const QStringList connection{u"-L"_s, server.url(transport), u"-V"_s, u"auto"_s, u"-d"_s};
    auto subscriber = launch(cliProgram,
                             QStringList{u"sub"_s, u"-i"_s, subId, u"-t"_s, topic, u"-q"_s, u"1"_s,
                                         u"-C"_s, u"1"_s, u"-v"_s, u"-W"_s, u"20"_s}
                                 + connection);
    if (!waitForSubscribed(server, subId, *subscriber)) {
        QFAIL(qPrintable(u"mqttscope-cli sub did not subscribe: "_s
                         + QString::fromUtf8(subscriber->readAllStandardError())));
    }
    const Finished published =
        run(cliProgram,
            QStringList{u"pub"_s, u"-t"_s, topic, u"-m"_s, u"over auto"_s, u"-q"_s, u"1"_s}
                + connection);
    QVERIFY2(published.exitCode == 0, published.err.constData());
    QVERIFY2(published.err.contains(connack), published.err.constData());
    QCOMPARE(acceptedVersion(published.err), expectedVersion);
    const Finished received = waitFor(*subscriber);
    QVERIFY2(received.exitCode == 0, received.err.constData());
    QVERIFY2(received.err.contains(connack), received.err.constData());
    QCOMPARE(acceptedVersion(received.err), expectedVersion);
    QCOMPARE(received.out, (topic + u" over auto\n"_s).toUtf8());
}

QTEST_GUILESS_MAIN(tst_Interop)
#include "tst_interop.moc"

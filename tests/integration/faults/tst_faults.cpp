// SPDX-License-Identifier: GPL-3.0-or-later
// A persistent session survives a connection that keeps breaking: a proxy between the client and
// a real mosquitto cuts it again and again while 2,000 messages flow each way, all published at
// once. QoS 2 must arrive exactly once and in order, QoS 1 at least once with the first
// deliveries in order; at QoS 1 the duplicates are counted beside those of mosquitto's own
// clients (mosquitto_pub, mosquitto_sub) through the same cuts.

#include "client/mqttclient.h"
#include "fakebroker.h"
#include "faultproxy.h"
#include "mosquittobroker.h"
#include "testversions.h"
#include "versionchoice.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using mqttscope::test::FakeBroker;
using mqttscope::test::FakeConnectReply;
using mqttscope::test::FaultProxy;
using mqttscope::test::MosquittoBroker;
using namespace mqttscope::test;

Q_DECLARE_METATYPE(mqttscope::ProtocolVersion)

namespace {

constexpr int MessageCount = 2000;
// Each proxy stops cutting after this many, so that every run can finish; the flow rows'
// schedules put at least MinimumCutsPerDirection of them into the flow each way.
constexpr int MaximumCuts = 20;
constexpr int MinimumCutsPerDirection = 10;
// A cut may also fall where nothing new got through since the one before: a connection cut
// again before its CONNACK, or one that carried nothing but what mosquitto resent. Half of them
// at least must have cut a moving flow.
constexpr int MinimumCutsWhileMoving = MinimumCutsPerDirection / 2;
// In the flow rows our client reconnects 5 ms after a cut and each connection lives 8 ms: long
// enough for the CONNACK and a few windows of messages, short enough for 10 cuts each way while
// 2,000 messages flow (the direction into the client is done in ~0.3 s; measured 12-20 cuts
// into it, 20 out of it). By bytes, 5,000 of a connection: ~100 messages each way, cut
// mid-packet.
constexpr int QuickReconnectMs = 5;
constexpr int FlowLifetimeMs = 8;
constexpr qint64 CutAfterBytes = 5000;
// mosquitto_pub and mosquitto_sub get nothing done in 15 ms after a reconnect (mosquitto_pub
// resends its window and no more, no PUBACK of mosquitto_sub's reaches the broker), so the
// comparison gives every connection 30 ms: both make progress then.
constexpr int ComparisonLifetimeMs = 30;
// libmosquitto waits 1 s before each reconnect and mosquitto_pub/sub have no option for it; our
// client waits as long in the comparison, so that the broker holds as many messages for either.
constexpr int LibmosquittoReconnectMs = 1000;
constexpr int GiveUpAfterMs = 60000; // a flow row takes ~2 s, a comparison row ~45 s
constexpr int LateDuplicatesMs = 500; // after the last message, for duplicates still on the way

// Runs the event loop until `done` or the timeout (bounded: at most timeoutMs / 5 turns).
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QTest::qWait(5);
    return done();
}

// Sequence numbers seen on one topic, in order of arrival.
class SequenceLog
{
public:
    explicit SequenceLog(int count)
        : m_count(count)
    {
    }

    void add(const QByteArray &payload)
    {
        bool ok = false;
        const int sequence = payload.toInt(&ok);
        m_sequence.append(ok ? sequence : -1);
        if (ok && !m_seen.contains(sequence)) {
            m_seen.insert(sequence);
            m_first.append(sequence);
        }
    }
    int arrivals() const { return int(m_sequence.size()); }
    int distinct() const { return int(m_first.size()); }
    int duplicates() const { return arrivals() - distinct(); }
    bool isComplete() const { return distinct() >= m_count; }

    // Empty when 0..count-1 arrived exactly once each, in order; otherwise what went wrong.
    QString exactlyOnceInOrder() const { return compare(m_sequence, m_count); }
    // Empty when each of 0..count-1 arrived and their first arrivals are in order.
    QString everyOneFirstInOrder() const { return compare(m_first, m_count); }

private:
    static QString compare(const QList<int> &sequence, int count)
    {
        for (int i = 0; i < sequence.size() && i < count; ++i) {
            if (sequence[i] != i) {
                return u"arrival %1 is message %2, expected %3 (%4 arrivals)"_s.arg(i)
                    .arg(sequence[i])
                    .arg(i)
                    .arg(sequence.size());
            }
        }
        if (sequence.size() != count)
            return u"%1 arrivals for %2 messages"_s.arg(sequence.size()).arg(count);
        return {};
    }

    int m_count;
    QList<int> m_sequence;
    QList<int> m_first;
    QSet<int> m_seen;
};

// The cuts that hit one direction of a flow: every cut before it settled (each may cost
// duplicates), and of those the ones that came after new messages had got through since the
// cut before, so that the flow was moving and not stuck in reconnects.
class CutTally
{
public:
    CutTally(const SequenceLog &arrivals, std::function<bool()> settled)
        : m_arrivals(arrivals)
        , m_settled(std::move(settled))
    {
    }

    void noteCut()
    {
        if (m_settled())
            return;
        ++m_cuts;
        if (m_arrivals.distinct() > m_distinctAtLastCut)
            ++m_cutsWhileMoving;
        m_distinctAtLastCut = m_arrivals.distinct();
    }
    int cuts() const { return m_cuts; }
    int cutsWhileMoving() const { return m_cutsWhileMoving; }

private:
    const SequenceLog &m_arrivals;
    std::function<bool()> m_settled;
    int m_cuts = 0;
    int m_cutsWhileMoving = 0;
    int m_distinctAtLastCut = 0;
};

// Publishes `count` messages numbered 0..count-1 at once, as an application with a burst to send
// would: the client's in-flight window and queue do the pacing.
class Publisher
{
public:
    Publisher(MqttClient &client, QByteArray topic, quint8 qos, int count)
        : m_client(client)
        , m_topic(std::move(topic))
        , m_qos(qos)
        , m_count(count)
    {
        QObject::connect(&client, &MqttClient::publishFinished, &m_context,
                         [this](quint64 token, ReasonCode reason, const QString &reasonString) {
                             if (!m_tokens.remove(token))
                                 return;
                             ++m_finished;
                             if (isError(reason))
                                 m_failures.append(
                                     u"%1 (%2)"_s.arg(reasonCodeName(reason), reasonString));
                         });
    }

    void start()
    {
        for (int i = 0; i < m_count; ++i) {
            Message message;
            message.topic = m_topic;
            message.payload = QByteArray::number(i);
            message.qos = m_qos;
            const quint64 token = m_client.publish(message);
            if (token == 0) {
                m_failures.append(
                    u"publish %1 refused at once (state %2)"_s.arg(i).arg(int(m_client.state())));
                return;
            }
            m_tokens.insert(token);
        }
    }
    bool isDone() const { return m_finished == m_count; }
    int finished() const { return m_finished; }
    QStringList failures() const { return m_failures; }

private:
    QObject m_context; // ends the connection to the client when this publisher goes
    MqttClient &m_client;
    QByteArray m_topic;
    quint8 m_qos;
    int m_count;
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

// Appends every line mosquitto_sub prints (a payload a line; it flushes each) to `log`.
void logLines(QProcess &process, SequenceLog &log)
{
    auto partial = std::make_shared<QByteArray>();
    QObject::connect(
        &process, &QProcess::readyReadStandardOutput, &process, [&process, &log, partial] {
            *partial += process.readAllStandardOutput();
            qsizetype start = 0;
            for (qsizetype end; (end = partial->indexOf('\n', start)) >= 0; start = end + 1)
                log.add(partial->sliced(start, end - start));
            partial->remove(0, start);
        });
}

// A persistent session that reconnects quickly: clean start off, and in 5.0 a session expiry
// that outlives every cut.
ClientOptions persistentOptions(const Endpoint &endpoint, ProtocolVersion version,
                                const QString &clientId)
{
    ClientOptions options;
    options.endpoint = endpoint;
    options.version = versionChoice(version);
    options.clientId = clientId;
    options.keepAliveSeconds = 30;
    options.cleanStart = false;
    if (version == ProtocolVersion::V5)
        options.connectProperties.sessionExpiryInterval = 3600;
    options.reconnect.initialDelayMs = QuickReconnectMs;
    options.reconnect.maximumDelayMs = 200;
    options.connackTimeoutMs = 5000;
    return options;
}

// Where a row's proxy cuts: after so many bytes of one connection, or so long after it opened.
struct CutSchedule
{
    qint64 afterBytes = 0; // 0: by time only
    int lifetimeMs = 0; // 0: by bytes only
};

// Cuts the connections through one proxy on a schedule, at most MaximumCuts times, and reports
// each cut to `onCut`. By bytes the proxy cuts; by time each connection is cut a fixed time after
// it opened, so that every connection lives as long however fast its client reconnects. (A
// periodic cut falls at any phase: often before a new connection has had its CONNACK, and a
// client that is slower to reconnect gets the shorter connections.)
class Cutter
{
public:
    Cutter(FaultProxy &proxy, std::function<void()> onCut)
        : m_proxy(proxy)
        , m_onCut(std::move(onCut))
    {
        QObject::connect(&proxy, &FaultProxy::connectionCut, &m_context, [this] { m_onCut(); });
        m_watch.setTimerType(Qt::PreciseTimer);
        m_watch.setInterval(1);
        QObject::connect(&m_watch, &QTimer::timeout, &m_context, [this] {
            if (m_proxy.connectionCount() == m_connectionsSeen)
                return;
            m_connectionsSeen = m_proxy.connectionCount();
            m_lifetime.start();
        });
        m_lifetime.setTimerType(Qt::PreciseTimer);
        m_lifetime.setSingleShot(true);
        QObject::connect(&m_lifetime, &QTimer::timeout, &m_context, [this] {
            if (m_timedCuts >= MaximumCuts || m_proxy.openConnectionCount() == 0)
                return;
            ++m_timedCuts;
            m_proxy.cutAll();
            m_onCut();
        });
    }

    void start(const CutSchedule &schedule)
    {
        m_proxy.setMaximumCuts(MaximumCuts);
        m_proxy.setCutAfterBytes(schedule.afterBytes);
        if (schedule.lifetimeMs > 0) {
            m_lifetime.setInterval(schedule.lifetimeMs);
            m_connectionsSeen = m_proxy.connectionCount();
            m_lifetime.start(); // the connection open now lives from here
            m_watch.start();
        }
    }
    void stop()
    {
        m_proxy.setMaximumCuts(m_proxy.cutCount());
        m_watch.stop();
        m_lifetime.stop();
    }
    int cuts() const { return m_proxy.cutCount() + m_timedCuts; }

private:
    QObject m_context; // ends the connections above when the cutter goes
    FaultProxy &m_proxy;
    std::function<void()> m_onCut;
    QTimer m_watch; // notices new connections (FaultProxy has no signal for them)
    QTimer m_lifetime;
    int m_connectionsSeen = 0;
    int m_timedCuts = 0;
};

// One direction of a run, seen from the client under test: out of it (its publisher side) or
// into it (its subscriber side).
struct Direction
{
    int duplicates = 0; // arrivals beyond the first of each message
    int cuts = 0; // cuts before it settled
    int cutsWhileMoving = 0; // of those, the ones after new messages had got through
    int resends = 0; // PUBLISHes with DUP: the broker received them (out) or sent them (in)

    double duplicatesPerCut() const { return cuts ? double(duplicates) / cuts : 0.0; }
};

struct FlowFigures
{
    Direction out;
    Direction in;
    qint64 elapsedMs = 0; // from the start of the cuts until every message had arrived

    int duplicates() const { return out.duplicates + in.duplicates; }
};

// The PUBLISHes with DUP set that mosquitto logged for one client: received from it (its
// resends) or sent to it (the broker's redeliveries).
int dupPublishes(const QByteArray &log, const char *direction, const QString &clientId)
{
    return int(log.count(QByteArray(direction) + ' ' + clientId.toUtf8() + " (d1, "));
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
        return FakeConnectReply{
            FakeBroker::connack(connect.version, ReasonCode::Success, {}, connection > 0)};
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
    void qos1DuplicatesBesideMosquittoClients_data() { addVersionRows(); }
    void qos1DuplicatesBesideMosquittoClients();
    void outboundQos2ResumesWhereItStopped_data() { addVersionRows(); }
    void outboundQos2ResumesWhereItStopped();
    void inboundQos2ExactlyOnceAcrossReconnect_data() { addVersionRows(); }
    void inboundQos2ExactlyOnceAcrossReconnect();

private:
    ClientOptions directOptions(ProtocolVersion version, const QString &clientId) const;
    // Connects, subscribes to `filter` when given, and waits for both (fails the test otherwise).
    static void connectAndSubscribe(MqttClient &client, const QString &filter, quint8 qos);
    // 2,000 messages each way through a cutting proxy with our client (reconnecting after
    // `reconnectDelayMs`, 0: quickly) or with mosquitto_pub and mosquitto_sub in its place;
    // fails the test when one is lost or out of order.
    void runOurClient(ProtocolVersion version, quint8 qos, const CutSchedule &schedule,
                      int reconnectDelayMs, FlowFigures &figures);
    void runMosquittoClients(ProtocolVersion version, const CutSchedule &schedule,
                             FlowFigures &figures);

    MosquittoBroker m_broker;
    QString m_mosquittoPub;
    QString m_mosquittoSub;
    int m_row = 0; // keeps topics and client ids apart between rows on the one broker
};

void tst_Faults::initTestCase()
{
    // A run of cuts logs a few lines per connection; QtTest prints no more than 2,000 messages
    // and would swallow the figures. QT_LOGGING_RULES still turns them on.
    QLoggingCategory::setFilterRules(
        u"mqttscope.client.info=false\nmqttscope.transport.debug=false"_s);
    // The flows publish 2,000 messages at once to a client that the cuts keep away again and
    // again, so at times more than 1,000 wait for it: beyond its queue mosquitto drops QoS 1/2
    // messages by design, which is not what this test is about. The in-flight limit, where
    // duplicates come from, stays mosquitto's default (20 per client).
    MQTTSCOPE_START_BROKER(m_broker, {}, MosquittoBroker::largeQueue());
    m_mosquittoPub = QStandardPaths::findExecutable(u"mosquitto_pub"_s);
    m_mosquittoSub = QStandardPaths::findExecutable(u"mosquitto_sub"_s);
    QVERIFY2(!m_mosquittoPub.isEmpty() && !m_mosquittoSub.isEmpty(),
             "mosquitto_pub/mosquitto_sub not installed: run scripts/install-deps.sh");
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
    QTRY_VERIFY(
        (arrived += server->readAll(), server->state() == QAbstractSocket::UnconnectedState));
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
    options.version = versionChoice(version);
    options.clientId = clientId;
    options.keepAliveSeconds = 30;
    return options;
}

void tst_Faults::connectAndSubscribe(MqttClient &client, const QString &filter, quint8 qos)
{
    QSignalSpy connected(&client, &MqttClient::connected);
    client.connectToBroker();
    QTRY_VERIFY2_WITH_TIMEOUT(connected.count() >= 1, "no connection to mosquitto within 10 s",
                              10000);
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
    addVersionColumn();
    QTest::addColumn<quint8>("qos");
    QTest::addColumn<qint64>("cutAfterBytes"); // 0: cut by time instead
    QTest::addColumn<int>("cutLifetimeMs"); // 0: cut by bytes instead
    QTest::addColumn<int>("minimumCutsWhileMoving");

    for (const ProtocolVersion version : testedVersions) {
        for (const quint8 qos : {quint8(1), quint8(2)}) {
            // The cuts land anywhere in the flow, as on a flaky link.
            addVersionRow(
                version,
                u"QoS %1 cut %2 ms into each connection"_s.arg(int(qos)).arg(FlowLifetimeMs))
                << qos << qint64(0) << FlowLifetimeMs << MinimumCutsWhileMoving;
            // The same places on every run, mostly in the middle of a packet. At QoS 1 a run may
            // lock into connections that carry nothing new: after a reconnect mosquitto 2.0.11
            // can have hundreds of messages in flight to us (see the comparison below) and
            // resends them all, more than 5,000 bytes, so our PUBACKs never get through before
            // the cut and the same messages come again, until the cuts stop.
            addVersionRow(version, u"QoS %1 cut every %2 bytes"_s.arg(int(qos)).arg(CutAfterBytes))
                << qos << CutAfterBytes << 0 << (qos == 1 ? 0 : MinimumCutsWhileMoving);
        }
    }
}

void tst_Faults::flowSurvivesCuts()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(quint8, qos);
    QFETCH(qint64, cutAfterBytes);
    QFETCH(int, cutLifetimeMs);
    QFETCH(int, minimumCutsWhileMoving);

    FlowFigures ours;
    runOurClient(version, qos, {cutAfterBytes, cutLifetimeMs}, 0, ours);
    if (QTest::currentTestFailed())
        return;
    const QByteArray row = QTest::currentDataTag();
    if (qos == 2) {
        qInfo("%s: mqttscope exactly once in order through %d cuts out (%d into a moving flow), "
              "%d in (%d); %.1f s",
              row.constData(), ours.out.cuts, ours.out.cutsWhileMoving, ours.in.cuts,
              ours.in.cutsWhileMoving, ours.elapsedMs / 1000.0);
    } else {
        qInfo("%s: mqttscope %d duplicates (publisher side %d, subscriber side %d), cuts %d out "
              "(%d into a moving flow), %d in (%d); PUBLISHes with DUP: %d resent to the broker, "
              "%d redelivered by it; %.1f s",
              row.constData(), ours.duplicates(), ours.out.duplicates, ours.in.duplicates,
              ours.out.cuts, ours.out.cutsWhileMoving, ours.in.cuts, ours.in.cutsWhileMoving,
              ours.out.resends, ours.in.resends, ours.elapsedMs / 1000.0);
    }
    // The faults hit the messages while they flowed, each way, and not only a client that was
    // stuck reconnecting.
    for (const auto &[side, direction] : {std::pair{"out", ours.out}, std::pair{"in", ours.in}}) {
        QVERIFY2(direction.cuts >= MinimumCutsPerDirection
                     && direction.cutsWhileMoving >= minimumCutsWhileMoving,
                 qPrintable(u"too few cuts %1 during the flow: %2, %3 of them into a moving flow"_s
                                .arg(QLatin1StringView(side))
                                .arg(direction.cuts)
                                .arg(direction.cutsWhileMoving)));
    }
}

// QoS 1 duplicates, ours beside mosquitto_pub's and mosquitto_sub's, through the same cuts: each
// connection lives 30 ms, each client waits 1 s to reconnect as libmosquitto does. Duplicates
// come from resends after a cut: on the publisher side the PUBLISHes in flight that the broker
// had received while their PUBACKs were lost, at most a window each time; on the subscriber side
// the broker's redeliveries of what it had not seen acknowledged. mosquitto 2.0.11 (Debian 12)
// inflates those: after a reconnect with messages queued, each PUBACK for the oldest in flight
// lets up to max_inflight_messages more go (db__message_delete_outgoing counts list positions,
// not messages; fixed in 2.0.13), so hundreds are in flight and all come again after the next
// cut. How many of them a client gets twice depends on how fast it acknowledges.
void tst_Faults::qos1DuplicatesBesideMosquittoClients()
{
    QFETCH(ProtocolVersion, version);
    const CutSchedule schedule{0, ComparisonLifetimeMs};
    FlowFigures ours;
    runOurClient(version, 1, schedule, LibmosquittoReconnectMs, ours);
    if (QTest::currentTestFailed())
        return;
    FlowFigures theirs;
    runMosquittoClients(version, schedule, theirs);
    if (QTest::currentTestFailed())
        return;

    const QByteArray row = QTest::currentDataTag();
    qInfo("%s QoS 1: mqttscope %d duplicates (publisher side %d, subscriber side %d), mosquitto "
          "clients %d (mosquitto_pub %d, mosquitto_sub %d), cuts out/in %d/%d vs %d/%d",
          row.constData(), ours.duplicates(), ours.out.duplicates, ours.in.duplicates,
          theirs.duplicates(), theirs.out.duplicates, theirs.in.duplicates, ours.out.cuts,
          ours.in.cuts, theirs.out.cuts, theirs.in.cuts);
    qInfo("%s QoS 1: per cut, publisher side %.1f vs %.1f, subscriber side %.1f vs %.1f; cuts into "
          "a moving flow %d/%d vs %d/%d; PUBLISHes with DUP resent to the broker %d vs %d, "
          "redelivered by it %d vs %d; %.1f s vs %.1f s",
          row.constData(), ours.out.duplicatesPerCut(), theirs.out.duplicatesPerCut(),
          ours.in.duplicatesPerCut(), theirs.in.duplicatesPerCut(), ours.out.cutsWhileMoving,
          ours.in.cutsWhileMoving, theirs.out.cutsWhileMoving, theirs.in.cutsWhileMoving,
          ours.out.resends, theirs.out.resends, ours.in.resends, theirs.in.resends,
          ours.elapsedMs / 1000.0, theirs.elapsedMs / 1000.0);
    // The comparison holds only if the cuts hit both flows while they moved. (In 15 ms after a
    // reconnect mosquitto_pub gets no further than resending its window.)
    QVERIFY2(ours.out.cutsWhileMoving >= MinimumCutsPerDirection && ours.in.cutsWhileMoving >= 1
                 && theirs.out.cutsWhileMoving >= MinimumCutsPerDirection
                 && theirs.in.cutsWhileMoving >= 1,
             "too few cuts into a moving flow for a comparison (see above)");
    // Not asserted: ours at most theirs, as it does not hold steadily. Measured 30 runs: on the
    // publisher side ours are above mosquitto_pub's every time, 18-20 a cut to its 13-18 (our
    // window of 20 is all at the broker when the cut comes; of mosquitto_pub's 20 a few are not
    // written yet). The subscriber side turns on one or two reconnects, on whether the client
    // acknowledges mosquitto's burst of up to 2,000 before the next cut: ours did in 29 runs
    // (0 duplicates) and not in one (1,460); mosquitto_sub had 303-1,956 in every run.
}

// Client A, the one under test, publishes and receives through the cutting proxy with a
// persistent session; a publisher and a subscriber talk to mosquitto directly and see no cut.
void tst_Faults::runOurClient(ProtocolVersion version, quint8 qos, const CutSchedule &schedule,
                              int reconnectDelayMs, FlowFigures &figures)
{
    ++m_row;
    const QString clientId = u"faults-a-%1"_s.arg(m_row);
    const QByteArray outboundTopic = "faults/%1/a"_ba.replace("%1", QByteArray::number(m_row));
    const QByteArray inboundTopic = "faults/%1/b"_ba.replace("%1", QByteArray::number(m_row));

    FaultProxy proxy;
    QVERIFY2(proxy.listen(u"127.0.0.1"_s, m_broker.port(MosquittoBroker::Listener::Tcp)),
             qPrintable(proxy.errorString()));
    // Declared before the clients: a client going away may still report into them.
    SequenceLog outboundArrivals(MessageCount); // A -> subscriber
    SequenceLog inboundArrivals(MessageCount); // publisher -> A
    QStringList disconnectReasons;
    int resumesWithoutSession = 0;

    MqttClient clientA;
    ClientOptions options = persistentOptions(proxy.endpoint(), version, clientId);
    if (reconnectDelayMs > 0) {
        options.reconnect.initialDelayMs = reconnectDelayMs;
        options.reconnect.maximumDelayMs = reconnectDelayMs;
        options.reconnect.jitter = 0;
    }
    clientA.setOptions(options);
    MqttClient subscriber;
    subscriber.setOptions(directOptions(version, u"faults-sub-%1"_s.arg(m_row)));
    MqttClient publisher;
    publisher.setOptions(directOptions(version, u"faults-pub-%1"_s.arg(m_row)));

    logArrivals(subscriber, outboundTopic, outboundArrivals);
    logArrivals(clientA, inboundTopic, inboundArrivals);
    connect(&clientA, &MqttClient::connected, this,
            [&resumesWithoutSession, &disconnectReasons](const ConnackPacket &connack) {
                if (!disconnectReasons.isEmpty() && !connack.sessionPresent)
                    ++resumesWithoutSession;
            });
    connect(&clientA, &MqttClient::disconnected, this,
            [&disconnectReasons](const QString &reason) { disconnectReasons.append(reason); });

    for (const auto &[client, filter] :
         {std::pair{&subscriber, outboundTopic}, std::pair{&clientA, inboundTopic},
          std::pair{&publisher, QByteArray()}}) {
        connectAndSubscribe(*client, QString::fromUtf8(filter), qos);
        if (QTest::currentTestFailed())
            return;
    }

    Publisher outbound(clientA, outboundTopic, qos, MessageCount);
    Publisher inbound(publisher, inboundTopic, qos, MessageCount);
    CutTally outboundCuts(outboundArrivals, [&outbound] { return outbound.isDone(); });
    CutTally inboundCuts(inboundArrivals,
                         [&inboundArrivals] { return inboundArrivals.isComplete(); });
    // One connection carries both directions: a cut hits both.
    Cutter cutter(proxy, [&] {
        outboundCuts.noteCut();
        inboundCuts.noteCut();
    });
    cutter.start(schedule);
    QElapsedTimer timer;
    timer.start();
    outbound.start();
    inbound.start();

    const auto allArrived = [&] {
        return outbound.isDone() && inbound.isDone() && outboundArrivals.isComplete()
            && inboundArrivals.isComplete();
    };
    const auto progress = [&] {
        return u"after %1 ms: A published %2/%3, subscriber got %4 distinct (%5 arrivals); "
               "publisher published %6/%3, A got %7 distinct (%8 arrivals); %9 cuts, %10 "
               "connections "
               "through the proxy; A is in state %11; publish failures: %12; last disconnect: %13"_s
                   .arg(timer.elapsed())
                   .arg(outbound.finished())
                   .arg(MessageCount)
                   .arg(outboundArrivals.distinct())
                   .arg(outboundArrivals.arrivals())
                   .arg(inbound.finished())
                   .arg(inboundArrivals.distinct())
                   .arg(inboundArrivals.arrivals())
                   .arg(cutter.cuts())
                   .arg(proxy.connectionCount())
                   .arg(int(clientA.state()))
                   .arg((outbound.failures() + inbound.failures()).join(u"; "_s),
                        disconnectReasons.isEmpty() ? u"none"_s : disconnectReasons.last());
    };
    const auto stuck = [&] {
        return !outbound.failures().isEmpty() || !inbound.failures().isEmpty();
    };
    waitFor([&] { return allArrived() || stuck(); }, GiveUpAfterMs);
    figures.elapsedMs = timer.elapsed();
    QVERIFY2(allArrived() && !stuck(), qPrintable(u"gave up "_s + progress()));

    cutter.stop();
    QTest::qWait(LateDuplicatesMs);
    qInfo().noquote() << progress();

    // Every reconnect found the session on the broker (session present, [MQTT-3.2.2-2]).
    QCOMPARE(resumesWithoutSession, 0);
    if (qos == 2) {
        // Exactly once (section 4.3.3 in both versions), in order per topic (section 4.6).
        const QString outboundProblem = outboundArrivals.exactlyOnceInOrder();
        QVERIFY2(outboundProblem.isEmpty(), qPrintable(u"A -> subscriber: "_s + outboundProblem));
        const QString inboundProblem = inboundArrivals.exactlyOnceInOrder();
        QVERIFY2(inboundProblem.isEmpty(), qPrintable(u"publisher -> A: "_s + inboundProblem));
    } else {
        // At least once: duplicates may come, but none is missing and first arrivals keep order
        // (section 4.3.2, section 4.6).
        const QString outboundProblem = outboundArrivals.everyOneFirstInOrder();
        QVERIFY2(outboundProblem.isEmpty(), qPrintable(u"A -> subscriber: "_s + outboundProblem));
        const QString inboundProblem = inboundArrivals.everyOneFirstInOrder();
        QVERIFY2(inboundProblem.isEmpty(), qPrintable(u"publisher -> A: "_s + inboundProblem));
    }
    QVERIFY(outbound.failures().isEmpty());
    QVERIFY(inbound.failures().isEmpty());

    const QByteArray log = m_broker.log();
    figures.out = {outboundArrivals.duplicates(), outboundCuts.cuts(),
                   outboundCuts.cutsWhileMoving(),
                   dupPublishes(log, "Received PUBLISH from", clientId)};
    figures.in = {inboundArrivals.duplicates(), inboundCuts.cuts(), inboundCuts.cutsWhileMoving(),
                  dupPublishes(log, "Sending PUBLISH to", clientId)};
    // Where QoS 1 duplicates may come from, and no more of them: out of A, its resends with DUP
    // of what the broker had already received, and no more PUBLISHes resent after a cut than
    // the window holds [MQTT-4.4.0-1]; into A, the broker's redeliveries, none of A's own making.
    const int window = ClientOptions::defaultMaximumInflight;
    QVERIFY2(figures.out.duplicates <= figures.out.resends
                 && figures.out.resends <= window * figures.out.cuts,
             qPrintable(u"A -> subscriber: %1 duplicates, %2 PUBLISHes resent through %3 cuts"_s
                            .arg(figures.out.duplicates)
                            .arg(figures.out.resends)
                            .arg(figures.out.cuts)));
    QVERIFY2(figures.in.duplicates <= figures.in.resends,
             qPrintable(u"publisher -> A: %1 duplicates, %2 PUBLISHes redelivered"_s
                            .arg(figures.in.duplicates)
                            .arg(figures.in.resends)));

    clientA.disconnectFromBroker();
    subscriber.disconnectFromBroker();
    publisher.disconnectFromBroker();
}

// The same flow at QoS 1 with mosquitto's own clients in place of client A: mosquitto_pub -l
// publishes through one cutting proxy, mosquitto_sub receives through another, each with a
// persistent session (-c -i) that it resumes by itself after every cut (libmosquitto's loop,
// after 1 s). Each connection carries one direction and each proxy counts its own cuts.
void tst_Faults::runMosquittoClients(ProtocolVersion version, const CutSchedule &schedule,
                                     FlowFigures &figures)
{
    ++m_row;
    const QString pubId = u"faults-mosquitto-pub-%1"_s.arg(m_row);
    const QString subId = u"faults-mosquitto-sub-%1"_s.arg(m_row);
    const QByteArray outboundTopic = "faults/%1/a"_ba.replace("%1", QByteArray::number(m_row));
    const QByteArray inboundTopic = "faults/%1/b"_ba.replace("%1", QByteArray::number(m_row));
    const quint16 brokerPort = m_broker.port(MosquittoBroker::Listener::Tcp);

    FaultProxy pubProxy;
    QVERIFY2(pubProxy.listen(u"127.0.0.1"_s, brokerPort), qPrintable(pubProxy.errorString()));
    FaultProxy subProxy;
    QVERIFY2(subProxy.listen(u"127.0.0.1"_s, brokerPort), qPrintable(subProxy.errorString()));
    SequenceLog outboundArrivals(MessageCount); // mosquitto_pub -> subscriber
    SequenceLog inboundArrivals(MessageCount); // publisher -> mosquitto_sub

    MqttClient subscriber;
    subscriber.setOptions(directOptions(version, u"faults-sub-%1"_s.arg(m_row)));
    MqttClient publisher;
    publisher.setOptions(directOptions(version, u"faults-pub-%1"_s.arg(m_row)));
    logArrivals(subscriber, outboundTopic, outboundArrivals);
    connectAndSubscribe(subscriber, QString::fromUtf8(outboundTopic), 1);
    if (QTest::currentTestFailed())
        return;
    connectAndSubscribe(publisher, {}, 1);
    if (QTest::currentTestFailed())
        return;

    const QStringList common{u"-h"_s, u"127.0.0.1"_s, u"-V"_s, versionArgument(version),

                             u"-k"_s, u"30"_s,        u"-q"_s, u"1"_s,
                             u"-c"_s};
    // Declared after the logs they report into and the proxies they talk through, so that they
    // go first; QProcess kills its process when it goes.
    QProcess mosquittoSub;
    logLines(mosquittoSub, inboundArrivals);
    mosquittoSub.start(m_mosquittoSub,
                       common
                           + QStringList{u"-p"_s, QString::number(subProxy.port()), u"-i"_s, subId,
                                         u"-t"_s, QString::fromUtf8(inboundTopic)});
    const QByteArray subscribed = "Sending SUBACK to " + subId.toUtf8() + '\n';
    QVERIFY2(waitFor([&] { return m_broker.log().contains(subscribed); }, 10000),
             qPrintable(u"mosquitto_sub did not subscribe within 10 s: "_s
                        + QString::fromUtf8(mosquittoSub.readAllStandardError())));
    QProcess mosquittoPub;
    mosquittoPub.start(m_mosquittoPub,
                       common
                           + QStringList{u"-p"_s, QString::number(pubProxy.port()), u"-i"_s, pubId,
                                         u"-t"_s, QString::fromUtf8(outboundTopic), u"-l"_s});
    const QByteArray connected = "Sending CONNACK to " + pubId.toUtf8() + " (";
    QVERIFY2(waitFor([&] { return m_broker.log().contains(connected); }, 10000),
             qPrintable(u"mosquitto_pub did not connect within 10 s: "_s
                        + QString::fromUtf8(mosquittoPub.readAllStandardError())));

    Publisher inbound(publisher, inboundTopic, 1, MessageCount);
    // mosquitto_pub exits once its last message is acknowledged.
    CutTally outboundCuts(outboundArrivals,
                          [&mosquittoPub] { return mosquittoPub.state() == QProcess::NotRunning; });
    CutTally inboundCuts(inboundArrivals,
                         [&inboundArrivals] { return inboundArrivals.isComplete(); });
    Cutter pubCutter(pubProxy, [&outboundCuts] { outboundCuts.noteCut(); });
    Cutter subCutter(subProxy, [&inboundCuts] { inboundCuts.noteCut(); });
    // By bytes, half: our client's one connection carries both directions.
    const CutSchedule perConnection{schedule.afterBytes / 2, schedule.lifetimeMs};
    pubCutter.start(perConnection);
    subCutter.start(perConnection);
    QByteArray lines;
    for (int i = 0; i < MessageCount; ++i)
        lines += QByteArray::number(i) + '\n';
    QElapsedTimer timer;
    timer.start();
    mosquittoPub.write(lines);
    mosquittoPub.closeWriteChannel();
    inbound.start();

    const auto allArrived = [&] {
        return inbound.isDone() && outboundArrivals.isComplete() && inboundArrivals.isComplete();
    };
    const auto progress = [&] {
        return u"after %1 ms: subscriber got %2 distinct of mosquitto_pub's (%3 arrivals), %4 "
               "cuts; publisher published %5/%6, mosquitto_sub got %7 distinct (%8 arrivals), %9 "
               "cuts; mosquitto_pub %10, mosquitto_sub %11; publish failures: %12"_s
                   .arg(timer.elapsed())
                   .arg(outboundArrivals.distinct())
                   .arg(outboundArrivals.arrivals())
                   .arg(pubCutter.cuts())
                   .arg(inbound.finished())
                   .arg(MessageCount)
                   .arg(inboundArrivals.distinct())
                   .arg(inboundArrivals.arrivals())
                   .arg(subCutter.cuts())
                   .arg(mosquittoPub.state() == QProcess::NotRunning
                            ? u"exited with %1: %2"_s.arg(mosquittoPub.exitCode())
                                  .arg(QString::fromUtf8(mosquittoPub.readAllStandardError())
                                           .trimmed())
                            : u"running"_s,
                        mosquittoSub.state() == QProcess::NotRunning ? u"exited"_s : u"running"_s,
                        inbound.failures().join(u"; "_s));
    };
    // Before its last message arrived mosquitto_pub must not have exited, nor mosquitto_sub ever.
    const auto stuck = [&] {
        return !inbound.failures().isEmpty() || mosquittoSub.state() == QProcess::NotRunning
            || (mosquittoPub.state() == QProcess::NotRunning && !outboundArrivals.isComplete());
    };
    waitFor([&] { return allArrived() || stuck(); }, GiveUpAfterMs);
    figures.elapsedMs = timer.elapsed();
    QVERIFY2(allArrived() && !stuck(), qPrintable(u"mosquitto clients: gave up "_s + progress()));

    QVERIFY2(waitFor([&] { return mosquittoPub.state() == QProcess::NotRunning; }, 10000),
             qPrintable(u"mosquitto_pub did not finish: "_s + progress()));
    pubCutter.stop();
    subCutter.stop();
    QTest::qWait(LateDuplicatesMs);
    QVERIFY2(mosquittoPub.exitStatus() == QProcess::NormalExit && mosquittoPub.exitCode() == 0,
             qPrintable(progress()));
    mosquittoSub.terminate();
    if (!waitFor([&] { return mosquittoSub.state() == QProcess::NotRunning; }, 5000))
        mosquittoSub.kill();
    qInfo().noquote() << u"mosquitto clients "_s + progress();

    // A reference only if it went through the same: nothing lost, first arrivals in order.
    const QString outboundProblem = outboundArrivals.everyOneFirstInOrder();
    QVERIFY2(outboundProblem.isEmpty(),
             qPrintable(u"mosquitto_pub -> subscriber: "_s + outboundProblem));
    const QString inboundProblem = inboundArrivals.everyOneFirstInOrder();
    QVERIFY2(inboundProblem.isEmpty(),
             qPrintable(u"publisher -> mosquitto_sub: "_s + inboundProblem));

    const QByteArray log = m_broker.log();
    figures.out = {outboundArrivals.duplicates(), outboundCuts.cuts(),
                   outboundCuts.cutsWhileMoving(),
                   dupPublishes(log, "Received PUBLISH from", pubId)};
    figures.in = {inboundArrivals.duplicates(), inboundCuts.cuts(), inboundCuts.cutsWhileMoving(),
                  dupPublishes(log, "Sending PUBLISH to", subId)};
    subscriber.disconnectFromBroker();
    publisher.disconnectFromBroker();
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
    QTRY_VERIFY_WITH_TIMEOUT(
        fake.connectionCount() == 2 && client.state() == ClientState::Connected, 5000);
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

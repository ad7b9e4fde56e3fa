// SPDX-License-Identifier: GPL-3.0-or-later
// The Replayer against real mosquitto brokers: what it publishes arrives byte for byte (with the
// rewrite and overrides), on the recorded schedule within a stated tolerance, as fast as the
// broker takes it with every message acknowledged, and a refused message is listed with why.
#include "messagebuilder.h"
#include "mosquittobroker.h"
#include "testclient.h"
#include "testversions.h"
#include "versionchoice.h"

#include "replay/messagelistsource.h"
#include "replay/replayer.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

Q_DECLARE_METATYPE(mqttscope::Message)

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr qint64 recordingStartUs = 1'700'000'000'000'000;

RecordedMessage
recorded(qint64 id, qint64 offsetMs, const Message &message,
         RecordedMessage::Direction direction = RecordedMessage::Direction::Received)
{
    RecordedMessage r;
    r.id = id;
    r.timeUs = recordingStartUs + offsetMs * 1000;
    r.direction = direction;
    r.message = message;
    r.message.receivedMsecsSinceEpoch = r.timeUs / 1000;
    return r;
}

// Every kind of message a recording holds: binary, empty and large payloads, each QoS, retained
// or not, and (at 5.0) every property a PUBLISH may carry from a client, plus the two only a
// server may send, which the replay must drop.
QList<RecordedMessage> variedMessages(ProtocolVersion version)
{
    QList<RecordedMessage> messages;
    const auto add = [&](const QByteArray &topic, const QByteArray &payload, int qos, bool retain,
                         const Properties &properties = {}) {
        Message m;
        m.topic = topic;
        m.payload = payload;
        m.qos = quint8(qos);
        m.retain = retain;
        m.dup = qos > 0; // as a resend was recorded; the replay sends it fresh
        if (version == ProtocolVersion::V5)
            m.properties = properties;
        messages.append(recorded(messages.size() + 1, messages.size() * 5, m));
    };
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    Properties all;
    all.payloadFormatIndicator = 1;
    all.messageExpiryInterval = 3600;
    all.contentType = u"application/json"_s;
    all.responseTopic = u"prod/reply"_s;
    all.correlationData = "\x00\x01\xff"_ba;
    all.userProperties = {{u"k"_s, u"v"_s}, {u"k"_s, u"second"_s}, {u"\u00e9"_s, u""_s}};
    Properties serverOnly;
    serverOnly.subscriptionIdentifiers = {7};
    serverOnly.topicAlias = 3;
    serverOnly.contentType = u"text/plain"_s;
    add("prod/text", "hello", 0, false);
    add("prod/binary", binary, 1, false);
    add("prod/empty", "", 2, false);
    add("prod/retained", "kept", 1, true);
    add("prod/properties", R"({"a":1})", 2, false, all);
    add("prod/server-only", "x", 1, false, serverOnly);
    add("prod/large", QByteArray(300 * 1024, 'L'), 1, false);
    add("other" + versionTag(version).toUtf8() + "/not-rewritten", "o", 0, false);
    add("prod/deep/er/topic", "d", 1, true, all);
    return messages;
}

// The properties a subscriber should see for a replayed message.
Properties expectedProperties(const Properties &recorded)
{
    Properties expected = recorded;
    expected.subscriptionIdentifiers.clear();
    expected.topicAlias.reset();
    return expected;
}

ClientOptions clientOptions(const MosquittoBroker &broker, ProtocolVersion version,
                            const QString &clientId)
{
    ClientOptions options;
    options.endpoint = broker.endpoint(MosquittoBroker::Listener::Tcp);
    options.version = versionChoice(version);
    options.clientId = clientId;
    options.reconnect.enabled = false;
    return options;
}

// A subscriber on `filter` at QoS 2 (retain as published at 5.0, so the flag can be compared).
bool subscribe(TestClient &subscriber, const MosquittoBroker &broker, ProtocolVersion version,
               const QStringList &filters, const QString &clientId = u"capture"_s)
{
    subscriber->setOptions(clientOptions(broker, version, clientId));
    if (!connectClient(subscriber))
        return false;
    QList<Subscription> subscriptions;
    for (const QString &filter : filters) {
        Subscription subscription{filter, 2};
        subscription.retainAsPublished = version == ProtocolVersion::V5;
        subscriptions.append(subscription);
    }
    return subscribeAndWait(subscriber, subscriptions);
}

// Runs a replay of `messages` to its end; the summary, or a failed test.
ReplaySummary runReplay(MqttClient &client, const QList<RecordedMessage> &messages,
                        const ReplayOptions &options, Replayer **kept = nullptr,
                        int timeoutMs = 20000)
{
    auto *replayer = new Replayer(&client, &client);
    replayer->setOptions(options);
    replayer->setSource(std::make_unique<MessageListSource>(messages));
    QSignalSpy finished(replayer, &Replayer::finished);
    replayer->start();
    if (!finished.wait(timeoutMs))
        qWarning("replay did not finish: %lld of %lld sent", replayer->progress().sent,
                 replayer->progress().total);
    if (kept)
        *kept = replayer;
    return finished.isEmpty() ? ReplaySummary() : finished.first().first().value<ReplaySummary>();
}

QString failureList(const ReplaySummary &summary)
{
    QStringList lines;
    for (const ReplayFailure &failure : summary.failures)
        lines.append(QString::fromUtf8(failure.topic) + u": "_s + failure.reason);
    lines.append(summary.error);
    return lines.join(u"; "_s);
}

} // namespace

class tst_Replay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void replayedByteForByte_data() { addVersionRows(); }
    void replayedByteForByte();
    void overrides_data() { addVersionRows(); }
    void overrides();
    void publishedMessagesOnlyWhenChosen();
    void recordedTiming();
    void pauseShiftsTheSchedule();
    void asFast_data();
    void asFast();
    void refusedMessagesAreListed_data();
    void refusedMessagesAreListed();
    void lostConnectionEndsTheReplay();

private:
    MosquittoBroker m_broker;
};

void tst_Replay::initTestCase()
{
    MQTTSCOPE_START_BROKER(m_broker, {MosquittoBroker::Listener::Tcp},
                           MosquittoBroker::largeQueue());
}

void tst_Replay::replayedByteForByte()
{
    QFETCH(ProtocolVersion, version);
    const QString tag = versionTag(version);
    TestClient live;
    QVERIFY(subscribe(live, m_broker, version,
                      {u"test"_s + tag + u"/#"_s, u"other"_s + tag + u"/#"_s}, u"live"_s + tag));
    const QList<RecordedMessage> messages = variedMessages(version);

    MqttClient replaying;
    replaying.setOptions(clientOptions(m_broker, version, u"replay"_s + tag));
    ReplayOptions options;
    options.pace = ReplayOptions::Pace::AsFast;
    options.rewriteFrom = "prod/";
    options.rewriteTo = "test" + tag.toUtf8() + "/";
    const ReplaySummary summary = runReplay(replaying, messages, options);
    QVERIFY2(summary.succeeded(), qPrintable(failureList(summary)));
    QCOMPARE(summary.progress.sent, messages.size());
    QCOMPARE(summary.progress.acknowledged, messages.size());

    QTRY_COMPARE(live.recorder.messages.size(), messages.size());
    for (const RecordedMessage &r : messages) {
        const Message &sent = r.message;
        const QByteArray topic = options.rewrittenTopic(sent.topic);
        QCOMPARE(topic.startsWith("prod/"), false);
        const QList<Message> arrived = live.recorder.messagesOn(topic);
        QVERIFY2(arrived.size() == 1, topic.constData());
        const Message &got = arrived.first();
        QCOMPARE(got.payload, sent.payload);
        QCOMPARE(got.qos, sent.qos);
        QCOMPARE(got.dup, false);
        Properties gotProperties = got.properties;
        gotProperties.subscriptionIdentifiers.clear(); // none subscribed with one
        if (version == ProtocolVersion::V5) {
            QCOMPARE(got.retain, sent.retain); // retain as published
            // The broker forwards the lifetime left [MQTT-3.3.2-6]: a second may have passed.
            if (sent.properties->messageExpiryInterval) {
                QVERIFY(gotProperties.messageExpiryInterval);
                QVERIFY(*sent.properties->messageExpiryInterval
                            - *gotProperties.messageExpiryInterval
                        <= 1);
                gotProperties.messageExpiryInterval = sent.properties->messageExpiryInterval;
            }
            QCOMPARE(gotProperties, expectedProperties(sent.properties));
        } else {
            QVERIFY(gotProperties.isEmpty());
        }
    }
    // The retained ones are kept with their bytes: a subscriber that comes later gets them
    // with the retain flag set [MQTT-3.3.1-9].
    TestClient later;
    QVERIFY(subscribe(later, m_broker, version, {u"test"_s + tag + u"/#"_s}, u"later"_s + tag));
    QTRY_COMPARE(later.recorder.messages.size(), 2);
    for (const Message &got : std::as_const(later.recorder.messages)) {
        QVERIFY(got.retain);
        const auto it = std::find_if(messages.cbegin(), messages.cend(), [&](const auto &r) {
            return options.rewrittenTopic(r.message.topic) == got.topic;
        });
        QVERIFY(it != messages.cend());
        QCOMPARE(got.payload, it->message.payload);
    }
}

void tst_Replay::overrides()
{
    QFETCH(ProtocolVersion, version);
    const QString tag = versionTag(version);
    TestClient live;
    QVERIFY(subscribe(live, m_broker, version, {u"ov"_s + tag + u"/#"_s}, u"live-ov"_s + tag));
    QList<RecordedMessage> messages;
    Properties recordedProperties;
    recordedProperties.contentType = u"recorded"_s;
    for (int i = 0; i < 3; ++i) {
        Message m = MessageBuilder("prod/" + QByteArray::number(i)).payload("p").qos(i);
        if (version == ProtocolVersion::V5)
            m.properties = recordedProperties;
        messages.append(recorded(i + 1, i, m));
    }
    MqttClient replaying;
    replaying.setOptions(clientOptions(m_broker, version, u"replay-ov"_s + tag));
    ReplayOptions options;
    options.pace = ReplayOptions::Pace::AsFast;
    options.qos = 1;
    options.retain = false;
    Properties replacement;
    replacement.userProperties = {{u"replayed"_s, u"yes"_s}};
    options.properties = replacement;
    options.rewriteFrom = "prod/";
    options.rewriteTo = "ov" + tag.toUtf8() + "/";
    const ReplaySummary summary = runReplay(replaying, messages, options);
    QVERIFY2(summary.succeeded(), qPrintable(failureList(summary)));
    QTRY_COMPARE(live.recorder.messages.size(), 3);
    for (const Message &got : std::as_const(live.recorder.messages)) {
        QCOMPARE(got.qos, 1);
        QCOMPARE(got.retain, false);
        if (version == ProtocolVersion::V5)
            QCOMPARE(Properties(got.properties), replacement);
    }
}

void tst_Replay::publishedMessagesOnlyWhenChosen()
{
    const ProtocolVersion version = ProtocolVersion::V5;
    TestClient live;
    QVERIFY(subscribe(live, m_broker, version, {u"dir/#"_s}, u"live-dir"_s));
    const QList<RecordedMessage> messages{
        recorded(1, 0, MessageBuilder("dir/received").payload("r")),
        recorded(2, 1, MessageBuilder("dir/published").payload("p"),
                 RecordedMessage::Direction::Published),
    };
    for (const bool both : {false, true}) {
        live.recorder.messages.clear();
        MqttClient replaying;
        replaying.setOptions(clientOptions(m_broker, version, u"replay-dir"_s));
        ReplayOptions options;
        options.pace = ReplayOptions::Pace::AsFast;
        options.replayPublished = both;
        const ReplaySummary summary = runReplay(replaying, messages, options);
        QVERIFY(summary.succeeded());
        QCOMPARE(summary.progress.sent, both ? 2 : 1);
        QCOMPARE(summary.progress.skipped, both ? 0 : 1);
        QTRY_COMPARE(live.recorder.messages.size(), both ? 2 : 1);
        QCOMPARE(live.recorder.messages.first().topic, "dir/received");
    }
}

// At 1x each message reaches a subscriber on the same machine within 50 ms of its recorded
// offset (measured from the first). The replayer itself keeps to a millisecond (bench/replay
// measures it); the rest of the 50 ms is room for a loaded CI machine, where two cores run the
// broker, both clients and other tests, and a thread may wait a scheduler slice or two.
void tst_Replay::recordedTiming()
{
    const ProtocolVersion version = ProtocolVersion::V5;
    TestClient live;
    QVERIFY(subscribe(live, m_broker, version, {u"timing/#"_s}, u"live-timing"_s));
    QList<RecordedMessage> messages;
    const int gapsMs[] = {0, 3, 40, 0, 120, 7, 250, 1, 60, 15};
    qint64 offsetMs = 0;
    for (int i = 0; i < 40; ++i) {
        offsetMs += gapsMs[i % 10];
        messages.append(recorded(i + 1, offsetMs,
                                 MessageBuilder("timing/" + QByteArray::number(i)).payload("t")));
    }
    MqttClient replaying;
    replaying.setOptions(clientOptions(m_broker, version, u"replay-timing"_s));
    ReplayOptions options;
    options.keepTimings = true;
    Replayer *replayer = nullptr;
    const ReplaySummary summary = runReplay(replaying, messages, options, &replayer);
    QVERIFY2(summary.succeeded(), qPrintable(failureList(summary)));
    QTRY_COMPARE(live.recorder.messages.size(), messages.size());

    constexpr qint64 toleranceMs = 50;
    const QList<ReplayTiming> &timings = replayer->timings();
    QCOMPARE(timings.size(), messages.size());
    const qint64 firstArrival = live.recorder.messages.first().receivedMsecsSinceEpoch;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const qint64 recordedOffsetMs = (messages.at(i).timeUs - recordingStartUs) / 1000;
        QCOMPARE(timings.at(i).scheduledUs - timings.first().scheduledUs, recordedOffsetMs * 1000);
        QVERIFY2(qAbs(timings.at(i).sentUs - timings.at(i).scheduledUs) <= toleranceMs * 1000,
                 qPrintable(u"message %1 sent %2 us after its time"_s.arg(i).arg(
                     timings.at(i).sentUs - timings.at(i).scheduledUs)));
        const Message &got = live.recorder.messages.at(i);
        QCOMPARE(got.topic, messages.at(i).message.topic); // QoS 0 from one client: in order
        const qint64 arrivalOffsetMs = got.receivedMsecsSinceEpoch - firstArrival;
        QVERIFY2(qAbs(arrivalOffsetMs - recordedOffsetMs) <= toleranceMs,
                 qPrintable(u"message %1 arrived at %2 ms, recorded at %3 ms"_s.arg(i)
                                .arg(arrivalOffsetMs)
                                .arg(recordedOffsetMs)));
    }
    // Nothing is sent early: the whole run lasts at least the recording's span, but for the
    // half millisecond the replayer may send ahead of a due time (it wakes on a millisecond
    // timer) and elapsedMs counting whole milliseconds.
    QVERIFY2(summary.progress.elapsedMs >= offsetMs - 1,
             qPrintable(
                 u"the run took %1 ms, the recording spans %2 ms"_s.arg(summary.progress.elapsedMs)
                     .arg(offsetMs)));
}

void tst_Replay::pauseShiftsTheSchedule()
{
    const ProtocolVersion version = ProtocolVersion::V5;
    QList<RecordedMessage> messages;
    for (int i = 0; i < 10; ++i)
        messages.append(recorded(i + 1, i * 100, MessageBuilder("pause/t").payload("p")));
    MqttClient replaying;
    replaying.setOptions(clientOptions(m_broker, version, u"replay-pause"_s));
    ReplayOptions options;
    options.speed = 2; // 450 ms in all
    options.keepTimings = true;
    Replayer replayer(&replaying);
    replayer.setOptions(options);
    replayer.setSource(std::make_unique<MessageListSource>(messages));
    QSignalSpy finished(&replayer, &Replayer::finished);
    replayer.start();
    QTRY_VERIFY(replayer.progress().sent >= 3);
    replayer.pause();
    const qint64 sentWhenPaused = replayer.progress().sent;
    QCOMPARE(replayer.state(), ReplayState::Paused);
    QTest::qWait(300);
    QCOMPARE(replayer.progress().sent, sentWhenPaused); // nothing while paused
    replayer.resume();
    QVERIFY(finished.wait(5000));
    const QList<ReplayTiming> &timings = replayer.timings();
    QCOMPARE(timings.size(), 10);
    // Before the pause on the recorded schedule; after it, that schedule 300 ms (+ the time
    // the test took to pause) later.
    const qint64 startUs = timings.first().scheduledUs;
    for (qsizetype i = 0; i < sentWhenPaused; ++i)
        QCOMPARE(timings.at(i).scheduledUs - startUs, i * 50'000);
    for (qsizetype i = sentWhenPaused; i < 10; ++i) {
        const qint64 shiftUs = timings.at(i).scheduledUs - startUs - i * 50'000;
        QVERIFY2(shiftUs >= 300'000 && shiftUs < 600'000, qPrintable(QString::number(shiftUs)));
        QVERIFY(timings.at(i).sentUs >= timings.at(i).scheduledUs - 1000);
    }
}

void tst_Replay::asFast_data()
{
    QTest::addColumn<int>("qos");
    QTest::newRow("QoS 0") << 0; // no window: bounded by what waits for the socket
    QTest::newRow("QoS 1") << 1;
    QTest::newRow("QoS 2") << 2;
}

// 1,000 unpaced messages into a mosquitto with its default delivery limits (20 in flight): the
// replay keeps within the client's window, so every one is acknowledged and none is dropped.
void tst_Replay::asFast()
{
    QFETCH(int, qos);
    MosquittoBroker broker; // default config: max_inflight_messages 20, max_queued 1000
    MQTTSCOPE_START_BROKER(broker);
    const ProtocolVersion version = ProtocolVersion::V311;
    TestClient live;
    QVERIFY(subscribe(live, broker, version, {u"fast/#"_s}));
    QList<RecordedMessage> messages;
    for (int i = 0; i < 1000; ++i) {
        messages.append(recorded(i + 1, i * 1000, // 1,000 s of recording
                                 MessageBuilder("fast/" + QByteArray::number(i % 10))
                                     .payload(QByteArray::number(i))
                                     .qos(qos)));
    }
    MqttClient replaying;
    replaying.setOptions(clientOptions(broker, version, u"replay-fast"_s));
    ReplayOptions options;
    options.pace = ReplayOptions::Pace::AsFast;
    const ReplaySummary summary = runReplay(replaying, messages, options);
    QVERIFY2(summary.succeeded(), qPrintable(failureList(summary)));
    QCOMPARE(summary.progress.acknowledged, 1000);
    QCOMPARE(summary.progress.failed, 0);
    QTRY_COMPARE(live.recorder.messages.size(), 1000);
    QSet<QByteArray> payloads;
    for (const Message &got : std::as_const(live.recorder.messages))
        payloads.insert(got.payload);
    QCOMPARE(payloads.size(), 1000);
}

void tst_Replay::refusedMessagesAreListed_data()
{
    QTest::addColumn<QStringList>("config");
    QTest::addColumn<Message>("refused");
    QTest::addColumn<QString>("reason");
    // The limits mosquitto announces in its CONNACK; the client refuses what exceeds them
    // before sending. (A message over message_size_limit mosquitto 2.0.11 answers with PUBACK
    // 0x95, a code PUBACK may not carry, which ends the connection as a protocol error; one its
    // ACL denies it acknowledges with success.)
    QTest::newRow("packet too large")
        << QStringList{u"max_packet_size 2000"_s}
        << Message(MessageBuilder("ok/2").payload(QByteArray(4000, 'x')).qos(1))
        << u"the server accepts at most 2000 bytes"_s;
    QTest::newRow("retain not available")
        << QStringList{u"retain_available false"_s}
        << Message(MessageBuilder("ok/2").payload("r").qos(1).retain())
        << u"does not support retained messages"_s;
}

void tst_Replay::refusedMessagesAreListed()
{
    QFETCH(QStringList, config);
    QFETCH(Message, refused);
    QFETCH(QString, reason);
    MosquittoBroker broker;
    MQTTSCOPE_START_BROKER(broker, {MosquittoBroker::Listener::Tcp}, config);
    const ProtocolVersion version = ProtocolVersion::V5;
    TestClient live;
    QVERIFY(subscribe(live, broker, version, {u"ok/#"_s}));
    const QList<RecordedMessage> messages{
        recorded(1, 0, MessageBuilder("ok/1").payload("small").qos(1)),
        recorded(2, 1, refused),
        recorded(3, 2, MessageBuilder("ok/3").payload("small").qos(1)),
    };
    MqttClient replaying;
    replaying.setOptions(clientOptions(broker, version, u"replay-refused"_s));
    ReplayOptions options;
    options.pace = ReplayOptions::Pace::AsFast;
    const ReplaySummary summary = runReplay(replaying, messages, options);
    QVERIFY(!summary.succeeded());
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.progress.sent, 3);
    QCOMPARE(summary.progress.acknowledged, 2);
    QCOMPARE(summary.progress.failed, 1);
    QCOMPARE(summary.failures.size(), 1);
    QCOMPARE(summary.failures.first().recordedId, 2);
    QCOMPARE(summary.failures.first().topic, "ok/2");
    QVERIFY2(summary.failures.first().reason.contains(reason),
             qPrintable(summary.failures.first().reason));
    QTRY_COMPARE(live.recorder.messages.size(), 2);
    QCOMPARE(live.recorder.messages.at(1).topic, "ok/3");
}

void tst_Replay::lostConnectionEndsTheReplay()
{
    MosquittoBroker broker;
    MQTTSCOPE_START_BROKER(broker);
    QList<RecordedMessage> messages;
    for (int i = 0; i < 20; ++i)
        messages.append(recorded(i + 1, i * 100, MessageBuilder("lost/t").payload("p")));
    MqttClient replaying;
    replaying.setOptions(clientOptions(broker, ProtocolVersion::V5, u"replay-lost"_s));
    Replayer replayer(&replaying);
    replayer.setSource(std::make_unique<MessageListSource>(messages));
    QSignalSpy finished(&replayer, &Replayer::finished);
    replayer.start();
    QTRY_VERIFY(replayer.progress().sent >= 2);
    broker.kill();
    QVERIFY(finished.wait(5000));
    const ReplaySummary summary = finished.first().first().value<ReplaySummary>();
    QVERIFY(!summary.succeeded());
    QVERIFY2(summary.error.startsWith(u"The connection ended: Connection closed"_s),
             qPrintable(summary.error));
    QVERIFY(summary.progress.sent < 20);
}

QTEST_GUILESS_MAIN(tst_Replay)
#include "tst_replay.moc"

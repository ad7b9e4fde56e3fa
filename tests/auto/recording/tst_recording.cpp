// SPDX-License-Identifier: GPL-3.0-or-later
// RecordingWriter and RecordingReader on files in a temporary folder: what goes in comes out byte
// for byte, the reader's views of a known recording, bad files refused, the size budget.

#include "messagebuilder.h"
#include "recording/messagejson.h"
#include "recording/recordingreader.h"
#include "recording/recordingwriter.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace mqttscope;
using namespace mqttscope::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 baseMs = 1714564800000; // 2024-05-01T12:00:00Z

Properties fullProperties()
{
    Properties p;
    p.payloadFormatIndicator = 1;
    p.messageExpiryInterval = 3600;
    p.contentType = u"application/json"_s;
    p.responseTopic = u"reply/\u00e9t\u00e9"_s;
    p.correlationData = QByteArray("\x00\xff\x01\x80", 4); // not UTF-8: stored as base64
    p.subscriptionIdentifiers = {7, 268435455};
    p.userProperties = {{u"b"_s, u"2"_s}, {u"a"_s, u"1"_s}, {u"b"_s, u"3"_s}, {u""_s, u"\n\""_s}};
    return p;
}

// The messages of the round trip: binary, empty, properties of every kind, 3.1.1 without any.
QList<Message> sampleMessages()
{
    Properties textCorrelation;
    textCorrelation.correlationData = "request-42";
    Message dup = message("t/dup").payload("again").qos(1).receivedAt(baseMs + 3);
    dup.dup = true;
    return {
        message("t/binary").payload(everyByteValue()).qos(0).receivedAt(baseMs),
        message("t/empty").payload({}).qos(1).retain().receivedAt(baseMs + 1),
        message("t/props")
            .payload("{\"a\":1}")
            .qos(2)
            .properties(fullProperties())
            .receivedAt(baseMs + 1),
        message("t/corr").payload("x").properties(textCorrelation).receivedAt(baseMs + 2),
        dup,
        message("t/\u00fcnic\u00f6de/\x01"_ba)
            .payload(QByteArray(70000, 'z'))
            .receivedAt(baseMs + 1500),
    };
}

} // namespace

class tst_Recording : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTripsEveryByte();
    void recordsWhatWasPublished();
    void keepsOnlyMatchingTopics();
    void appendsToAnExistingRecording();
    void summaryAndViews();
    void rateFromSeconds();
    void readsWhileWritten();
    void refusesWhatIsNotARecording();
    void refusesANewerFormat();
    void unwritablePathFails();
    void budgetStops();
    void budgetDropsOldest();
    void messageJsonRoundTrip_data();
    void messageJsonRoundTrip();
    void messageJsonRejects_data();
    void messageJsonRejects();

private:
    QString file(const QString &name) const { return m_dir.filePath(name); }
    // Records `messages` into `path` and stops.
    void record(const QString &path, const QList<Message> &messages,
                const RecordingOptions &options = {});

    QTemporaryDir m_dir;
};

void tst_Recording::init()
{
    QVERIFY(m_dir.isValid());
}

void tst_Recording::record(const QString &path, const QList<Message> &messages,
                           const RecordingOptions &options)
{
    RecordingWriter writer;
    QString error;
    QVERIFY2(writer.start(path, options, &error), qPrintable(error));
    writer.recordReceived(messages);
    writer.stop();
    QCOMPARE(writer.status().state, RecordingStatus::State::Stopped);
    QCOMPARE(writer.status().error, QString());
}

void tst_Recording::roundTripsEveryByte()
{
    const QString path = file(u"roundtrip.mqttrec"_s);
    const QList<Message> messages = sampleMessages();
    record(path, messages);

    QString error;
    auto reader = RecordingReader::open(path, &error);
    QVERIFY2(reader, qPrintable(error));
    const QList<RecordedMessage> read = reader->messagesAfter(0, INT64_MAX, 1000);
    QCOMPARE(read.size(), messages.size());
    for (qsizetype i = 0; i < read.size(); ++i) {
        QCOMPARE(read.at(i).id, i + 1);
        QCOMPARE(read.at(i).timeUs, messages.at(i).receivedMsecsSinceEpoch * 1000);
        QCOMPARE(read.at(i).direction, RecordedMessage::Direction::Received);
        QCOMPARE(read.at(i).message.topic, messages.at(i).topic);
        QCOMPARE(read.at(i).message.payload, messages.at(i).payload);
        QCOMPARE(read.at(i).message.properties.get(), messages.at(i).properties.get());
        QCOMPARE(read.at(i).message, messages.at(i)); // and qos, retain, dup, time
    }
    QVERIFY(read.at(0).message.properties.isEmpty()); // 3.1.1: no properties, NULL in the file
    QCOMPARE(read.at(2).message.properties->userProperties, fullProperties().userProperties);
}

void tst_Recording::recordsWhatWasPublished()
{
    const QString path = file(u"published.mqttrec"_s);
    RecordingWriter writer;
    QVERIFY(writer.start(path, {}, nullptr));
    writer.recordPublished(message("out/a").payload("sent").qos(1).properties(fullProperties()));
    RecordingOptions notPublished;
    notPublished.recordPublished = false;
    writer.stop();
    QVERIFY(writer.start(path, notPublished, nullptr));
    writer.recordPublished(message("out/b").payload("not recorded"));
    writer.stop();

    auto reader = RecordingReader::open(path, nullptr);
    QVERIFY(reader);
    const QList<RecordedMessage> read = reader->messagesAfter(0, INT64_MAX, 10);
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.at(0).direction, RecordedMessage::Direction::Published);
    QCOMPARE(read.at(0).message.payload, "sent"_ba);
    QCOMPARE(read.at(0).message.properties.get(), fullProperties());
    const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    QVERIFY(qAbs(read.at(0).timeUs - nowUs) < 60'000'000);
}

void tst_Recording::keepsOnlyMatchingTopics()
{
    const QString path = file(u"filtered.mqttrec"_s);
    RecordingOptions options;
    options.topicFilters = {u"keep/+"_s, u"also/#"_s};
    record(path,
           {message("keep/a").receivedAt(baseMs), message("drop/a").receivedAt(baseMs),
            message("keep/a/b").receivedAt(baseMs), message("also/x/y").receivedAt(baseMs)},
           options);
    auto reader = RecordingReader::open(path, nullptr);
    QVERIFY(reader);
    QList<QByteArray> topics;
    for (const RecordedMessage &m : reader->messagesAfter(0, INT64_MAX, 10))
        topics.append(m.message.topic);
    QCOMPARE(topics, (QList<QByteArray>{"keep/a", "also/x/y"}));
    QCOMPARE(reader->summary().metadata.value(u"topic_filters"_s), u"keep/+\nalso/#"_s);
}

void tst_Recording::appendsToAnExistingRecording()
{
    const QString path = file(u"append.mqttrec"_s);
    record(path, {message("a").payload("1").receivedAt(baseMs)});
    RecordingOptions options;
    options.metadata.insert(u"broker"_s, u"localhost:1883"_s);
    record(path,
           {message("a").payload("2").receivedAt(baseMs + 1),
            message("b").payload("3").receivedAt(baseMs + 2)},
           options);
    auto reader = RecordingReader::open(path, nullptr);
    QVERIFY(reader);
    const RecordingReader::Summary summary = reader->summary();
    QCOMPARE(summary.messageCount, 3);
    QCOMPARE(summary.topicCount, 2); // "a" interned once across both sessions
    QCOMPARE(summary.metadata.value(u"broker"_s), u"localhost:1883"_s);
    QCOMPARE(summary.metadata.value(u"format_version"_s), u"1"_s);
    QVERIFY(!summary.metadata.value(u"created"_s).isEmpty());
}

void tst_Recording::summaryAndViews()
{
    const QString path = file(u"views.mqttrec"_s);
    // Topic a at 0, 10, 20 s; b at 5, 15 s.
    const auto at = [](QByteArray topic, QByteArray payload, int seconds) -> Message {
        return message(std::move(topic))
            .payload(std::move(payload))
            .receivedAt(baseMs + seconds * 1000);
    };
    record(path,
           {at("a", "a0", 0), at("b", "b5", 5), at("a", "a10", 10), at("b", "b15", 15),
            at("a", "a20", 20)});
    auto reader = RecordingReader::open(path, nullptr);
    QVERIFY(reader);
    const RecordingReader::Summary summary = reader->summary();
    QCOMPARE(summary.messageCount, 5);
    QCOMPARE(summary.topicCount, 2);
    QCOMPARE(summary.firstId, 1);
    QCOMPARE(summary.lastId, 5);
    QCOMPARE(summary.firstTimeUs, baseMs * 1000);
    QCOMPARE(summary.lastTimeUs, (baseMs + 20000) * 1000);

    const auto payloads = [](const QList<RecordedMessage> &messages) {
        QList<QByteArray> list;
        for (const RecordedMessage &m : messages)
            list.append(m.message.payload);
        return list;
    };
    const qint64 t0 = baseMs * 1000;
    QCOMPARE(payloads(reader->stateAt(t0 + 12'000'000)), (QList<QByteArray>{"a10", "b5"}));
    QCOMPARE(payloads(reader->stateAt(t0 + 15'000'000)), (QList<QByteArray>{"a10", "b15"}));
    QCOMPARE(payloads(reader->stateAt(t0 + 2'000'000)), (QList<QByteArray>{"a0"}));
    QCOMPARE(payloads(reader->stateAt(t0 - 1)), QList<QByteArray>());

    QCOMPARE(reader->topics().size(), 2);
    const qint64 a = reader->topics().at(0).id;
    QCOMPARE(reader->topics().at(0).name, "a"_ba);
    QCOMPARE(payloads(reader->topicMessages(a, t0, t0 + 20'000'000, 10)),
             (QList<QByteArray>{"a0", "a10", "a20"}));
    // More than the limit: the newest, oldest first.
    QCOMPARE(payloads(reader->topicMessages(a, t0, t0 + 20'000'000, 2)),
             (QList<QByteArray>{"a10", "a20"}));
    QCOMPARE(payloads(reader->topicMessages(a, t0 + 1, t0 + 19'000'000, 10)),
             (QList<QByteArray>{"a10"}));

    QCOMPARE(reader->idBefore(t0 + 10'000'000), 2);
    QCOMPARE(payloads(reader->messagesAfter(reader->idBefore(t0 + 10'000'000), INT64_MAX, 2)),
             (QList<QByteArray>{"a10", "b15"}));
    QCOMPARE(payloads(reader->messagesAfter(0, t0 + 5'000'000, 100)),
             (QList<QByteArray>{"a0", "b5"}));
    QCOMPARE(reader->idBefore(t0 + 99'000'000), 5);
}

void tst_Recording::rateFromSeconds()
{
    const QString path = file(u"rate.mqttrec"_s);
    QList<Message> messages;
    // 3 messages in second 0, 1 in second 5, 2 in second 9 (payloads of 10 bytes).
    for (const int second : {0, 0, 0, 5, 9, 9})
        messages.append(
            message("r").payload(QByteArray(10, 'x')).receivedAt(baseMs + second * 1000));
    record(path, messages);
    auto reader = RecordingReader::open(path, nullptr);
    QVERIFY(reader);
    const QList<RecordingReader::RateBucket> rate = reader->rate(2);
    QCOMPARE(rate.size(), 2);
    QCOMPARE(rate.at(0).startUs, baseMs * 1000);
    QCOMPARE(rate.at(0).messages, 3);
    QCOMPARE(rate.at(1).messages, 3);
    QCOMPARE(rate.at(0).bytes, 30);
    qint64 total = 0;
    for (const RecordingReader::RateBucket &bucket : reader->rate(10))
        total += bucket.messages;
    QCOMPARE(total, 6);
    QVERIFY(reader->rate(0).isEmpty());
}

void tst_Recording::readsWhileWritten()
{
    const QString path = file(u"live.mqttrec"_s);
    RecordingWriter writer;
    QSignalSpy statuses(&writer, &RecordingWriter::statusChanged);
    QVERIFY(writer.start(path, {}, nullptr));
    writer.recordReceived({message("live").payload("1").receivedAt(baseMs)});
    QTRY_COMPARE(writer.status().messagesWritten, 1);
    auto reader = RecordingReader::open(path, nullptr);
    QVERIFY(reader);
    QCOMPARE(reader->summary().messageCount, 1);
    writer.recordReceived({message("live").payload("2").receivedAt(baseMs + 1)});
    QTRY_COMPARE(reader->summary().messageCount, 2);
    writer.stop();
    QCOMPARE(reader->messagesAfter(0, INT64_MAX, 10).size(), 2);
    QVERIFY(!statuses.isEmpty());
    QCOMPARE(statuses.last().at(0).value<RecordingStatus>().state, RecordingStatus::State::Stopped);
}

void tst_Recording::refusesWhatIsNotARecording()
{
    QString error;
    QVERIFY(!RecordingReader::open(file(u"missing.mqttrec"_s), &error));
    QVERIFY2(error.contains(u"does not exist"_s), qPrintable(error));

    const QString text = file(u"text.mqttrec"_s);
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("topic payload\nnot a database at all, but long enough to look like a header....\n");
    f.close();
    QVERIFY(!RecordingReader::open(text, &error));
    QVERIFY2(error.contains(u"is not an mqttscope recording"_s), qPrintable(error));
    RecordingWriter writer;
    QVERIFY(!writer.start(text, {}, &error));
    QVERIFY2(error.contains(u"is not an mqttscope recording"_s), qPrintable(error));
    QCOMPARE(writer.status().state, RecordingStatus::State::Failed);

    const QString other = file(u"other.db"_s);
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(other.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    QVERIFY(!RecordingReader::open(other, &error));
    QVERIFY2(error.contains(u"is not an mqttscope recording"_s), qPrintable(error));
    QVERIFY(!writer.start(other, {}, &error)); // and it is left alone
}

void tst_Recording::refusesANewerFormat()
{
    const QString path = file(u"newer.mqttrec"_s);
    record(path, {message("a").receivedAt(baseMs)});
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "PRAGMA user_version = 2", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    QString error;
    QVERIFY(!RecordingReader::open(path, &error));
    QVERIFY2(error.contains(u"newer mqttscope (recording format 2"_s), qPrintable(error));
    RecordingWriter writer;
    QVERIFY(!writer.start(path, {}, &error));
    QVERIFY2(error.contains(u"newer mqttscope"_s), qPrintable(error));
}

void tst_Recording::unwritablePathFails()
{
    RecordingWriter writer;
    QString error;
    const QString path = file(u"no/such/folder/x.mqttrec"_s);
    QVERIFY(!writer.start(path, {}, &error));
    QVERIFY2(error.startsWith(u"Cannot create "_s) && error.contains(u"x.mqttrec"_s),
             qPrintable(error));
    QCOMPARE(writer.status().state, RecordingStatus::State::Failed);
}

void tst_Recording::budgetStops()
{
    const QString path = file(u"stop.mqttrec"_s);
    RecordingOptions options;
    options.byteBudget = 512 * 1024;
    RecordingWriter writer;
    QVERIFY(writer.start(path, options, nullptr));
    QList<Message> messages;
    for (int i = 0; i < 1000; ++i)
        messages.append(message("b/" + QByteArray::number(i % 10))
                            .payload(QByteArray(1000, 'p'))
                            .receivedAt(baseMs + i));
    writer.recordReceived(messages);
    QTRY_COMPARE(writer.status().state, RecordingStatus::State::Stopped);
    const RecordingStatus status = writer.status();
    QVERIFY(status.budgetReached);
    QVERIFY2(status.error.contains(u"size budget reached"_s), qPrintable(status.error));
    QVERIFY(status.messagesWritten > 200 && status.messagesWritten < 1000);
    writer.recordReceived({message("late").receivedAt(baseMs)}); // ignored once stopped
    writer.stop();

    QVERIFY(QFileInfo(path).size() <= options.byteBudget);
    auto reader = RecordingReader::open(path, nullptr);
    QVERIFY(reader);
    QCOMPARE(reader->summary().messageCount, status.messagesWritten);
    const QList<RecordedMessage> read = reader->messagesAfter(0, INT64_MAX, 2000);
    QCOMPARE(read.size(), status.messagesWritten);
    QCOMPARE(read.last().message, messages.at(read.size() - 1));
}

void tst_Recording::budgetDropsOldest()
{
    const QString path = file(u"drop.mqttrec"_s);
    RecordingOptions options;
    options.byteBudget = 1024 * 1024;
    options.whenFull = RecordingOptions::WhenFull::DropOldest;
    RecordingWriter writer;
    QVERIFY(writer.start(path, options, nullptr));
    constexpr int total = 5000; // 5 MB of payload through a 1 MiB file
    for (int i = 0; i < total; i += 500) {
        QList<Message> messages;
        for (int j = i; j < i + 500; ++j)
            messages.append(message("d/" + QByteArray::number(j % 50))
                                .payload(QByteArray::number(j).leftJustified(1000, '.'))
                                .receivedAt(baseMs + j * 10));
        writer.recordReceived(messages);
    }
    writer.stop();
    const RecordingStatus status = writer.status();
    QCOMPARE(status.state, RecordingStatus::State::Stopped);
    QVERIFY2(status.error.isEmpty(), qPrintable(status.error));
    QCOMPARE(status.messagesWritten, total);
    QVERIFY(status.messagesDropped > 3000);
    QVERIFY2(QFileInfo(path).size() <= options.byteBudget,
             qPrintable(QString::number(QFileInfo(path).size())));

    auto reader = RecordingReader::open(path, nullptr);
    QVERIFY(reader);
    const RecordingReader::Summary summary = reader->summary();
    QCOMPARE(summary.messageCount, total - status.messagesDropped);
    QCOMPARE(summary.lastId, total);
    QCOMPARE(summary.firstId, status.messagesDropped + 1);
    // The newest are all there, the oldest gone; the seconds table agrees.
    const QList<RecordedMessage> read = reader->messagesAfter(0, INT64_MAX, total);
    QCOMPARE(read.size(), summary.messageCount);
    QCOMPARE(read.last().message.payload.left(4), "4999"_ba);
    qint64 counted = 0;
    for (const RecordingReader::RateBucket &bucket : reader->rate(7))
        counted += bucket.messages;
    QCOMPARE(counted, summary.messageCount);
}

void tst_Recording::messageJsonRoundTrip_data()
{
    QTest::addColumn<Message>("message");
    const QList<Message> messages = sampleMessages();
    const char *names[] = {"binary", "empty", "properties", "text correlation", "dup", "unicode"};
    for (qsizetype i = 0; i < messages.size(); ++i)
        QTest::newRow(names[i]) << messages.at(i);
}

void tst_Recording::messageJsonRoundTrip()
{
    QFETCH(Message, message);
    QByteArray line;
    MessageJson::appendLine(message, message.receivedMsecsSinceEpoch, line);
    QString error;
    const std::optional<Message> read = MessageJson::fromLine(line, &error);
    QVERIFY2(read, qPrintable(error + u": "_s + QString::fromUtf8(line)));
    QCOMPARE(*read, message);

    const QByteArray json = MessageJson::propertiesToJson(message.properties);
    QCOMPARE(json.isEmpty(), message.properties.isEmpty());
    if (!json.isEmpty())
        QCOMPARE(MessageJson::propertiesFromJson(json, &error).value(), message.properties.get());
}

void tst_Recording::messageJsonRejects_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("problem");
    QTest::newRow("not json") << "a/b hello"_ba << u"not JSON"_s;
    QTest::newRow("array") << "[1]"_ba << u"not a JSON object"_s;
    QTest::newRow("no topic") << "{\"payload\":\"x\"}"_ba << u"no \"topic\""_s;
    QTest::newRow("qos 3") << "{\"topic\":\"t\",\"qos\":3}"_ba << u"\"qos\" is not a number"_s;
    QTest::newRow("bad time") << "{\"topic\":\"t\",\"time\":\"yesterday\"}"_ba << u"\"time\""_s;
    QTest::newRow("bad base64") << "{\"topic\":\"t\",\"payload_base64\":\"!!\"}"_ba
                                << u"not base64"_s;
    QTest::newRow("unknown property")
        << "{\"topic\":\"t\",\"properties\":{\"colour\":1}}"_ba << u"unknown property \"colour\""_s;
    QTest::newRow("user property")
        << "{\"topic\":\"t\",\"properties\":{\"user-property\":[[1]]}}"_ba
        << u"[name, value] pairs"_s;
}

void tst_Recording::messageJsonRejects()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, problem);
    QString error;
    QVERIFY(!MessageJson::fromLine(line, &error));
    QVERIFY2(error.contains(problem), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_Recording)
#include "tst_recording.moc"

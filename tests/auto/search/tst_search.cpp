// SPDX-License-Identifier: GPL-3.0-or-later
// Search: the JSON predicate's language and its errors, then every kind of predicate on one
// known set of messages, searched once as a live history and once as a recording file; a recording
// of Sparkplug B and MessagePack searched as its tab decodes it.
#include "decode/payloaddecoder.h"
#include "decode/sparkplugpayload.h"
#include "explorer/explorerdata.h"
#include "messagebuilder.h"
#include "recording/recordingwriter.h"
#include "search/hitcollector.h"
#include "search/jsonpredicate.h"
#include "search/searchjob.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using mqttscope::test::message;

namespace {

constexpr qint64 BaseMsecs = 1'700'000'000'000;

Properties deviceProperties()
{
    Properties p;
    p.contentType = u"application/json"_s;
    p.correlationData = QByteArray("req-42\x00\x01", 8);
    p.userProperties = {{u"source"_s, u"plant-1"_s}, {u"unit"_s, u"C"_s}};
    return p;
}

Properties sourceOnly(const QString &value)
{
    Properties p;
    p.userProperties = {{u"source"_s, value}};
    return p;
}

// The known messages, one second apart; the tests name them by index.
QList<Message> knownMessages()
{
    const QList<Message> messages{
        message("sensors/a/battery").payload(R"({"battery": 15, "status": "ok"})"),
        message("sensors/b/battery").payload(R"({"battery": 80, "status": "error"})").qos(1),
        message("sensors/a/temp").payload("21.5"),
        message("devices/x")
            .payload(R"({"a": {"b": [0, 1, {"c": 2.5}]}, "tags": ["red", "blue"]})")
            .properties(deviceProperties()),
        message("devices/y")
            .payload(QByteArray("\x00\x01\xff", 3))
            .properties(sourceOnly(u"plant-2"_s)),
        message("devices/x").payload(R"({"a": {"b": [0, 1, {"c": 1.0}]}, "x": null})").retain(),
        message("$SYS/broker/uptime").payload("12345 seconds"),
    };
    QList<Message> timed;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        Message m = messages[i];
        m.receivedMsecsSinceEpoch = BaseMsecs + i * 1000;
        timed.append(m);
    }
    return timed;
}

QByteArray sparkplug(const QList<Sparkplug::CommandMetric> &metrics, quint64 seq)
{
    QString error;
    const auto bytes = Sparkplug::encodePayload(metrics, BaseMsecs, seq, &error);
    if (!bytes)
        qFatal("%s", qPrintable(error));
    return *bytes;
}

// Sparkplug B by alias, MessagePack and plain JSON, one second apart, named by index.
QList<Message> decodedMessages()
{
    const QByteArray ddata = "spBv1.0/plant/DDATA/edge/pump";
    const QList<Message> messages{
        message("spBv1.0/plant/NBIRTH/edge")
            .payload(sparkplug({{u"bdSeq"_s, u"UInt64"_s, 0}, {u"Uptime"_s, u"Int64"_s, 5, 1}}, 0)),
        message("spBv1.0/plant/DBIRTH/edge/pump")
            .payload(sparkplug({{u"Temperature"_s, u"Float"_s, 20.5, 10}}, 1)),
        // [tck-id-payloads-alias-data-cmd-requirement] DATA by alias only
        message(ddata).payload(sparkplug({{{}, u"Float"_s, 18.0, 10}}, 2)),
        message(ddata).payload(sparkplug({{{}, u"Float"_s, 25.0, 10}}, 3)),
        message("rec/packed").payload(QByteArray("\x81\xabtemperature\x1e", 14)), // 30
        message("rec/json").payload(R"({"metrics":{"Temperature":{"value":40}}})"),
        message("rec/packed").payload(QByteArray("\x81\xabtemperature\x0a", 14)), // 10
    };
    QList<Message> timed;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        Message m = messages[i];
        m.receivedMsecsSinceEpoch = BaseMsecs + i * 1000;
        timed.append(m);
    }
    return timed;
}

SearchQuery topic(const QString &filter)
{
    SearchQuery q;
    q.topicFilter = filter;
    return q;
}
SearchQuery payload(const QString &text,
                    SearchQuery::PayloadMode mode = SearchQuery::PayloadMode::Substring)
{
    SearchQuery q;
    q.payloadText = text;
    q.payloadMode = mode;
    return q;
}
SearchQuery json(const QString &predicate)
{
    SearchQuery q;
    q.jsonPredicate = predicate;
    return q;
}

// Runs a search to its end and returns the result.
SearchResult runSearch(SearchJob &job, const std::function<void()> &start)
{
    QSignalSpy finished(&job, &SearchJob::finished);
    start();
    if (finished.isEmpty() && !finished.wait(10000))
        return {{}, -1, false, u"no result within 10 s"_s};
    return finished.first().first().value<SearchResult>();
}

// The index into knownMessages() of a hit, through its time.
int knownIndex(const SearchHit &hit)
{
    return int((hit.timeUs / 1000 - BaseMsecs) / 1000);
}

QList<int> hitIndexes(const SearchResult &result)
{
    QList<int> indexes;
    for (const SearchHit &hit : result.hits)
        indexes.append(knownIndex(hit));
    return indexes;
}

} // namespace

class tst_Search : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonValue_data();
    void jsonValue();
    void predicate_data();
    void predicate();
    void parseError_data();
    void parseError();
    void queryProblems();
    void knownHistory_data() { knownRows(); }
    void knownHistory();
    void knownRecording_data() { knownRows(); }
    void knownRecording();
    void cap();
    void cancelHistory();
    void cancelRecording();
    void recordingThatIsNot();
    void decodedRecording_data();
    void decodedRecording();

private:
    void knownRows();

    QTemporaryDir m_dir;
    QString m_knownFile;
    QString m_decodedFile; // decodedMessages()
};

void tst_Search::initTestCase()
{
    qRegisterMetaType<SearchResult>();
    QVERIFY(m_dir.isValid());
    m_knownFile = m_dir.filePath(u"known.sqlite"_s);
    RecordingWriter writer;
    QString error;
    QVERIFY2(writer.start(m_knownFile, {}, &error), qPrintable(error));
    writer.recordReceived(knownMessages());
    writer.stop();
    m_decodedFile = m_dir.filePath(u"decoded.sqlite"_s);
    RecordingWriter decodedWriter;
    QVERIFY2(decodedWriter.start(m_decodedFile, {}, &error), qPrintable(error));
    decodedWriter.recordReceived(decodedMessages());
    decodedWriter.stop();
}

void tst_Search::jsonValue_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("path"); // parsed as a predicate's path
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("value"); // number or text as written

    const auto row = [](const char *name, QByteArray doc, QString path, JsonValue::Type type,
                        QString value = {}) {
        QTest::newRow(name) << doc << path << int(type) << value;
    };
    row("number", R"({"a": 1.5e1})", u"a"_s, JsonValue::Type::Number, u"15"_s);
    row("nested", R"({"a": {"b": [1, {"c": -2}]}})", u"a.b[1].c"_s, JsonValue::Type::Number,
        u"-2"_s);
    row("dollar root", R"({"a": 3})", u"$.a"_s, JsonValue::Type::Number, u"3"_s);
    row("escaped key", R"({"\u0061": "x"})", u"a"_s, JsonValue::Type::String, u"x"_s);
    row("escaped value", R"({"a": "\u00e9\n\ud83d\ude00"})", u"a"_s, JsonValue::Type::String,
        u"é\n😀"_s);
    row("quoted name", R"({"a b": true})", u"\"a b\""_s, JsonValue::Type::Bool, u"true"_s);
    row("last duplicate", R"({"a": 1, "a": 2})", u"a"_s, JsonValue::Type::Number, u"2"_s);
    row("null", R"({"a": null})", u"a"_s, JsonValue::Type::Null);
    row("missing", R"({"a": 1})", u"b"_s, JsonValue::Type::Missing);
    row("index out of range", R"([1, 2])", u"[2]"_s, JsonValue::Type::Missing);
    row("trailing garbage", R"({"a": 1} x)", u"a"_s, JsonValue::Type::Missing);
    row("unterminated", R"({"a": 1, "b": [)", u"a"_s, JsonValue::Type::Missing);
    row("bad number", R"({"a": 01})", u"a"_s, JsonValue::Type::Missing);
    row("control in string", "{\"a\": \"x\ty\"}", u"a"_s, JsonValue::Type::Missing);
    row("not json", "21.5 C", u"a"_s, JsonValue::Type::Missing);
    row("too deep", QByteArray(600, '[') + QByteArray(600, ']'), u"[0]"_s,
        JsonValue::Type::Missing);
}

void tst_Search::jsonValue()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, path);
    QFETCH(int, type);
    QFETCH(QString, value);
    JsonPredicate::ParseError error;
    const JsonPredicate predicate = JsonPredicate::parse(path + u" == 0"_s, &error);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    const JsonValue found = findJsonValue(document, predicate.conditions().first().path);
    QCOMPARE(int(found.type), type);
    if (found.type == JsonValue::Type::Number)
        QCOMPARE(found.number, value.toDouble());
    else if (found.type == JsonValue::Type::String)
        QCOMPARE(QString::fromUtf8(found.text), value);
    else if (found.type == JsonValue::Type::Bool)
        QCOMPARE(found.boolean, value == u"true"_s);
}

void tst_Search::predicate_data()
{
    QTest::addColumn<QString>("predicate");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("holds");

    const QByteArray doc = R"({"battery": 15, "status": "error", "ok": false, "n": null,
                               "tags": ["red", 3, true], "a": {"b": [0, 1, {"c": 1.5}]}})";
    QTest::newRow("less") << u"battery < 20"_s << doc << true;
    QTest::newRow("less, not") << u"battery < 15"_s << doc << false;
    QTest::newRow("less or equal") << u"battery <= 15"_s << doc << true;
    QTest::newRow("greater") << u"battery > 14.5"_s << doc << true;
    QTest::newRow("greater or equal, not") << u"battery >= 16"_s << doc << false;
    QTest::newRow("equal number") << u"battery == 15.0"_s << doc << true;
    QTest::newRow("equal string") << u"status == \"error\""_s << doc << true;
    QTest::newRow("equal, other type") << u"battery == \"15\""_s << doc << false;
    QTest::newRow("not equal, other type") << u"battery != \"15\""_s << doc << true;
    QTest::newRow("not equal string") << u"status != \"error\""_s << doc << false;
    QTest::newRow("string order") << u"status < \"f\""_s << doc << true;
    QTest::newRow("bool") << u"ok == false"_s << doc << true;
    QTest::newRow("null") << u"n == null"_s << doc << true;
    QTest::newRow("not null, null") << u"n != null"_s << doc << false;
    QTest::newRow("not null, present") << u"status != null"_s << doc << true;
    QTest::newRow("missing never holds") << u"missing != 1"_s << doc << false;
    QTest::newRow("missing not null") << u"missing != null"_s << doc << false;
    QTest::newRow("nested") << u"a.b[2].c >= 1.5"_s << doc << true;
    QTest::newRow("nested, not") << u"a.b[2].c > 1.5"_s << doc << false;
    QTest::newRow("string contains") << u"status contains \"rr\""_s << doc << true;
    QTest::newRow("array contains string") << u"tags contains \"red\""_s << doc << true;
    QTest::newRow("array contains number") << u"tags contains 3"_s << doc << true;
    QTest::newRow("array contains, not") << u"tags contains \"blue\""_s << doc << false;
    QTest::newRow("less on a string") << u"status < 3"_s << doc << false;
    QTest::newRow("and") << u"battery < 20 and status == \"error\""_s << doc << true;
    QTest::newRow("and, one fails") << u"battery < 20 && ok == true"_s << doc << false;
    QTest::newRow("not json") << u"battery < 20"_s << QByteArray("battery 15") << false;
}

void tst_Search::predicate()
{
    QFETCH(QString, predicate);
    QFETCH(QByteArray, payload);
    QFETCH(bool, holds);
    JsonPredicate::ParseError error;
    const JsonPredicate parsed = JsonPredicate::parse(predicate, &error);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QCOMPARE(parsed.matches(payload), holds);
}

void tst_Search::parseError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("says"); // a part of the message

    QTest::newRow("no operator") << u"battery"_s << 7 << u"comparison"_s;
    QTest::newRow("single equals") << u"battery = 20"_s << 8 << u"'=='"_s;
    QTest::newRow("no value") << u"battery <"_s << 9 << u"expected a value"_s;
    QTest::newRow("bare word") << u"status == error"_s << 10 << u"double quotes"_s;
    QTest::newRow("unclosed text") << u"status == \"err"_s << 10 << u"closing"_s;
    QTest::newRow("bad index") << u"a[x] == 1"_s << 2 << u"index"_s;
    QTest::newRow("unclosed index") << u"a[1 == 1"_s << 3 << u"']'"_s;
    QTest::newRow("empty step") << u"a. == 1"_s << 2 << u"field name"_s;
    QTest::newRow("no field") << u"< 3"_s << 0 << u"field name"_s;
    QTest::newRow("junk after") << u"a == 1 b == 2"_s << 7 << u"'and'"_s;
    QTest::newRow("dangling and") << u"a == 1 and"_s << 10 << u"field name"_s;
    QTest::newRow("contains null") << u"a contains null"_s << 11 << u"contains"_s;
}

void tst_Search::parseError()
{
    QFETCH(QString, text);
    QFETCH(int, position);
    QFETCH(QString, says);
    JsonPredicate::ParseError error;
    const JsonPredicate parsed = JsonPredicate::parse(text, &error);
    QVERIFY(error.isError());
    QVERIFY(parsed.isEmpty());
    QCOMPARE(error.position, position);
    QVERIFY2(error.message.contains(says), qPrintable(error.message));
}

void tst_Search::queryProblems()
{
    QCOMPARE(SearchMatcher(topic(u"a/#/b"_s)).problem().part, SearchMatcher::Part::TopicFilter);
    const SearchMatcher badExpression(
        payload(u"(x"_s, SearchQuery::PayloadMode::RegularExpression));
    QCOMPARE(badExpression.problem().part, SearchMatcher::Part::Payload);
    QVERIFY(!badExpression.problem().message.isEmpty());
    const SearchMatcher badPredicate(json(u"a <"_s));
    QCOMPARE(badPredicate.problem().part, SearchMatcher::Part::JsonPredicate);
    QCOMPARE(badPredicate.problem().position, 3);
    SearchQuery backwards;
    backwards.fromUs = 2;
    backwards.toUs = 1;
    QCOMPARE(SearchMatcher(backwards).problem().part, SearchMatcher::Part::TimeRange);
    QVERIFY(SearchMatcher(SearchQuery{}).isValid());

    // A job refuses an invalid query instead of matching everything.
    ExplorerData data;
    data.ingest(knownMessages(), BaseMsecs);
    SearchJob job;
    const SearchResult refused = runSearch(job, [&] { job.searchHistory(data, badPredicate); });
    QCOMPARE(refused.error, badPredicate.problem().message);
    QCOMPARE(refused.total, 0);
}

void tst_Search::knownRows()
{
    QTest::addColumn<SearchQuery>("query");
    QTest::addColumn<QList<int>>("expected");

    QTest::newRow("everything") << SearchQuery{} << QList<int>{0, 1, 2, 3, 4, 5, 6};
    QTest::newRow("topic #") << topic(u"#"_s) << QList<int>{0, 1, 2, 3, 4, 5}; // [MQTT-4.7.2-1]
    QTest::newRow("topic sensors/#") << topic(u"sensors/#"_s) << QList<int>{0, 1, 2};
    QTest::newRow("topic +/+/battery") << topic(u"+/+/battery"_s) << QList<int>{0, 1};
    QTest::newRow("topic $SYS/#") << topic(u"$SYS/#"_s) << QList<int>{6};
    QTest::newRow("topic exact") << topic(u"devices/x"_s) << QList<int>{3, 5};
    QTest::newRow("substring") << payload(u"error"_s) << QList<int>{1};
    QTest::newRow("substring is case sensitive") << payload(u"ERROR"_s) << QList<int>{};
    QTest::newRow("binary substring") << payload(QString::fromLatin1("\x01")) << QList<int>{4};
    QTest::newRow("regex") << payload(uR"(^\d+(\.\d+)?$)"_s,
                                      SearchQuery::PayloadMode::RegularExpression)
                           << QList<int>{2};
    QTest::newRow("regex ignoring case")
        << payload(u"(?i)SECONDS"_s, SearchQuery::PayloadMode::RegularExpression) << QList<int>{6};
    QTest::newRow("json less") << json(u"battery < 20"_s) << QList<int>{0};
    QTest::newRow("json string") << json(u"status == \"error\""_s) << QList<int>{1};
    QTest::newRow("json nested") << json(u"a.b[2].c >= 1.5"_s) << QList<int>{3};
    QTest::newRow("json == null") << json(u"x == null"_s) << QList<int>{5};
    QTest::newRow("json != null") << json(u"x != null"_s) << QList<int>{};
    QTest::newRow("json contains") << json(u"tags contains \"blue\""_s) << QList<int>{3};
    QTest::newRow("json and") << json(u"battery < 90 and status == \"ok\""_s) << QList<int>{0};
    SearchQuery user;
    user.userPropertyName = u"source"_s;
    QTest::newRow("user property") << user << QList<int>{3, 4};
    user.userPropertyValue = u"plant-2"_s;
    QTest::newRow("user property value") << user << QList<int>{4};
    SearchQuery contentType;
    contentType.contentType = u"application/json"_s;
    QTest::newRow("content type") << contentType << QList<int>{3};
    SearchQuery correlation;
    correlation.correlationData = u"q-4"_s;
    QTest::newRow("correlation data") << correlation << QList<int>{3};
    SearchQuery range;
    range.fromUs = (BaseMsecs + 2000) * 1000;
    range.toUs = (BaseMsecs + 3000) * 1000;
    QTest::newRow("time range, ends included") << range << QList<int>{2, 3};
    SearchQuery from;
    from.fromUs = (BaseMsecs + 5000) * 1000;
    QTest::newRow("time from") << from << QList<int>{5, 6};
    SearchQuery combined = topic(u"devices/+"_s);
    combined.userPropertyName = u"source"_s;
    combined.payloadText = u"blue"_s;
    combined.jsonPredicate = u"a.b[0] == 0"_s;
    QTest::newRow("all together") << combined << QList<int>{3};
}

void tst_Search::knownHistory()
{
    QFETCH(SearchQuery, query);
    QFETCH(QList<int>, expected);
    ExplorerData data;
    data.ingest(knownMessages(), BaseMsecs);
    SearchJob job;
    const SearchResult result =
        runSearch(job, [&] { job.searchHistory(data, SearchMatcher(query)); });
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(hitIndexes(result), expected);
    QCOMPARE(result.total, qint64(expected.size()));
}

void tst_Search::knownRecording()
{
    QFETCH(SearchQuery, query);
    QFETCH(QList<int>, expected);
    SearchJob job;
    const SearchResult result =
        runSearch(job, [&] { job.searchRecording(m_knownFile, SearchMatcher(query)); });
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(hitIndexes(result), expected);
    QCOMPARE(result.total, qint64(expected.size()));
    // A decoder that decodes none of these topics leaves the search as it is.
    const SearchResult decoded = runSearch(job, [&] {
        job.searchRecording(m_knownFile, SearchMatcher(query), {},
                            std::make_shared<const PayloadDecoder>());
    });
    QCOMPARE(hitIndexes(decoded), expected);
    // Hits carry what a results list shows.
    const QList<Message> known = knownMessages();
    for (const SearchHit &hit : result.hits) {
        const Message &m = known[knownIndex(hit)];
        QCOMPARE(hit.topic, m.topic);
        QCOMPARE(hit.payloadPreview, m.payload);
        QCOMPARE(hit.qos, m.qos);
    }
}

void tst_Search::cap()
{
    QList<Message> many;
    for (int i = 0; i < 250; ++i)
        many.append(message("t/" + QByteArray::number(i % 7))
                        .payload("n" + QByteArray::number(i))
                        .receivedAt(BaseMsecs + i));
    ExplorerData data;
    data.ingest(many, BaseMsecs);
    SearchJob job;
    const SearchResult live = runSearch(job, [&] {
        job.searchHistory(data, SearchMatcher(payload(u"n"_s)),
                          std::make_unique<HitCollector>(100));
    });
    QCOMPARE(live.total, 250);
    QCOMPARE(live.hits.size(), 100);
    // The first hundred in order of arrival, across topics.
    for (int i = 0; i < 100; ++i)
        QCOMPARE(live.hits[i].payloadPreview, "n" + QByteArray::number(i));

    const QString file = m_dir.filePath(u"cap.sqlite"_s);
    RecordingWriter writer;
    QVERIFY(writer.start(file, {}, nullptr));
    writer.recordReceived(many);
    writer.stop();
    const SearchResult recorded = runSearch(job, [&] {
        job.searchRecording(file, SearchMatcher(topic(u"t/3"_s)),
                            std::make_unique<HitCollector>(10));
    });
    QCOMPARE(recorded.total, 36); // 3, 10, ..., 248
    QCOMPARE(recorded.hits.size(), 10);
    QCOMPARE(recorded.hits.last().payloadPreview, "n66");
}

void tst_Search::cancelHistory()
{
    QList<Message> many;
    const QByteArray doc =
        R"({"battery": 50, "status": "ok", "pad": "................................"})";
    for (int i = 0; i < 200000; ++i)
        many.append(message("t/" + QByteArray::number(i % 1000)).payload(doc));
    ExplorerData data(MessageHistory::Limits{qint64(1) << 30, 1000});
    data.ingest(many, BaseMsecs);
    SearchJob job;
    QSignalSpy finished(&job, &SearchJob::finished);
    job.searchHistory(data, SearchMatcher(json(u"battery < 20"_s)));
    QVERIFY(job.isRunning());
    QElapsedTimer clock;
    clock.start();
    job.cancel();
    QVERIFY2(clock.elapsed() < 500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().value<SearchResult>().cancelled);
    QVERIFY(!job.isRunning());
}

void tst_Search::cancelRecording()
{
    const QString file = m_dir.filePath(u"big.sqlite"_s);
    {
        QList<Message> many;
        for (int i = 0; i < 300000; ++i)
            many.append(message("t/" + QByteArray::number(i % 100))
                            .payload(R"({"battery": 50})")
                            .receivedAt(BaseMsecs + i));
        RecordingWriter writer;
        QVERIFY(writer.start(file, {}, nullptr));
        writer.recordReceived(many);
        writer.stop();
    }
    SearchJob job;
    QSignalSpy progress(&job, &SearchJob::progressChanged);
    QSignalSpy finished(&job, &SearchJob::finished);
    job.searchRecording(file, SearchMatcher(json(u"battery < 20"_s)));
    QTest::qWait(30);
    QElapsedTimer clock;
    clock.start();
    job.cancel();
    QVERIFY2(clock.elapsed() < 500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(finished.size(), 1);
    const SearchResult result = finished.first().first().value<SearchResult>();
    QVERIFY(result.cancelled);
    QCOMPARE(result.total, 0);

    // Uncancelled, the progress climbs to 100.
    const SearchResult whole =
        runSearch(job, [&] { job.searchRecording(file, SearchMatcher(json(u"battery >= 50"_s))); });
    QVERIFY2(whole.error.isEmpty(), qPrintable(whole.error));
    QVERIFY(!whole.cancelled);
    QCOMPARE(whole.total, 300000);
    QCOMPARE(progress.last().first().toInt(), 100);
}

void tst_Search::recordingThatIsNot()
{
    const QString file = m_dir.filePath(u"not.sqlite"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a database");
    f.close();
    SearchJob job;
    const SearchResult result =
        runSearch(job, [&] { job.searchRecording(file, SearchMatcher(SearchQuery{})); });
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(result.total, 0);
}

void tst_Search::decodedRecording_data()
{
    QTest::addColumn<SearchQuery>("query");
    QTest::addColumn<bool>("withDecoder");
    QTest::addColumn<QList<int>>("expected");
    const SearchQuery temperature = json(u"metrics.Temperature.value > 20"_s);
    // The DBIRTH by its name, the second DDATA by the name its DBIRTH gave alias 10.
    QTest::newRow("sparkplug field") << temperature << true << QList<int>{1, 3, 5};
    QTest::newRow("bytes without a decoder") << temperature << false << QList<int>{5};
    QTest::newRow("messagepack field") << json(u"temperature > 20"_s) << true << QList<int>{4};
    QTest::newRow("messagepack as bytes") << json(u"temperature > 20"_s) << false << QList<int>{};
    // The payload text of a DDATA holds the metric's name once decoded.
    QTest::newRow("decoded text") << payload(u"Temperature"_s) << true << QList<int>{1, 2, 3, 5};
    QTest::newRow("raw text") << payload(u"Temperature"_s) << false << QList<int>{1, 5};
    SearchQuery ddata = json(u"metrics.Temperature.value < 20"_s);
    ddata.topicFilter = u"spBv1.0/+/DDATA/#"_s;
    QTest::newRow("topic and field") << ddata << true << QList<int>{2};
}

void tst_Search::decodedRecording()
{
    QFETCH(SearchQuery, query);
    QFETCH(bool, withDecoder);
    QFETCH(QList<int>, expected);
    const auto decoder = std::make_shared<const PayloadDecoder>(
        QList<FormatRule>{{u"rec/packed"_s, PayloadEncoding::MessagePack, {}}}, nullptr);
    SearchJob job;
    const SearchResult result = runSearch(job, [&] {
        job.searchRecording(m_decodedFile, SearchMatcher(query), {},
                            withDecoder ? decoder : nullptr);
    });
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(hitIndexes(result), expected);
    QCOMPARE(result.total, qint64(expected.size()));
    for (const SearchHit &hit : result.hits) {
        // A decoded hit previews as its JSON, a DATA's metric by its BIRTH's name.
        if (withDecoder && hit.topic.contains("DDATA"))
            QVERIFY2(hit.payloadPreview.contains("\"Temperature\""),
                     hit.payloadPreview.constData());
    }
}

QTEST_GUILESS_MAIN(tst_Search)
#include "tst_search.moc"

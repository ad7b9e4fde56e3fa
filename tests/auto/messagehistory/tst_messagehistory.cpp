// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/explorerdata.h"
#include "explorer/historyexporter.h"
#include "recording/messagejson.h"
#include "messagebuilder.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mqttscope;
using namespace mqttscope::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArrayList payloads(const ExplorerData &data, const QByteArray &topic)
{
    QByteArrayList result;
    const QList<HistoryEntry> entries = data.history().entries(data.store().find(topic));
    for (const HistoryEntry &e : entries)
        result.append(e.payload);
    return result;
}

} // namespace

class tst_MessageHistory : public QObject
{
    Q_OBJECT
private slots:
    void keepsFlagsAndProperties();
    void latestKeepsFlagsAndProperties();
    void latestListedOnce();
    void oneSequenceAcrossOlderAndLatest();
    void retentionByCount_data();
    void retentionByCount();
    void retentionByBytesEvictsFirstSuperseded();
    void budgetNeverLosesALatest();
    void neverTruncates();
    void lowerLimitsEvictAtOnce();
    void entriesAfterSequence();
    void clearTopicHidesLatestUntilTheNext();
    void replaceHistory();
    void removeSubtreeDropsHistory();
    void exportJsonLines();
    void exportCsv();
    void exportSubtreeInArrivalOrder();

    void statisticsTotalsAndRates();
    void statisticsWindowSlides();
    void statisticsSettleWhenTheWindowIsEmpty();
};

void tst_MessageHistory::keepsFlagsAndProperties()
{
    ExplorerData data;
    Message m = message("t").payload("p").receivedAt(1234);
    m.qos = 2;
    m.retain = true;
    m.dup = true;
    m.properties.edit().contentType = u"text/plain"_s;
    m.properties.edit().userProperties = {{u"k"_s, u"v"_s}};
    data.ingest({m, message("t").payload("plain")}, 1);
    const QList<HistoryEntry> entries = data.history().entries(data.store().find("t"));
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].payload, QByteArray("p"));
    QCOMPARE(entries[0].receivedMsecs, 1234);
    QCOMPARE(entries[0].qos, 2);
    QVERIFY(entries[0].retain && entries[0].dup);
    QVERIFY(!entries[0].properties.isEmpty());
    QCOMPARE(*entries[0].properties, *m.properties);
    QVERIFY(entries[1].properties.isEmpty()); // 3.1.1 style: none
    QVERIFY(!entries[1].retain && !entries[1].dup);
    QVERIFY(entries[0].sequence < entries[1].sequence);
}

void tst_MessageHistory::latestKeepsFlagsAndProperties()
{
    // The latest is the store's: the same fields come from its node and its properties column.
    ExplorerData data;
    Message m = message("t").payload("p").receivedAt(1234);
    m.qos = 1;
    m.dup = true;
    m.properties.edit().contentType = u"text/plain"_s;
    data.ingest({message("t").payload("first").retain(), m}, 1);
    const QList<HistoryEntry> entries = data.history().entries(data.store().find("t"));
    QCOMPARE(entries.size(), 2);
    QVERIFY(entries[0].retain && entries[0].properties.isEmpty());
    QCOMPARE(entries[1].payload, QByteArray("p"));
    QCOMPARE(entries[1].receivedMsecs, 1234);
    QCOMPARE(entries[1].qos, 1);
    QVERIFY(!entries[1].retain && entries[1].dup);
    QCOMPARE(*entries[1].properties, *m.properties);
    // A latest without properties drops the column's entry; the superseded one keeps it.
    data.ingest({message("t").payload("q")}, 2);
    const QList<HistoryEntry> after = data.history().entries(data.store().find("t"));
    QCOMPARE(*after[1].properties, *m.properties);
    QVERIFY(after[2].properties.isEmpty());
}

void tst_MessageHistory::latestListedOnce()
{
    ExplorerData data;
    data.ingest({message("a").payload("1"), message("a").payload("2"), message("b").payload("x"),
                 message("a").payload("3")},
                1);
    const TopicNodeId a = data.store().find("a");
    QCOMPARE(payloads(data, "a"), (QByteArrayList{"1", "2", "3"}));
    QCOMPARE(data.history().count(a), 3);
    QCOMPARE(data.history().entries(a).last().sequence, data.store().latestSequence(a));
    QCOMPARE(data.history().entryCount(), 4); // a's three and b's latest
    // Only the older ones are charged to the budget.
    QCOMPARE(data.history().bytesUsed(), 2 * (1 + MessageHistory::EntryOverheadBytes));
}

void tst_MessageHistory::oneSequenceAcrossOlderAndLatest()
{
    ExplorerData data;
    const QByteArrayList topics{"a", "b", "a", "c", "b", "a"};
    QList<Message> batch;
    for (qsizetype i = 0; i < topics.size(); ++i)
        batch.append(message(topics[i]).payload(QByteArray::number(i)));
    data.ingest(batch, 1);
    QList<HistoryEntry> all;
    for (const QByteArray topic : {"a", "b", "c"}) {
        const QList<HistoryEntry> entries = data.history().entries(data.store().find(topic));
        for (qsizetype i = 1; i < entries.size(); ++i)
            QVERIFY(entries[i - 1].sequence < entries[i].sequence);
        all.append(entries);
    }
    std::sort(all.begin(), all.end(),
              [](const HistoryEntry &x, const HistoryEntry &y) { return x.sequence < y.sequence; });
    QCOMPARE(all.size(), topics.size());
    for (qsizetype i = 0; i < all.size(); ++i)
        QCOMPARE(all[i].payload, QByteArray::number(i)); // arrival order
}

void tst_MessageHistory::retentionByCount_data()
{
    QTest::addColumn<int>("perTopic");
    QTest::addColumn<int>("sent");
    QTest::addColumn<QByteArrayList>("kept");
    QTest::newRow("under") << 5 << 3 << QByteArrayList{"0", "1", "2"};
    QTest::newRow("at") << 3 << 3 << QByteArrayList{"0", "1", "2"};
    QTest::newRow("over: oldest go") << 3 << 7 << QByteArrayList{"4", "5", "6"};
    QTest::newRow("one: the latest alone") << 1 << 4 << QByteArrayList{"3"};
    // The latest is the store's record of the topic, so it is listed whatever the limit.
    QTest::newRow("zero: as one") << 0 << 4 << QByteArrayList{"3"};
}

void tst_MessageHistory::retentionByCount()
{
    QFETCH(int, perTopic);
    QFETCH(int, sent);
    QFETCH(QByteArrayList, kept);
    ExplorerData data({qint64(1) << 30, perTopic});
    for (int i = 0; i < sent; ++i)
        data.ingest({message("a").payload(QByteArray::number(i)), message("b").payload("other")},
                    1);
    const MessageHistory &history = data.history();
    QCOMPARE(payloads(data, "a"), kept);
    QCOMPARE(history.count(data.store().find("a")), kept.size());
    const int bKept = qMin(qMax(1, perTopic), sent);
    QCOMPARE(history.count(data.store().find("b")), bKept);
    QCOMPARE(history.entryCount(), kept.size() + bKept);
    QCOMPARE(history.bytesUsed(),
             (kept.size() - 1) * (1 + MessageHistory::EntryOverheadBytes)
                 + (bKept - 1) * (5 + MessageHistory::EntryOverheadBytes));
}

void tst_MessageHistory::retentionByBytesEvictsFirstSuperseded()
{
    // The budget counts the older messages; the first superseded goes first, whatever its topic.
    const qint64 each = 100 + MessageHistory::EntryOverheadBytes;
    ExplorerData data({each * 2, 1000});
    data.ingest(
        {message("a").payload(QByteArray(100, 'a')), message("b").payload(QByteArray(100, 'b')),
         message("a").payload(QByteArray(100, 'c')), message("b").payload(QByteArray(100, 'd'))},
        1);
    QCOMPARE(data.history().bytesUsed(), each * 2);
    data.ingest({message("a").payload(QByteArray(100, 'e'))}, 2);
    QCOMPARE(data.history().bytesUsed(), each * 2);
    QCOMPARE(payloads(data, "a"), (QByteArrayList{QByteArray(100, 'c'), QByteArray(100, 'e')}));
    QCOMPARE(payloads(data, "b"), (QByteArrayList{QByteArray(100, 'b'), QByteArray(100, 'd')}));
}

void tst_MessageHistory::budgetNeverLosesALatest()
{
    ExplorerData data({1, 1000});
    for (int round = 0; round < 3; ++round) {
        QList<Message> batch;
        for (int i = 0; i < 50; ++i)
            batch.append(
                message("t/" + QByteArray::number(i)).payload(QByteArray(64, 'a' + round)));
        data.ingest(batch, round);
    }
    for (int i = 0; i < 50; ++i)
        QCOMPARE(payloads(data, "t/" + QByteArray::number(i)), QByteArrayList{QByteArray(64, 'c')});
    QCOMPARE(data.history().bytesUsed(), 0);
    QCOMPARE(data.history().entryCount(), 50);
}

void tst_MessageHistory::neverTruncates()
{
    // An older payload bigger than the whole budget goes whole rather than being cut.
    ExplorerData data({1024, 10});
    const QByteArray big(4096, 'z');
    data.ingest({message("small").payload("x"), message("big").payload(big),
                 message("big").payload("after")},
                1);
    QCOMPARE(payloads(data, "big"), QByteArrayList{"after"});
    QCOMPARE(data.history().bytesUsed(), 0);
    // Within the budget a big payload stays byte for byte, as the latest does in any case.
    ExplorerData roomy({1 << 20, 10});
    roomy.ingest({message("big").payload(big), message("big").payload(big + "!")}, 1);
    QCOMPARE(payloads(roomy, "big"), (QByteArrayList{big, big + "!"}));
}

void tst_MessageHistory::lowerLimitsEvictAtOnce()
{
    ExplorerData data;
    for (int i = 0; i < 10; ++i)
        data.ingest({message("a").payload(QByteArray::number(i))}, 1);
    MessageHistory &history = data.history();
    history.setLimits({history.limits().byteBudget, 2});
    QCOMPARE(payloads(data, "a"), (QByteArrayList{"8", "9"}));
    history.setLimits({MessageHistory::EntryOverheadBytes, 2});
    QCOMPARE(payloads(data, "a"), QByteArrayList{"9"});
}

void tst_MessageHistory::entriesAfterSequence()
{
    ExplorerData data;
    for (int i = 0; i < 4; ++i)
        data.ingest({message("a").payload(QByteArray::number(i))}, 1);
    const MessageHistory &history = data.history();
    const TopicNodeId a = data.store().find("a");
    const quint64 second = history.entries(a)[1].sequence;
    const QList<HistoryEntry> newer = history.entries(a, second);
    QCOMPARE(newer.size(), 2);
    QCOMPARE(newer[0].payload, QByteArray("2"));
    QCOMPARE(newer[1].payload, QByteArray("3")); // the latest
    QVERIFY(history.entries(a, data.store().latestSequence(a)).isEmpty());
    QCOMPARE(history.oldestSequence(a), history.entries(a)[0].sequence);
    QCOMPARE(history.oldestSequence(99), 0u);
    // With nothing older, the latest is the oldest.
    ExplorerData single({1 << 20, 1});
    single.ingest({message("a").payload("1"), message("a").payload("2")}, 1);
    const TopicNodeId only = single.store().find("a");
    QCOMPARE(single.history().oldestSequence(only), single.store().latestSequence(only));
}

void tst_MessageHistory::clearTopicHidesLatestUntilTheNext()
{
    ExplorerData data;
    data.ingest({message("a").payload("1"), message("a").payload("2"), message("b").payload("x")},
                1);
    const TopicNodeId a = data.store().find("a");
    data.history().clearTopic(a);
    QCOMPARE(data.history().count(a), 0);
    QVERIFY(data.history().entries(a).isEmpty());
    QCOMPARE(data.history().oldestSequence(a), 0u);
    QCOMPARE(data.history().entryCount(), 1);
    QCOMPARE(data.store().latestPayload(a), QByteArray("2")); // the tree still shows it
    // The next message starts the list again; the cleared one is not kept as older.
    data.ingest({message("a").payload("3")}, 2);
    QCOMPARE(payloads(data, "a"), QByteArrayList{"3"});
    QCOMPARE(data.history().entryCount(), 2);
    // Also when nothing older is kept at all.
    ExplorerData single({1 << 20, 1});
    single.ingest({message("a").payload("1")}, 1);
    single.history().clearTopic(single.store().find("a"));
    single.ingest({message("a").payload("2")}, 2);
    QCOMPARE(payloads(single, "a"), QByteArrayList{"2"});
}

void tst_MessageHistory::replaceHistory()
{
    ExplorerData data({1 << 20, 3});
    data.ingest({message("a").payload("live1"), message("a").payload("latest")}, 1);
    const TopicNodeId a = data.store().find("a");
    data.replaceHistory(a,
                        {message("a").payload("f1"), message("a").payload("f2"),
                         message("a").payload("f3"), message("a").payload("latest")});
    // Within the limit (3, the latest included), oldest first, the store's latest last.
    const QList<HistoryEntry> entries = data.history().entries(a);
    QCOMPARE(payloads(data, "a"), (QByteArrayList{"f2", "f3", "latest"}));
    QVERIFY(entries[0].sequence < entries[1].sequence);
    QVERIFY(entries[1].sequence < entries[2].sequence);
    QCOMPARE(entries[2].sequence, data.store().latestSequence(a));
    data.ingest({message("a").payload("next")}, 2);
    QCOMPARE(payloads(data, "a"), (QByteArrayList{"f3", "latest", "next"}));
    // A cleared topic is listed again once replaced.
    data.history().clearTopic(a);
    data.replaceHistory(a, {message("a").payload("next")});
    QCOMPARE(payloads(data, "a"), QByteArrayList{"next"});
}

void tst_MessageHistory::removeSubtreeDropsHistory()
{
    ExplorerData data;
    data.ingest({message("a/b").payload("1"), message("a/b/c").payload("2"),
                 message("a/b/c").payload("2b"), message("d").payload("3")},
                1);
    (void)data.store().takeChanges();
    const TopicNodeId c = data.store().find("a/b/c");
    data.history().clearTopic(data.store().find("a/b"));
    data.removeSubtree(data.store().find("a"));
    QCOMPARE(data.history().count(c), 0);
    QCOMPARE(data.history().entryCount(), 1);
    QCOMPARE(data.history().bytesUsed(), 0);
}

void tst_MessageHistory::exportJsonLines()
{
    ExplorerData data;
    Message m = message("dev/1").payload("héllo").receivedAt(1'700'000'000'123);
    m.qos = 1;
    m.retain = true;
    m.properties.edit().contentType = u"text/plain"_s;
    m.properties.edit().correlationData = QByteArray("\x01\x02", 2);
    m.properties.edit().userProperties = {{u"a"_s, u"b"_s}};
    Message binary =
        message("dev/1").payload(QByteArray("\xff\x00\x01", 3)).receivedAt(1'700'000'000'124);
    data.ingest({m, binary}, 1);

    QBuffer out;
    out.open(QIODevice::WriteOnly);
    const HistoryExporter exporter(data.store(), data.history());
    QCOMPARE(
        exporter.writeJsonLines(out, data.store().find("dev/1"), HistoryExporter::Scope::Topic), 2);
    const QByteArrayList lines = out.data().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[2].isEmpty());

    // Exactly the lines of `mqttscope-cli sub --json` (MessageJson).
    QCOMPARE(
        lines[0],
        QByteArray(R"({"time":"2023-11-14T22:13:20.123Z","topic":"dev/1","qos":1,"retain":true,)"
                   R"("dup":false,"properties":{"content-type":"text/plain",)"
                   R"("correlation-data":"\u0001\u0002","user-property":[["a","b"]]},)"
                   R"("payload":"héllo"})"));
    QCOMPARE(
        lines[1],
        QByteArray(R"({"time":"2023-11-14T22:13:20.124Z","topic":"dev/1","qos":0,"retain":false,)"
                   R"("dup":false,"properties":{},"payload_base64":"/wAB"})"));
    for (int i = 0; i < 2; ++i) {
        QString error;
        const std::optional<Message> back = MessageJson::fromLine(lines[i], &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->payload, i == 0 ? m.payload : binary.payload);
        QCOMPARE(back->properties, i == 0 ? m.properties : binary.properties);
    }
}

void tst_MessageHistory::exportCsv()
{
    ExplorerData data;
    data.ingest({message("a,b").payload("say \"hi\",\nbye"),
                 message("a,b").payload(QByteArray("\x00", 1)).receivedAt(1000)},
                1);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    HistoryExporter exporter(data.store(), data.history());
    QCOMPARE(exporter.writeCsv(out, data.store().find("a,b"), HistoryExporter::Scope::Topic), 2);
    QCOMPARE(
        out.data(),
        QByteArray("time,topic,qos,retain,dup,size,payload_encoding,payload,properties\r\n"
                   "1970-01-01T00:00:00.000Z,\"a,b\",0,0,0,13,utf8,\"say \"\"hi\"\",\nbye\",\r\n"
                   "1970-01-01T00:00:01.000Z,\"a,b\",0,0,0,1,base64,AA==,\r\n"));

    // Forced base64 round-trips any payload.
    QBuffer forced;
    forced.open(QIODevice::WriteOnly);
    exporter.setPayloadEncoding(HistoryExporter::PayloadEncoding::Base64);
    exporter.writeCsv(forced, data.store().find("a,b"), HistoryExporter::Scope::Topic);
    QVERIFY(forced.data().contains(",base64," + QByteArray("say \"hi\",\nbye").toBase64() + ","));
}

void tst_MessageHistory::exportSubtreeInArrivalOrder()
{
    ExplorerData data;
    data.ingest({message("s/x").payload("1"), message("s/y/z").payload("2"),
                 message("t").payload("3"), message("s/x").payload("4"), message("s").payload("5")},
                1);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    const HistoryExporter exporter(data.store(), data.history());
    QCOMPARE(exporter.writeJsonLines(out, data.store().find("s"), HistoryExporter::Scope::Subtree),
             4);
    QStringList order;
    for (const QByteArray &line : out.data().split('\n')) {
        if (!line.isEmpty())
            order.append(QJsonDocument::fromJson(line).object()["payload"_L1].toString());
    }
    QCOMPARE(order, (QStringList{u"1"_s, u"2"_s, u"4"_s, u"5"_s}));
}

void tst_MessageHistory::statisticsTotalsAndRates()
{
    Statistics stats(2);
    stats.addMessagesIn(10, 1'000);
    stats.addMessagesIn(30, 2'500);
    stats.addBytes(400, 50, 2'600);
    stats.addMessagesOut(4, 2'999);
    QCOMPARE(stats.total(Statistics::MessagesIn), 40);
    QCOMPARE(stats.total(Statistics::BytesIn), 400);
    QCOMPARE(stats.total(Statistics::BytesOut), 50);
    // At 3.0 s the complete seconds in the window are 1 and 2.
    QCOMPARE(stats.perSecond(Statistics::MessagesIn, 3'000), 20.0);
    QCOMPARE(stats.perSecond(Statistics::BytesIn, 3'000), 200.0);
    QCOMPARE(stats.perSecond(Statistics::MessagesOut, 3'000), 2.0);
    // The running second does not count yet.
    QCOMPARE(stats.perSecond(Statistics::MessagesIn, 2'999), 5.0);
    const Statistics::Snapshot snapshot = stats.snapshot(3'000);
    QCOMPARE(snapshot.totals[Statistics::MessagesOut], 4);
    QCOMPARE(snapshot.perSecond[Statistics::BytesOut], 25.0);
}

void tst_MessageHistory::statisticsWindowSlides()
{
    Statistics stats(2);
    stats.addMessagesIn(100, 1'000);
    QCOMPARE(stats.perSecond(Statistics::MessagesIn, 2'000), 50.0);
    QCOMPARE(stats.perSecond(Statistics::MessagesIn, 4'000), 0.0);
    // A bucket reused for a later second starts from zero.
    stats.addMessagesIn(6, 4'000);
    QCOMPARE(stats.perSecond(Statistics::MessagesIn, 5'000), 3.0);
    QCOMPARE(stats.total(Statistics::MessagesIn), 106);
    stats.reset();
    QCOMPARE(stats.total(Statistics::MessagesIn), 0);
    QCOMPARE(stats.perSecond(Statistics::MessagesIn, 5'000), 0.0);
}

void tst_MessageHistory::statisticsSettleWhenTheWindowIsEmpty()
{
    Statistics stats(2);
    QVERIFY(stats.isSettled(1'000)); // nothing ever counted
    stats.addBytes(10, 0, 1'500);
    // Counted in the second under way: the rates still read zero but rise at the next second.
    QCOMPARE(stats.perSecond(Statistics::BytesIn, 1'999), 0.0);
    QVERIFY(!stats.isSettled(1'999));
    QVERIFY(!stats.isSettled(3'999)); // second 1 is the oldest of the window [1, 2]
    QCOMPARE(stats.perSecond(Statistics::BytesIn, 3'999), 5.0);
    QVERIFY(stats.isSettled(4'000));
    QCOMPARE(stats.perSecond(Statistics::BytesIn, 4'000), 0.0);
    // A zero amount changes no rate.
    stats.addMessagesOut(0, 4'100);
    QVERIFY(stats.isSettled(4'100));
}

QTEST_GUILESS_MAIN(tst_MessageHistory)
#include "tst_messagehistory.moc"

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

QByteArrayList payloads(const MessageHistory &history, TopicNodeId topic)
{
    QByteArrayList result;
    const QList<HistoryEntry> entries = history.entries(topic);
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
    void retentionByCount_data();
    void retentionByCount();
    void retentionByBytesEvictsOldestOfConnection();
    void neverTruncates();
    void lowerLimitsEvictAtOnce();
    void entriesAfterSequence();
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
    MessageHistory history;
    Message m = message("t").payload("p").receivedAt(1234);
    m.qos = 2;
    m.retain = true;
    m.dup = true;
    m.properties.edit().contentType = u"text/plain"_s;
    m.properties.edit().userProperties = {{u"k"_s, u"v"_s}};
    history.append(7, m);
    history.append(7, message("t").payload("plain"));
    const QList<HistoryEntry> entries = history.entries(7);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].payload, QByteArray("p"));
    QCOMPARE(entries[0].receivedMsecs, 1234);
    QCOMPARE(entries[0].qos, 2);
    QVERIFY(entries[0].retain && entries[0].dup);
    QVERIFY(!entries[0].properties.isEmpty());
    QCOMPARE(*entries[0].properties, *m.properties);
    QVERIFY(entries[1].properties.isEmpty()); // 3.1.1 style: none
    QVERIFY(entries[0].sequence < entries[1].sequence);
}

void tst_MessageHistory::retentionByCount_data()
{
    QTest::addColumn<int>("perTopic");
    QTest::addColumn<int>("sent");
    QTest::addColumn<QByteArrayList>("kept");
    QTest::newRow("under") << 5 << 3 << QByteArrayList{"0", "1", "2"};
    QTest::newRow("at") << 3 << 3 << QByteArrayList{"0", "1", "2"};
    QTest::newRow("over: oldest go") << 3 << 7 << QByteArrayList{"4", "5", "6"};
    QTest::newRow("one") << 1 << 4 << QByteArrayList{"3"};
    QTest::newRow("disabled") << 0 << 4 << QByteArrayList{};
}

void tst_MessageHistory::retentionByCount()
{
    QFETCH(int, perTopic);
    QFETCH(int, sent);
    QFETCH(QByteArrayList, kept);
    MessageHistory history({qint64(1) << 30, perTopic});
    for (int i = 0; i < sent; ++i) {
        history.append(1, message("a").payload(QByteArray::number(i)));
        history.append(2, message("b").payload("other"));
    }
    QCOMPARE(payloads(history, 1), kept);
    QCOMPARE(history.count(1), kept.size());
    QCOMPARE(history.count(2), qMin(perTopic, sent));
    QCOMPARE(history.entryCount(), kept.size() + qMin(perTopic, sent));
}

void tst_MessageHistory::retentionByBytesEvictsOldestOfConnection()
{
    const qint64 each = 100 + MessageHistory::EntryOverheadBytes;
    MessageHistory history({each * 3, 1000});
    history.append(1, message("a").payload(QByteArray(100, 'a')));
    history.append(2, message("b").payload(QByteArray(100, 'b')));
    history.append(1, message("a").payload(QByteArray(100, 'c')));
    QCOMPARE(history.bytesUsed(), each * 3);
    history.append(3, message("c").payload(QByteArray(100, 'd')));
    // The connection's oldest message (a's first) went, whatever topic it was on.
    QCOMPARE(history.bytesUsed(), each * 3);
    QCOMPARE(payloads(history, 1), QByteArrayList{QByteArray(100, 'c')});
    QCOMPARE(history.count(2), 1);
    QCOMPARE(history.count(3), 1);
}

void tst_MessageHistory::neverTruncates()
{
    // A payload bigger than the whole budget is kept whole, alone, rather than cut.
    MessageHistory history({1024, 10});
    history.append(1, message("small").payload("x"));
    const QByteArray big(4096, 'z');
    history.append(2, message("big").payload(big));
    QCOMPARE(history.count(1), 0);
    QCOMPARE(history.count(2), 0);
    QCOMPARE(history.entryCount(), 0);
    QCOMPARE(history.bytesUsed(), 0);
    // Within the budget a big payload stays byte for byte.
    MessageHistory roomy({1 << 20, 10});
    roomy.append(2, message("big").payload(big));
    QCOMPARE(payloads(roomy, 2), QByteArrayList{big});
}

void tst_MessageHistory::lowerLimitsEvictAtOnce()
{
    MessageHistory history;
    for (int i = 0; i < 10; ++i)
        history.append(1, message("a").payload(QByteArray::number(i)));
    history.setLimits({history.limits().byteBudget, 2});
    QCOMPARE(payloads(history, 1), (QByteArrayList{"8", "9"}));
    history.setLimits({1 + MessageHistory::EntryOverheadBytes, 2});
    QCOMPARE(payloads(history, 1), QByteArrayList{"9"});
}

void tst_MessageHistory::entriesAfterSequence()
{
    MessageHistory history;
    for (int i = 0; i < 4; ++i)
        history.append(1, message("a").payload(QByteArray::number(i)));
    const quint64 second = history.entries(1)[1].sequence;
    const QList<HistoryEntry> newer = history.entries(1, second);
    QCOMPARE(newer.size(), 2);
    QCOMPARE(newer[0].payload, QByteArray("2"));
    QCOMPARE(history.oldestSequence(1), history.entries(1)[0].sequence);
    QCOMPARE(history.oldestSequence(99), 0u);
}

void tst_MessageHistory::removeSubtreeDropsHistory()
{
    ExplorerData data;
    data.ingest(
        {message("a/b").payload("1"), message("a/b/c").payload("2"), message("d").payload("3")}, 1);
    (void)data.store().takeChanges();
    const TopicNodeId c = data.store().find("a/b/c");
    data.removeSubtree(data.store().find("a"));
    QCOMPARE(data.history().count(c), 0);
    QCOMPARE(data.history().entryCount(), 1);
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

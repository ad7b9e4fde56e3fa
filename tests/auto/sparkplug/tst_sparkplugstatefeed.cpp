// SPDX-License-Identifier: GPL-3.0-or-later
// SparkplugStateFeed hands on only what the tree shows (online, issues) and the BIRTHs' aliases;
// SparkplugAliasBook gives a DATA message the names of the BIRTHs before it.
#include "decode/sparkplugaliasbook.h"
#include "decode/sparkplugpayload.h"
#include "decode/sparkplugstatefeed.h"

#include <QTest>

using namespace mqttscope;

namespace {

Message message(const QByteArray &topic, const QList<Sparkplug::CommandMetric> &metrics,
                std::optional<quint64> seq, qint64 msecs = 1700000000000)
{
    QString error;
    const auto payload = Sparkplug::encodePayload(metrics, msecs, seq, &error);
    if (!payload)
        qFatal("%s", qPrintable(error));
    return Message{topic, *payload, 0, false, false, {}, msecs, 0};
}

Message nbirth(qint64 msecs = 1700000000000)
{
    return message("spBv1.0/g/NBIRTH/n",
                   {{u"bdSeq"_qs, u"UInt64"_qs, 1}, {u"Uptime"_qs, u"Int64"_qs, 0, 1}}, 0, msecs);
}
Message dbirth(quint64 seq, const QString &name = u"Temperature"_qs, qint64 msecs = 1700000000000)
{
    return message("spBv1.0/g/DBIRTH/n/d", {{name, u"Float"_qs, 20.5, 10}}, seq, msecs);
}
Message ddata(quint64 seq)
{
    return message("spBv1.0/g/DDATA/n/d", {{QString(), u"Float"_qs, 21.5, 10}}, seq);
}
Message ndeath()
{
    return message("spBv1.0/g/NDEATH/n", {{u"bdSeq"_qs, u"UInt64"_qs, 1}}, std::nullopt);
}

const SparkplugEndpointChange *find(const SparkplugStateChanges &changes, const QString &device)
{
    for (const SparkplugEndpointChange &e : changes.endpoints) {
        if (!e.isHost() && e.device == device)
            return &e;
    }
    return nullptr;
}

} // namespace

class TestSparkplugStateFeed : public QObject
{
    Q_OBJECT

private slots:
    void birthsAndDeathsAreHandedOn();
    void cleanDataHandsOnNothing();
    void issuesAreHandedOn();
    void otherTopicsNeverReachTheTracker();
    void hostStateIsHandedOn();
    void aliasBookReadsWithTheBirthBefore();
};

void TestSparkplugStateFeed::birthsAndDeathsAreHandedOn()
{
    SparkplugStateFeed feed;
    feed.observe({nbirth(), dbirth(1)});
    SparkplugStateChanges changes = feed.takeChanges();
    QCOMPARE(changes.endpoints.size(), 2);
    QVERIFY(find(changes, {}) && find(changes, {})->online);
    QVERIFY(find(changes, u"d"_qs) && find(changes, u"d"_qs)->online);
    QCOMPARE(changes.births.size(), 2);
    QCOMPARE(changes.births[0].aliases.value(1), u"Uptime"_qs);
    QCOMPARE(changes.births[1].device, u"d"_qs);
    QCOMPARE(changes.births[1].aliases.value(10), u"Temperature"_qs);
    QVERIFY(!feed.hasChanges());

    // The NDEATH takes the device offline with its node
    // [tck-id-operational-behavior-edge-node-termination-host-action-ndeath-devices-offline].
    feed.observe({ndeath()});
    changes = feed.takeChanges();
    QCOMPARE(changes.endpoints.size(), 2);
    QVERIFY(!find(changes, {})->online);
    QVERIFY(!find(changes, u"d"_qs)->online);
    QVERIFY(changes.births.isEmpty());
}

void TestSparkplugStateFeed::cleanDataHandsOnNothing()
{
    SparkplugStateFeed feed;
    feed.observe({nbirth(), dbirth(1)});
    feed.takeChanges();
    QList<Message> flood;
    for (quint64 seq = 2; seq < 300; ++seq)
        flood.append(ddata(seq % 256));
    feed.observe(flood);
    QVERIFY(!feed.hasChanges());
}

void TestSparkplugStateFeed::issuesAreHandedOn()
{
    SparkplugStateFeed feed;
    feed.observe({nbirth(), dbirth(1), ddata(2)});
    feed.takeChanges();
    // [tck-id-payloads-sequence-num-incrementing] seq 3 and 4 never came
    feed.observe({ddata(5), ddata(6)});
    const SparkplugStateChanges changes = feed.takeChanges();
    QCOMPARE(changes.endpoints.size(), 1);
    const SparkplugEndpointChange *node = find(changes, {});
    QVERIFY(node);
    QVERIFY(node->online);
    QCOMPARE(node->issueCount, 1);
    QCOMPARE(node->lastIssue, u"seq 3 expected, 5 received"_qs);
}

void TestSparkplugStateFeed::otherTopicsNeverReachTheTracker()
{
    SparkplugStateFeed feed;
    Message other = nbirth();
    other.topic = "plant/NBIRTH/n";
    feed.observe({other});
    QVERIFY(!feed.hasChanges());
    QVERIFY(!feed.tracker().node(u"g"_qs, u"n"_qs));
}

void TestSparkplugStateFeed::hostStateIsHandedOn()
{
    SparkplugStateFeed feed;
    // [tck-id-host-topic-phid-birth-payload] {"online":true,"timestamp":...}
    Message state;
    state.topic = "spBv1.0/STATE/scada";
    state.payload = R"({"online":true,"timestamp":1})";
    feed.observe({state});
    SparkplugStateChanges changes = feed.takeChanges();
    QCOMPARE(changes.endpoints.size(), 1);
    QCOMPARE(changes.endpoints[0].hostId, u"scada"_qs);
    QVERIFY(changes.endpoints[0].online);
    feed.observe({state});
    QVERIFY(!feed.hasChanges());
    state.payload = R"({"online":false,"timestamp":2})";
    feed.observe({state});
    changes = feed.takeChanges();
    QCOMPARE(changes.endpoints.size(), 1);
    QVERIFY(!changes.endpoints[0].online);
}

// [tck-id-payloads-alias-birth-requirement] names come from the BIRTH; a rebirth may rename.
void TestSparkplugStateFeed::aliasBookReadsWithTheBirthBefore()
{
    SparkplugStateFeed feed;
    feed.observe({nbirth(1000), dbirth(1, u"Temperature"_qs, 1000), nbirth(2000),
                  dbirth(1, u"Pressure"_qs, 2000)});
    SparkplugAliasBook book;
    for (const SparkplugBirth &birth : feed.takeChanges().births)
        book.add(birth);
    const QByteArray topic = "spBv1.0/g/DDATA/n/d";
    QCOMPARE(book.aliasesFor(topic, 1500).value(10), u"Temperature"_qs);
    QCOMPARE(book.aliasesFor(topic, 1500).value(1), u"Uptime"_qs);
    QCOMPARE(book.aliasesFor(topic, 2500).value(10), u"Pressure"_qs);
    QVERIFY(book.aliasesFor(topic, 500).isEmpty());
    QVERIFY(book.aliasesFor("spBv1.0/STATE/h", 2500).isEmpty());
    QVERIFY(book.aliasesFor("plain/topic", 2500).isEmpty());
    // After a node's rebirth and before its device's, the device's old names no longer hold.
    book.add({u"g"_qs, u"n"_qs, {}, 3000, {{1, u"Uptime"_qs}}});
    QVERIFY(!book.aliasesFor(topic, 3500).contains(10));
}

QTEST_GUILESS_MAIN(TestSparkplugStateFeed)
#include "tst_sparkplugstatefeed.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SparkplugTracker over hand-made sessions: seq gaps, out of order, the 255 -> 0 wrap, DATA
// before BIRTH, bdSeq mismatches, alias resolution, rebirth, host STATE.
#include "decode/sparkplugpayload.h"
#include "decode/sparkplugtracker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mqttscope;
using Issue = SparkplugTracker::Issue;

namespace {

Message message(const QByteArray &topic, const QList<Sparkplug::CommandMetric> &metrics,
                std::optional<quint64> seq)
{
    QString error;
    const auto payload = Sparkplug::encodePayload(metrics, 1700000000000, seq, &error);
    if (!payload)
        qFatal("%s", qPrintable(error));
    return Message{topic, *payload, 0, false, false, {}, 1700000000000, 0};
}

Message nbirth(quint64 bdSeq, quint64 seq = 0)
{
    return message("spBv1.0/g/NBIRTH/n",
                   {{u"bdSeq"_qs, u"UInt64"_qs, bdSeq}, {u"Uptime"_qs, u"Int64"_qs, 0, 1}}, seq);
}
Message ndata(quint64 seq)
{
    return message("spBv1.0/g/NDATA/n", {{QString(), u"Int64"_qs, 5, 1}}, seq);
}
Message dbirth(quint64 seq)
{
    return message("spBv1.0/g/DBIRTH/n/d", {{u"Temperature"_qs, u"Float"_qs, 20.5, 10}}, seq);
}
Message ddata(quint64 seq, quint64 alias = 10)
{
    return message("spBv1.0/g/DDATA/n/d", {{QString(), u"Float"_qs, 21.5, alias}}, seq);
}
Message ndeath(quint64 bdSeq)
{
    return message("spBv1.0/g/NDEATH/n", {{u"bdSeq"_qs, u"UInt64"_qs, bdSeq}}, std::nullopt);
}

Message raw(const QByteArray &topic, const QByteArray &payload)
{
    Message m;
    m.topic = topic;
    m.payload = payload;
    return m;
}

QList<Issue> issues(const SparkplugTracker::Observation &o)
{
    QList<Issue> out;
    for (const auto &r : o.reports)
        out.append(r.issue);
    return out;
}

} // namespace

class TestSparkplugTracker : public QObject
{
    Q_OBJECT

private slots:
    void cleanSessionHasNoReports();
    void sequenceGapIsFlagged();
    void sequenceOutOfOrderIsFlagged();
    void sequenceWrapsFrom255To0();
    void dataBeforeBirthIsFlagged();
    void bdSeqMismatchKeepsTheNodeOnline();
    void aliasesResolveToBirthNames();
    void unknownAliasIsFlagged();
    void rebirthResetsSequenceAndDevices();
    void deathTakesDevicesOffline();
    void hostState();
    void malformedPayloadIsReported();
    void otherTopicsAreIgnored();
    void stateOnlyReadsTheSame();
};

void TestSparkplugTracker::cleanSessionHasNoReports()
{
    SparkplugTracker t;
    QVERIFY(t.observe(nbirth(3)).reports.isEmpty());
    QVERIFY(t.observe(dbirth(1)).reports.isEmpty());
    QVERIFY(t.observe(ddata(2)).reports.isEmpty());
    QVERIFY(t.observe(ndata(3)).reports.isEmpty());
    const auto node = t.node(u"g"_qs, u"n"_qs);
    QVERIFY(node && node->online);
    QCOMPARE(node->bdSeq, 3u);
    QCOMPARE(node->lastSeq, 3u);
    QCOMPARE(node->issueCount, 0);
    QVERIFY(t.device(u"g"_qs, u"n"_qs, u"d"_qs)->online);
}

void TestSparkplugTracker::sequenceGapIsFlagged()
{
    // [tck-id-payloads-sequence-num-incrementing]
    SparkplugTracker t;
    t.observe(nbirth(0));
    t.observe(ndata(1));
    const auto o = t.observe(ndata(4));
    QCOMPARE(issues(o), QList<Issue>{Issue::SequenceGap});
    QVERIFY2(o.reports[0].text.contains(u"2"_qs) && o.reports[0].text.contains(u"4"_qs),
             qPrintable(o.reports[0].text));
    QVERIFY(t.observe(ndata(5)).reports.isEmpty()); // in step again after the gap
    QCOMPARE(t.node(u"g"_qs, u"n"_qs)->issueCount, 1);
}

void TestSparkplugTracker::sequenceOutOfOrderIsFlagged()
{
    SparkplugTracker t;
    t.observe(nbirth(0));
    t.observe(ndata(1));
    t.observe(ndata(2));
    QCOMPARE(issues(t.observe(ndata(1))), QList<Issue>{Issue::SequenceOutOfOrder});
    QCOMPARE(issues(t.observe(ndata(1))), QList<Issue>{Issue::SequenceOutOfOrder}); // repeated
    QCOMPARE(issues(t.observe(ndata(300))), QList<Issue>{Issue::SequenceOutOfOrder}); // > 255
}

void TestSparkplugTracker::sequenceWrapsFrom255To0()
{
    SparkplugTracker t;
    t.observe(nbirth(0));
    for (quint64 seq = 1; seq <= 255; ++seq)
        QVERIFY(t.observe(ndata(seq)).reports.isEmpty());
    QVERIFY(t.observe(ndata(0)).reports.isEmpty());
    QVERIFY(t.observe(dbirth(1)).reports.isEmpty()); // DBIRTH/DDATA share the node's seq
    QCOMPARE(issues(t.observe(ddata(3))), QList<Issue>{Issue::SequenceGap});
}

void TestSparkplugTracker::dataBeforeBirthIsFlagged()
{
    SparkplugTracker t;
    QVERIFY(issues(t.observe(ndata(1))).contains(Issue::DataWithoutBirth));
    t.observe(nbirth(0));
    const auto o = t.observe(ddata(1)); // no DBIRTH for d yet
    QCOMPARE(issues(o), QList<Issue>{Issue::DataWithoutBirth});
    QVERIFY(o.reports[0].text.contains(u"DBIRTH"_qs));
    QCOMPARE(t.device(u"g"_qs, u"n"_qs, u"d"_qs)->issueCount, 1);
}

void TestSparkplugTracker::bdSeqMismatchKeepsTheNodeOnline()
{
    // [tck-id-payloads-ndeath-bdseq] a will from an earlier session
    SparkplugTracker t;
    t.observe(nbirth(7));
    const auto o = t.observe(ndeath(6));
    QCOMPARE(issues(o), QList<Issue>{Issue::BdSeqMismatch});
    QVERIFY(t.node(u"g"_qs, u"n"_qs)->online);
    QVERIFY(t.observe(ndeath(7)).reports.isEmpty());
    QVERIFY(!t.node(u"g"_qs, u"n"_qs)->online);
}

void TestSparkplugTracker::aliasesResolveToBirthNames()
{
    // [tck-id-payloads-alias-birth-requirement] names in BIRTH, aliases alone in DATA
    SparkplugTracker t;
    t.observe(nbirth(0));
    t.observe(dbirth(1));
    const auto device = t.observe(ddata(2));
    const QJsonObject metrics =
        QJsonDocument::fromJson(device.decoded.json).object()[u"metrics"_qs].toObject();
    QCOMPARE(metrics.keys(), QStringList{u"Temperature"_qs});
    QCOMPARE(metrics[u"Temperature"_qs][u"value"_qs].toDouble(), 21.5);
    const auto node = t.observe(ndata(3));
    QVERIFY(QJsonDocument::fromJson(node.decoded.json)
                .object()[u"metrics"_qs]
                .toObject()
                .contains(u"Uptime"_qs));
}

void TestSparkplugTracker::unknownAliasIsFlagged()
{
    SparkplugTracker t;
    t.observe(nbirth(0));
    t.observe(dbirth(1));
    const auto o = t.observe(ddata(2, 99));
    QCOMPARE(issues(o), QList<Issue>{Issue::UnknownAlias});
    QVERIFY(QJsonDocument::fromJson(o.decoded.json)
                .object()[u"metrics"_qs]
                .toObject()
                .contains(u"alias:99"_qs));
}

void TestSparkplugTracker::rebirthResetsSequenceAndDevices()
{
    SparkplugTracker t;
    t.observe(nbirth(0));
    t.observe(dbirth(1));
    t.observe(ddata(2));
    QVERIFY(t.observe(nbirth(1)).reports.isEmpty()); // a rebirth: seq 0 again, no gap
    QCOMPARE(t.node(u"g"_qs, u"n"_qs)->bdSeq, 1u);
    QVERIFY(!t.device(u"g"_qs, u"n"_qs, u"d"_qs)->online); // until its DBIRTH
    QCOMPARE(issues(t.observe(ddata(1))), QList<Issue>{Issue::DataWithoutBirth});
    QVERIFY(t.observe(dbirth(2)).reports.isEmpty());
    QVERIFY(t.observe(ddata(3)).reports.isEmpty());
}

void TestSparkplugTracker::deathTakesDevicesOffline()
{
    SparkplugTracker t;
    t.observe(nbirth(4));
    t.observe(dbirth(1));
    QVERIFY(t.observe(message("spBv1.0/g/DDEATH/n/d", {}, 2)).reports.isEmpty());
    QVERIFY(!t.device(u"g"_qs, u"n"_qs, u"d"_qs)->online);
    t.observe(dbirth(3));
    QVERIFY(t.observe(ndeath(4)).reports.isEmpty());
    // [tck-id-operational-behavior-edge-node-termination-host-action-ndeath-devices-offline]
    QVERIFY(!t.device(u"g"_qs, u"n"_qs, u"d"_qs)->online);
    QCOMPARE(t.node(u"g"_qs, u"n"_qs)->lastDeathMsecs, 1700000000000);
}

void TestSparkplugTracker::hostState()
{
    // [tck-id-host-topic-phid-birth-payload] / [tck-id-host-topic-phid-death-payload]
    SparkplugTracker t;
    QVERIFY(!t.hostOnline(u"scada"_qs));
    const QByteArray topic = "spBv1.0/STATE/scada";
    t.observe(raw(topic, R"({"online":true,"timestamp":1700000000000})"));
    QCOMPARE(t.hostOnline(u"scada"_qs), true);
    t.observe(raw(topic, R"({"online":false,"timestamp":1700000000001})"));
    QCOMPARE(t.hostOnline(u"scada"_qs), false);
    const auto bad = t.observe(raw(topic, "maybe"));
    QCOMPARE(issues(bad), QList<Issue>{Issue::MalformedPayload});
    QCOMPARE(t.hostOnline(u"scada"_qs), false);
}

void TestSparkplugTracker::malformedPayloadIsReported()
{
    SparkplugTracker t;
    t.observe(nbirth(0));
    const auto o = t.observe(raw("spBv1.0/g/NDATA/n", QByteArray("\x12\xff", 2)));
    QCOMPARE(issues(o), QList<Issue>{Issue::MalformedPayload});
    QCOMPARE(o.decoded.status, DecodedPayload::Status::Failed);
}

void TestSparkplugTracker::otherTopicsAreIgnored()
{
    SparkplugTracker t;
    const auto o = t.observe(raw("plant/line1", "{}"));
    QVERIFY(!o.topic);
    QVERIFY(o.reports.isEmpty());
    QCOMPARE(o.decoded.status, DecodedPayload::Status::NotDecoded);
    t.observe(nbirth(0));
    t.clear();
    QVERIFY(!t.node(u"g"_qs, u"n"_qs));
}

void TestSparkplugTracker::stateOnlyReadsTheSame()
{
    // A session with each kind of issue, read by a tracker that keeps only the state (as a
    // connection's feed does) and by one that also writes the JSON: the same reports and state.
    const QList<Message> session = {
        ndata(1), // before the NBIRTH
        nbirth(5),
        dbirth(1),
        ddata(2),
        ddata(5), // a gap
        ddata(6, 99), // an unknown alias
        ddata(4), // out of order
        raw("spBv1.0/g/NDATA/n", QByteArray("\x12\xff", 2)), // malformed
        ndeath(4), // a stale will
        ndeath(5),
    };
    SparkplugTracker state;
    SparkplugTracker full;
    QList<Issue> reported;
    for (const Message &message : session) {
        const auto fromState = state.observe(message, SparkplugTracker::Detail::State);
        const auto fromFull = full.observe(message, SparkplugTracker::Detail::StateAndJson);
        QCOMPARE(issues(fromState), issues(fromFull));
        reported += issues(fromState);
        QVERIFY(fromState.decoded.json.isEmpty());
        QCOMPARE(fromState.decoded.status == DecodedPayload::Status::Failed,
                 fromFull.decoded.status == DecodedPayload::Status::Failed);
    }
    for (Issue issue : {Issue::DataWithoutBirth, Issue::SequenceGap, Issue::UnknownAlias,
                        Issue::SequenceOutOfOrder, Issue::MalformedPayload, Issue::BdSeqMismatch})
        QVERIFY(reported.contains(issue));
    QCOMPARE(state.node(u"g"_qs, u"n"_qs)->issueCount, full.node(u"g"_qs, u"n"_qs)->issueCount);
    QCOMPARE(state.node(u"g"_qs, u"n"_qs)->online, false);
    QCOMPARE(state.device(u"g"_qs, u"n"_qs, u"d"_qs)->issueCount,
             full.device(u"g"_qs, u"n"_qs, u"d"_qs)->issueCount);
    QCOMPARE(state.aliases(u"g"_qs, u"n"_qs, u"d"_qs), full.aliases(u"g"_qs, u"n"_qs, u"d"_qs));
    QVERIFY(!state.aliases(u"g"_qs, u"n"_qs, u"d"_qs).isEmpty());
}

QTEST_GUILESS_MAIN(TestSparkplugTracker)
#include "tst_sparkplugtracker.moc"

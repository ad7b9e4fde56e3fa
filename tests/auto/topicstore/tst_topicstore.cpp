// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/topicfilter.h"
#include "explorer/topicstore.h"
#include "protocol/topic.h"
#include "messagebuilder.h"

#include <QTest>

using namespace mqttscope;
using namespace mqttscope::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QList<Message> messages(const QStringList &topics)
{
    QList<Message> batch;
    for (const QString &topic : topics)
        batch.append(message(topic.toUtf8()).payload("x"));
    return batch;
}

// "a(b(c),d)": levels in insertion order, children in parentheses.
QString shape(const TopicStore &store, TopicNodeId node = TopicStore::RootId)
{
    QStringList parts;
    for (const TopicNodeId child : store.children(node)) {
        QString part = QString::fromUtf8(store.level(child));
        if (store.childCount(child) > 0)
            part += u'(' + shape(store, child) + u')';
        parts.append(part);
    }
    return parts.join(u',');
}

QString matchedTopics(const TopicStore &store, const TopicMatchSet &set, bool visible = false)
{
    QStringList topics;
    for (TopicNodeId id = 1; id < store.nodeIdLimit(); ++id) {
        if (visible ? set.isVisible(id) : set.isMatch(id))
            topics.append(QString::fromUtf8(store.topic(id)));
    }
    topics.sort();
    return topics.join(u' ');
}

const QStringList sampleTopics{
    u"home/kitchen/temperature"_s,
    u"home/kitchen/humidity"_s,
    u"home/Garage/door"_s,
    u"office/temperature"_s,
    u"$SYS/broker/uptime"_s,
    u"sensors/Größe"_s,
    u"a//b"_s,
    u"/leading"_s,
};

} // namespace

class tst_TopicStore : public QObject
{
    Q_OBJECT
private slots:
    void shapeAfterMessages_data();
    void shapeAfterMessages();
    void countsAndLatestMessage();
    void payloadKeptWhole();
    void reportsSupersededLatest();
    void retainedMarker();
    void findAndTopicNames_data();
    void findAndTopicNames();
    void changesOneRangePerParent();
    void changesAfterTake();
    void removeSubtree();
    void clear();
    void ratePerSecond();
    void ratedNodesUntilTheirRateSettles();
    void rateAfterSixteenBitsOfSeconds();
    void leafGainingChildrenKeepsItsCounts();
    void levelsAreInterned();

    void filter_data();
    void filter();
    void filterVisibleIncludesAncestors();
    void filterInvalidPatterns_data();
    void filterInvalidPatterns();
    void wildcardAgreesWithTopicMatches_data();
    void wildcardAgreesWithTopicMatches();
    void filterUpdateRevealsNewMatches();
    void filterForgetsARemovedSubtree();
    void payloadFilterUpdate();
};

void tst_TopicStore::shapeAfterMessages_data()
{
    QTest::addColumn<QStringList>("topics");
    QTest::addColumn<QString>("expected");
    QTest::newRow("single") << QStringList{u"a"_s} << u"a"_s;
    QTest::newRow("nested") << QStringList{u"a/b/c"_s, u"a/d"_s} << u"a(b(c),d)"_s;
    QTest::newRow("insertion order kept")
        << QStringList{u"z"_s, u"a"_s, u"m/x"_s, u"m/b"_s} << u"z,a,m(x,b)"_s;
    QTest::newRow("repeats add nothing") << QStringList{u"a/b"_s, u"a/b"_s, u"a"_s} << u"a(b)"_s;
    // Empty levels are levels too [MQTT-4.7.3-?]: "a//b" has three, "/x" starts with an empty one.
    QTest::newRow("empty levels") << QStringList{u"a//b"_s, u"/x"_s} << u"a((b)),(x)"_s;
}

void tst_TopicStore::shapeAfterMessages()
{
    QFETCH(QStringList, topics);
    QFETCH(QString, expected);
    TopicStore store;
    store.ingest(messages(topics), 1000);
    QCOMPARE(shape(store), expected);
}

void tst_TopicStore::countsAndLatestMessage()
{
    TopicStore store;
    store.ingest({message("a/b").payload("1"), message("a/b").payload("2").qos(1),
                  message("a/c").payload("3"), message("a").payload("4")},
                 5000);
    const TopicNodeId a = store.find("a");
    const TopicNodeId b = store.find("a/b");
    QVERIFY(a != TopicStore::InvalidId && b != TopicStore::InvalidId);
    QCOMPARE(store.messageCount(b), 2u);
    QCOMPARE(store.latestPayload(b), QByteArray("2"));
    QCOMPARE(store.latestQos(b), 1);
    QCOMPARE(store.messageCount(a), 1u);
    QCOMPARE(store.subtreeMessageCount(a), 4u);
    QCOMPARE(store.subtreeTopicCount(a), 2u);
    QCOMPARE(store.subtreeTopicCount(TopicStore::RootId), 3u);
    QCOMPARE(store.topicCount(), 3);
    QCOMPARE(store.lastChangeMsecs(b), 5000);
    QVERIFY(store.hasMessage(a));
    store.ingest({message("x/y/z").payload("x")}, 6000);
    QVERIFY(!store.hasMessage(store.find("x/y")));
    QCOMPARE(store.subtreeTopicCount(store.find("x")), 1u);
}

void tst_TopicStore::payloadKeptWhole()
{
    QByteArray big(3 * 1024 * 1024, '\0');
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i * 7);
    TopicStore store;
    store.ingest({message("blob").payload(big)}, 1);
    QCOMPARE(store.latestPayload(store.find("blob")), big);
}

void tst_TopicStore::reportsSupersededLatest()
{
    TopicStore store;
    Message first = message("a").payload("1").qos(2).retain().receivedAt(100);
    first.properties.edit().contentType = u"text/plain"_s;
    struct : TopicStore::SupersededSink
    {
        void supersede(TopicNodeId topic, HistoryEntry &&entry) override
        {
            topics.append(topic);
            entries.append(std::move(entry));
        }
        QList<TopicNodeId> topics;
        QList<HistoryEntry> entries;
    } superseded;
    store.ingest({first, message("b").payload("x")}, 1, &superseded);
    QVERIFY(superseded.topics.isEmpty()); // nothing had a latest yet
    const TopicNodeId a = store.find("a");
    const quint64 firstSequence = store.latestSequence(a);
    store.ingest({message("a").payload("2").receivedAt(200)}, 2, &superseded);
    QCOMPARE(superseded.topics, QList<TopicNodeId>{a});
    const HistoryEntry &old = superseded.entries[0];
    QCOMPARE(old.payload, QByteArray("1"));
    QCOMPARE(old.sequence, firstSequence);
    QCOMPARE(old.receivedMsecs, 100);
    QCOMPARE(old.qos, 2);
    QVERIFY(old.retain && !old.dup);
    QCOMPARE(*old.properties, *first.properties);
    // The new latest: the next number of the one sequence, its own flags, no properties.
    const HistoryEntry latest = store.latestEntry(a);
    QVERIFY(latest.sequence > store.latestSequence(store.find("b")));
    QCOMPARE(latest.payload, QByteArray("2"));
    QVERIFY(!latest.retain && latest.properties.isEmpty());
    QVERIFY(store.isRetained(a)); // the broker still holds the retained one
    // The sequence goes on across clear(), so a history's numbers never repeat.
    store.clear();
    store.ingest({message("a").payload("3")}, 3);
    QVERIFY(store.latestSequence(store.find("a")) > latest.sequence);
}

void tst_TopicStore::retainedMarker()
{
    TopicStore store;
    store.ingest({message("r").payload("on").retain(), message("live").payload("1")}, 1);
    QVERIFY(store.isRetained(store.find("r")));
    QVERIFY(!store.isRetained(store.find("live")));
    // A live update does not mean the broker dropped the retained message.
    store.ingest({message("r").payload("off")}, 2);
    QVERIFY(store.isRetained(store.find("r")));
    QCOMPARE(store.retainedUnder(TopicStore::RootId), QList<TopicNodeId>{store.find("r")});
    // An empty payload deletes a retained message [MQTT-3.3.1-10].
    store.ingest({message("r").retain()}, 3);
    QVERIFY(!store.isRetained(store.find("r")));
    QVERIFY(store.retainedUnder(TopicStore::RootId).isEmpty());
}

void tst_TopicStore::findAndTopicNames_data()
{
    QTest::addColumn<QByteArray>("topic");
    for (const QString &topic : sampleTopics)
        QTest::newRow(topic.toUtf8().constData()) << topic.toUtf8();
}

void tst_TopicStore::findAndTopicNames()
{
    QFETCH(QByteArray, topic);
    TopicStore store;
    store.ingest(messages(sampleTopics), 1);
    const TopicNodeId node = store.find(topic);
    QVERIFY(node != TopicStore::InvalidId);
    QCOMPARE(store.topic(node), topic);
    QCOMPARE(store.depth(node), topic.count('/') + 1);
    QCOMPARE(store.child(store.parent(node), store.row(node)), node);
    QCOMPARE(store.find(topic + "/missing"), TopicStore::InvalidId);
}

void tst_TopicStore::changesOneRangePerParent()
{
    TopicStore store;
    store.ingest(messages({u"a/x"_s, u"b"_s}), 1);
    (void)store.takeChanges();

    store.ingest(messages({u"a/y"_s, u"c/new/deep"_s, u"a/z"_s, u"b"_s, u"a/x"_s}), 2);
    const TopicStoreChanges changes = store.takeChanges();
    // a got rows 1..2 in one range; c and its branch arrive as one row of the root.
    QCOMPARE(changes.inserted.size(), 2);
    QCOMPARE(changes.inserted[0].parent, store.find("a"));
    QCOMPARE(changes.inserted[0].first, 1);
    QCOMPARE(changes.inserted[0].last, 2);
    QCOMPARE(changes.inserted[1].parent, TopicStore::RootId);
    QCOMPARE(changes.inserted[1].first, 2);
    QCOMPARE(changes.inserted[1].last, 2);
    // Existing nodes touched, once each, in first-touched order; new ones are not "updated".
    QCOMPARE(changes.updated,
             (QList<TopicNodeId>{store.find("a"), store.find("b"), store.find("a/x")}));
}

void tst_TopicStore::changesAfterTake()
{
    TopicStore store;
    store.ingest(messages({u"a/b"_s}), 1);
    QVERIFY(store.hasChanges());
    (void)store.takeChanges();
    QVERIFY(!store.hasChanges());
    store.ingest(messages({u"a/b"_s}), 2);
    const TopicStoreChanges changes = store.takeChanges();
    QVERIFY(changes.inserted.isEmpty());
    QCOMPARE(changes.updated, (QList<TopicNodeId>{store.find("a"), store.find("a/b")}));
}

void tst_TopicStore::removeSubtree()
{
    TopicStore store;
    store.ingest(messages({u"a/b/c"_s, u"a/d"_s, u"a/e"_s, u"a/b"_s, u"f"_s}), 1);
    (void)store.takeChanges();
    const TopicNodeId b = store.find("a/b");
    const TopicNodeId e = store.find("a/e");
    store.removeSubtree(b);
    QCOMPARE(shape(store), u"a(d,e),f"_s);
    QVERIFY(!store.isAlive(b));
    QCOMPARE(store.row(e), 1);
    QCOMPARE(store.subtreeMessageCount(store.find("a")), 2u);
    QCOMPARE(store.subtreeTopicCount(store.find("a")), 2u);
    QCOMPARE(store.topicCount(), 3);
    QCOMPARE(store.find("a/b/c"), TopicStore::InvalidId);
    // The topic can come back, as a new node at the end.
    store.ingest(messages({u"a/b/c"_s}), 2);
    QCOMPARE(shape(store), u"a(d,e,b(c)),f"_s);
    QVERIFY(store.find("a/b") != b);
}

void tst_TopicStore::clear()
{
    TopicStore store;
    store.ingest(messages(sampleTopics), 1);
    store.clear();
    QCOMPARE(shape(store), QString());
    QCOMPARE(store.topicCount(), 0);
    QCOMPARE(store.nodeIdLimit(), 1u);
    QVERIFY(!store.hasChanges());
    store.ingest(messages({u"a"_s}), 2);
    QCOMPARE(shape(store), u"a"_s);
}

void tst_TopicStore::ratePerSecond()
{
    TopicStore store;
    QList<Message> batch = messages({u"s/a"_s, u"s/a"_s, u"s/b"_s});
    store.ingest(batch, 10'000);
    store.ingest(batch, 10'500);
    const TopicNodeId s = store.find("s");
    const TopicNodeId a = store.find("s/a");
    // Second 10 is still running: the last complete second (9) had nothing.
    QCOMPARE(store.messagesPerSecond(s, 10'900), 0u);
    QCOMPARE(store.messagesPerSecond(s, 11'000), 6u);
    QCOMPARE(store.messagesPerSecond(a, 11'999), 4u);
    store.ingest(batch, 11'200);
    QCOMPARE(store.messagesPerSecond(s, 11'300), 6u);
    QCOMPARE(store.messagesPerSecond(s, 12'000), 3u);
    QCOMPARE(store.messagesPerSecond(s, 13'000), 0u);
}

void tst_TopicStore::ratedNodesUntilTheirRateSettles()
{
    const auto rated = [](const TopicStore &store) {
        QStringList topics;
        for (const TopicNodeId node : store.ratedNodes())
            topics.append(QString::fromUtf8(store.topic(node)));
        topics.sort();
        return topics.join(u' ');
    };
    TopicStore store;
    store.ingest(messages({u"s/a"_s, u"s/b"_s}), 10'000);
    store.ingest(messages({u"s/a"_s}), 10'400);
    // Each once, never the root.
    QCOMPARE(rated(store), u"s s/a s/b"_s);
    // Second 11 shows the count of second 10: nothing has settled.
    store.forgetSettledRates(11'500);
    QCOMPARE(rated(store), u"s s/a s/b"_s);
    store.ingest(messages({u"s/a"_s}), 11'600);
    QCOMPARE(rated(store), u"s s/a s/b"_s);
    // In second 12, s/b shows 0 and stays so; s and s/a show second 11's one message.
    store.forgetSettledRates(12'020);
    QCOMPARE(store.messagesPerSecond(store.find("s/b"), 12'020), 0u);
    QCOMPARE(store.messagesPerSecond(store.find("s/a"), 12'020), 1u);
    QCOMPARE(rated(store), u"s s/a"_s);
    store.forgetSettledRates(13'020);
    QCOMPARE(rated(store), QString());
    QCOMPARE(store.messagesPerSecond(store.find("s"), 13'020), 0u);

    // A new message lists a node again; a removed one goes at the next settling.
    store.ingest(messages({u"s/b"_s}), 20'000);
    QCOMPARE(rated(store), u"s s/b"_s);
    (void)store.takeChanges();
    store.removeSubtree(store.find("s/b"));
    store.forgetSettledRates(20'100);
    QCOMPARE(rated(store), u"s"_s);
    store.clear();
    QVERIFY(store.ratedNodes().empty());

    // In slices: only the entries asked about go, and the next slice starts where they ended.
    store.ingest(messages({u"t/a"_s, u"t/b"_s, u"u"_s}), 30'000);
    store.ingest(messages({u"t/b"_s}), 31'000);
    QCOMPARE(rated(store), u"t t/a t/b u"_s);
    const std::size_t next = store.forgetSettledRates(32'020, 0, 2);
    QCOMPARE(next, std::size_t(1)); // t counted second 31 (through t/b), t/a did not
    QCOMPARE(rated(store), u"t t/b u"_s);
    QCOMPARE(store.forgetSettledRates(32'020, next, 99), std::size_t(2)); // u goes, t/b stays
    QCOMPARE(rated(store), u"t t/b"_s);
}

// A node keeps the low 16 bits of its rate's second; off the rated list its counters are stale.
void tst_TopicStore::rateAfterSixteenBitsOfSeconds()
{
    TopicStore store;
    store.ingest(messages({u"s/a"_s, u"s/a"_s}), 10'000);
    store.forgetSettledRates(12'000);
    QVERIFY(store.ratedNodes().empty());
    const TopicNodeId a = store.find("s/a");
    const qint64 wrapped = 10'000 + qint64(65'536) * 1000; // second 10 again in 16 bits
    QCOMPARE(store.messagesPerSecond(a, wrapped + 1000), 0u);
    store.ingest(messages({u"s/a"_s}), wrapped);
    QCOMPARE(store.messagesPerSecond(a, wrapped), 0u); // not 2, the count of 65,536 s before
    QCOMPARE(store.messagesPerSecond(a, wrapped + 1000), 1u);
    QCOMPARE(store.messagesPerSecond(a, wrapped + 2000), 0u);
    // Seconds 65,535 and 65,536 are adjacent across the 16-bit wrap.
    store.ingest(messages({u"s/a"_s, u"s/a"_s, u"s/a"_s}), qint64(65'535) * 1000);
    QCOMPARE(store.messagesPerSecond(a, qint64(65'536) * 1000), 3u);
    store.forgetSettledRates(qint64(65'536) * 1000 + 500);
    QCOMPARE(store.ratedNodes().size(), std::size_t(2));
}

void tst_TopicStore::leafGainingChildrenKeepsItsCounts()
{
    TopicStore store;
    store.ingest(messages({u"a"_s, u"a"_s, u"a"_s}), 1000);
    const TopicNodeId a = store.find("a");
    QCOMPARE(store.subtreeMessageCount(a), 3u);
    QCOMPARE(store.subtreeTopicCount(a), 0u);
    store.ingest(messages({u"a/b"_s, u"a/b/c"_s, u"a"_s}), 1000);
    QCOMPARE(store.messageCount(a), 4u);
    QCOMPARE(store.subtreeMessageCount(a), 6u);
    QCOMPARE(store.subtreeTopicCount(a), 2u);
    QCOMPARE(store.subtreeMessageCount(store.find("a/b")), 2u);
    QCOMPARE(store.subtreeMessageCount(TopicStore::RootId), 6u);
    QCOMPARE(store.topicCount(), 3);
    QCOMPARE(store.messagesPerSecond(a, 2000), 6u);
    (void)store.takeChanges();
    store.removeSubtree(store.find("a/b"));
    QCOMPARE(store.subtreeMessageCount(a), 4u);
    QCOMPARE(store.subtreeTopicCount(a), 0u);
    QCOMPARE(store.childCount(a), 0);
    QCOMPARE(store.topicCount(), 1);
    store.ingest(messages({u"a/x"_s}), 1000);
    QCOMPARE(store.subtreeMessageCount(a), 5u);
    QCOMPARE(shape(store), u"a(x)"_s);
}

void tst_TopicStore::levelsAreInterned()
{
    TopicStore store;
    QList<Message> batch;
    for (int i = 0; i < 1000; ++i)
        batch.append(message("sensors/" + QByteArray::number(i) + "/temperature").payload("x"));
    store.ingest(batch, 1);
    // "sensors", "temperature" and the thousand numbers: each text once.
    QCOMPARE(store.levels().count(), 1002u);
    QCOMPARE(store.levelId(store.find("sensors/1/temperature")),
             store.levelId(store.find("sensors/999/temperature")));
}

void tst_TopicStore::filter_data()
{
    QTest::addColumn<TopicFilter::Mode>("mode");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("expected"); // matching topic names, sorted
    using M = TopicFilter::Mode;
    QTest::newRow("substring in a level")
        << M::Substring << u"KITCH"_s
        << u"home/kitchen home/kitchen/humidity home/kitchen/temperature"_s;
    QTest::newRow("substring across levels")
        << M::Substring << u"e/garage/d"_s << u"home/Garage/door"_s;
    QTest::newRow("substring non-ascii folded") << M::Substring << u"GRÖSSE"_s << QString();
    QTest::newRow("substring non-ascii case") << M::Substring << u"GRÖ"_s << u"sensors/Größe"_s;
    QTest::newRow("substring empty level") << M::Substring << u"a//"_s << u"a//b"_s;
    QTest::newRow("substring none") << M::Substring << u"nothing"_s << QString();
    QTest::newRow("empty matches all")
        << M::Substring
        << QString()
        // The first level of "/leading" is the empty level, whose name is "".
        << u" $SYS $SYS/broker $SYS/broker/uptime /leading a a/ a//b home home/Garage "
           "home/Garage/door home/kitchen home/kitchen/humidity home/kitchen/temperature office "
           "office/temperature sensors sensors/Größe"_s;
    // [MQTT-4.7.1-2]: "#" matches the parent level too.
    QTest::newRow("wildcard #") << M::Wildcard << u"home/kitchen/#"_s
                                << u"home/kitchen home/kitchen/humidity home/kitchen/temperature"_s;
    QTest::newRow("wildcard +") << M::Wildcard << u"+/temperature"_s << u"office/temperature"_s;
    QTest::newRow("wildcard +/+/+")
        << M::Wildcard << u"home/+/+"_s
        << u"home/Garage/door home/kitchen/humidity home/kitchen/temperature"_s;
    // [MQTT-4.7.2-1]: wildcards at the first level do not match $ topics.
    QTest::newRow("wildcard skips $") << M::Wildcard << u"+/broker/#"_s << QString();
    QTest::newRow("wildcard explicit $")
        << M::Wildcard << u"$SYS/#"_s << u"$SYS $SYS/broker $SYS/broker/uptime"_s;
    QTest::newRow("wildcard empty level") << M::Wildcard << u"a/+/b"_s << u"a//b"_s;
    QTest::newRow("wildcard exact") << M::Wildcard << u"office"_s << u"office"_s;
    QTest::newRow("regex anchored")
        << M::RegularExpression << u"^home/[^/]+/temp"_s << u"home/kitchen/temperature"_s;
    QTest::newRow("regex case-insensitive")
        << M::RegularExpression << u"garage$"_s << u"home/Garage"_s;
    QTest::newRow("regex unicode") << M::RegularExpression << u"größe$"_s << u"sensors/Größe"_s;
    QTest::newRow("regex unicode class")
        << M::RegularExpression << u"^sensors/gr.ße$"_s << u"sensors/Größe"_s;
    QTest::newRow("regex alternation")
        << M::RegularExpression << u"^(office|a)/"_s << u"a/ a//b office/temperature"_s;
    QTest::newRow("regex digits") << M::RegularExpression << u"^\\$sys/.*e$"_s
                                  << u"$SYS/broker/uptime"_s;
    QTest::newRow("payload text") << M::PayloadText << u"OPEN"_s << u"home/Garage/door"_s;
    QTest::newRow("payload number")
        << M::PayloadText << u"21."_s << u"home/kitchen/temperature office/temperature"_s;
}

void tst_TopicStore::filter()
{
    QFETCH(TopicFilter::Mode, mode);
    QFETCH(QString, pattern);
    QFETCH(QString, expected);
    TopicStore store;
    QList<Message> batch = messages(sampleTopics);
    batch[0].payload = "21.5";
    batch[2].payload = R"({"state":"open"})";
    batch[3].payload = "21.0";
    store.ingest(batch, 1);
    const TopicFilter filter(mode, pattern);
    QCOMPARE(filter.problem(), QString());
    const TopicMatchSet set = filter.match(store);
    QCOMPARE(matchedTopics(store, set), expected);
    QCOMPARE(set.matchCount(), expected.isEmpty() ? 0 : expected.count(u' ') + 1);
    // The one-node check agrees with the whole-store pass.
    for (TopicNodeId id = 1; id < store.nodeIdLimit(); ++id)
        QCOMPARE(filter.matches(store, id), set.isMatch(id));
}

void tst_TopicStore::filterVisibleIncludesAncestors()
{
    TopicStore store;
    store.ingest(messages(sampleTopics), 1);
    const TopicMatchSet set = TopicFilter(TopicFilter::Mode::Wildcard, u"+/+/door"_s).match(store);
    QCOMPARE(matchedTopics(store, set, true), u"home home/Garage home/Garage/door"_s);
    QVERIFY(set.isVisible(TopicStore::RootId));
}

void tst_TopicStore::filterInvalidPatterns_data()
{
    QTest::addColumn<TopicFilter::Mode>("mode");
    QTest::addColumn<QString>("pattern");
    QTest::newRow("# not last [MQTT-4.7.1-2]") << TopicFilter::Mode::Wildcard << u"a/#/b"_s;
    QTest::newRow("+ not alone [MQTT-4.7.1-3]") << TopicFilter::Mode::Wildcard << u"a+/b"_s;
    QTest::newRow("regex") << TopicFilter::Mode::RegularExpression << u"(unclosed"_s;
    // RE2 runs in linear time, so it refuses what needs backtracking.
    QTest::newRow("regex backreference") << TopicFilter::Mode::RegularExpression << u"(home)/\\1"_s;
    QTest::newRow("regex lookahead") << TopicFilter::Mode::RegularExpression << u"home(?=/)"_s;
}

void tst_TopicStore::filterInvalidPatterns()
{
    QFETCH(TopicFilter::Mode, mode);
    QFETCH(QString, pattern);
    TopicStore store;
    store.ingest(messages(sampleTopics), 1);
    const TopicFilter filter(mode, pattern);
    QVERIFY(!filter.problem().isEmpty());
    QCOMPARE(filter.match(store).matchCount(), 0);
}

void tst_TopicStore::wildcardAgreesWithTopicMatches_data()
{
    QTest::addColumn<QString>("filter");
    for (const char *f : {"#", "+", "+/+", "home/#", "+/kitchen/+", "$SYS/+/uptime", "a/+/b", "+/",
                          "/+", "+/+/+/+", "sensors/Größe", "home/kitchen/temperature/#"})
        QTest::newRow(f) << QString::fromUtf8(f);
}

void tst_TopicStore::wildcardAgreesWithTopicMatches()
{
    QFETCH(QString, filter);
    TopicStore store;
    store.ingest(messages(sampleTopics), 1);
    const TopicMatchSet set = TopicFilter(TopicFilter::Mode::Wildcard, filter).match(store);
    const QByteArray utf8 = filter.toUtf8();
    for (TopicNodeId id = 1; id < store.nodeIdLimit(); ++id) {
        // The empty first level of "/leading" is a level of the tree but its name "" is no
        // topic name [MQTT-4.7.3-1], so Topic::matches() has no say on it.
        if (!store.topic(id).isEmpty())
            QCOMPARE(set.isMatch(id), Topic::matches(utf8, store.topic(id)));
    }
}

void tst_TopicStore::filterUpdateRevealsNewMatches()
{
    TopicStore store;
    store.ingest(messages({u"a/b"_s, u"c"_s}), 1);
    const TopicFilter filter(TopicFilter::Mode::Substring, u"needle"_s);
    TopicMatchSet set = filter.match(store);
    QCOMPARE(set.matchCount(), 0);

    store.ingest(messages({u"a/b/needle"_s, u"c/d"_s}), 2);
    QList<TopicNodeId> revealed;
    filter.update(store, set, store.takeChanges().updated, &revealed);
    QCOMPARE(matchedTopics(store, set), u"a/b/needle"_s);
    QCOMPARE(matchedTopics(store, set, true), u"a a/b a/b/needle"_s);
    // a and a/b were there before and hidden: the model must show them now.
    QCOMPARE(revealed, (QList<TopicNodeId>{store.find("a/b"), store.find("a")}));
}

void tst_TopicStore::filterForgetsARemovedSubtree()
{
    TopicStore store;
    store.ingest(messages({u"lamp/1"_s, u"lamp/2"_s, u"hall/lamp"_s, u"door"_s}), 1);
    (void)store.takeChanges();
    const TopicFilter filter(TopicFilter::Mode::Substring, u"lamp"_s);
    TopicMatchSet set = filter.match(store);
    QCOMPARE(set.matchCount(), 4); // lamp, lamp/1, lamp/2, hall/lamp

    // A node created after the set was computed is not counted until update() sees it.
    store.ingest(messages({u"lamp/3"_s}), 2);
    (void)store.takeChanges();
    const TopicNodeId lamp = store.find("lamp");
    TopicFilter::forget(store, set, lamp);
    store.removeSubtree(lamp);
    QCOMPARE(set.matchCount(), 1);
    QCOMPARE(matchedTopics(store, set), u"hall/lamp"_s);
}

void tst_TopicStore::payloadFilterUpdate()
{
    TopicStore store;
    store.ingest({message("t/1").payload("cold"), message("t/2").payload("cold")}, 1);
    const TopicFilter filter(TopicFilter::Mode::PayloadText, u"alarm"_s);
    TopicMatchSet set = filter.match(store);
    (void)store.takeChanges();
    store.ingest({message("t/2").payload("ALARM!")}, 2);
    QList<TopicNodeId> revealed;
    filter.update(store, set, store.takeChanges().updated, &revealed);
    QCOMPARE(matchedTopics(store, set), u"t/2"_s);
    QCOMPARE(revealed, (QList<TopicNodeId>{store.find("t/2"), store.find("t")}));
}

QTEST_GUILESS_MAIN(tst_TopicStore)
#include "tst_topicstore.moc"

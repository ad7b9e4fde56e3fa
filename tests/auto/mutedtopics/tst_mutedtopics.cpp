// SPDX-License-Identifier: GPL-3.0-or-later
// MutedTopics: which messages a connection's muted topic filters keep out of the explorer,
// what they count, and the verdicts a tree row asks for.
#include "explorer/mutedtopics.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

Message message(const QByteArray &topic)
{
    Message m;
    m.topic = topic;
    m.payload = "p";
    return m;
}

QList<QByteArray> topicsOf(const QList<Message> &messages)
{
    QList<QByteArray> topics;
    for (const Message &m : messages)
        topics.append(m.topic);
    return topics;
}

} // namespace

class tst_MutedTopics : public QObject
{
    Q_OBJECT
private slots:
    void nothingMutedPassesTheSameList();
    void filtersAndCounts();
    void wildcardsFollowTheSpec();
    void invalidPatternsAreSkipped();
    void rowsAskPerNode();
    void newPatternsRestartTheCounts();
};

void tst_MutedTopics::nothingMutedPassesTheSameList()
{
    MutedTopics muted;
    const QList<Message> batch{message("a"), message("b")};
    QVERIFY(muted.filter(batch).constData() == batch.constData()); // no copy
    muted.setPatterns({u"c"_s});
    QVERIFY(muted.filter(batch).constData() == batch.constData());
    QCOMPARE(muted.mutedTotal(), quint64(0));
    QVERIFY(!muted.takeCountsChanged());
}

void tst_MutedTopics::filtersAndCounts()
{
    MutedTopics muted;
    muted.setPatterns({u"$SYS/#"_s, u"x/y"_s});
    const QList<Message> batch{message("a"),     message("$SYS/broker/uptime"),
                               message("x/y"),   message("b"),
                               message("x/y/z"), message("$SYS/broker/uptime")};
    QCOMPARE(topicsOf(muted.filter(batch)), (QList<QByteArray>{"a", "b", "x/y/z"}));
    QCOMPARE(muted.mutedTotal(), quint64(3));
    QVERIFY(muted.takeCountsChanged());
    QVERIFY(!muted.takeCountsChanged());
    // Every message muted: an empty list, still counted.
    QVERIFY(muted.filter({message("x/y")}).isEmpty());
    QCOMPARE(muted.mutedTotal(), quint64(4));
}

void tst_MutedTopics::wildcardsFollowTheSpec()
{
    MutedTopics muted;
    muted.setPatterns({u"#"_s, u"sport/+/score"_s});
    QVERIFY(muted.isMuted("anything/at/all"));
    // A filter starting with a wildcard does not match '$' topics [MQTT-4.7.2-1].
    QVERIFY(!muted.isMuted("$SYS/broker/load"));
    muted.setPatterns({u"sport/#"_s});
    QVERIFY(muted.isMuted("sport")); // the parent level too [MQTT-4.7.1-2]
    QVERIFY(muted.isMuted("sport/tennis/player1"));
    QVERIFY(!muted.isMuted("sports"));
    QCOMPARE(muted.patternsMuting("sport/tennis"), QStringList{u"sport/#"_s});
}

void tst_MutedTopics::invalidPatternsAreSkipped()
{
    MutedTopics muted;
    muted.setPatterns({u"a/#/b"_s, u" "_s, u"ok"_s, u"ok"_s, u"c+"_s});
    QCOMPARE(muted.patterns(), QStringList{u"ok"_s});
    muted.setPatterns({});
    QVERIFY(muted.isEmpty());
    QVERIFY(!muted.isMuted("ok"));
}

void tst_MutedTopics::rowsAskPerNode()
{
    TopicStore store;
    store.ingest({message("a/b/c"), message("a/d"), message("e")});
    MutedTopics muted;
    muted.setPatterns({u"a/b/#"_s});
    const TopicNodeId ab = store.find("a/b");
    const TopicNodeId abc = store.find("a/b/c");
    QVERIFY(muted.isNodeMuted(store, ab));
    QVERIFY(muted.isNodeMuted(store, abc));
    QVERIFY(!muted.isNodeMuted(store, store.find("a")));
    QVERIFY(!muted.isNodeMuted(store, store.find("a/d")));
    muted.filter({message("a/b/c"), message("a/b/x"), message("a/b/c")});
    QCOMPARE(muted.nodeMutedCount(store, ab), quint64(3)); // the subtree pattern's count
    QCOMPARE(muted.nodeMutedCount(store, abc), quint64(2)); // its own
    // Nodes made after the verdicts were cached get their own.
    store.ingest({message("a/b/new")});
    QVERIFY(muted.isNodeMuted(store, store.find("a/b/new")));
    store.clear();
    muted.forgetNodes();
    store.ingest({message("e")});
    QVERIFY(!muted.isNodeMuted(store, store.find("e")));
}

void tst_MutedTopics::newPatternsRestartTheCounts()
{
    TopicStore store;
    store.ingest({message("a")});
    MutedTopics muted;
    muted.setPatterns({u"a"_s});
    muted.filter({message("a"), message("a")});
    QCOMPARE(muted.nodeMutedCount(store, store.find("a")), quint64(2));
    muted.setPatterns({u"b"_s});
    QVERIFY(!muted.isNodeMuted(store, store.find("a"))); // unmuted: shown from now on
    QCOMPARE(topicsOf(muted.filter({message("a")})), QList<QByteArray>{"a"});
    QCOMPARE(muted.mutedTotal(), quint64(2)); // the tab's total stays
}

QTEST_MAIN(tst_MutedTopics)
#include "tst_mutedtopics.moc"

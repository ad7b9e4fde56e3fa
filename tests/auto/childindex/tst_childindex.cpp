// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/childindex.h"

#include <QTest>

#include <map>
#include <random>

using namespace mqttscope;

namespace {

// Children and their keys as the topic store keeps them: the index reads them back from here.
struct Keys
{
    std::vector<ChildIndex::Key> byChild{ChildIndex::Key{}}; // child 0 is nobody

    quint32 add(ChildIndex::Key key)
    {
        byChild.push_back(key);
        return quint32(byChild.size() - 1);
    }
    auto reader() const
    {
        return [this](quint32 child) { return byChild[child]; };
    }
};

} // namespace

class tst_ChildIndex : public QObject
{
    Q_OBJECT
private slots:
    void findsWhatWasInserted();
    void growsOneShardAtATime();
    void removalKeepsTheOthersFindable();
    void randomAgainstAMap();
};

void tst_ChildIndex::findsWhatWasInserted()
{
    Keys keys;
    ChildIndex index;
    const quint32 a = keys.add({0, 1});
    const quint32 b = keys.add({0, 2});
    const quint32 c = keys.add({1, 1}); // same segment, another parent
    index.insert({0, 1}, a);
    index.insert({0, 2}, b);
    index.insert({1, 1}, c);
    QCOMPARE(index.find({0, 1}, keys.reader()), a);
    QCOMPARE(index.find({0, 2}, keys.reader()), b);
    QCOMPARE(index.find({1, 1}, keys.reader()), c);
    QCOMPARE(index.find({1, 2}, keys.reader()), ChildIndex::NotFound);
    QCOMPARE(index.count(), std::size_t(3));
    index.clear();
    QCOMPARE(index.find({0, 1}, keys.reader()), ChildIndex::NotFound);
    QCOMPARE(index.count(), std::size_t(0));
}

// Each shard starts with 16 slots and grows at half full: 200,000 keys take several doublings,
// and each rehashes one shard, never the whole index (at a million nodes, one table's doubling
// stalled the GUI thread for tens of ms).
void tst_ChildIndex::growsOneShardAtATime()
{
    Keys keys;
    ChildIndex index;
    for (quint32 i = 0; i < 200'000; ++i) {
        const ChildIndex::Key key{i / 100, i % 100};
        index.insert(key, keys.add(key));
    }
    QCOMPARE(index.count(), std::size_t(200'000));
    for (quint32 i = 0; i < 200'000; ++i)
        QCOMPARE(index.find({i / 100, i % 100}, keys.reader()), i + 1);
    QCOMPARE(index.find({2000, 0}, keys.reader()), ChildIndex::NotFound);
    // 256 shards at most half full: about 1,600 slots each, 2,048 or 4,096 after rounding up;
    // one table would have 524,288.
    QCOMPARE_LE(index.largestShardSlots(), std::size_t(4096));
    index.clear();
    QCOMPARE(index.largestShardSlots(), std::size_t(16));
    QCOMPARE(index.find({0, 1}, keys.reader()), ChildIndex::NotFound);
}

void tst_ChildIndex::removalKeepsTheOthersFindable()
{
    Keys keys;
    ChildIndex index;
    for (quint32 i = 0; i < 3000; ++i) {
        const ChildIndex::Key key{i % 7, i};
        index.insert(key, keys.add(key));
    }
    for (quint32 i = 0; i < 3000; i += 2)
        index.remove({i % 7, i}, keys.reader());
    index.remove({99, 99}, keys.reader()); // absent: nothing happens
    QCOMPARE(index.count(), std::size_t(1500));
    for (quint32 i = 0; i < 3000; ++i) {
        const quint32 expected = i % 2 ? i + 1 : ChildIndex::NotFound;
        QCOMPARE(index.find({i % 7, i}, keys.reader()), expected);
    }
    // A removed key can come back under a new child.
    const quint32 again = keys.add({0, 0});
    index.insert({0, 0}, again);
    QCOMPARE(index.find({0, 0}, keys.reader()), again);
}

void tst_ChildIndex::randomAgainstAMap()
{
    Keys keys;
    ChildIndex index;
    std::map<std::pair<quint32, quint32>, quint32> expected;
    std::mt19937 random(14);
    for (int step = 0; step < 50'000; ++step) {
        const ChildIndex::Key key{quint32(random() % 64), quint32(random() % 512)};
        const auto it = expected.find({key.parent, key.segment});
        if (it == expected.end()) {
            const quint32 child = keys.add(key);
            index.insert(key, child);
            expected[{key.parent, key.segment}] = child;
        } else if (random() % 2) {
            index.remove(key, keys.reader());
            expected.erase(it);
        }
    }
    QCOMPARE(index.count(), expected.size());
    for (quint32 parent = 0; parent < 64; ++parent) {
        for (quint32 segment = 0; segment < 512; ++segment) {
            const auto it = expected.find({parent, segment});
            QCOMPARE(index.find({parent, segment}, keys.reader()),
                     it == expected.end() ? ChildIndex::NotFound : it->second);
        }
    }
}

QTEST_APPLESS_MAIN(tst_ChildIndex)
#include "tst_childindex.moc"

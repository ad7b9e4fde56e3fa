// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/topicsortfilterproxymodel.h"
#include "models/topictreemodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

namespace {

QList<Message> batch(const QStringList &topics, const QByteArray &payload = "1")
{
    QList<Message> messages;
    for (const QString &topic : topics) {
        Message m;
        m.topic = topic.toUtf8();
        m.payload = payload;
        messages.append(m);
    }
    return messages;
}

// "a(b(c),d)" from the model as a view sees it.
QString shape(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList parts;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QString part = index.data().toString();
        if (model.rowCount(index) > 0)
            part += u'(' + shape(model, index) + u')';
        parts.append(part);
    }
    return parts.join(u',');
}

// "parent:first-last" per rowsInserted, parent named by its topic ("" for the root).
QStringList insertions(const QSignalSpy &spy)
{
    QStringList result;
    for (const QList<QVariant> &args : spy) {
        const auto parent = args[0].value<QModelIndex>();
        result.append(u"%1:%2-%3"_s.arg(parent.data(TopicTreeModel::TopicRole).toString())
                          .arg(args[1].toInt())
                          .arg(args[2].toInt()));
    }
    return result;
}

// Counts the timer events of the GUI thread (every object's) while it lives.
class TimerEventCounter : public QObject
{
public:
    TimerEventCounter() { QCoreApplication::instance()->installEventFilter(this); }
    ~TimerEventCounter() override { QCoreApplication::instance()->removeEventFilter(this); }
    int count() const { return m_count; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        m_count += event->type() == QEvent::Timer ? 1 : 0;
        return false;
    }

private:
    int m_count = 0;
};

struct Fixture
{
    ExplorerData data;
    TopicTreeModel model{&data};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

// For the big volumes: the tester walks the whole tree on every signal.
struct UntestedFixture
{
    ExplorerData data;
    TopicTreeModel model{&data};
};

} // namespace

class tst_TopicTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void sparkplugRowsShowTheirEndpoint();
    void shapeAfterFlush_data();
    void shapeAfterFlush();
    void nothingBeforeTheTick();
    void timerFlushes();
    void timedFlushesKeepUpWithASteadyStream();
    void tinyBudgetAppliesBatchesInParts();
    void explicitFlushAppliesEverything();
    void rowsNoViewShowsGetNoDataChanged();
    void highlightsEndingUnderInterleavedParents();
    void newRowsEndTheirHighlightsTogether();
    void oneInsertPerParentPerRange();
    void dataChangedOnlyForChangedRows();
    void columnsAndRoles();
    void removeSubtree();
    void clear();
    void ratesFallToZeroThenTheTimerStops();
    void ratesOfManyRowsRefreshInSlices();
    void highlightsEndWithoutTicking();

    void filter_data();
    void filter();
    void filterRevealsNewTopics_data();
    void filterRevealsNewTopics();
    void filterMatchCountFollowsTopics();
    void sortOrders_data();
    void sortOrders();
    void resortFollowsTraffic_data();
    void resortFollowsTraffic();
};

void tst_TopicTreeModel::shapeAfterFlush_data()
{
    QTest::addColumn<QStringList>("topics");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nested") << QStringList{u"a/b/c"_s, u"a/d"_s} << u"a(b(c),d)"_s;
    QTest::newRow("arrival order") << QStringList{u"z/1"_s, u"a"_s, u"z/0"_s} << u"z(1,0),a"_s;
    QTest::newRow("empty level") << QStringList{u"a//b"_s} << u"a((empty level)(b))"_s;
}

void tst_TopicTreeModel::shapeAfterFlush()
{
    QFETCH(QStringList, topics);
    QFETCH(QString, expected);
    Fixture f;
    f.model.enqueue(batch(topics));
    f.model.flush();
    QCOMPARE(shape(f.model), expected);
}

void tst_TopicTreeModel::nothingBeforeTheTick()
{
    Fixture f;
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    f.model.enqueue(batch({u"a/b"_s}));
    f.model.enqueue(batch({u"c"_s}));
    QCOMPARE(f.model.rowCount(), 0);
    QCOMPARE(inserted.size(), 0);
    f.model.flush();
    // Two queued batches, one announcement: both new top-level rows in one range.
    QCOMPARE(insertions(inserted), QStringList{u":0-1"_s});
}

void tst_TopicTreeModel::timerFlushes()
{
    Fixture f;
    f.model.setFlushInterval(10);
    QSignalSpy flushed(&f.model, &TopicTreeModel::flushed);
    f.model.enqueue(batch({u"a"_s}));
    QTRY_COMPARE(flushed.size(), 1);
    QCOMPARE(shape(f.model), u"a"_s);
}

void tst_TopicTreeModel::timedFlushesKeepUpWithASteadyStream()
{
    // Batches arrive more often than the flush timer's interval, as the connection's 33 ms
    // ticks do under its 50 ms: the tree must take them in while they keep coming, not only
    // once they stop (a timer restarted by every batch never fires).
    Fixture f;
    f.model.setFlushInterval(40);
    QSignalSpy flushed(&f.model, &TopicTreeModel::flushed);
    constexpr int batches = 60;
    QList<qint64> topicsWhenSent; // the tree's topic count as each batch comes
    QTimer stream;
    stream.setInterval(10);
    int sent = 0;
    connect(&stream, &QTimer::timeout, this, [&] {
        topicsWhenSent.append(f.data.store().topicCount());
        f.model.enqueue(batch({u"stream/%1"_s.arg(sent)}));
        if (++sent == batches)
            stream.stop();
    });
    stream.start();
    QTRY_COMPARE_WITH_TIMEOUT(sent, batches, 20000);
    // Sampled over the stream's 600 ms: the count rose several times while batches still came.
    const auto rises =
        std::adjacent_find(topicsWhenSent.cbegin(), topicsWhenSent.cend(), std::less<qint64>());
    QVERIFY2(rises != topicsWhenSent.cend(), "no flush while the stream ran");
    QVERIFY2(flushed.size() >= 3, qPrintable(QString::number(flushed.size())));
    QVERIFY(topicsWhenSent.last() > 0);
    QTRY_COMPARE(f.model.flushState(), TopicTreeModel::FlushState::Idle);
    QCOMPARE(f.data.store().topicCount(), qint64(batches));
    QCOMPARE(f.model.rowCount(), 1);
    QCOMPARE(f.model.rowCount(f.model.index(0, 0)), batches);
}

void tst_TopicTreeModel::tinyBudgetAppliesBatchesInParts()
{
    // With a budget no flush can keep, each timed flush applies one slice (256 messages), so
    // batches are applied in parts, the catch-up timer does the rest and the views are told as
    // it goes (every 33 ms); the tree ends as one flush of all leaves it.
    UntestedFixture timed;
    UntestedFixture whole;
    timed.model.setFlushBudget(std::chrono::nanoseconds(1));
    timed.model.setFlushInterval(5);
    QList<qint64> queuedAtFlush;
    connect(&timed.model, &TopicTreeModel::flushed, this, [&] {
        queuedAtFlush.append(timed.model.queuedMessages());
        // From the first announcement on, only the catch-up timer can finish the work in time.
        timed.model.setFlushInterval(600000);
    });
    constexpr int perBatch = 12500;
    QList<QList<Message>> batches;
    int topics = 0;
    for (int b = 0; b < 8; ++b) {
        QStringList names;
        for (int i = 0; i < perBatch; ++i, ++topics)
            names.append(u"s/%1/d%2/t%3"_s.arg(topics % 7).arg(topics % 31).arg(topics));
        batches.append(batch(names));
    }
    for (const QList<Message> &b : std::as_const(batches))
        whole.model.enqueue(b);
    whole.model.flush();

    for (const QList<Message> &b : std::as_const(batches))
        timed.model.enqueue(b);
    QCOMPARE(timed.model.flushState(), TopicTreeModel::FlushState::Waiting);
    QCOMPARE(timed.model.queuedMessages(), qint64(topics));
    QTRY_VERIFY(!queuedAtFlush.isEmpty());
    // The first announcement came with most still queued, in the middle of a batch.
    QVERIFY2(queuedAtFlush.first() > 0 && queuedAtFlush.first() < topics,
             qPrintable(QString::number(queuedAtFlush.first())));
    QVERIFY(queuedAtFlush.first() % perBatch != 0);
    QTRY_COMPARE_WITH_TIMEOUT(timed.model.flushState(), TopicTreeModel::FlushState::Idle, 60000);
    QCOMPARE(timed.model.queuedMessages(), qint64(0));
    QVERIFY2(queuedAtFlush.size() > 1, qPrintable(QString::number(queuedAtFlush.size())));
    QCOMPARE(queuedAtFlush.last(), qint64(0));
    QCOMPARE(timed.data.store().topicCount(), whole.data.store().topicCount());
    QCOMPARE(shape(timed.model), shape(whole.model));
    QCOMPARE(timed.data.statistics().total(Statistics::MessagesIn), qint64(topics));
}

void tst_TopicTreeModel::explicitFlushAppliesEverything()
{
    Fixture f;
    f.model.setFlushBudget(std::chrono::nanoseconds(1));
    f.model.setFlushInterval(5);
    QSignalSpy flushed(&f.model, &TopicTreeModel::flushed);
    QStringList names;
    for (int i = 0; i < 5000; ++i)
        names.append(u"x/%1"_s.arg(i));
    f.model.enqueue(batch(names));
    QTRY_VERIFY(!flushed.isEmpty());
    f.model.flush(); // e.g. before a filter applies: whatever the budget, nothing stays queued
    QCOMPARE(f.model.flushState(), TopicTreeModel::FlushState::Idle);
    QCOMPARE(f.model.queuedMessages(), qint64(0));
    QCOMPARE(f.model.rowCount(f.model.index(0, 0)), 5000);
    const qsizetype flushes = flushed.size();
    QTest::qWait(20);
    QCOMPARE(flushed.size(), flushes); // nothing left for the catch-up timer
}

void tst_TopicTreeModel::rowsNoViewShowsGetNoDataChanged()
{
    Fixture f;
    f.model.setHighlightDuration(1);
    f.model.enqueue(batch({u"open/x"_s, u"open/y"_s, u"closed/x"_s}));
    f.model.flush();
    const TopicNodeId closed = f.data.store().find("closed");
    f.model.setChildrenShownTest([closed](TopicNodeId parent) { return parent != closed; });
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.model.enqueue(batch({u"open/y"_s, u"closed/x"_s}, "2"));
    f.model.flush();
    QTRY_COMPARE(f.model.flushState(), TopicTreeModel::FlushState::Idle);
    QTest::qWait(10);
    f.model.flush(); // the highlights have expired
    QStringList parents;
    for (const QList<QVariant> &args : changed)
        parents.append(
            args[0].value<QModelIndex>().parent().data(TopicTreeModel::TopicRole).toString());
    QVERIFY(!parents.contains(u"closed"_s));
    QVERIFY(parents.contains(u"open"_s)); // open/y, its message and its highlight's end
    QVERIFY(parents.contains(QString())); // the rows of the root: open and closed (counters)
    // The rows are still right when a view asks.
    QCOMPARE(
        f.model.index(0, TopicTreeModel::ValueColumn, f.model.indexOf(closed)).data().toString(),
        u"2"_s);
}

namespace {
// The topics whose highlight ended in the dataChanged signals `changed` caught, sorted.
QStringList highlightEnds(const QSignalSpy &changed)
{
    QStringList ended;
    for (const QList<QVariant> &args : changed) {
        if (!args[2].value<QList<int>>().contains(TopicTreeModel::HighlightRole))
            continue;
        const QModelIndex first = args[0].value<QModelIndex>(), last = args[1].value<QModelIndex>();
        for (int row = first.row(); row <= last.row(); ++row)
            ended.append(first.siblingAtRow(row).data(TopicTreeModel::TopicRole).toString());
    }
    ended.sort();
    return ended;
}
} // namespace

// The ends of highlights come in arrival order, parents interleaved: each shown row still gets
// its dataChanged, no row under a collapsed parent does.
void tst_TopicTreeModel::highlightsEndingUnderInterleavedParents()
{
    Fixture f;
    f.model.setHighlightDuration(1);
    f.model.enqueue(batch({u"open/a"_s, u"closed/a"_s, u"open/b"_s, u"closed/b"_s}));
    f.model.flush();
    const TopicNodeId closed = f.data.store().find("closed");
    f.model.setChildrenShownTest([closed](TopicNodeId parent) { return parent != closed; });
    f.model.enqueue(batch({u"open/a"_s, u"closed/a"_s, u"open/b"_s, u"closed/b"_s}, "2"));
    f.model.flush();
    QTest::qWait(10);
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.model.flush(); // the highlights have expired
    const QStringList ended = highlightEnds(changed);
    QCOMPARE(ended, (QStringList{u"open/a"_s, u"open/b"_s}));
}

// New rows are highlighted as one run of ids per announcement; when it ends, the rows with a
// message of their own are told, not the levels created on the way to them.
void tst_TopicTreeModel::newRowsEndTheirHighlightsTogether()
{
    Fixture f;
    f.model.setHighlightDuration(1);
    f.model.enqueue(batch({u"n/a"_s, u"m/c"_s, u"n/b"_s, u"n"_s}));
    f.model.flush();
    QTest::qWait(10);
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.model.flush(); // the highlights have expired
    const QStringList ended = highlightEnds(changed);
    QCOMPARE(ended, (QStringList{u"m/c"_s, u"n"_s, u"n/a"_s, u"n/b"_s})); // not "m"
}

void tst_TopicTreeModel::oneInsertPerParentPerRange()
{
    Fixture f;
    f.model.enqueue(batch({u"home/kitchen/t"_s, u"home/hall/t"_s, u"office/t"_s}));
    f.model.flush();

    QSignalSpy aboutToInsert(&f.model, &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&f.model, &QAbstractItemModel::layoutChanged);
    // Interleaved arrivals under three existing parents and one new branch.
    f.model.enqueue(batch({u"home/kitchen/h"_s, u"office/h"_s, u"home/kitchen/p"_s, u"garden/a/b"_s,
                           u"home/kitchen/q"_s, u"office/p"_s}));
    f.model.enqueue(batch({u"home/cellar"_s, u"garden/a/c"_s}));
    f.model.flush();

    QCOMPARE(insertions(inserted),
             (QStringList{u"home/kitchen:1-3"_s, u"office:1-2"_s, u":2-2"_s, u"home:2-2"_s}));
    QCOMPARE(aboutToInsert.size(), inserted.size());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(layout.size(), 0);
    QCOMPARE(shape(f.model),
             u"home(kitchen(t,h,p,q),hall(t),cellar),office(t,h,p),garden(a(b,c))"_s);
    // Existing ancestors whose counters moved: home, home/kitchen, office (root is no row).
    // home and office are adjacent rows 0-1 of the root: one signal for both.
    QCOMPARE(changed.size(), 2);
}

void tst_TopicTreeModel::dataChangedOnlyForChangedRows()
{
    Fixture f;
    f.model.enqueue(batch({u"a/x"_s, u"a/y"_s, u"a/z"_s, u"b"_s}));
    f.model.flush();
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
    f.model.enqueue(batch({u"a/z"_s, u"a/x"_s}, "2"));
    f.model.flush();
    QCOMPARE(inserted.size(), 0);
    QStringList ranges;
    for (const QList<QVariant> &args : changed) {
        const auto topLeft = args[0].value<QModelIndex>();
        const auto bottomRight = args[1].value<QModelIndex>();
        const auto roles = args[2].value<QList<int>>();
        QVERIFY(!roles.isEmpty()); // explicit roles, never "everything"
        QVERIFY(roles.contains(Qt::DisplayRole));
        QCOMPARE(topLeft.parent(), bottomRight.parent());
        ranges.append(u"%1:%2-%3"_s.arg(topLeft.parent().data(TopicTreeModel::TopicRole).toString())
                          .arg(topLeft.row())
                          .arg(bottomRight.row()));
    }
    // a/x and a/z are not adjacent: two signals; a itself one; b untouched.
    QCOMPARE(ranges, (QStringList{u":0-0"_s, u"a:0-0"_s, u"a:2-2"_s}));
}

void tst_TopicTreeModel::columnsAndRoles()
{
    Fixture f;
    QList<Message> messages = batch({u"s/t"_s, u"s/t"_s, u"s/u"_s}, "21.5");
    messages[2].retain = true;
    messages[2].payload = QByteArray("\x00\x01", 2);
    f.model.enqueue(messages);
    f.model.flush();
    const QModelIndex s = f.model.index(0, 0);
    const QModelIndex t = f.model.index(0, 0, s);
    const QModelIndex u = f.model.index(1, 0, s);
    QCOMPARE(s.siblingAtColumn(TopicTreeModel::MessagesColumn).data().toULongLong(), 3u);
    QCOMPARE(s.siblingAtColumn(TopicTreeModel::TopicsColumn).data().toUInt(), 2u);
    QCOMPARE(s.siblingAtColumn(TopicTreeModel::ValueColumn).data().toString(), QString());
    // A topic whose latest message is empty (a deleted retained message) says so.
    f.model.enqueue(batch({u"s/v"_s}, ""));
    f.model.flush();
    QCOMPARE(f.model.index(2, TopicTreeModel::ValueColumn, s).data().toString(), u"(empty)"_s);
    QCOMPARE(t.siblingAtColumn(TopicTreeModel::ValueColumn).data().toString(), u"21.5"_s);
    QCOMPARE(t.siblingAtColumn(TopicTreeModel::MessagesColumn).data().toULongLong(), 2u);
    QVERIFY(
        u.siblingAtColumn(TopicTreeModel::ValueColumn).data().toString().startsWith(u"00 01"_s));
    QCOMPARE(u.data(TopicTreeModel::RetainedRole).toBool(), true);
    // A retained marker for u; the same room, empty, for t so their names line up.
    const QIcon marker = u.data(Qt::DecorationRole).value<QIcon>();
    const QIcon room = t.data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!marker.isNull() && !room.isNull());
    QVERIFY(marker.pixmap(16, 16).toImage() != room.pixmap(16, 16).toImage());
    QCOMPARE(room.pixmap(16, 16).toImage().pixelColor(8, 8).alpha(), 0);
    QVERIFY(marker.pixmap(16, 16).toImage().pixelColor(8, 8).alpha() > 0);
    QCOMPARE(t.data(TopicTreeModel::RetainedRole).toBool(), false);
    QCOMPARE(t.data(TopicTreeModel::TopicRole).toString(), u"s/t"_s);
    QCOMPARE(t.data(TopicTreeModel::HighlightRole).toBool(), true);
    QCOMPARE(f.model.indexOf(f.data.store().find("s/u")), u);
}

void tst_TopicTreeModel::removeSubtree()
{
    Fixture f;
    f.model.enqueue(batch({u"a/b/c"_s, u"a/d"_s, u"e"_s}));
    f.model.flush();
    QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
    f.model.enqueue(batch({u"a/b/x"_s})); // pending: flushed before the removal
    f.model.removeSubtree(f.model.index(0, 0, f.model.index(0, 0)));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(shape(f.model), u"a(d),e"_s);
    QCOMPARE(f.data.history().entryCount(), 2);
}

void tst_TopicTreeModel::clear()
{
    Fixture f;
    f.model.enqueue(batch({u"a/b"_s}));
    f.model.flush();
    f.model.clear();
    QCOMPARE(f.model.rowCount(), 0);
    f.model.enqueue(batch({u"c"_s}));
    f.model.flush();
    QCOMPARE(shape(f.model), u"c"_s);
}

void tst_TopicTreeModel::ratesFallToZeroThenTheTimerStops()
{
    Fixture f;
    QVERIFY(!f.model.isRefreshingRates()); // no traffic, no timer
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    f.model.enqueue(batch({u"s/a"_s, u"s/a"_s, u"s/b"_s}));
    f.model.flush();
    const qint64 lastMessage = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(f.model.isRefreshingRates());

    // The rates show the last second's count after the next boundary and 0 after the one
    // after: within two seconds of the last message, and then the timer stops.
    QTRY_VERIFY_WITH_TIMEOUT(!f.model.isRefreshingRates(), 3000);
    const qint64 settledAfter = QDateTime::currentMSecsSinceEpoch() - lastMessage;
    QVERIFY2(settledAfter <= 2100, qPrintable(QString::number(settledAfter)));
    const QModelIndex s = f.model.index(0, TopicTreeModel::RateColumn);
    QCOMPARE(s.data().toUInt(), 0u);
    QCOMPARE(f.model.index(0, TopicTreeModel::RateColumn, s.siblingAtColumn(0)).data().toUInt(),
             0u);
    // Twice (once per boundary, in no set order), one signal for s and one over its children,
    // the rate column alone.
    QStringList rateSignals;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const auto first = args[0].value<QModelIndex>();
        const auto last = args[1].value<QModelIndex>();
        if (first.column() != TopicTreeModel::RateColumn)
            continue;
        QCOMPARE(last.column(), int(TopicTreeModel::RateColumn));
        rateSignals.append(
            u"%1:%2-%3"_s.arg(first.parent().data(TopicTreeModel::TopicRole).toString())
                .arg(first.row())
                .arg(last.row()));
    }
    rateSignals.sort();
    QCOMPARE(rateSignals, (QStringList{u":0-0"_s, u":0-0"_s, u"s:0-1"_s, u"s:0-1"_s}));
    QTest::qWait(1100);
    QVERIFY(!f.model.isRefreshingRates()); // and does not come back by itself
}

// After a burst a million rows are rated: each second's refresh goes through them in slices of
// 65,536, one turn of the event loop each (one pass took 17-43 ms of the GUI thread), and still
// reaches every row.
void tst_TopicTreeModel::ratesOfManyRowsRefreshInSlices()
{
    Fixture f;
    constexpr int topics = 150'000;
    QStringList names;
    for (int i = 0; i < topics; ++i)
        names.append(u"s/%1"_s.arg(i));
    f.model.enqueue(batch(names));
    f.model.flush();
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!f.model.isRefreshingRates(), 4000);
    QVERIFY(f.data.store().ratedNodes().empty());
    int rateSignals = 0;
    QList<bool> reached(topics, false);
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const auto first = args[0].value<QModelIndex>();
        const auto last = args[1].value<QModelIndex>();
        if (first.column() != TopicTreeModel::RateColumn || !first.parent().isValid())
            continue;
        ++rateSignals;
        for (int row = first.row(); row <= last.row(); ++row)
            reached[row] = true;
    }
    // Three slices a boundary. One or two boundaries (the flush of 150,000 new rows may take
    // the second the count shows in): one pass each would be at most two signals.
    QVERIFY2(rateSignals >= 3, qPrintable(QString::number(rateSignals)));
    QVERIFY(!reached.contains(false));
    const QModelIndex s = f.model.index(0, 0);
    QCOMPARE(f.model.index(topics - 1, TopicTreeModel::RateColumn, s).data().toUInt(), 0u);
}

void tst_TopicTreeModel::highlightsEndWithoutTicking()
{
    Fixture f;
    QVERIFY(!f.model.isTicking());
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    TimerEventCounter timers;
    f.model.enqueue(batch({u"s/a"_s, u"s/b"_s}));
    QTRY_VERIFY(f.model.rowCount() == 1); // the flush timer's tick
    const QModelIndex a = f.model.index(0, 0, f.model.index(0, 0));
    QVERIFY(a.data(TopicTreeModel::HighlightRole).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!f.model.isTicking(), 4000);
    QVERIFY(!a.data(TopicTreeModel::HighlightRole).toBool());
    // The flush timer stopped at its first tick with nothing queued; the highlights ended on one
    // single-shot timer and the rates on two (one per second boundary) instead of a tick every
    // flushInterval() for highlightDuration() (30 ticks).
    QVERIFY2(timers.count() <= 6, qPrintable(QString::number(timers.count())));
    const auto highlightEnds =
        std::count_if(changed.cbegin(), changed.cend(), [](const auto &args) {
            return args[2].template value<QList<int>>().contains(TopicTreeModel::HighlightRole);
        });
    QCOMPARE(highlightEnds, 1); // both rows in one signal
    QTest::qWait(200);
    QVERIFY(!f.model.isTicking()); // and nothing comes back by itself
}

void tst_TopicTreeModel::filter_data()
{
    QTest::addColumn<TopicFilter::Mode>("mode");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("expected");
    using M = TopicFilter::Mode;
    QTest::newRow("none") << M::Substring << QString()
                          << u"home(kitchen(temp,hum),garage(door)),office(temp),$SYS(uptime)"_s;
    QTest::newRow("substring") << M::Substring << u"TEMP"_s
                               << u"home(kitchen(temp)),office(temp)"_s;
    QTest::newRow("substring shows subtree")
        << M::Substring << u"kitchen"_s << u"home(kitchen(temp,hum))"_s;
    QTest::newRow("wildcard") << M::Wildcard << u"+/+/door"_s << u"home(garage(door))"_s;
    QTest::newRow("wildcard #") << M::Wildcard << u"#"_s
                                << u"home(kitchen(temp,hum),garage(door)),office(temp)"_s;
    QTest::newRow("regex") << M::RegularExpression << u"^(office|home/kitchen)/t"_s
                           << u"home(kitchen(temp)),office(temp)"_s;
    QTest::newRow("payload") << M::PayloadText << u"OPEN"_s << u"home(garage(door))"_s;
    QTest::newRow("no match") << M::Substring << u"zzz"_s << QString();
}

void tst_TopicTreeModel::filter()
{
    QFETCH(TopicFilter::Mode, mode);
    QFETCH(QString, pattern);
    QFETCH(QString, expected);
    Fixture f;
    TopicSortFilterProxyModel proxy;
    proxy.setSourceModel(&f.model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Message> messages = batch({u"home/kitchen/temp"_s, u"home/kitchen/hum"_s,
                                     u"home/garage/door"_s, u"office/temp"_s, u"$SYS/uptime"_s});
    messages[2].payload = "open";
    f.model.enqueue(messages);
    f.model.flush();
    f.model.setFilter(TopicFilter(mode, pattern));
    QCOMPARE(shape(proxy), expected);
}

void tst_TopicTreeModel::filterRevealsNewTopics_data()
{
    QTest::addColumn<int>("sortColumn");
    QTest::newRow("unsorted") << -1;
    QTest::newRow("by name") << int(TopicTreeModel::TopicColumn);
    // Not sorted dynamically: the revealed rows must still be mapped.
    QTest::newRow("by messages") << int(TopicTreeModel::MessagesColumn);
}

void tst_TopicTreeModel::filterRevealsNewTopics()
{
    QFETCH(int, sortColumn);
    Fixture f;
    TopicSortFilterProxyModel proxy;
    proxy.setSourceModel(&f.model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(sortColumn, Qt::AscendingOrder);
    f.model.enqueue(batch({u"a/b"_s, u"c/d"_s}));
    f.model.flush();
    f.model.setFilter(TopicFilter(TopicFilter::Mode::Substring, u"alarm"_s));
    QCOMPARE(shape(proxy), QString());
    // A matching topic under hidden existing parents, and one in a new branch.
    f.model.enqueue(batch({u"a/b/alarm"_s, u"x/alarm/y"_s, u"c/e"_s}));
    f.model.flush();
    QCOMPARE(shape(proxy), u"a(b(alarm)),x(alarm(y))"_s);
    QCOMPARE(f.model.filterMatchCount(), 3);
    f.model.setFilter({});
    QCOMPARE(shape(proxy), u"a(b(alarm)),c(d,e),x(alarm(y))"_s);
}

void tst_TopicTreeModel::filterMatchCountFollowsTopics()
{
    Fixture f;
    f.model.enqueue(batch({u"lamp/1"_s, u"door"_s}));
    f.model.flush();
    f.model.setFilter(TopicFilter(TopicFilter::Mode::Substring, u"lamp"_s));
    QCOMPARE(f.model.filterMatchCount(), 2); // lamp, lamp/1
    QSignalSpy counted(&f.model, &TopicTreeModel::filterMatchCountChanged);
    f.model.enqueue(batch({u"door"_s, u"hall"_s}));
    f.model.flush();
    QCOMPARE(counted.size(), 0); // nothing new matched
    f.model.enqueue(batch({u"lamp/2"_s, u"hall/lamp"_s}));
    f.model.flush();
    QCOMPARE(counted.size(), 1);
    QCOMPARE(f.model.filterMatchCount(), 4);
    f.model.removeSubtree(f.model.index(0, 0)); // lamp with lamp/1 and lamp/2
    QCOMPARE(counted.size(), 2);
    QCOMPARE(f.model.filterMatchCount(), 1);
}

void tst_TopicTreeModel::sortOrders_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("expected");
    QTest::newRow("name, natural")
        << int(TopicTreeModel::TopicColumn) << Qt::AscendingOrder << u"Alpha,beta(x,y),s2,s10"_s;
    QTest::newRow("name, descending")
        << int(TopicTreeModel::TopicColumn) << Qt::DescendingOrder << u"s10,s2,beta(y,x),Alpha"_s;
    QTest::newRow("messages") << int(TopicTreeModel::MessagesColumn) << Qt::DescendingOrder
                              << u"s2,beta(y,x),s10,Alpha"_s;
    QTest::newRow("topics") << int(TopicTreeModel::TopicsColumn) << Qt::DescendingOrder
                            << u"beta(x,y),s10,s2,Alpha"_s;
}

void tst_TopicTreeModel::sortOrders()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, expected);
    Fixture f;
    TopicSortFilterProxyModel proxy;
    proxy.setSourceModel(&f.model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Messages: s2 5, beta 4 (x 1, y 3), s10 2, Alpha 1.
    f.model.enqueue(batch({u"s10"_s, u"beta/x"_s, u"s2"_s, u"Alpha"_s, u"s2"_s, u"s2"_s, u"s2"_s,
                           u"s2"_s, u"beta/y"_s, u"beta/y"_s, u"beta/y"_s, u"s10"_s}));
    f.model.flush();
    proxy.sort(column, order);
    QCOMPARE(shape(proxy), expected);
}

void tst_TopicTreeModel::resortFollowsTraffic_data()
{
    QTest::addColumn<int>("column");
    QTest::newRow("messages") << int(TopicTreeModel::MessagesColumn);
    QTest::newRow("rate") << int(TopicTreeModel::RateColumn);
}

void tst_TopicTreeModel::resortFollowsTraffic()
{
    QFETCH(int, column);
    Fixture f;
    TopicSortFilterProxyModel proxy;
    proxy.setSourceModel(&f.model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    f.model.enqueue(batch({u"busy"_s, u"busy"_s, u"busy"_s, u"quiet"_s, u"quiet/child"_s}));
    f.model.flush();
    proxy.sort(column, Qt::DescendingOrder);
    QVERIFY(proxy.sortsByTraffic());
    // The rate of a second is known once it is over: wait for the next one.
    if (column == TopicTreeModel::RateColumn)
        QTRY_COMPARE_WITH_TIMEOUT(
            proxy.index(0, TopicTreeModel::RateColumn).data(TopicTreeModel::SortRole).toInt(), 3,
            2000);
    QCOMPARE(shape(proxy), u"busy,quiet(child)"_s);
    const QPersistentModelIndex quietChild = proxy.index(0, 0, proxy.index(1, 0));

    // A flood on "quiet" leaves the rows where they are until resort().
    const qint64 second = QDateTime::currentMSecsSinceEpoch() / 1000;
    f.model.enqueue(batch(QStringList(10, u"quiet/child"_s)));
    f.model.flush();
    QCOMPARE(shape(proxy), u"busy,quiet(child)"_s);
    if (column == TopicTreeModel::RateColumn) {
        // Rates count whole seconds: the flood shows in the next one.
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() / 1000 > second, 2000);
        if (QDateTime::currentMSecsSinceEpoch() / 1000 > second + 1)
            QSKIP("the machine stalled past the second the flood's rate is reported in");
    }
    QSignalSpy layoutChanged(&proxy, &QAbstractItemModel::layoutChanged);
    proxy.resort();
    QCOMPARE(layoutChanged.size(), 1);
    QCOMPARE(shape(proxy), u"quiet(child),busy"_s);
    // Persistent indexes (what selection and expansion hold) follow their row.
    QVERIFY(quietChild.isValid());
    QCOMPARE(quietChild.data(TopicTreeModel::TopicRole).toString(), u"quiet/child"_s);
    QCOMPARE(quietChild.parent().row(), 0);

    // Sorting by name is not stale after traffic.
    proxy.sort(TopicTreeModel::TopicColumn, Qt::AscendingOrder);
    QVERIFY(!proxy.sortsByTraffic());
}

// A node's state on each of its spBv1.0/<group>/<type>/<node> rows, a device's on its own,
// a host's STATE on its row; other rows carry none [tck-id-topics-nbirth-topic]. The value
// column shows it as a dot and text.
void tst_TopicTreeModel::sparkplugRowsShowTheirEndpoint()
{
    Fixture f;
    f.model.enqueue(batch({u"spBv1.0/g/NBIRTH/n"_s, u"spBv1.0/g/DDATA/n/d"_s, u"spBv1.0/STATE/h"_s,
                           u"plain/topic"_s}));
    f.model.flush();
    QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
    SparkplugEndpointChange node{u"g"_s, u"n"_s, {}, {}, true, 0, {}};
    SparkplugEndpointChange pump{
        u"g"_s, u"n"_s, u"d"_s, {}, false, 2, u"seq 7 expected, 9 received"_s};
    SparkplugEndpointChange host{{}, {}, {}, u"h"_s, true, 0, {}};
    f.model.updateSparkplug({node, pump, host});
    QVERIFY(!changed.isEmpty());
    const auto row = [&](const char *topic) { return f.model.indexOf(f.data.store().find(topic)); };
    QCOMPARE(row("spBv1.0/g/NBIRTH/n").data(TopicTreeModel::SparkplugOnlineRole), QVariant(true));
    const QModelIndex device = row("spBv1.0/g/DDATA/n/d");
    QCOMPARE(device.data(TopicTreeModel::SparkplugOnlineRole), QVariant(false));
    QCOMPARE(device.data(TopicTreeModel::SparkplugIssueCountRole), QVariant(2));
    QCOMPARE(device.data(TopicTreeModel::SparkplugLastIssueRole).toString(),
             u"seq 7 expected, 9 received"_s);
    QVERIFY(device.data(Qt::ToolTipRole).toString().contains(u"seq 7 expected, 9 received"_s));
    const QModelIndex deviceValue = device.siblingAtColumn(TopicTreeModel::ValueColumn);
    QVERIFY(deviceValue.data().toString().startsWith(u"offline"_s));
    QVERIFY(deviceValue.data().toString().contains(u"seq 7 expected, 9 received"_s));
    QVERIFY(!deviceValue.data(Qt::DecorationRole).value<QIcon>().isNull());
    // The node's state also on the row the device hangs from.
    QCOMPARE(row("spBv1.0/g/DDATA/n").data(TopicTreeModel::SparkplugOnlineRole), QVariant(true));
    // Only the rows of a changed endpoint are announced.
    changed.clear();
    node.online = false;
    f.model.updateSparkplug({node});
    QCOMPARE(changed.size(), 2); // spBv1.0/g/NBIRTH/n and spBv1.0/g/DDATA/n
    QCOMPARE(row("spBv1.0/g/NBIRTH/n").data(TopicTreeModel::SparkplugOnlineRole), QVariant(false));
    QCOMPARE(row("spBv1.0/STATE/h").data(TopicTreeModel::SparkplugOnlineRole), QVariant(true));
    QVERIFY(!row("spBv1.0/g").data(TopicTreeModel::SparkplugOnlineRole).isValid());
    QVERIFY(!row("plain/topic").data(TopicTreeModel::SparkplugOnlineRole).isValid());
}

QTEST_MAIN(tst_TopicTreeModel)
#include "tst_topictreemodel.moc"

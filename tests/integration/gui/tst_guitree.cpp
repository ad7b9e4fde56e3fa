// SPDX-License-Identifier: GPL-3.0-or-later
// The topic tree and the panels below it as a user meets them (issue 10), through a connection
// tab's real widgets on the offscreen platform against a real mosquitto: the first levels open
// on the first topics, the filter count and the rates follow the traffic, rows hold still under
// the pointer, and opening more fields does not change the panels' size.
#include "connectiontab.h"
#include "guitestbench.h"
#include "publishpanel.h"
#include "subscriptionspanel.h"
#include "topictreepane.h"
#include "models/topictreemodel.h"
#include "viewinteraction.h"
#include "views/payloadview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr int arrivalTimeoutMs = 5000;

// Lets posted layout requests and repaints run, as the event loop does between user actions.
void settle()
{
    QTest::qWait(100);
}

} // namespace

class tst_GuiTree : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void firstLevelsOpenOnFirstArrival();
    void treeKeepsTakingInASteadyStream();
    void emptyPayloadPaneSaysWhatToDo();
    void filterCountFollowsNewTopics();
    void subtreeRateFallsToZeroWhenTrafficStops();
    void treeHoldsStillWhileTheUserWorksInIt();
    void newRowsAboveKeepTheRowUnderThePointer();
    void panelsKeepTheirHeight();
    void subscriptionsDefaultToRetainAsPublished();

private:
    TopicTreePane *pane() const { return m_tab->findChild<TopicTreePane *>(); }
    QTreeView *tree() const { return m_tab->topicTree(); }
    const TopicStore &store() const { return m_tab->topicStore(); }
    // Publishes `count` messages to `topic` and waits until the tab has them all.
    void publishAndWait(const QByteArray &topic, int count);
    void chooseSort(int column);
    // The tree's row of `topic` as the view has it (sorted, filtered); invalid while unknown.
    QModelIndex row(const QByteArray &topic) const;
    QString firstChild(const QByteArray &topic) const;

    GuiTestBench m_bench;
    std::unique_ptr<ConnectionTab> m_tab;
};

void tst_GuiTree::initTestCase()
{
    QString error;
    QVERIFY2(m_bench.start(&error), qPrintable(error));
    // Retained before the tab subscribes: they arrive together, as a broker's retained topics do.
    for (const QByteArray topic : {"tree/lights/kitchen", "tree/lights/hall",
                                   "tree/sensors/t1/temp", "tree/sensors/t2/temp"})
        QVERIFY(m_bench.peer().publish(topic, "1", 1, true));

    m_tab = std::make_unique<ConnectionTab>(
        m_bench.profile(u"Tree"_s, Subscription{.filter = u"tree/#"_s, .retainAsPublished = true}),
        m_bench.secrets());
    QVERIFY2(
        GuiTestBench::showConnected(*m_tab, {1200, 800}, u"tree/#"_s, u"granted QoS 0"_s, &error),
        qPrintable(error));
    QVERIFY(pane());
}

void tst_GuiTree::cleanupTestCase()
{
    m_tab.reset();
}

void tst_GuiTree::cleanup()
{
    // Each test starts from the tree as a user leaves it: unfiltered, in arrival order, the
    // pointer elsewhere.
    QTest::mouseMove(m_tab->payloadView());
    chooseSort(-1);
    m_tab->filterEdit()->clear();
    QTRY_VERIFY_WITH_TIMEOUT(!m_tab->topicModel()->isFiltered(), 2000);
}

void tst_GuiTree::publishAndWait(const QByteArray &topic, int count)
{
    const TopicNodeId before = store().find(topic);
    const quint64 expected =
        (before == TopicStore::InvalidId ? 0 : store().messageCount(before)) + quint64(count);
    for (int i = 0; i < count; ++i)
        QVERIFY(m_bench.peer().publish(topic, QByteArray::number(i)));
    QTRY_VERIFY_WITH_TIMEOUT(store().find(topic) != TopicStore::InvalidId
                                 && store().messageCount(store().find(topic)) == expected,
                             arrivalTimeoutMs);
    settle(); // flushed to the tree
}

void tst_GuiTree::chooseSort(int column)
{
    auto *sort = pane()->findChild<QComboBox *>(u"sortOrder"_s);
    sort->setCurrentIndex(sort->findData(column));
}

QModelIndex tst_GuiTree::row(const QByteArray &topic) const
{
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(tree()->model());
    return proxy->mapFromSource(m_tab->topicModel()->indexOf(store().find(topic)));
}

QString tst_GuiTree::firstChild(const QByteArray &topic) const
{
    return tree()->model()->index(0, 0, row(topic)).data().toString();
}

void tst_GuiTree::firstLevelsOpenOnFirstArrival()
{
    QTRY_VERIFY_WITH_TIMEOUT(row("tree/sensors/t2").isValid(), arrivalTimeoutMs);
    // The top level and the one below open: a new user sees topics, not one collapsed root.
    QVERIFY(tree()->isExpanded(row("tree")));
    QVERIFY(tree()->isExpanded(row("tree/lights")));
    QVERIFY(tree()->isExpanded(row("tree/sensors")));
    QVERIFY(!tree()->isExpanded(row("tree/sensors/t1")));

    // Once only: what the user closes stays closed as more topics come.
    tree()->collapse(row("tree/lights"));
    publishAndWait("tree/lights/porch", 1);
    publishAndWait("tree/doors/front", 1);
    QVERIFY(!tree()->isExpanded(row("tree/lights")));
    QVERIFY(!tree()->isExpanded(row("tree/doors")));
}

void tst_GuiTree::treeKeepsTakingInASteadyStream()
{
    // New topics every 20 ms for 3 s: the connection hands them over every 33 ms, more often than
    // the tree's 50 ms flush, so a flush timer that each batch restarts would never fire while
    // the stream lasts. The tree must keep growing all along, and have every topic at the end.
    constexpr int ticks = 150;
    constexpr int perTick = 20;
    int sent = 0;
    QList<qint64> topicsAtTick;
    QTimer stream;
    stream.setInterval(20);
    connect(&stream, &QTimer::timeout, this, [&] {
        topicsAtTick.append(store().topicCount());
        for (int i = 0; i < perTick; ++i, ++sent) {
            Message message;
            message.topic = "tree/stream/s" + QByteArray::number(sent);
            message.payload = QByteArray::number(sent);
            QVERIFY(m_bench.peer().client().publish(message) != 0);
        }
        if (topicsAtTick.size() == ticks)
            stream.stop();
    });
    stream.start();
    QTRY_VERIFY_WITH_TIMEOUT(!stream.isActive(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(store().find("tree/stream") != TopicStore::InvalidId
                                 && int(store().subtreeTopicCount(store().find("tree/stream")))
                                     == sent,
                             arrivalTimeoutMs);
    // In every tenth of the stream after the first, the tree took in more topics.
    const qsizetype step = topicsAtTick.size() / 10;
    for (qsizetype i = 2 * step; i < topicsAtTick.size(); i += step)
        QVERIFY2(topicsAtTick[i] > topicsAtTick[i - step],
                 qPrintable(u"no new topics between ticks %1 and %2"_s.arg(i - step).arg(i)));
    // And the view shows them: the stream's row has all its children.
    settle();
    QTRY_COMPARE_WITH_TIMEOUT(tree()->model()->rowCount(row("tree/stream")), sent, 2000);
}

void tst_GuiTree::emptyPayloadPaneSaysWhatToDo()
{
    auto *text = m_tab->payloadView()->findChild<QPlainTextEdit *>();
    QVERIFY(text);
    QCOMPARE(m_tab->selectedTopic(), QByteArray());
    QVERIFY2(text->placeholderText().contains(u"Select a topic"_s),
             qPrintable(text->placeholderText()));
    m_tab->selectTopic("tree/lights/kitchen");
    QTRY_COMPARE(m_tab->payloadView()->message().payload, QByteArray("1"));
    QCOMPARE(text->placeholderText(), QString());
    tree()->clearSelection();
    tree()->setCurrentIndex({});
}

void tst_GuiTree::filterCountFollowsNewTopics()
{
    const TopicTreeModel *model = m_tab->topicModel();
    QLabel *count = pane()->filterResultLabel();
    const auto countText = [](qint64 n) {
        return TopicTreePane::tr("%n match(es)", nullptr, int(n));
    };
    m_tab->filterEdit()->setText(u"lamp"_s);
    QTRY_VERIFY_WITH_TIMEOUT(model->isFiltered(), 2000);
    QCOMPARE(model->filterMatchCount(), 0);
    QCOMPARE(count->text(), countText(0));

    // A new matching topic counts at once, without retyping the filter.
    publishAndWait("tree/lights/lamp-1", 1);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), countText(1), 1000);
    publishAndWait("tree/lamps/desk", 1); // "lamps" and "lamps/desk"
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), countText(3), 1000);
    publishAndWait("tree/doors/back", 1);
    QCOMPARE(count->text(), countText(3));
    // A removed one no longer counts.
    const TopicNodeId lamps = store().find("tree/lamps");
    m_tab->topicModel()->removeSubtree(model->indexOf(lamps));
    QCOMPARE(count->text(), countText(1));

    m_tab->filterEdit()->clear();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isFiltered(), 2000);
    QCOMPARE(count->text(), QString());
}

void tst_GuiTree::subtreeRateFallsToZeroWhenTrafficStops()
{
    // What the view is told about the subtree's Msg/s cell, and when.
    const QByteArray base = "tree/flood/";
    publishAndWait(base + '0', 1);
    // Shown, as a user watching it sees it (an earlier filter may have folded "tree"): rows no
    // view shows are not told.
    tree()->expand(row("tree"));
    const QAbstractItemModel *model = tree()->model();
    const QPersistentModelIndex flood =
        row("tree/flood").siblingAtColumn(TopicTreeModel::RateColumn);
    QVERIFY(flood.isValid());
    struct Shown
    {
        qint64 atMsecs;
        uint rate;
    };
    QList<Shown> shown;
    QObject watching; // ends the connection with the test, passed or not
    connect(model, &QAbstractItemModel::dataChanged, &watching,
            [&](const QModelIndex &first, const QModelIndex &last) {
                if (first.parent() == flood.parent() && first.row() <= flood.row()
                    && last.row() >= flood.row() && first.column() <= flood.column()
                    && last.column() >= flood.column())
                    shown.append({QDateTime::currentMSecsSinceEpoch(), flood.data().toUInt()});
            });

    QTimer stream;
    stream.setInterval(10);
    int sent = 0;
    connect(&stream, &QTimer::timeout, this, [&] {
        Message message;
        message.topic = base + QByteArray::number(sent % 5);
        message.payload = QByteArray::number(sent);
        m_bench.peer().client().publish(message);
        ++sent;
    });
    stream.start();
    QTRY_VERIFY_WITH_TIMEOUT(flood.data().toUInt() > 10, 3000);
    stream.stop();
    const TopicNodeId floodNode = store().find("tree/flood");
    QTRY_COMPARE_WITH_TIMEOUT(store().subtreeMessageCount(floodNode), quint64(sent + 1),
                              arrivalTimeoutMs);
    qint64 lastArrival = 0;
    for (int i = 0; i < 5; ++i)
        lastArrival =
            qMax(lastArrival, store().lastChangeMsecs(store().find(base + QByteArray::number(i))));

    // Within two seconds of silence the cell is told it shows 0, and then no timer runs.
    QTRY_VERIFY_WITH_TIMEOUT(!m_tab->topicModel()->isRefreshingRates(), 3000);
    QVERIFY(!shown.isEmpty());
    QCOMPARE(shown.constLast().rate, 0u);
    const qint64 silence = shown.constLast().atMsecs - lastArrival;
    QVERIFY2(silence <= 2100, qPrintable(QString::number(silence)));
    QCOMPARE(flood.data().toUInt(), 0u);
    QTest::qWait(1200);
    QVERIFY(!m_tab->topicModel()->isRefreshingRates());
}

void tst_GuiTree::treeHoldsStillWhileTheUserWorksInIt()
{
    const QByteArray hold = "tree/hold";
    publishAndWait("tree/hold/a", 3);
    publishAndWait("tree/hold/b", 2);
    publishAndWait("tree/hold/c", 1);
    chooseSort(TopicTreeModel::MessagesColumn);
    tree()->expand(row(hold));
    QCOMPARE(firstChild(hold), u"a"_s);
    QWidget *viewport = tree()->viewport();
    ViewInteraction *interaction = pane()->interaction();

    // The pointer over the tree, moving: c becomes the busiest but the rows stay as they are.
    QTest::mouseMove(viewport, QPoint(40, 10));
    QTRY_VERIFY(interaction->pointerPosition().has_value());
    publishAndWait("tree/hold/c", 9);
    for (int i = 0; i < 10; ++i) {
        QTest::mouseMove(viewport, QPoint(40 + i, 10 + i));
        QTest::qWait(250); // past a resort tick of TopicTreePane::resortIntervalMs
        QCOMPARE(firstChild(hold), u"a"_s);
    }
    // The pointer leaves: the order is redone at once.
    QTest::mouseMove(m_tab->payloadView());
    QTRY_VERIFY(!interaction->pointerPosition().has_value());
    QTRY_COMPARE_WITH_TIMEOUT(firstChild(hold), u"c"_s, 500);

    // Back over the tree but resting: redone once the pause has passed.
    QTest::mouseMove(viewport, QPoint(40, 10));
    QTRY_VERIFY(interaction->pointerPosition().has_value());
    QElapsedTimer rest;
    rest.start();
    publishAndWait("tree/hold/b", 18);
    QTRY_COMPARE_WITH_TIMEOUT(firstChild(hold), u"b"_s,
                              ViewInteraction::pauseMs + TopicTreePane::resortIntervalMs + 500);
    QVERIFY2(rest.elapsed() >= ViewInteraction::pauseMs - 100,
             qPrintable(QString::number(rest.elapsed())));

    // A menu open holds the rows too, wherever the pointer is; closing it lets them move.
    QTest::mouseMove(m_tab->payloadView());
    QTRY_VERIFY(!interaction->pointerPosition().has_value());
    QMenu menu;
    menu.addAction(u"Copy topic"_s);
    menu.popup(tree()->mapToGlobal(QPoint(40, 10)));
    QTRY_VERIFY(menu.isVisible());
    publishAndWait("tree/hold/a", 30);
    QTest::qWait(TopicTreePane::resortIntervalMs + 200);
    QCOMPARE(firstChild(hold), u"b"_s);
    menu.close();
    QTRY_COMPARE_WITH_TIMEOUT(firstChild(hold), u"a"_s, TopicTreePane::resortIntervalMs + 500);
}

void tst_GuiTree::newRowsAboveKeepTheRowUnderThePointer()
{
    // In arrival order (see cleanup()) new topics go to the end of their parent.
    publishAndWait("tree/rows/top/x", 1);
    for (int i = 0; i < 60; ++i)
        QVERIFY(m_bench.peer().publish("tree/rows/r" + QByteArray::number(i), "1"));
    QTRY_VERIFY_WITH_TIMEOUT(store().find("tree/rows/r59") != TopicStore::InvalidId,
                             arrivalTimeoutMs);
    settle();
    const QAbstractItemModel *model = tree()->model();
    tree()->expand(row("tree/rows"));
    tree()->expand(row("tree/rows/top"));
    // Scrolled down: "top" and its children are above the rows shown.
    tree()->scrollTo(row("tree/rows/r30"), QAbstractItemView::PositionAtTop);
    settle();
    const QPoint pointer(40, tree()->visualRect(row("tree/rows/r33")).center().y());
    QTest::mouseMove(tree()->viewport(), pointer);
    QTRY_VERIFY(pane()->interaction()->pointerPosition().has_value());
    QCOMPARE(tree()->indexAt(pointer).data().toString(), u"r33"_s);

    // New rows above the viewport: the row under the pointer stays under it.
    publishAndWait("tree/rows/top/y", 1);
    publishAndWait("tree/rows/top/z", 1);
    QCOMPARE(model->rowCount(row("tree/rows/top")), 3);
    QCOMPARE(tree()->indexAt(pointer).data().toString(), u"r33"_s);

    // Without the pointer, the first row shown stays first.
    QTest::mouseMove(m_tab->payloadView());
    QTRY_VERIFY(!pane()->interaction()->pointerPosition().has_value());
    const QString firstShown = tree()->indexAt(QPoint(40, 2)).data().toString();
    publishAndWait("tree/rows/top/w", 1);
    QCOMPARE(tree()->indexAt(QPoint(40, 2)).data().toString(), firstShown);
    tree()->collapse(row("tree/rows"));
}

void tst_GuiTree::panelsKeepTheirHeight()
{
    PublishPanel *publish = m_tab->publishPanel();
    auto *panels = m_tab->findChild<QTabWidget *>(u"panelTabs"_s);
    panels->setCurrentWidget(publish);
    settle();
    const QSize window = m_tab->size();
    const int panelHeight = publish->height();
    const int historyHeight = m_tab->historyView()->height();
    const auto unchanged = [&] {
        settle();
        QCOMPARE(m_tab->size(), window);
        QCOMPARE(publish->height(), panelHeight);
        QCOMPARE(m_tab->historyView()->height(), historyHeight);
    };

    // The MQTT 5 section opens inside the panel's height: its fields scroll there.
    publish->findChild<QCheckBox *>(u"publishShowProperties"_s)->setChecked(true);
    unchanged();
    auto *form = publish->findChild<QScrollArea *>(u"publishForm"_s);
    QVERIFY(form->verticalScrollBar()->maximum() > 0);
    auto *userProperties = publish->findChild<QWidget *>(u"publishUserProperties"_s);
    form->ensureWidgetVisible(userProperties);
    settle();
    QVERIFY(!userProperties->visibleRegion().isEmpty());
    // So does a message under a field.
    publish->findChild<QLineEdit *>(u"publishTopic"_s)->setText(u"bad/#/topic"_s);
    unchanged();
    publish->findChild<QCheckBox *>(u"publishShowProperties"_s)->setChecked(false);
    publish->findChild<QLineEdit *>(u"publishTopic"_s)->clear();
    unchanged();

    SubscriptionsPanel *subscriptions = m_tab->subscriptionsPanel();
    panels->setCurrentWidget(subscriptions);
    settle();
    const int subscriptionsHeight = subscriptions->height();
    QTest::mouseClick(subscriptions->findChild<QPushButton *>(u"subscribeButton"_s),
                      Qt::LeftButton);
    settle();
    QCOMPARE(m_tab->size(), window);
    QCOMPARE(subscriptions->height(), subscriptionsHeight);
    QCOMPARE(m_tab->historyView()->height(), historyHeight);
    panels->setCurrentWidget(publish);
}

void tst_GuiTree::subscriptionsDefaultToRetainAsPublished()
{
    SubscriptionsPanel *panel = m_tab->subscriptionsPanel();
    m_tab->findChild<QTabWidget *>(u"panelTabs"_s)->setCurrentWidget(panel);
    // On, as the profile's own subscriptions are.
    QVERIFY(panel->findChild<QCheckBox *>(u"subscriptionRetainAsPublished"_s)->isChecked());
    panel->findChild<QLineEdit *>(u"subscriptionFilter"_s)->setText(u"tree/rap/#"_s);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"subscribeButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panel->resultOf(u"tree/rap/#"_s), u"granted QoS 0"_s,
                              arrivalTimeoutMs);
    bool found = false;
    for (const auto &[subscription, id] : panel->subscriptions()) {
        if (subscription.filter == u"tree/rap/#"_s) {
            found = true;
            QVERIFY(subscription.retainAsPublished);
        }
    }
    QVERIFY(found);

    // The result and options read whole, not "granted Qo…".
    auto *list = panel->findChild<QTreeWidget *>(u"subscriptionList"_s);
    settle();
    const QTreeWidgetItem *item = list->findItems(u"tree/rap/#"_s, Qt::MatchExactly).value(0);
    QVERIFY(item);
    for (int column = 1; column < list->columnCount(); ++column) {
        const int needed = list->fontMetrics().horizontalAdvance(item->text(column));
        QVERIFY2(list->header()->sectionSize(column) >= needed,
                 qPrintable(u"column %1: %2 < %3 for \"%4\""_s.arg(column)
                                .arg(list->header()->sectionSize(column))
                                .arg(needed)
                                .arg(item->text(column))));
    }
}

QTEST_MAIN(tst_GuiTree)
#include "tst_guitree.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The search panel of a live connection tab, through its real widgets on the offscreen platform
// against a real mosquitto: a query typed finds the message, a bad predicate says where it went
// wrong, and opening a result selects its topic in the tree and the message in the history.
#include "connectiontab.h"
#include "guitestbench.h"
#include "searchpanel.h"
#include "subscriptionspanel.h"
#include "models/historymodel.h"
#include "models/searchresultmodel.h"
#include "views/payloadview.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

class tst_GuiSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void typedQueryFindsTheMessage();
    void badPredicateSaysWhere();
    void openingAResultSelectsTopicAndMessage();

private:
    SearchPanel *panel() const { return m_tab->searchPanel(); }
    void search(const QString &json, const QString &topic = {});

    GuiTestBench m_bench;
    std::unique_ptr<ConnectionTab> m_tab;
};

void tst_GuiSearch::initTestCase()
{
    QString error;
    QVERIFY2(m_bench.start(&error), qPrintable(error));
    m_tab = std::make_unique<ConnectionTab>(
        m_bench.profile(u"Search"_s, Subscription{.filter = u"search/#"_s}), m_bench.secrets());
    QVERIFY2(
        GuiTestBench::showConnected(*m_tab, {1280, 800}, u"search/#"_s, u"granted QoS 0"_s, &error),
        qPrintable(error));
    for (const auto &[topic, payload] :
         {std::pair<QByteArray, QByteArray>{"search/dev/1", R"({"battery": 50})"},
          {"search/dev/1", R"({"battery": 12, "status": "low"})"},
          {"search/dev/2", R"({"battery": 90})"},
          {"search/dev/1", R"({"battery": 48})"},
          {"search/log", "hello error"}})
        QVERIFY(m_bench.peer().publish(topic, payload, 1));
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->explorerData().history().entryCount(), 5, 5000);
}

void tst_GuiSearch::cleanupTestCase()
{
    m_tab.reset();
}

void tst_GuiSearch::search(const QString &json, const QString &topic)
{
    panel()->topicEdit()->clear();
    QTest::keyClicks(panel()->topicEdit(), topic);
    panel()->jsonEdit()->clear();
    QTest::keyClicks(panel()->jsonEdit(), json);
    QSignalSpy finished(panel(), &SearchPanel::searchFinished);
    QTest::keyClick(panel()->jsonEdit(), Qt::Key_Return);
    QVERIFY(finished.wait(5000));
}

void tst_GuiSearch::typedQueryFindsTheMessage()
{
    m_tab->showSearch();
    QTRY_VERIFY(panel()->isVisible());
    QVERIFY(panel()->topicEdit()->hasFocus());
    search(u"battery < 20"_s);
    QCOMPARE(panel()->resultModel()->rowCount(), 1);
    QCOMPARE(panel()->resultModel()->hit(0).topic, "search/dev/1");
    QCOMPARE(panel()->statusText(), u"1 message(s) found"_s);

    search(u"battery >= 48"_s, u"search/dev/+"_s);
    QCOMPARE(panel()->resultModel()->rowCount(), 3);
    QCOMPARE(panel()->resultModel()->hit(1).topic, "search/dev/2"); // in order of arrival
}

void tst_GuiSearch::badPredicateSaysWhere()
{
    panel()->jsonEdit()->clear();
    QTest::keyClicks(panel()->jsonEdit(), u"battery <"_s);
    QVERIFY2(panel()->jsonProblem().startsWith(u"Column 10:"_s),
             qPrintable(panel()->jsonProblem()));
    QVERIFY(!panel()->findChild<QPushButton *>(u"searchButton"_s)->isEnabled());
    QTest::keyClicks(panel()->jsonEdit(), u" 5"_s);
    QVERIFY(panel()->jsonProblem().isEmpty());
}

void tst_GuiSearch::openingAResultSelectsTopicAndMessage()
{
    search(u"status == \"low\""_s);
    QCOMPARE(panel()->resultModel()->rowCount(), 1);
    const SearchHit hit = panel()->resultModel()->hit(0);
    m_tab->selectTopic("search/log"); // elsewhere first
    QTableView *results = panel()->resultsView();
    results->setFocus();
    results->setCurrentIndex(panel()->resultModel()->index(0, 0));
    QTest::keyClick(results, Qt::Key_Return);
    QCOMPARE(m_tab->selectedTopic(), "search/dev/1");
    const QModelIndex current = m_tab->historyView()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.row(), 1); // the second of search/dev/1's three
    QCOMPARE(current.data(HistoryModel::SequenceRole).toULongLong(), quint64(hit.key));
    QCOMPARE(m_tab->payloadView()->message().payload, R"({"battery": 12, "status": "low"})");
}

QTEST_MAIN(tst_GuiSearch)
#include "tst_guisearch.moc"

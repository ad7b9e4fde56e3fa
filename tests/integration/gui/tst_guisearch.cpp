// SPDX-License-Identifier: GPL-3.0-or-later
// The search panel of a live connection tab, through its real widgets on the offscreen platform
// against a real mosquitto: a query typed finds the message, a bad predicate says where it went
// wrong, and opening a result selects its topic in the tree and the message in the history.
#include "brokerpeer.h"
#include "connectiontab.h"
#include "mosquittobroker.h"
#include "searchpanel.h"
#include "subscriptionspanel.h"
#include "models/historymodel.h"
#include "models/searchresultmodel.h"
#include "profiles/secretstore.h"
#include "views/payloadview.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
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

    QTemporaryDir m_config;
    MosquittoBroker m_broker;
    std::unique_ptr<BrokerPeer> m_peer;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ConnectionTab> m_tab;
};

void tst_GuiSearch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    MQTTSCOPE_START_BROKER(m_broker, {MosquittoBroker::Listener::Tcp});
    m_peer = std::make_unique<BrokerPeer>(m_broker.endpoint(MosquittoBroker::Listener::Tcp));
    QVERIFY2(m_peer->connect(), "the peer client could not connect to the test broker");

    ConnectionProfile profile;
    profile.name = u"Search"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = m_broker.port(MosquittoBroker::Listener::Tcp);
    profile.autoReconnect = false;
    profile.subscriptions = {Subscription{.filter = u"search/#"_s}};
    m_secrets = std::make_unique<SecretStore>(u"mqttscope-test"_s);
    m_secrets->setTimeoutMs(2000);
    m_tab = std::make_unique<ConnectionTab>(profile, m_secrets.get());
    m_tab->resize(1280, 800);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    m_tab->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->state(), ClientState::Connected, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->subscriptionsPanel()->resultOf(u"search/#"_s),
                              u"granted QoS 0"_s, 5000);
    for (const auto &[topic, payload] :
         {std::pair<QByteArray, QByteArray>{"search/dev/1", R"({"battery": 50})"},
          {"search/dev/1", R"({"battery": 12, "status": "low"})"},
          {"search/dev/2", R"({"battery": 90})"},
          {"search/dev/1", R"({"battery": 48})"},
          {"search/log", "hello error"}})
        QVERIFY(m_peer->publish(topic, payload, 1));
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

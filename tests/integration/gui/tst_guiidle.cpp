// SPDX-License-Identifier: GPL-3.0-or-later
// An idle window sleeps (issue 14): the main window connected to a real mosquitto, topics in its
// tree and nothing arriving. Once the change highlights have faded and the rates read zero, no
// timer of the tree model, the status line or the connection's worker is armed and nothing in
// the GUI thread fires; a status that did not change leaves the tab bar alone; and the texts
// still follow what happens (traffic, a reconnection counting down). Counted, never timed.
#include "brokerpeer.h"
#include "connectioncontroller.h"
#include "connectionstatusline.h"
#include "connectiontab.h"
#include "connectionworker.h"
#include "elidedlabel.h"
#include "freeport.h"
#include "mainwindow.h"
#include "models/topictreemodel.h"
#include "mosquittobroker.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr int topicCount = 200;
// Rates average 5 s, so the status line settles about 6 s after the last byte.
constexpr int settleTimeoutMs = 12000;

// Counts the events of some types reaching the objects it watches (the application: every
// object of the GUI thread), with the receivers' class names for the failure message.
class EventCounter : public QObject
{
public:
    EventCounter(QObject *watched, QList<QEvent::Type> types)
        : m_watched(watched)
        , m_types(std::move(types))
    {
        m_watched->installEventFilter(this);
    }
    ~EventCounter() override { m_watched->removeEventFilter(this); }

    qsizetype count() const { return m_receivers.size(); }
    QString receivers() const { return m_receivers.join(u", "_s); }

protected:
    bool eventFilter(QObject *receiver, QEvent *event) override
    {
        if (m_types.contains(event->type())) {
            const QString name = receiver->objectName();
            m_receivers.append(QString::fromLatin1(receiver->metaObject()->className())
                               + (name.isEmpty() ? QString() : u" "_s + name));
        }
        return false;
    }

private:
    QObject *m_watched;
    QList<QEvent::Type> m_types;
    QStringList m_receivers;
};

} // namespace

class tst_GuiIdle : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void idleWindowArmsNoTimer();
    void unchangedStatusLeavesTheTabBarAlone();
    void trafficWakesTheStatusLineUntilItSettles();
    void reconnectionCountsDown();

private:
    ConnectionTab *tab() const { return m_window->currentTab(); }
    bool workerTicking() const;
    QString shownTraffic() const;
    void waitUntilIdle();

    QTemporaryDir m_config;
    MosquittoBroker m_broker;
    std::unique_ptr<BrokerPeer> m_peer;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
};

void tst_GuiIdle::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    MQTTSCOPE_START_BROKER(m_broker, {MosquittoBroker::Listener::Tcp});
    m_peer = std::make_unique<BrokerPeer>(m_broker.endpoint(MosquittoBroker::Listener::Tcp));
    QVERIFY2(m_peer->connect(), "the peer client could not connect to the test broker");
    for (int i = 0; i < topicCount; ++i)
        QVERIFY(m_peer->publish("idle/device" + QByteArray::number(i) + "/value", "1", 1, true));

    m_profiles = std::make_unique<ProfileStore>(m_config.filePath(u"profiles.json"_s));
    m_secrets = std::make_unique<SecretStore>(u"mqttscope-test"_s);
    m_secrets->setTimeoutMs(2000);
    m_window = std::make_unique<MainWindow>(m_profiles.get(), m_secrets.get());
    m_window->resize(1280, 800);
    m_window->show();
    // Active, as a user's window is: a focused line edit would blink its cursor.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    ConnectionProfile profile;
    profile.name = u"Idle"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = m_broker.port(MosquittoBroker::Listener::Tcp);
    profile.keepAliveSeconds = 60; // no ping inside a test
    profile.autoReconnect = false;
    profile.subscriptions = {Subscription{u"idle/#"_s}};
    QVERIFY(m_window->openProfile(profile));
    QTRY_COMPARE_WITH_TIMEOUT(tab()->state(), ClientState::Connected, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(tab()->topicStore().topicCount(), quint64(topicCount), 5000);
    // Where the focus lands at start: a line edit's cursor would blink twice a second.
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(!qobject_cast<QLineEdit *>(focus) && !qobject_cast<QPlainTextEdit *>(focus),
             focus ? focus->metaObject()->className() : "none");
}

void tst_GuiIdle::cleanupTestCase()
{
    m_window.reset();
    m_peer.reset();
}

bool tst_GuiIdle::workerTicking() const
{
    ConnectionWorker *worker = tab()->findChild<ConnectionController *>()->worker();
    bool ticking = true;
    // Its timers belong to its thread: asked there.
    QMetaObject::invokeMethod(
        worker, [worker, &ticking] { ticking = worker->isTicking(); },
        Qt::BlockingQueuedConnection);
    return ticking;
}

QString tst_GuiIdle::shownTraffic() const
{
    return tab()->findChild<ElidedLabel *>(u"trafficLabel"_s)->text();
}

void tst_GuiIdle::waitUntilIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!tab()->topicModel()->isTicking() && !tab()->isStatusTicking(),
                             settleTimeoutMs);
}

void tst_GuiIdle::idleWindowArmsNoTimer()
{
    waitUntilIdle();
    QVERIFY(!workerTicking());
    QVERIFY(!tab()->topicModel()->isRefreshingRates());
    // Two seconds of the event loop with nothing arriving: no timer fires in the GUI thread (a
    // blinking cursor, an animation, a poll would), and nothing is repainted.
    EventCounter fired(qApp, {QEvent::Timer, QEvent::Paint});
    QTest::qWait(2000);
    QVERIFY2(fired.count() == 0, qPrintable(fired.receivers()));
    QVERIFY(!workerTicking());
    QCOMPARE(tab()->state(), ClientState::Connected);
}

void tst_GuiIdle::unchangedStatusLeavesTheTabBarAlone()
{
    waitUntilIdle();
    QTabBar *bar = m_window->tabs()->tabBar();
    const QString text = m_window->tabs()->tabText(0);
    {
        // Whatever announces a status, the same text, dot and tooltip touch nothing.
        EventCounter touched(bar, {QEvent::Paint, QEvent::LayoutRequest});
        emit tab()->statusChanged();
        emit tab()->titleChanged(tab()->title());
        QTest::qWait(200);
        QVERIFY2(touched.count() == 0, qPrintable(touched.receivers()));
    }
    // The counter sees what a setter does, even with the same text.
    EventCounter touched(bar, {QEvent::Paint, QEvent::LayoutRequest});
    m_window->tabs()->setTabText(0, text);
    QTRY_VERIFY(touched.count() > 0);
    QCOMPARE(m_window->tabs()->tabText(0), text);
}

void tst_GuiIdle::trafficWakesTheStatusLineUntilItSettles()
{
    waitUntilIdle();
    const QString before = shownTraffic();
    QVERIFY2(before.contains(u"In 0 msg/s"_s), qPrintable(before));
    for (int i = 0; i < 20; ++i)
        QVERIFY(m_peer->publish("idle/device0/value", QByteArray::number(i)));
    // The rate rises at the next second boundary and falls back over the window.
    QTRY_VERIFY_WITH_TIMEOUT(tab()->isStatusTicking(), 5000);
    const QRegularExpression rising(u"^In [1-9]"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rising.match(shownTraffic()).hasMatch(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!tab()->isStatusTicking(), settleTimeoutMs);
    // The last tick showed the rate at zero with the new total.
    const QString after = shownTraffic();
    QVERIFY2(after.contains(u"In 0 msg/s"_s), qPrintable(after));
    QVERIFY2(after != before, qPrintable(after));
    QCOMPARE(after, tab()->trafficText());
    waitUntilIdle();
}

void tst_GuiIdle::reconnectionCountsDown()
{
    ConnectionProfile nowhere;
    nowhere.name = u"Nowhere"_s;
    nowhere.host = u"127.0.0.1"_s;
    nowhere.port = unusedLoopbackPort();
    nowhere.autoReconnect = true;
    ConnectionTab *retrying = m_window->openProfile(nowhere);
    QVERIFY(retrying);
    QTRY_COMPARE_WITH_TIMEOUT(retrying->state(), ClientState::Reconnecting, 5000);
    auto *line = retrying->findChild<ConnectionStatusLine *>();
    // The line ticks while a reconnection counts down, and shows each second of it.
    QVERIFY(retrying->isStatusTicking());
    QTRY_VERIFY_WITH_TIMEOUT(line->stateText().startsWith(u"Reconnecting in "_s), 3000);
    // Two texts of one attempt (the same failures after the number): the seconds went down.
    QHash<QString, QSet<QString>> countdowns;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QString text = line->stateText();
            QSet<QString> &seen = countdowns[text.section(u" · "_s, 1)];
            seen.insert(text.section(u" · "_s, 0, 0));
            return seen.size() >= 2;
        }(),
        10000);
    retrying->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(retrying->state(), ClientState::Disconnected, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!retrying->isStatusTicking(), settleTimeoutMs);
    QCOMPARE(line->stateText(), u"Disconnected"_s);
}

QTEST_MAIN(tst_GuiIdle)
#include "tst_guiidle.moc"

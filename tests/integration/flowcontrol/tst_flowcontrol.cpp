// SPDX-License-Identifier: GPL-3.0-or-later
// A connection tab whose GUI thread cannot keep up with the broker: the benchmarks' load server
// floods as fast as the socket takes it while the GUI is slowed on purpose (a long tree-model
// flush interval, or a GUI thread blocked in a busy slot). The tab must tell its worker what it
// applied, the worker must pause the client (shown as "catching up" in the status line), the
// messages queued towards the GUI must stay bounded, and in the end every message is in the
// tree with the connection still up.
#include "connectiontab.h"
#include "connectionworker.h"
#include "floodload.h"
#include "models/topictreemodel.h"
#include "profiles/secretstore.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QtTest>

#include <atomic>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr quint64 messageCount = 500000;

enum class Slowdown { LongModelFlush, BusyGuiThread };

} // namespace

class tst_FlowControl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void slowGuiPausesTheClientAndLosesNothing_data();
    void slowGuiPausesTheClientAndLosesNothing();

private:
    std::unique_ptr<SecretStore> m_secrets;
};

void tst_FlowControl::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_secrets = std::make_unique<SecretStore>(u"mqttscope-test"_s);
    m_secrets->setTimeoutMs(2000);
}

void tst_FlowControl::slowGuiPausesTheClientAndLosesNothing_data()
{
    QTest::addColumn<Slowdown>("slowdown");
    QTest::newRow("model flushes every 1.5 s") << Slowdown::LongModelFlush;
    QTest::newRow("GUI thread blocked for 2 s") << Slowdown::BusyGuiThread;
}

void tst_FlowControl::slowGuiPausesTheClientAndLosesNothing()
{
    QFETCH(Slowdown, slowdown);
    bench::LoadSource server;
    QString error;
    QVERIFY2(startFlood(server, messageCount, &error), qPrintable(error));

    // The queue between the worker and the tree model, measured from both ends: what the worker
    // hands on (on its thread, as it does), less what the model has applied (on the GUI thread).
    // Declared before the tab: its worker reports until the tab is gone.
    std::atomic<qint64> handedOn = 0;
    std::atomic<qint64> applied = 0;
    std::atomic<qint64> peakQueued = 0;
    std::atomic<int> pauses = 0;
    qint64 enqueued = 0;

    ConnectionProfile profile;
    profile.name = u"flood"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = server.port();
    profile.version = VersionChoice::V5;
    profile.clientId = u"mqttscope-flowcontrol"_s;
    profile.subscriptions = {Subscription{u"#"_s}};
    profile.autoReconnect = false;
    ConnectionTab tab(profile, m_secrets.get());
    tab.resize(1000, 700);
    tab.show();

    ConnectionWorker *worker = tab.worker();
    connect(
        worker, &ConnectionWorker::messagesReceived, worker,
        [&](const QList<Message> &messages) {
            const qint64 queued = (handedOn += messages.size()) - applied;
            qint64 peak = peakQueued;
            while (queued > peak && !peakQueued.compare_exchange_weak(peak, queued)) { }
        },
        Qt::DirectConnection);
    connect(
        worker, &ConnectionWorker::receivingPausedChanged, worker,
        [&](bool paused) {
            if (paused)
                ++pauses;
        },
        Qt::DirectConnection);
    // After the tab's own connection, so this runs right after the batch went into the model.
    connect(worker, &ConnectionWorker::messagesReceived, &tab,
            [&](const QList<Message> &messages) { enqueued += messages.size(); });
    connect(tab.topicModel(), &TopicTreeModel::flushed, tab.topicModel(),
            [&] { applied = enqueued; });
    bool statusShowedCatchingUp = false;
    connect(&tab, &ConnectionTab::statusChanged, &tab, [&] {
        if (tab.isCatchingUp() && tab.statusText().contains(u"catching up"_s))
            statusShowedCatchingUp = true;
    });
    QList<ClientState> states;
    connect(&tab, &ConnectionTab::stateChanged, &tab,
            [&](ClientState state) { states.append(state); });

    if (slowdown == Slowdown::LongModelFlush) {
        tab.topicModel()->setFlushInterval(1500);
    } else {
        // Once the flood is on, the GUI thread stops answering for a while, as a long layout or
        // a modal operation would make it.
        connect(worker, &ConnectionWorker::messagesReceived, &tab, [blocked = false]() mutable {
            if (std::exchange(blocked, true))
                return;
            QElapsedTimer clock;
            clock.start();
            while (clock.elapsed() < 2000) { }
        });
    }

    tab.connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(tab.state(), ClientState::Connected, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(pauses > 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(qint64(tab.topicStore().subtreeMessageCount(TopicStore::RootId)),
                              qint64(messageCount), 25000);

    QVERIFY2(statusShowedCatchingUp, "the status line never said it was catching up");
    QVERIFY2(peakQueued <= ConnectionWorker::backlogHighWater + largestFloodBatch,
             qPrintable(u"%1 messages queued towards the GUI"_s.arg(peakQueued.load())));
    QCOMPARE(handedOn.load(), qint64(messageCount));
    QTRY_VERIFY(!tab.isCatchingUp());
    QVERIFY(!tab.statusText().contains(u"catching up"_s));
    QCOMPARE(tab.state(), ClientState::Connected);
    QCOMPARE(states, (QList<ClientState>{ClientState::Connecting, ClientState::Connected}));
    qInfo("paused %d times, at most %lld messages queued towards the GUI", pauses.load(),
          qint64(peakQueued.load()));

    tab.disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(tab.state(), ClientState::Disconnected, 5000);
    const QJsonObject report = server.waitForReport(10000);
    QCOMPARE(report.value(u"sent"_s).toInteger(), qint64(messageCount));
    QCOMPARE(report.value(u"disconnected"_s).toBool(), true);
}

QTEST_MAIN(tst_FlowControl)
#include "tst_flowcontrol.moc"

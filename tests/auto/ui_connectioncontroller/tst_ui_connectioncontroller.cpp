// SPDX-License-Identifier: GPL-3.0-or-later
// The non-visual half of a connection tab: the status it keeps from the worker's reports, the
// matching of results to requests, and the count it reports back for flow control. The worker's
// signals are emitted from the test, so every report arrives exactly as the test says.
#include "connectioncontroller.h"
#include "connectionworker.h"
#include "threadpriority.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

class tst_ConnectionController : public QObject
{
    Q_OBJECT
private slots:
    void refusalIsKeptOverTheClose();
    void connectingClearsTheRefusal();
    void reconnectTimeAndPing();
    void connectedKeepsTheConnack();
    void resultsReachTheirRequestOnly();
    void failureNamesTheKindOfRequest();
    void appliedMessagesAreCounted();
    void connectionThreadGivesWayToTheGui();
};

void tst_ConnectionController::refusalIsKeptOverTheClose()
{
    ConnectionController controller(u"test"_s);
    QSignalSpy changes(&controller, &ConnectionController::statusChanged);
    ConnackPacket refusal;
    refusal.reason = ReasonCode::NotAuthorized;
    refusal.properties.reasonString = u"bad password"_s;
    emit controller.worker()->connectionRefused(refusal);
    QVERIFY(controller.status().refused);
    QCOMPARE(controller.status().detail,
             u"refused: %1 (bad password)"_s.arg(reasonCodeName(ReasonCode::NotAuthorized)));
    // The transport's close that follows says less than the refusal did.
    emit controller.worker()->disconnected(u"closed by the broker"_s);
    QVERIFY(controller.status().detail.startsWith(u"refused: "_s));
    QVERIFY(changes.size() >= 1);
}

void tst_ConnectionController::connectingClearsTheRefusal()
{
    ConnectionController controller(u"test"_s);
    ConnackPacket refusal;
    refusal.reason = ReasonCode::BadUserNameOrPassword;
    emit controller.worker()->connectionRefused(refusal);
    QSignalSpy states(&controller, &ConnectionController::stateChanged);
    emit controller.worker()->stateChanged(ClientState::Connected);
    QCOMPARE(states.size(), 1);
    QVERIFY(!controller.status().refused);
    QVERIFY(controller.status().detail.isEmpty());
    // The same state again is no change.
    emit controller.worker()->stateChanged(ClientState::Connected);
    QCOMPARE(states.size(), 1);
    emit controller.worker()->disconnected(u"reset by peer"_s);
    QCOMPARE(controller.status().detail, u"reset by peer"_s);
}

void tst_ConnectionController::reconnectTimeAndPing()
{
    ConnectionController controller(u"test"_s);
    emit controller.worker()->stateChanged(ClientState::Connected);
    emit controller.worker()->pingRoundTrip(12);
    QCOMPARE(controller.status().pingMs, 12);
    emit controller.worker()->stateChanged(ClientState::Reconnecting);
    QCOMPARE(controller.status().pingMs, -1); // a ping of a gone connection means nothing
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    emit controller.worker()->reconnectScheduled(4000);
    QVERIFY(controller.status().reconnectAtMsecs >= before + 4000);
    QVERIFY(controller.status().reconnectAtMsecs <= QDateTime::currentMSecsSinceEpoch() + 4000);
    emit controller.worker()->receivingPausedChanged(true);
    QVERIFY(controller.status().catchingUp);
}

void tst_ConnectionController::connectedKeepsTheConnack()
{
    ConnectionController controller(u"test"_s);
    QSignalSpy connected(&controller, &ConnectionController::connected);
    bool everConnectedDuringSignal = true;
    connect(&controller, &ConnectionController::connected, this,
            [&] { everConnectedDuringSignal = controller.hasEverConnected(); });
    ConnackPacket connack;
    connack.properties.receiveMaximum = 10;
    emit controller.worker()->connected(connack, ProtocolVersion::V311);
    QCOMPARE(connected.size(), 1);
    // The tab subscribes the profile's defaults only on the first connection: during the first
    // signal it has not been connected before.
    QVERIFY(!everConnectedDuringSignal);
    QVERIFY(controller.hasEverConnected());
    QCOMPARE(controller.status().version, ProtocolVersion::V311);
    QCOMPARE(controller.status().connack.properties.receiveMaximum, std::optional<quint16>(10));
}

void tst_ConnectionController::resultsReachTheirRequestOnly()
{
    ConnectionController controller(u"test"_s);
    QSignalSpy published(&controller, &ConnectionController::publishFinished);
    QSignalSpy subscribed(&controller, &ConnectionController::subscribeFinished);
    QTest::ignoreMessage(QtWarningMsg, "Result for unknown request 999 ignored");
    emit controller.worker()->publishFinished(999, ReasonCode::Success, {});
    QCOMPARE(published.size(), 0);

    // Requests are made while disconnected; the worker's own answers are waited out first.
    QSignalSpy failed(&controller, &ConnectionController::requestFailed);
    const quint64 publishId = controller.publish(Message{});
    const quint64 subscribeId = controller.subscribe(Subscription{u"a/#"_s}, 0);
    QVERIFY(publishId != subscribeId);
    QTRY_COMPARE(failed.size(), 2);
    QCOMPARE(controller.pendingRequests(), 0);
    // A late duplicate answer finds nothing to finish.
    QTest::ignoreMessage(QtWarningMsg,
                         qPrintable(u"Result for unknown request %1 ignored"_s.arg(subscribeId)));
    emit controller.worker()->subscribeFinished(subscribeId, SubackPacket{});
    QCOMPARE(subscribed.size(), 0);
}

void tst_ConnectionController::failureNamesTheKindOfRequest()
{
    ConnectionController controller(u"test"_s);
    QSignalSpy failed(&controller, &ConnectionController::requestFailed);
    const quint64 publishId = controller.publish(Message{});
    const quint64 unsubscribeId = controller.unsubscribe(u"a/#"_s);
    QTRY_COMPARE(failed.size(), 2);
    QHash<quint64, ConnectionController::Request> kinds;
    for (const QList<QVariant> &args : std::as_const(failed)) {
        kinds.insert(args.at(0).toULongLong(), args.at(1).value<ConnectionController::Request>());
        QVERIFY(!args.at(2).toString().isEmpty()); // it says why
    }
    QCOMPARE(kinds.value(publishId), ConnectionController::Request::Publish);
    QCOMPARE(kinds.value(unsubscribeId), ConnectionController::Request::Unsubscribe);
}

void tst_ConnectionController::appliedMessagesAreCounted()
{
    ConnectionController controller(u"test"_s);
    QSignalSpy received(&controller, &ConnectionController::messagesReceived);
    emit controller.worker()->messagesReceived({Message{}, Message{}, Message{}});
    emit controller.worker()->messagesReceived({Message{}});
    QCOMPARE(received.size(), 2);
    QCOMPARE(controller.unappliedMessages(), 4);
    controller.reportApplied();
    QCOMPARE(controller.unappliedMessages(), 0);
}

// Under a burst the connection's thread must not take an equal share of a core from the GUI.
void tst_ConnectionController::connectionThreadGivesWayToTheGui()
{
#ifndef Q_OS_LINUX
    QSKIP("thread niceness is Linux-only");
#endif
    const int gui = currentThreadNiceness();
    ConnectionController controller(u"test"_s);
    int connection = gui;
    QMetaObject::invokeMethod(
        controller.worker(), [&connection] { connection = currentThreadNiceness(); },
        Qt::BlockingQueuedConnection);
    QCOMPARE(connection, qMin(gui + BackgroundNiceness, 19));
    QCOMPARE(currentThreadNiceness(), gui); // the GUI thread keeps its own
}

QTEST_GUILESS_MAIN(tst_ConnectionController)
#include "tst_ui_connectioncontroller.moc"

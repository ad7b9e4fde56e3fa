// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionWorker's flow-control accounting on its own, on the test's thread, against the
// benchmarks' load server (a real socket that writes as fast as it can): the messages handed on
// and not reported applied make the worker pause its client past the high-water mark, keep it
// paused down to the low-water mark, resume below it, and in the end every message arrives.
#include "connectionworker.h"
#include "floodload.h"
#include "testversions.h"
#include "versionchoice.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr quint64 messageCount = 400000;

} // namespace

class tst_ConnectionWorker : public QObject
{
    Q_OBJECT

private slots:
    void pausesAtHighWaterResumesBelowLowWater_data();
    void pausesAtHighWaterResumesBelowLowWater();
};

void tst_ConnectionWorker::pausesAtHighWaterResumesBelowLowWater_data()
{
    addVersionRows();
}

void tst_ConnectionWorker::pausesAtHighWaterResumesBelowLowWater()
{
    QFETCH(ProtocolVersion, version);
    bench::LoadSource server;
    QString error;
    QVERIFY2(startFlood(server, messageCount, &error), qPrintable(error));

    ConnectionWorker worker;
    qint64 received = 0;
    bool applyAtOnce = false;
    connect(&worker, &ConnectionWorker::messagesReceived, this,
            [&](const QList<Message> &messages) {
                received += messages.size();
                if (applyAtOnce)
                    worker.messagesApplied(messages.size());
            });
    QSignalSpy paused(&worker, &ConnectionWorker::receivingPausedChanged);
    QSignalSpy states(&worker, &ConnectionWorker::stateChanged);

    ClientOptions options;
    options.endpoint.host = u"127.0.0.1"_s;
    options.endpoint.port = server.port();
    options.version = versionChoice(version);

    options.reconnect.enabled = false;
    worker.open(options);
    QTRY_COMPARE_WITH_TIMEOUT(states.isEmpty() ? ClientState::Disconnected
                                               : states.last().at(0).value<ClientState>(),
                              ClientState::Connected, 10000);
    worker.subscribe(1, {Subscription{u"#"_s}}, {});

    // Nothing is reported applied: the worker stops its client once past the high-water mark.
    QTRY_COMPARE_WITH_TIMEOUT(paused.size(), 1, 20000);
    QCOMPARE(paused.at(0).at(0).toBool(), true);
    QVERIFY2(worker.backlog() > ConnectionWorker::backlogHighWater,
             qPrintable(QString::number(worker.backlog())));
    QVERIFY2(worker.backlog() <= ConnectionWorker::backlogHighWater + largestFloodBatch,
             qPrintable(QString::number(worker.backlog())));
    // While paused, nothing more is decoded, however long the GUI takes.
    const qint64 backlogAtPause = worker.backlog();
    QTest::qWait(500);
    QCOMPARE(worker.backlog(), backlogAtPause);
    QCOMPARE(received, backlogAtPause); // all of it was handed on, none dropped

    // Down to the low-water mark it stays paused; one message below, it reads again.
    worker.messagesApplied(backlogAtPause - ConnectionWorker::backlogLowWater);
    QCOMPARE(worker.backlog(), ConnectionWorker::backlogLowWater);
    QCOMPARE(paused.size(), 1);
    worker.messagesApplied(1);
    QCOMPARE(paused.size(), 2);
    QCOMPARE(paused.at(1).at(0).toBool(), false);

    // A consumer that keeps up from now on gets the rest without another pause.
    worker.messagesApplied(worker.backlog());
    applyAtOnce = true;
    QTRY_COMPARE_WITH_TIMEOUT(received, qint64(messageCount), 20000);
    QCOMPARE(worker.backlog(), 0);
    QCOMPARE(paused.size(), 2);
    QCOMPARE(states.last().at(0).value<ClientState>(), ClientState::Connected);

    worker.close();
    QTRY_COMPARE_WITH_TIMEOUT(states.last().at(0).value<ClientState>(), ClientState::Disconnected,
                              5000);
    const QJsonObject report = server.waitForReport(10000);
    QCOMPARE(report.value(u"sent"_s).toInteger(), qint64(messageCount));
    QCOMPARE(report.value(u"disconnected"_s).toBool(), true); // left with DISCONNECT, not dropped
}

QTEST_GUILESS_MAIN(tst_ConnectionWorker)
#include "tst_connectionworker.moc"

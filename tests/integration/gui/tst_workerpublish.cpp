// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's publish path as fast as a loop can drive it: a ConnectionWorker on a thread of its
// own, as ConnectionTab runs it, with the options a default profile gives, takes 1,000 QoS 1 or
// QoS 2 publishes queued back to back, against mosquitto with its default limits. At 3.1.1 the
// broker announces no Receive Maximum, and past its max_inflight_messages (20) it answers PUBREC
// and drops the QoS 2 message: only the client's own in-flight window keeps them whole.
//
// A subscriber of ours checks that every message arrives, at QoS 2 exactly once
// [MQTT-4.3.3-2] and in order [MQTT-4.6.0-6], at QoS 1 at least once with the first arrivals
// in order; and every publishFinished is Success, once per request.
#include "client/mqttclient.h"
#include "connectionworker.h"
#include "mosquittobroker.h"
#include "profiles/connectionprofile.h"
#include "testversions.h"
#include "versionchoice.h"

#include <QScopeGuard>
#include <QSet>
#include <QThread>
#include <QtTest>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr int messageCount = 1000;
constexpr int connectTimeoutMs = 10000;
// The burst takes ~0.2 s here; the rest is room for a loaded machine.
constexpr int burstTimeoutMs = 60000;
// From the last PUBACK/PUBCOMP to the last delivery.
constexpr int deliveryTimeoutMs = 5000;

} // namespace

class tst_WorkerPublish : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void burstArrivesWhole_data();
    void burstArrivesWhole();

private:
    MosquittoBroker m_broker;
};

void tst_WorkerPublish::initTestCase()
{
    // mosquitto's own default, spelled out: the test is about what it does to a burst.
    MQTTSCOPE_START_BROKER(m_broker, {MosquittoBroker::Listener::Tcp},
                           {u"max_inflight_messages 20"_s});
}

void tst_WorkerPublish::burstArrivesWhole_data()
{
    addVersionColumn();
    QTest::addColumn<int>("qos");
    for (const ProtocolVersion version : testedVersions) {
        for (const int qos : {1, 2})
            addVersionRow(version, u"QoS %1"_s.arg(qos)) << qos;
    }
}

void tst_WorkerPublish::burstArrivesWhole()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(int, qos);
    const QByteArray topic = "burst/" + QByteArray(QTest::currentDataTag()).replace(' ', '-');
    const Endpoint endpoint = m_broker.endpoint(MosquittoBroker::Listener::Tcp);

    // The subscriber, on the test's thread.
    MqttClient subscriber;
    ClientOptions subscriberOptions;
    subscriberOptions.endpoint = endpoint;
    subscriberOptions.version = versionChoice(version);
    subscriberOptions.reconnect.enabled = false;
    subscriber.setOptions(subscriberOptions);
    QList<Message> arrived;
    connect(&subscriber, &MqttClient::messagesReceived, this,
            [&](const QList<Message> &messages) { arrived += messages; });
    QSignalSpy subscribed(&subscriber, &MqttClient::subscribeFinished);
    subscriber.connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(subscriber.state(), ClientState::Connected, connectTimeoutMs);
    subscriber.subscribe({Subscription{.filter = QString::fromUtf8(topic), .qos = quint8(qos)}});
    QVERIFY(subscribed.wait(connectTimeoutMs));

    // The worker, on a thread of its own, with what a default profile asks for.
    QThread thread;
    auto *worker = new ConnectionWorker;
    worker->moveToThread(&thread);
    connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    thread.start();
    const auto stopThread = qScopeGuard([&] {
        QMetaObject::invokeMethod(worker, &ConnectionWorker::close, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    });
    QHash<quint64, int> finishedCount;
    QStringList problems;
    ClientState state = ClientState::Disconnected;
    connect(worker, &ConnectionWorker::stateChanged, this, [&](ClientState s) { state = s; });
    connect(worker, &ConnectionWorker::publishFinished, this,
            [&](quint64 requestId, ReasonCode reason, const QString &text) {
                ++finishedCount[requestId];
                if (reason != ReasonCode::Success)
                    problems += u"request %1: reason 0x%2 %3"_s.arg(requestId)
                                    .arg(int(reason), 0, 16)
                                    .arg(text);
            });
    connect(worker, &ConnectionWorker::requestFailed, this,
            [&](quint64 requestId, const QString &error) {
                problems += u"request %1 failed: %2"_s.arg(requestId).arg(error);
            });
    connect(worker, &ConnectionWorker::disconnected, this,
            [&](const QString &reason) { problems += u"disconnected: "_s + reason; });

    ConnectionProfile profile;
    profile.host = endpoint.host;
    profile.port = endpoint.port;
    profile.version = versionChoice(version);

    profile.autoReconnect = false;
    const ClientOptions options = profile.toClientOptions({});
    QCOMPARE(options.maximumInflight, ClientOptions::defaultMaximumInflight);
    QMetaObject::invokeMethod(worker, [worker, options] { worker->open(options); });
    QTRY_COMPARE_WITH_TIMEOUT(state, ClientState::Connected, connectTimeoutMs);

    // As fast as a loop can queue them, as ConnectionTab::publish() does, then a fence.
    for (int i = 0; i <= messageCount; ++i) {
        Message message;
        message.topic = topic;
        message.payload = i < messageCount ? QByteArray::number(i) : QByteArray("fence");
        message.qos = quint8(qos);
        QMetaObject::invokeMethod(
            worker, [worker, i, message] { worker->publish(quint64(i) + 1, message); });
    }

    // All acknowledged, each once, Success: the broker has all it will ever forward.
    QVERIFY2(QTest::qWaitFor(
                 [&] { return finishedCount.size() == messageCount + 1 || !problems.isEmpty(); },
                 burstTimeoutMs),
             qPrintable(
                 u"%1 of %2 publishes finished"_s.arg(finishedCount.size()).arg(messageCount + 1)));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(u"\n"_s)));
    // What it kept reaches the subscriber within moments, all of it before the fence.
    const auto fenceArrived = [&] {
        return std::any_of(arrived.cbegin(), arrived.cend(),
                           [](const Message &m) { return m.payload == "fence"; });
    };
    QVERIFY2(QTest::qWaitFor(fenceArrived, deliveryTimeoutMs),
             qPrintable(u"%1 of %2 arrived, then nothing for %3 s, no fence"_s.arg(arrived.size())
                            .arg(messageCount)
                            .arg(deliveryTimeoutMs / 1000)));
    for (quint64 requestId = 1; requestId <= quint64(messageCount) + 1; ++requestId)
        QCOMPARE(finishedCount.value(requestId), 1);

    QList<int> firstArrivals;
    QSet<QByteArray> seen;
    qsizetype duplicates = 0;
    for (const Message &message : std::as_const(arrived)) {
        if (message.payload == "fence")
            break;
        if (seen.contains(message.payload)) {
            ++duplicates; // legal at QoS 1 only
            continue;
        }
        seen.insert(message.payload);
        firstArrivals += message.payload.toInt();
    }
    QVERIFY2(
        firstArrivals.size() == messageCount,
        qPrintable(
            u"%1 of %2 arrived before the fence"_s.arg(firstArrivals.size()).arg(messageCount)));
    for (int i = 0; i < messageCount; ++i)
        QCOMPARE(firstArrivals.at(i), i);
    if (qos == 2)
        QCOMPARE(duplicates, 0);
}

QTEST_GUILESS_MAIN(tst_WorkerPublish)
#include "tst_workerpublish.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The client's packet trace against a real mosquitto, fed into the inspector's log: a QoS 1 and a
// QoS 2 publish (to ourselves, so both directions) and a ping come out in wire order with the ids
// used on the wire and every flow complete; the ring's bound holds; with tracing off, nothing.

#include "client/mqttclient.h"
#include "inspector/packetlog.h"
#include "mosquittobroker.h"
#include "testclient.h"
#include "testversions.h"
#include "versionchoice.h"

#include <QSignalSpy>
#include <QTest>

using namespace mqttscope;
using namespace mqttscope::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr auto Sent = PacketDirection::Sent;
constexpr auto Received = PacketDirection::Received;

// "→CONNECT ←CONNACK →SUBSCRIBE#1 ..." for the packets of `types`.
QString wireOrder(const PacketRing &ring, const QList<PacketType> &types)
{
    QStringList parts;
    for (qsizetype i = 0; i < ring.size(); ++i) {
        const PacketTraceEntry &e = ring.at(i).entry;
        if (!types.contains(e.type))
            continue;
        parts.append((e.direction == Sent ? u"→"_s : u"←"_s) + packetTypeName(e.type)
                     + (e.packetId ? u"#%1"_s.arg(e.packetId) : QString()));
    }
    return parts.join(u' ');
}

const PacketFlow *findFlow(const FlowTracker &flows, FlowKind kind, PacketDirection initiator)
{
    for (qsizetype i = 0; i < flows.size(); ++i) {
        if (flows.at(i).kind == kind && flows.at(i).initiator == initiator)
            return &flows.at(i);
    }
    return nullptr;
}

} // namespace

class tst_InspectorTrace : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void qos1Qos2AndPingInWireOrder_data() { addVersionRows(); }
    void qos1Qos2AndPingInWireOrder();
    void ringBoundHolds_data() { addVersionRows(); }
    void ringBoundHolds();
    void tracingOffEmitsNothing();

private:
    ClientOptions optionsFor(ProtocolVersion version, const QString &name) const;
    // Subscribes to topic/# at QoS 2, publishes one message at QoS 1 and one at QoS 2 to it and
    // waits until both came back and both were acknowledged.
    static bool exchange(TestClient &client, const QByteArray &topic);

    MosquittoBroker m_broker;
};

void tst_InspectorTrace::initTestCase()
{
    MQTTSCOPE_START_BROKER(m_broker);
}

ClientOptions tst_InspectorTrace::optionsFor(ProtocolVersion version, const QString &name) const
{
    ClientOptions options;
    options.endpoint = m_broker.endpoint(MosquittoBroker::Listener::Tcp);
    options.version = versionChoice(version);
    options.clientId = name + versionTag(version);
    options.reconnect.enabled = false;
    return options;
}

bool tst_InspectorTrace::exchange(TestClient &client, const QByteArray &topic)
{
    if (!connectClient(client)
        || !subscribeAndWait(client, {Subscription{QString::fromUtf8(topic) + u"/#"_s, 2}}))
        return false;
    const quint64 one = client->publish(Message{topic + "/one", "1", 1, false, false, {}, 0});
    const quint64 two = client->publish(Message{topic + "/two", "2", 2, false, false, {}, 0});
    return QTest::qWaitFor(
        [&] {
            return client.recorder.messages.size() == 2 && client.recorder.finished.contains(one)
                && client.recorder.finished.contains(two);
        },
        defaultClientWaitMs);
}

void tst_InspectorTrace::qos1Qos2AndPingInWireOrder()
{
    QFETCH(ProtocolVersion, version);
    TestClient client;
    ClientOptions options = optionsFor(version, u"inspector-order-"_s);
    options.keepAliveSeconds = 1;
    client->setOptions(options);
    client->setPacketTracing(true);
    PacketLog log;
    int batches = 0;
    connect(client.client.get(), &MqttClient::packetsTraced, &client.recorder.context,
            [&](const QList<PacketTraceEntry> &entries) {
                ++batches;
                log.append(entries);
            });
    const QByteArray topic = "inspector/order/" + versionTag(version).toUtf8();
    QVERIFY(exchange(client, topic));
    QTRY_VERIFY_WITH_TIMEOUT(!client.recorder.pings.isEmpty(), 5000);
    client->disconnectFromBroker();
    QTRY_COMPARE(client->state(), ClientState::Disconnected);

    const PacketRing &ring = log.ring();
    QVERIFY(batches < ring.size()); // batches, not a signal per packet
    QCOMPARE(wireOrder(ring,
                       {PacketType::Connect, PacketType::Connack, PacketType::Subscribe,
                        PacketType::Suback}),
             u"→CONNECT ←CONNACK →SUBSCRIBE#1 ←SUBACK#1"_s);
    // Our publishes got ids 2 and 3 after the SUBSCRIBE's; how the broker's copies interleave
    // with our acks is its business, the order within each flow is not.
    QCOMPARE(wireOrder(ring, {PacketType::Publish}).split(u' ').mid(0, 2).join(u' '),
             u"→PUBLISH#2 →PUBLISH#3"_s);
    QCOMPARE(ring.at(ring.size() - 1).entry.type, PacketType::Disconnect);
    QCOMPARE(ring.at(ring.size() - 1).entry.direction, Sent);
    for (qsizetype i = 1; i < ring.size(); ++i)
        QVERIFY(ring.at(i).entry.timeUs >= ring.at(i - 1).entry.timeUs);

    const FlowTracker &flows = log.flows();
    const PacketFlow *ours1 = findFlow(flows, FlowKind::PublishQos1, Sent);
    const PacketFlow *ours2 = findFlow(flows, FlowKind::PublishQos2, Sent);
    const PacketFlow *theirs1 = findFlow(flows, FlowKind::PublishQos1, Received);
    const PacketFlow *theirs2 = findFlow(flows, FlowKind::PublishQos2, Received);
    const PacketFlow *ping = findFlow(flows, FlowKind::Ping, Sent);
    const PacketFlow *subscribe = findFlow(flows, FlowKind::Subscribe, Sent);
    QVERIFY(ours1 && ours2 && theirs1 && theirs2 && ping && subscribe);
    QCOMPARE(ours1->packetId, 2);
    QCOMPARE(ours2->packetId, 3);
    for (const PacketFlow *flow : {ours1, ours2, theirs1, theirs2, ping, subscribe}) {
        QCOMPARE(flowStateName(flow->state), flowStateName(FlowState::Complete));
        QCOMPARE(flow->steps.size(), flowSteps(flow->kind).size());
        for (const FlowStep &step : flow->steps)
            QVERIFY2(step.latencyUs >= 0, qPrintable(describeFlowSteps(*flow)));
    }
    // Each step went the way the protocol sends it [MQTT-4.3.3-1].
    QCOMPARE(theirs2->steps.at(1).direction, Sent); // PUBREC
    QCOMPARE(theirs2->steps.at(2).direction, Received); // PUBREL
    QCOMPARE(ours2->steps.at(2).direction, Sent); // PUBREL
    QCOMPARE(ping->steps.at(1).direction, Received);
    // The packets the broker delivered carry its ids, which the messages carry too.
    QCOMPARE(client.recorder.messagesOn(topic + "/two").value(0).packetId, theirs2->packetId);
    QVERIFY(theirs1->packetId != 0);
}

void tst_InspectorTrace::ringBoundHolds()
{
    QFETCH(ProtocolVersion, version);
    TestClient client;
    client->setOptions(optionsFor(version, u"inspector-ring-"_s));
    client->setPacketTracing(true);
    PacketLog log;
    log.ring().setLimits(4, 1 << 20);
    qsizetype traced = 0;
    connect(client.client.get(), &MqttClient::packetsTraced, &client.recorder.context,
            [&](const QList<PacketTraceEntry> &entries) {
                traced += entries.size();
                log.append(entries);
                QVERIFY(log.ring().size() <= 4);
            });
    QVERIFY(exchange(client, "inspector/ring/" + versionTag(version).toUtf8()));
    client->disconnectFromBroker();
    QTRY_COMPARE(client->state(), ClientState::Disconnected);
    QVERIFY(traced >= 14); // CONNECT .. DISCONNECT: 4 + 2 + 4 + 2 + 4 packets at least
    QCOMPARE(log.ring().size(), 4);
    QCOMPARE(log.ring().at(3).entry.type, PacketType::Disconnect);
    QCOMPARE(log.ring().at(3).sequence, quint64(traced));
}

void tst_InspectorTrace::tracingOffEmitsNothing()
{
    TestClient client;
    client->setOptions(optionsFor(ProtocolVersion::V5, u"inspector-off-"_s));
    QSignalSpy traced(client.client.get(), &MqttClient::packetsTraced);
    QVERIFY(!client->isPacketTracing());
    QVERIFY(exchange(client, "inspector/off"));
    QCOMPARE(traced.size(), 0);
    // On, then off again: only what happened in between is reported.
    client->setPacketTracing(true);
    const quint64 token = client->publish(Message{"inspector/off/x", "x", 1, false, false, {}, 0});
    QTRY_VERIFY(client.recorder.finished.contains(token));
    QTRY_VERIFY(!traced.isEmpty());
    client->setPacketTracing(false);
    const qsizetype before = traced.size();
    const quint64 again = client->publish(Message{"inspector/off/y", "y", 1, false, false, {}, 0});
    QTRY_VERIFY(client.recorder.finished.contains(again));
    QTest::qWait(50);
    QCOMPARE(traced.size(), before);
}

QTEST_GUILESS_MAIN(tst_InspectorTrace)
#include "tst_inspectortrace.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The inspector's data without a connection: the ring stays within its bounds, the flow tracker
// ties packets into QoS flows by id and direction (reuse, wrap, DUP, stuck, unmatched), and the
// details and export say what the packets hold.

#include "client/packettrace.h"
#include "inspector/packetdetails.h"
#include "inspector/packetexport.h"
#include "inspector/packetlog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr auto Sent = PacketDirection::Sent;
constexpr auto Received = PacketDirection::Received;

PacketTraceEntry entryOf(const Packet &packet, PacketDirection direction, qint64 timeUs,
                         ProtocolVersion version = ProtocolVersion::V5)
{
    QList<PacketTraceEntry> out;
    tracePackets(encodePacket(packet, version), direction, version, timeUs, out);
    return out.value(0);
}

PacketTraceEntry publish(PacketDirection direction, quint8 qos, quint16 id, qint64 timeUs,
                         bool dup = false)
{
    PublishPacket p;
    p.topic = "t";
    p.payload = "x";
    p.qos = qos;
    p.packetId = id;
    p.dup = dup;
    return entryOf(p, direction, timeUs);
}

PacketTraceEntry ack(PacketType type, quint16 id, PacketDirection direction, qint64 timeUs)
{
    return entryOf(PubAckPacket{type, id, ReasonCode::Success, {}}, direction, timeUs);
}

// The flow as "kind state: TYPE+latency TYPE+latency ...".
QString shape(const PacketFlow &flow)
{
    QStringList steps;
    for (const FlowStep &step : flow.steps)
        steps.append(u"%1+%2"_s.arg(packetTypeName(step.type)).arg(step.latencyUs));
    return u"%1 %2: %3"_s.arg(flowKindName(flow.kind), flowStateName(flow.state), steps.join(u' '));
}

QString fieldValue(const QList<PacketField> &fields, const QString &name)
{
    for (const PacketField &field : fields)
        if (field.name == name)
            return field.value;
    return u"(missing)"_s;
}

} // namespace

class tst_PacketInspector : public QObject
{
    Q_OBJECT
private slots:
    void ringKeepsTheLastPacketsWithinCountAndBytes();
    void qos1AndQos2FlowsInBothDirections();
    void subscribeAndPingFlows();
    void reusedIdAbandonsTheOpenFlow();
    void idsWrapAndDirectionsStayApart();
    void dupPublishJoinsItsFlow();
    void silentFlowIsMarkedStuckAndRecovers();
    void answerWithoutRequestIsUnmatched();
    void flowCountIsBounded();
    void connackShowsWhatWasAskedAndGranted();
    void exportWritesOneLinePerPacket();
};

void tst_PacketInspector::ringKeepsTheLastPacketsWithinCountAndBytes()
{
    PacketLog log;
    log.ring().setLimits(5, 1 << 20);
    QList<PacketTraceEntry> batch;
    for (int i = 1; i <= 12; ++i)
        batch.append(publish(Received, 0, 0, i));
    const PacketLog::Appended appended = log.append(batch);
    QCOMPARE(log.ring().size(), 5);
    QCOMPARE(appended.added, 5);
    QCOMPARE(appended.evicted, 0); // what this batch dropped again was never shown
    QCOMPARE(log.ring().at(0).entry.timeUs, 8);
    QCOMPARE(log.ring().at(0).sequence, 8u);
    QCOMPARE(log.append({publish(Received, 0, 0, 13)}).evicted, 1);

    // By bytes: each packet costs its bytes plus a fixed part.
    const qint64 cost = PacketRing::costOf(log.ring().at(0));
    QCOMPARE(log.ring().setLimits(100, cost * 3), 2);
    QCOMPARE(log.ring().size(), 3);
    QVERIFY(log.ring().bytes() <= cost * 3);
    QCOMPARE(log.ring().at(2).entry.timeUs, 13);
    // One packet larger than the whole budget is still kept, alone.
    PublishPacket big;
    big.topic = "big";
    big.payload = QByteArray(200, 'b');
    log.ring().setLimits(100, 10);
    log.append({entryOf(big, Received, 14)});
    QCOMPARE(log.ring().size(), 1);
    QCOMPARE(log.ring().at(0).entry.timeUs, 14);
    log.clear();
    QVERIFY(log.ring().isEmpty());
    QCOMPARE(log.ring().bytes(), 0);
}

void tst_PacketInspector::qos1AndQos2FlowsInBothDirections()
{
    PacketLog log;
    log.append({publish(Sent, 1, 1, 100), publish(Received, 2, 1, 150),
                ack(PacketType::Puback, 1, Received, 400), ack(PacketType::Pubrec, 1, Sent, 160),
                ack(PacketType::Pubrel, 1, Received, 300), ack(PacketType::Pubcomp, 1, Sent, 310)});
    const FlowTracker &flows = log.flows();
    QCOMPARE(flows.size(), 2);
    QCOMPARE(shape(flows.at(0)), u"QoS 1 publish complete: PUBLISH+0 PUBACK+300"_s);
    QCOMPARE(flows.at(0).initiator, Sent);
    QCOMPARE(shape(flows.at(1)),
             u"QoS 2 publish complete: PUBLISH+0 PUBREC+10 PUBREL+140 PUBCOMP+10"_s);
    QCOMPARE(flows.at(1).initiator, Received);
    QCOMPARE(flows.at(1).totalUs(), 160);
    QCOMPARE(flows.openCount(), 0);
    // Every packet of a flow points at it.
    QCOMPARE(log.ring().at(2).flowId, flows.at(0).id);
    QCOMPARE(log.ring().at(5).flowId, flows.at(1).id);
    QCOMPARE(describeFlowSteps(flows.at(0)), u"PUBLISH → PUBACK 300 µs"_s);
}

void tst_PacketInspector::subscribeAndPingFlows()
{
    PacketLog log;
    SubscribePacket subscribe{3, {Subscription{u"a/#"_s, 1}}, {}};
    log.append({entryOf(subscribe, Sent, 10), entryOf(PingreqPacket{}, Sent, 20),
                entryOf(SubackPacket{3, {ReasonCode::GrantedQoS1}, {}}, Received, 35),
                entryOf(PingrespPacket{}, Received, 1020), publish(Received, 0, 0, 1100)});
    QCOMPARE(log.flows().size(), 2);
    QCOMPARE(shape(log.flows().at(0)), u"subscribe complete: SUBSCRIBE+0 SUBACK+25"_s);
    QCOMPARE(shape(log.flows().at(1)), u"ping complete: PINGREQ+0 PINGRESP+1000"_s);
    QCOMPARE(log.ring().at(4).flowId, 0u); // QoS 0 has no flow
}

void tst_PacketInspector::reusedIdAbandonsTheOpenFlow()
{
    FlowTracker flows;
    flows.add(publish(Sent, 1, 5, 1), 1);
    flows.add(publish(Sent, 2, 5, 2), 2); // a new exchange on an id still open
    flows.add(ack(PacketType::Pubrec, 5, Received, 4), 3);
    QCOMPARE(shape(flows.at(0)), u"QoS 1 publish abandoned: PUBLISH+0"_s);
    QCOMPARE(shape(flows.at(1)), u"QoS 2 publish open: PUBLISH+0 PUBREC+2"_s);
    // Once complete, the id is free: using it again opens a fresh flow.
    flows.add(ack(PacketType::Pubrel, 5, Sent, 5), 4);
    flows.add(ack(PacketType::Pubcomp, 5, Received, 6), 5);
    flows.add(publish(Sent, 1, 5, 7), 6);
    flows.add(ack(PacketType::Puback, 5, Received, 9), 7);
    QCOMPARE(flows.size(), 3);
    QCOMPARE(flows.at(1).state, FlowState::Complete);
    QCOMPARE(shape(flows.at(2)), u"QoS 1 publish complete: PUBLISH+0 PUBACK+2"_s);
}

void tst_PacketInspector::idsWrapAndDirectionsStayApart()
{
    FlowTracker flows;
    // Our id 65535 then 1 after the wrap; the server's id 1 at the same time is another flow.
    flows.add(publish(Sent, 1, 65535, 1), 1);
    flows.add(publish(Sent, 1, 1, 2), 2);
    flows.add(publish(Received, 1, 1, 3), 3);
    flows.add(ack(PacketType::Puback, 1, Sent, 4), 4); // answers the server's
    flows.add(ack(PacketType::Puback, 65535, Received, 5), 5);
    flows.add(ack(PacketType::Puback, 1, Received, 8), 6); // answers ours
    QCOMPARE(flows.size(), 3);
    QCOMPARE(shape(flows.at(0)), u"QoS 1 publish complete: PUBLISH+0 PUBACK+4"_s);
    QCOMPARE(flows.at(0).packetId, 65535);
    QCOMPARE(shape(flows.at(1)), u"QoS 1 publish complete: PUBLISH+0 PUBACK+6"_s);
    QCOMPARE(shape(flows.at(2)), u"QoS 1 publish complete: PUBLISH+0 PUBACK+1"_s);
    QCOMPARE(flows.at(2).initiator, Received);
}

void tst_PacketInspector::dupPublishJoinsItsFlow()
{
    FlowTracker flows;
    flows.add(publish(Sent, 2, 9, 10), 1);
    flows.add(publish(Sent, 2, 9, 50, true), 2); // resent after a reconnect [MQTT-4.4.0-1]
    flows.add(ack(PacketType::Pubrec, 9, Received, 60), 3);
    flows.add(ack(PacketType::Pubrel, 9, Sent, 61), 4);
    flows.add(ack(PacketType::Pubrel, 9, Sent, 70), 5); // PUBREL resent too
    flows.add(ack(PacketType::Pubcomp, 9, Received, 75), 6);
    QCOMPARE(flows.size(), 1);
    QCOMPARE(
        shape(flows.at(0)),
        u"QoS 2 publish complete: PUBLISH+0 PUBLISH+40 PUBREC+10 PUBREL+1 PUBREL+9 PUBCOMP+5"_s);
}

void tst_PacketInspector::silentFlowIsMarkedStuckAndRecovers()
{
    FlowTracker flows;
    flows.setStuckAfterUs(10'000'000);
    flows.add(publish(Sent, 2, 1, 0), 1);
    flows.add(ack(PacketType::Pubrec, 1, Received, 1000), 2);
    flows.add(publish(Sent, 1, 2, 5'000'000), 3);
    QVERIFY(flows.markStuck(10'000'000).isEmpty()); // not yet: 9 s of silence
    QCOMPARE(flows.markStuck(10'001'001), QList<quint64>{flows.at(0).id});
    QCOMPARE(flows.at(0).state, FlowState::Stuck);
    QCOMPARE(flows.at(1).state, FlowState::Open);
    QVERIFY(flows.markStuck(10'500'000).isEmpty()); // already marked
    flows.add(ack(PacketType::Pubrel, 1, Sent, 11'000'000), 4);
    QCOMPARE(flows.at(0).state, FlowState::Open);
    flows.add(ack(PacketType::Pubcomp, 1, Received, 11'000'100), 5);
    QCOMPARE(flows.at(0).state, FlowState::Complete);
}

void tst_PacketInspector::answerWithoutRequestIsUnmatched()
{
    FlowTracker flows;
    flows.add(ack(PacketType::Puback, 4, Received, 1), 1);
    flows.add(publish(Sent, 1, 6, 2), 2);
    flows.add(ack(PacketType::Pubcomp, 6, Received, 3), 3); // the wrong answer for a QoS 1 flow
    QCOMPARE(flows.size(), 3);
    QCOMPARE(flows.at(0).state, FlowState::Unmatched);
    QCOMPARE(flows.at(0).packetId, 4);
    QCOMPARE(flows.at(1).state, FlowState::Open);
    QCOMPARE(flows.at(2).state, FlowState::Unmatched);
}

void tst_PacketInspector::flowCountIsBounded()
{
    FlowTracker flows;
    flows.setMaximumFlows(3);
    for (quint16 id = 1; id <= 5; ++id)
        flows.add(publish(Sent, 1, id, id), id);
    QCOMPARE(flows.size(), 3);
    QCOMPARE(flows.at(0).packetId, 3);
    QVERIFY(!flows.flow(1));
    QCOMPARE(flows.openCount(), 3); // the dropped ones are no longer open either
    // An answer to a dropped flow is unmatched, and does not disturb the others.
    flows.add(ack(PacketType::Puback, 1, Received, 9), 6);
    QCOMPARE(flows.at(2).state, FlowState::Unmatched);
    flows.clear();
    QCOMPARE(flows.size(), 0);
    QCOMPARE(flows.openCount(), 0);
}

void tst_PacketInspector::connackShowsWhatWasAskedAndGranted()
{
    ConnectPacket connect;
    connect.clientId = QString();
    connect.keepAlive = 60;
    connect.properties.sessionExpiryInterval = 300;
    connect.properties.receiveMaximum = 100;
    ConnackPacket connack;
    connack.properties.assignedClientIdentifier = u"auto-1"_s;
    connack.properties.serverKeepAlive = 30;
    connack.properties.sessionExpiryInterval = 120;
    connack.properties.maximumQoS = 1;
    const PacketTraceEntry asked = entryOf(connect, Sent, 1);
    const PacketTraceEntry granted = entryOf(connack, Received, 2);

    const QList<PacketField> connectFields = packetDetails(asked);
    QCOMPARE(fieldValue(connectFields, u"Keep alive"_s), u"60 s"_s);
    QCOMPARE(fieldValue(connectFields, u"Clean start"_s), u"yes"_s);
    QCOMPARE(fieldValue(connectFields, u"Receive Maximum"_s), u"100"_s);

    const QList<PacketField> fields = packetDetails(granted, &asked);
    QCOMPARE(fieldValue(fields, u"Return code"_s), u"0x00 Success"_s);
    QCOMPARE(fieldValue(fields, u"Keep alive"_s), u"asked 60 s, granted 30 s"_s);
    QCOMPARE(fieldValue(fields, u"Client identifier"_s), u"asked (empty), granted auto-1"_s);
    QCOMPARE(fieldValue(fields, u"Session Expiry Interval"_s), u"asked 300 s, granted 120 s"_s);
    QCOMPARE(fieldValue(fields, u"Maximum QoS"_s), u"1"_s);

    // A packet that does not decode says why instead.
    PacketTraceEntry broken = granted;
    broken.bytes = QByteArray("\x20\x01\x00", 3);
    QVERIFY(fieldValue(packetDetails(broken), u"Does not decode"_s).startsWith(u"CONNACK"_s));
}

void tst_PacketInspector::exportWritesOneLinePerPacket()
{
    PacketLog log;
    log.append({publish(Sent, 1, 7, 1'700'000'000'000'123),
                ack(PacketType::Puback, 7, Received, 1'700'000'000'000'456)});
    const QByteArray json = exportPackets(log, PacketExportFormat::JsonLines);
    const QList<QByteArray> lines = json.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(first.value(u"type"_s).toString(), u"PUBLISH"_s);
    QCOMPARE(first.value(u"direction"_s).toString(), u"sent"_s);
    QCOMPARE(first.value(u"packet_id"_s).toInt(), 7);
    QCOMPARE(first.value(u"topic"_s).toString(), u"t"_s);
    QCOMPARE(first.value(u"time_us"_s).toInteger(), 1'700'000'000'000'123);
    QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(u"reason_code"_s).toInt(), 0);

    const QByteArray text = exportPackets(log, PacketExportFormat::Text, [](const TracedPacket &p) {
        return p.entry.type == PacketType::Puback;
    });
    QCOMPARE(text.count('\n'), 1);
    QVERIFY2(text.startsWith("2023-11-14 22:13:20.000456 ← PUBACK"), text.constData());
    QVERIFY2(text.contains(" id=7 rc=0x00 size=4"), text.constData());
}

QTEST_GUILESS_MAIN(tst_PacketInspector)
#include "tst_packetinspector.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The MQTT session on its own, with no socket or timer: the outbound window, resuming and
// restarting flows after a lost connection, exactly once inbound, our Receive Maximum, and a
// randomized run against a reference broker that cuts the connection at random.
#include "client/session.h"
#include "messagebuilder.h"
#include "protocol/codec.h"
#include "protocol/framer.h"
#include "testversions.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <deque>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

QList<Packet> decodeAll(const QByteArray &bytes, ProtocolVersion version)
{
    Framer framer;
    framer.append(bytes);
    QList<Packet> packets;
    while (const auto frame = framer.next()) {
        DecodeResult result = decodePacket(*frame, version);
        if (const auto *error = std::get_if<ProtocolError>(&result)) {
            qWarning("the session wrote a packet the codec rejects: %s",
                     qPrintable(error->message));
            return packets;
        }
        packets.append(std::get<Packet>(result));
    }
    return packets;
}

ConnackPacket connack(bool sessionPresent, std::optional<quint16> receiveMaximum = std::nullopt)
{
    ConnackPacket c;
    c.sessionPresent = sessionPresent;
    c.properties.receiveMaximum = receiveMaximum;
    return c;
}

// The server's PUBACK, PUBREC, PUBREL or PUBCOMP for packetId, with success.
void receiveAck(Session &session, PacketType type, quint16 packetId, SessionOutput &out)
{
    Packet ack = PubAckPacket{type, packetId, ReasonCode::Success, {}};
    session.packetReceived(ack, 0, out);
}

// The session takes requests and a server has accepted it with no session present: the start of
// every test that sends.
void connectFresh(Session &session, ProtocolVersion version, SessionOutput &out)
{
    session.setAcceptingRequests(true);
    session.connectionAccepted(connack(false), version, out);
}

template<typename T>
QList<T> eventsOf(const SessionOutput &out)
{
    QList<T> result;
    for (const SessionEvent &event : out.events) {
        if (const T *typed = std::get_if<T>(&event))
            result += *typed;
    }
    return result;
}

QList<PublishPacket> publishesOf(const QList<Packet> &packets)
{
    QList<PublishPacket> result;
    for (const Packet &packet : packets) {
        if (const auto *publish = std::get_if<PublishPacket>(&packet))
            result += *publish;
    }
    return result;
}

// A broker as the spec describes it, for the randomized test: it keeps a persistent session
// for the client, delivers QoS 2 messages once per packet id until PUBREL [MQTT-4.3.3-8], and
// sends its own messages to the client with QoS 1/2, resending what is unacknowledged (with
// DUP) and PUBRELs when the client comes back [MQTT-4.4.0-1].
class ReferenceBroker
{
public:
    explicit ReferenceBroker(ProtocolVersion version)
        : m_version(version)
    {
    }

    QList<QByteArray> delivered; // payloads of the client's messages, in delivery order
    std::deque<QByteArray> toClient; // encoded packets in flight to the client

    void receive(const Packet &packet)
    {
        if (const auto *publish = std::get_if<PublishPacket>(&packet)) {
            if (publish->qos == 0) {
                delivered.append(publish->payload);
            } else if (publish->qos == 1) {
                delivered.append(publish->payload);
                send(PubAckPacket{PacketType::Puback, publish->packetId, ReasonCode::Success, {}});
            } else {
                if (!m_awaitingPubrel.contains(publish->packetId)) {
                    m_awaitingPubrel.insert(publish->packetId);
                    delivered.append(publish->payload);
                }
                send(PubAckPacket{PacketType::Pubrec, publish->packetId, ReasonCode::Success, {}});
            }
        } else if (const auto *ack = std::get_if<PubAckPacket>(&packet)) {
            handleAck(*ack);
        }
    }

    // The broker's own message to the client.
    void publish(const QByteArray &payload, quint8 qos)
    {
        PublishPacket packet{"t/in", payload, qos, false, false, 0, {}};
        if (qos > 0) {
            packet.packetId = ++m_lastId == 0 ? ++m_lastId : m_lastId;
            m_outbound.append(Outbound{packet, false});
        }
        send(packet);
    }

    // The connection is back with the session: resend what is unfinished, in order.
    void resume()
    {
        for (const Outbound &entry : std::as_const(m_outbound)) {
            if (entry.released) {
                send(PubAckPacket{
                    PacketType::Pubrel, entry.packet.packetId, ReasonCode::Success, {}});
            } else {
                PublishPacket again = entry.packet;
                again.dup = true;
                send(again);
            }
        }
    }

    bool hasUnfinished() const { return !m_outbound.isEmpty(); }

private:
    struct Outbound
    {
        PublishPacket packet;
        bool released = false; // PUBREC came, PUBREL sent, PUBCOMP awaited
    };

    void send(const Packet &packet) { toClient.push_back(encodePacket(packet, m_version)); }

    void handleAck(const PubAckPacket &ack)
    {
        if (ack.type == PacketType::Pubrel) {
            m_awaitingPubrel.remove(ack.packetId);
            send(PubAckPacket{PacketType::Pubcomp, ack.packetId, ReasonCode::Success, {}});
            return;
        }
        for (qsizetype i = 0; i < m_outbound.size(); ++i) {
            Outbound &entry = m_outbound[i];
            if (entry.packet.packetId != ack.packetId)
                continue;
            if (ack.type == PacketType::Pubrec) {
                entry.released = true;
                send(PubAckPacket{PacketType::Pubrel, ack.packetId, ReasonCode::Success, {}});
            } else {
                m_outbound.removeAt(i); // PUBACK or PUBCOMP
            }
            return;
        }
    }

    ProtocolVersion m_version;
    QSet<quint16> m_awaitingPubrel;
    QList<Outbound> m_outbound;
    quint16 m_lastId = 0;
};

// Empty when `arrivals` holds each of `expected` exactly once (or at least once), and their
// first arrivals are in the order of `expected`.
QString deliveryProblem(const QList<QByteArray> &arrivals, const QList<QByteArray> &expected,
                        bool exactlyOnce)
{
    QList<QByteArray> first;
    QSet<QByteArray> seen;
    for (const QByteArray &payload : arrivals) {
        if (seen.contains(payload)) {
            if (exactlyOnce)
                return u"%1 arrived twice"_s.arg(QString::fromLatin1(payload));
            continue;
        }
        seen.insert(payload);
        first.append(payload);
    }
    if (first != expected)
        return u"first arrivals %1, expected %2"_s.arg(QString::fromLatin1(first.join(' ')),
                                                       QString::fromLatin1(expected.join(' ')));
    return {};
}

} // namespace

class tst_Session : public QObject
{
    Q_OBJECT

private slots:
    void windowWithoutReceiveMaximum_data();
    void windowWithoutReceiveMaximum();
    void windowIsTheSmallerAt5();
    void resumeResendsInOrderWithDup();
    void startOverSendsUnreceivedAgain();
    void inboundQos2DeliveredOnce();
    void inboundReceiveMaximum();
    void requestsRefusedWithoutConnection();
    void randomCutsKeepDeliveryGuarantees_data();
    void randomCutsKeepDeliveryGuarantees();
};

void tst_Session::windowWithoutReceiveMaximum_data()
{
    addVersionRows();
}

// No Receive Maximum from the server (3.1.1 has none): our own window of 20 holds.
void tst_Session::windowWithoutReceiveMaximum()
{
    QFETCH(ProtocolVersion, version);
    Session session;
    SessionOutput out;
    connectFresh(session, version, out);
    for (int i = 0; i < 30; ++i)
        QVERIFY(session.publish(message("t/session").payload(QByteArray::number(i)).qos(2), out)
                != 0);
    const QList<PublishPacket> sent = publishesOf(decodeAll(out.bytes, version));
    QCOMPARE(sent.size(), 20);
    QCOMPARE(session.inFlightCount(), 20);
    QCOMPARE(session.queuedBytes(), 10 * qint64(strlen("t/session") + 2));

    // PUBREC keeps the slot, PUBCOMP frees it [MQTT-4.3.3-2]; the next one goes out, in order.
    SessionOutput acks;
    receiveAck(session, PacketType::Pubrec, sent.first().packetId, acks);
    QCOMPARE(publishesOf(decodeAll(acks.bytes, version)).size(), 0);
    receiveAck(session, PacketType::Pubcomp, sent.first().packetId, acks);
    const QList<PublishPacket> next = publishesOf(decodeAll(acks.bytes, version));
    QCOMPARE(next.size(), 1);
    QCOMPARE(next.first().payload, "20"_ba);
    QCOMPARE(eventsOf<PublishFinished>(acks).size(), 1);
    QCOMPARE(eventsOf<PublishFinished>(acks).first().reason, ReasonCode::Success);
}

void tst_Session::windowIsTheSmallerAt5()
{
    Session session;
    SessionSettings settings;
    settings.maximumInflight = 5;
    session.setSettings(settings);
    session.setAcceptingRequests(true);
    SessionOutput out;
    session.connectionAccepted(connack(false, 3), ProtocolVersion::V5, out);
    QCOMPARE(session.outboundWindow(), 3); // [MQTT-3.3.4-7]
    session.connectionAccepted(connack(false, 100), ProtocolVersion::V5, out);
    QCOMPARE(session.outboundWindow(), 5);
    settings.maximumInflight = 0;
    session.setSettings(settings);
    QCOMPARE(session.outboundWindow(), 100);
}

void tst_Session::resumeResendsInOrderWithDup()
{
    const ProtocolVersion version = ProtocolVersion::V311;
    Session session;
    SessionOutput out;
    connectFresh(session, version, out);
    session.publish(message("t/session").payload("a").qos(1), out);
    session.publish(message("t/session").payload("b").qos(2), out);
    session.publish(message("t/session").payload("c").qos(2), out);
    const QList<PublishPacket> sent = publishesOf(decodeAll(out.bytes, version));
    QCOMPARE(sent.size(), 3);
    SessionOutput acks;
    receiveAck(session, PacketType::Pubrec, sent.at(1).packetId, acks);

    session.connectionLost();
    SessionOutput resumed;
    session.connectionAccepted(connack(true), version, resumed);
    const QList<Packet> again = decodeAll(resumed.bytes, version);
    // In the original order, with the original ids [MQTT-4.4.0-1]; PUBLISH with DUP
    // [MQTT-3.3.1-1]; the PUBREC'd one continues with PUBREL.
    QCOMPARE(again.size(), 3);
    QCOMPARE(std::get<PublishPacket>(again.at(0)).payload, "a"_ba);
    QVERIFY(std::get<PublishPacket>(again.at(0)).dup);
    QCOMPARE(std::get<PublishPacket>(again.at(0)).packetId, sent.at(0).packetId);
    QCOMPARE(std::get<PubAckPacket>(again.at(1)).type, PacketType::Pubrel);
    QCOMPARE(std::get<PubAckPacket>(again.at(1)).packetId, sent.at(1).packetId);
    QCOMPARE(std::get<PublishPacket>(again.at(2)).payload, "c"_ba);
    QVERIFY(std::get<PublishPacket>(again.at(2)).dup);
}

void tst_Session::startOverSendsUnreceivedAgain()
{
    const ProtocolVersion version = ProtocolVersion::V5;
    Session session;
    SessionOutput out;
    connectFresh(session, version, out);
    const quint64 a = session.publish(message("t/session").payload("a").qos(2), out);
    session.publish(message("t/session").payload("b").qos(1), out);
    const QList<PublishPacket> sent = publishesOf(decodeAll(out.bytes, version));
    SessionOutput acks;
    receiveAck(session, PacketType::Pubrec, sent.at(0).packetId, acks);

    session.connectionLost();
    SessionOutput restarted;
    session.connectionAccepted(connack(false), version, restarted);
    // Received by the server (PUBREC) and delivered: finished, never sent again.
    QCOMPARE(eventsOf<PublishFinished>(restarted).size(), 1);
    QCOMPARE(eventsOf<PublishFinished>(restarted).first().token, a);
    session.sendQueued(restarted);
    const QList<PublishPacket> again = publishesOf(decodeAll(restarted.bytes, version));
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.first().payload, "b"_ba);
    QVERIFY(!again.first().dup); // a new message for a server without our session
}

void tst_Session::inboundQos2DeliveredOnce()
{
    const ProtocolVersion version = ProtocolVersion::V311;
    Session session;
    SessionOutput out;
    session.connectionAccepted(connack(false), version, out);
    Packet publish = PublishPacket{"t/in", "x", 2, false, false, 7, {}};
    session.packetReceived(publish, 0, out);
    Packet again = PublishPacket{"t/in", "x", 2, false, true, 7, {}};
    session.packetReceived(again, 0, out);
    QCOMPARE(out.messages.size(), 1); // [MQTT-4.3.3-9]
    Packet pubrel = PubAckPacket{PacketType::Pubrel, 7, ReasonCode::Success, {}};
    session.packetReceived(pubrel, 0, out);
    Packet next = PublishPacket{"t/in", "y", 2, false, false, 7, {}}; // the id is free again
    session.packetReceived(next, 0, out);
    QCOMPARE(out.messages.size(), 2);
    const QList<Packet> acks = decodeAll(out.bytes, version);
    QCOMPARE(acks.size(), 4); // PUBREC, PUBREC, PUBCOMP, PUBREC [MQTT-4.3.3-11]
    QCOMPARE(std::get<PubAckPacket>(acks.at(2)).type, PacketType::Pubcomp);
}

// Our Receive Maximum covers QoS 1 whose PUBACK is not yet written as well as QoS 2 awaiting
// PUBREL [MQTT-3.3.4-9].
void tst_Session::inboundReceiveMaximum()
{
    Session session;
    SessionSettings settings;
    settings.receiveMaximum = 2;
    session.setSettings(settings);
    SessionOutput out;
    session.connectionAccepted(connack(false), ProtocolVersion::V5, out);
    Packet one = PublishPacket{"t/in", "1", 1, false, false, 1, {}};
    Packet two = PublishPacket{"t/in", "2", 2, false, false, 2, {}};
    session.packetReceived(one, 0, out);
    session.packetReceived(two, 0, out);
    QVERIFY(!out.violation);
    session.acksWritten(); // the PUBACK is out, the QoS 2 one still counts
    Packet three = PublishPacket{"t/in", "3", 1, false, false, 3, {}};
    session.packetReceived(three, 0, out);
    QVERIFY(!out.violation);
    Packet four = PublishPacket{"t/in", "4", 1, false, false, 4, {}};
    session.packetReceived(four, 0, out);
    QVERIFY(out.violation);
    QCOMPARE(out.violation->reason, ReasonCode::ReceiveMaximumExceeded);
    QCOMPARE(out.messages.size(), 3);
}

void tst_Session::requestsRefusedWithoutConnection()
{
    Session session;
    SessionOutput out;
    QCOMPARE(session.publish(message("t/session").payload("x").qos(1), out), quint64(0));
    QCOMPARE(session.subscribe({Subscription{u"a/#"_s}}, {}, out), quint64(0));
    QCOMPARE(eventsOf<SessionProblem>(out).size(), 2);
    QVERIFY(eventsOf<SessionProblem>(out).first().text.contains(u"not connected"_s));
    // While a connection is under way they wait for it.
    session.setAcceptingRequests(true);
    QVERIFY(session.publish(message("t/session").payload("x").qos(1), out) != 0);
    QVERIFY(out.bytes.isEmpty());
    session.connectionAccepted(connack(false), ProtocolVersion::V311, out);
    session.sendQueued(out);
    QCOMPARE(publishesOf(decodeAll(out.bytes, ProtocolVersion::V311)).size(), 1);
}

void tst_Session::randomCutsKeepDeliveryGuarantees_data()
{
    addVersionColumn();
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 20; ++seed) {
        for (const ProtocolVersion version : testedVersions)
            addVersionRow(version, u"seed %1"_s.arg(seed)) << seed;
    }
}

// Publishes both ways, acks delivered late or lost in cuts, resumes with the session: after
// every step the window holds, and once the traffic drains QoS 2 arrived exactly once and QoS 1
// at least once in both directions, first arrivals in publish order [MQTT-4.6.0-2], and every
// publish finished once, successfully.
void tst_Session::randomCutsKeepDeliveryGuarantees()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    constexpr int steps = 2000;
    Session session;
    SessionSettings settings;
    settings.maximumInflight = quint16(1 + random.bounded(25));
    session.setSettings(settings);
    session.setAcceptingRequests(true);
    ReferenceBroker broker(version);
    std::deque<QByteArray> toBroker;
    QList<Message> received;
    QHash<quint64, int> finishedCount;
    QList<QByteArray> publishedQos[3];
    QList<QByteArray> brokerPublishedQos[3];
    int nextPayload = 0;

    auto carry = [&](SessionOutput &out) {
        for (const Packet &packet : decodeAll(out.bytes, version))
            toBroker.push_back(encodePacket(packet, version));
        out.bytes.clear();
        session.acksWritten();
        received += out.messages;
        out.messages.clear();
        for (const SessionEvent &event : std::as_const(out.events)) {
            if (const auto *finished = std::get_if<PublishFinished>(&event)) {
                QCOMPARE(finished->reason, ReasonCode::Success);
                ++finishedCount[finished->token];
            } else if (const auto *written = std::get_if<PublishWritten>(&event)) {
                ++finishedCount[written->token];
            }
        }
        out.events.clear();
        QVERIFY2(!out.violation, out.violation ? qPrintable(out.violation->message) : "");
    };
    auto toClientStep = [&] {
        const QByteArray bytes = broker.toClient.front();
        broker.toClient.pop_front();
        Packet packet = std::get<Packet>(decodePacket(bytes, version));
        SessionOutput out;
        session.packetReceived(packet, 0, out);
        carry(out);
    };
    auto toBrokerStep = [&] {
        const QByteArray bytes = toBroker.front();
        toBroker.pop_front();
        broker.receive(std::get<Packet>(decodePacket(bytes, version)));
    };

    SessionOutput first;
    session.connectionAccepted(connack(false), version, first);
    carry(first);
    QList<quint64> tokens;
    for (int step = 0; step < steps; ++step) {
        const quint32 dice = random.bounded(100);
        if (dice < 25) {
            const quint8 qos = quint8(random.bounded(3));
            const QByteArray payload = QByteArray::number(nextPayload++);
            SessionOutput out;
            tokens += session.publish(message("t/session").payload(payload).qos(qos), out);
            QVERIFY(tokens.last() != 0);
            publishedQos[qos] += payload;
            carry(out);
        } else if (dice < 35) {
            const quint8 qos = quint8(1 + random.bounded(2));
            const QByteArray payload = "in" + QByteArray::number(nextPayload++);
            broker.publish(payload, qos);
            brokerPublishedQos[qos] += payload;
        } else if (dice < 65 && !toBroker.empty()) {
            toBrokerStep();
        } else if (dice < 97 && !broker.toClient.empty()) {
            toClientStep();
        } else if (dice >= 97) {
            // A cut: whatever is on the wire is lost; both sides keep the session.
            toBroker.clear();
            broker.toClient.clear();
            session.connectionLost();
            SessionOutput resumed;
            session.connectionAccepted(connack(true), version, resumed);
            broker.resume();
            session.sendQueued(resumed);
            carry(resumed);
        }
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(session.inFlightCount() <= session.outboundWindow(),
                 qPrintable(u"step %1: %2 in flight, window %3"_s.arg(step)
                                .arg(session.inFlightCount())
                                .arg(session.outboundWindow())));
    }
    // Drain: no more cuts.
    for (int round = 0; round < 100000 && (!toBroker.empty() || !broker.toClient.empty());
         ++round) {
        if (!toBroker.empty())
            toBrokerStep();
        if (!broker.toClient.empty())
            toClientStep();
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(toBroker.empty() && broker.toClient.empty());
    QCOMPARE(session.inFlightCount(), 0);
    QVERIFY(!broker.hasUnfinished());

    // Outbound: split what the broker delivered by the QoS it was published with.
    QSet<QByteArray> qos1(publishedQos[1].cbegin(), publishedQos[1].cend());
    QSet<QByteArray> qos2(publishedQos[2].cbegin(), publishedQos[2].cend());
    QList<QByteArray> delivered1, delivered2;
    for (const QByteArray &payload : std::as_const(broker.delivered)) {
        if (qos1.contains(payload))
            delivered1 += payload;
        else if (qos2.contains(payload))
            delivered2 += payload;
    }
    const QString exactlyOnce = deliveryProblem(delivered2, publishedQos[2], true);
    QVERIFY2(exactlyOnce.isEmpty(), qPrintable(u"outbound QoS 2: "_s + exactlyOnce));
    const QString atLeastOnce = deliveryProblem(delivered1, publishedQos[1], false);
    QVERIFY2(atLeastOnce.isEmpty(), qPrintable(u"outbound QoS 1: "_s + atLeastOnce));
    for (quint64 token : std::as_const(tokens)) {
        // QoS 0 lost in a cut still finished (written); the others finished once each.
        QCOMPARE(finishedCount.value(token), 1);
    }
    // Inbound likewise.
    QList<QByteArray> received1, received2;
    for (const Message &m : std::as_const(received))
        (m.qos == 1 ? received1 : received2) += m.payload;
    const QString inExactlyOnce = deliveryProblem(received2, brokerPublishedQos[2], true);
    QVERIFY2(inExactlyOnce.isEmpty(), qPrintable(u"inbound QoS 2: "_s + inExactlyOnce));
    const QString inAtLeastOnce = deliveryProblem(received1, brokerPublishedQos[1], false);
    QVERIFY2(inAtLeastOnce.isEmpty(), qPrintable(u"inbound QoS 1: "_s + inAtLeastOnce));
}

QTEST_APPLESS_MAIN(tst_Session)
#include "tst_session.moc"

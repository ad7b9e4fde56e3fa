// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/codec.h"
#include "protocol/framer.h"
#include "protocol/packets.h"
#include "transport/endpoint.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>

#include <functional>
#include <memory>
#include <vector>

class QTcpSocket;

namespace mqttscope::test {

// What the fake server answers to a CONNECT: raw bytes (empty: say nothing, e.g. to test the
// CONNACK timeout) and whether to hang up right after them.
struct FakeConnectReply
{
    QByteArray bytes;
    bool hangUp = false;
};

// An in-process MQTT server on 127.0.0.1 (free port) that a test scripts, for what a real broker
// cannot be made to do: send malformed packets, refuse 5.0 like a 3.1.1-only broker, never answer.
// It decodes and records everything the client sends (client bytes the codec rejects are
// recorded in clientErrors(), they are a client bug).
//
//   FakeBroker fake;
//   QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
//   fake.setConnectHandler([](const ConnectPacket &, int) {
//       return FakeConnectReply{FakeBroker::connack311(1), true}; });
//   ... client connects to fake.endpoint() ...
//   fake.send(FakeBroker::packet(0x30, body));   // to the newest connection
//
// By default it accepts every CONNECT with a success CONNACK in the client's version and answers
// like a well-behaved broker (PINGRESP, SUBACK granting the requested QoS, UNSUBACK, PUBACK,
// PUBREC, PUBCOMP); it closes the connection on DISCONNECT.
class FakeBroker : public QObject
{
    Q_OBJECT
public:
    // `connection` counts from 0 in the order connections were accepted.
    using ConnectHandler =
        std::function<FakeConnectReply(const ConnectPacket &connect, int connection)>;

    explicit FakeBroker(QObject *parent = nullptr);
    ~FakeBroker() override;

    bool listen(); // 127.0.0.1, free port; false with errorString() on failure
    QString errorString() const { return m_error; }
    quint16 port() const;
    Endpoint endpoint() const; // mqtt:// to this server

    void setConnectHandler(ConnectHandler handler);
    // Whether to answer the client's requests after CONNECT (default true). Off: only record.
    void setAnswersRequests(bool answers);

    // Sends raw bytes on the newest connection. False when there is none open.
    bool send(const QByteArray &bytes);
    // Closes the newest connection once what was sent is flushed (FIN).
    void hangUp();

    int connectionCount() const { return int(m_connections.size()); }
    // Packets the client sent on a connection, decoded, in order.
    QList<Packet> received(int connection) const;
    // The protocol version of a connection's CONNECT (V5 before one arrived).
    ProtocolVersion version(int connection) const;
    // Whether the connection has ended (closed by either side).
    bool isClosed(int connection) const;
    // What the codec rejected in the client's bytes (each "connection N: message").
    QStringList clientErrors() const { return m_clientErrors; }

    // A success or refusing CONNACK for `version`, encoded by the codec.
    static QByteArray connack(ProtocolVersion version, ReasonCode reason = ReasonCode::Success,
                              const Properties &properties = {}, bool sessionPresent = false);
    // A 3.1.1 CONNACK with a raw return code: 20 02 00 <code> (1: unacceptable protocol version).
    static QByteArray connack311(quint8 returnCode);
    // A packet from a raw first byte (type and flags) and body: the remaining length is added.
    static QByteArray packet(quint8 firstByte, const QByteArray &body);

    // What 3.1.1-only brokers answer a 5.0 CONNECT with, as seen in the field, for a data table:
    // return code 1 with session present (against [MQTT-3.2.2-4]), return code 1, reason 0x84,
    // and hanging up without a CONNACK.
    struct FiveRefusal
    {
        const char *name;
        FakeConnectReply reply;
    };
    static QList<FiveRefusal> fiveRefusalsSeenInTheField();
    // Acts as such a broker: answers 5.0 CONNECTs with `refusal`, accepts older ones, and
    // publishes `payload` to `topic` (QoS 0) after each SUBSCRIBE.
    void actAsOldBroker(const FakeConnectReply &refusal, const QByteArray &topic,
                        const QByteArray &payload);
    // An MQTT string or binary field: 2-byte length, then the bytes.
    static QByteArray field(const QByteArray &bytes);

signals:
    void clientConnected(int connection);
    void packetReceived(int connection, const mqttscope::Packet &packet);
    void connectionClosed(int connection);

private:
    struct Connection;

    void accept();
    void read(Connection *connection);
    void handle(Connection *connection, const Packet &packet);
    void answer(Connection *connection, const Packet &packet);
    void write(Connection *connection, const Packet &packet);
    void close(Connection *connection);

    QTcpServer m_server;
    ConnectHandler m_connectHandler;
    bool m_answersRequests = true;
    std::vector<std::unique_ptr<Connection>> m_connections;
    QStringList m_clientErrors;
    QString m_error;
};

} // namespace mqttscope::test

Q_DECLARE_METATYPE(mqttscope::test::FakeConnectReply)

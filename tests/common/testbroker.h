// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/endpoint.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mqttscope::test {

// What a test needs of any real broker it starts (MosquittoBroker, AedesBroker), so that one data
// table can run the same test against each. The brokers' own classes have more (TLS, passwords,
// restarts, their configuration).
class TestBroker
{
public:
    virtual ~TestBroker() = default;

    virtual QString name() const = 0; // "mosquitto", "aedes"
    virtual QString version() const = 0; // e.g. "2.0.11", "1.2.0"; empty before start

    // Starts with one listener per transport on free loopback ports and waits until each
    // accepts connections. False with errorString() naming the cause (a missing broker is a
    // failure of the test, never a skip).
    virtual bool startListening(const QList<TransportKind> &transports) = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    virtual QString errorString() const = 0;

    // A ready endpoint (127.0.0.1, the listener's port) and its URL ("mqtt://127.0.0.1:1234",
    // "ws://127.0.0.1:1234/mqtt"), for a transport started with startListening().
    virtual Endpoint endpoint(TransportKind transport) const = 0;
    virtual QString url(TransportKind transport) const = 0;

    virtual QByteArray log() const = 0; // the broker's log so far, for failure messages
    // How many SUBACKs the broker has sent to this client, from its log: how a test knows that a
    // subscriber it does not drive itself (mosquitto_sub, mqttscope-cli) is ready.
    virtual int subackCount(const QString &clientId) const = 0;

    // Where the brokers differ, for the tests to assert what each one does.
    //
    // MQTT 5.0: mosquitto speaks it; aedes answers a 5.0 CONNECT with the 3.1.1 CONNACK
    // "unacceptable protocol version" (20 02 00 01) and closes the connection.
    virtual bool speaksMqtt5() const = 0;
    // A QoS 2 message from a client goes on to the subscribers when its PUBLISH arrives (aedes)
    // or only when its PUBREL does (mosquitto). Both are allowed; with the second a QoS 1
    // message sent after it can overtake it.
    virtual bool forwardsQos2OnPublish() const = 0;
    // Over WebSocket mosquitto 2.0.11 sends a large message at some 40 KB/s, about 4 KiB per
    // turn of its loop through libwebsockets (1 MiB in ~25 s); aedes at full speed.
    virtual bool sendsLargeWebSocketMessagesSlowly() const = 0;
};

} // namespace mqttscope::test

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An MqttClient for a test against a real broker, with everything it signals recorded:
//     TestClient subscriber;
//     subscriber->setOptions(options);
//     QVERIFY(connectClient(subscriber));
//     QVERIFY(subscribeAndWait(subscriber, {Subscription{u"t/#"_s, 1}}));
//     QTRY_COMPARE(subscriber.recorder.messagesOn("t/a").size(), 1);

#include "client/mqttclient.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <memory>

namespace mqttscope::test {

// How long connectClient and subscribeAndWait wait for the broker's answer.
inline constexpr int defaultClientWaitMs = 10000;

// What a client signals, typed, in arrival order.
struct Recorder
{
    explicit Recorder(MqttClient *client)
    {
        QObject::connect(client, &MqttClient::messagesReceived, &context,
                         [this](const QList<Message> &batch) { messages += batch; });
        QObject::connect(client, &MqttClient::publishFinished, &context,
                         [this](quint64 token, ReasonCode reason, const QString &) {
                             finished.insert(token, reason);
                         });
        QObject::connect(
            client, &MqttClient::subscribeFinished, &context,
            [this](quint64 token, const SubackPacket &suback) { subacks.insert(token, suback); });
        QObject::connect(client, &MqttClient::unsubscribeFinished, &context,
                         [this](quint64 token, const UnsubackPacket &unsuback) {
                             unsubacks.insert(token, unsuback);
                         });
        QObject::connect(client, &MqttClient::connected, &context,
                         [this](const ConnackPacket &connack) { connacks += connack; });
        QObject::connect(client, &MqttClient::connectionRefused, &context,
                         [this](const ConnackPacket &connack) { refusals += connack; });
        QObject::connect(client, &MqttClient::disconnected, &context,
                         [this](const QString &reason) { disconnects += reason; });
        QObject::connect(client, &MqttClient::pingRoundTrip, &context,
                         [this](int ms) { pings += ms; });
        QObject::connect(client, &MqttClient::errorOccurred, &context,
                         [this](const QString &error) { errors += error; });
        QObject::connect(client, &MqttClient::reconnectScheduled, &context,
                         [this](int ms) { reconnects += ms; });
        QObject::connect(client, &MqttClient::bytesTransferred, &context,
                         [this](qint64 received, qint64 sent) {
                             bytesReceived += received;
                             bytesSent += sent;
                         });
    }

    QList<Message> messagesOn(const QByteArray &topic) const
    {
        QList<Message> result;
        for (const Message &message : messages) {
            if (message.topic == topic)
                result += message;
        }
        return result;
    }

    // One line for a failure message: what the connection went through.
    QString story() const
    {
        return QStringLiteral("connacks %1, refusals %2, disconnects [%3], errors [%4]")
            .arg(QString::number(connacks.size()), QString::number(refusals.size()),
                 disconnects.join(QStringLiteral("; ")), errors.join(QStringLiteral("; ")));
    }

    // The connections end with the recorder, before the client goes: what the client signals
    // while it is destroyed finds no recorder to write to.
    QObject context;
    QList<Message> messages;
    QHash<quint64, ReasonCode> finished;
    QHash<quint64, SubackPacket> subacks;
    QHash<quint64, UnsubackPacket> unsubacks;
    QList<ConnackPacket> connacks;
    QList<ConnackPacket> refusals;
    QStringList disconnects;
    QList<int> pings;
    QStringList errors;
    QList<int> reconnects;
    qint64 bytesReceived = 0;
    qint64 bytesSent = 0;
};

// A client and its recorder, for one test.
struct TestClient
{
    std::unique_ptr<MqttClient> client = std::make_unique<MqttClient>();
    Recorder recorder{client.get()};
    MqttClient *operator->() const { return client.get(); }
};

// `options` with a will of QoS 1 on `topic`, not retained: a client whose end a test watches. The
// payload can name the client, so that the test sees whose will came.
inline ClientOptions withWill(ClientOptions options, const QByteArray &topic,
                              const QByteArray &payload, const Properties &properties = {})
{
    Will will;
    will.topic = topic;
    will.payload = payload;
    will.qos = 1;
    will.properties = properties;
    options.will = will;
    return options;
}

// Connects and waits for CONNACK; false (with the recorder's story as a warning) on failure.
inline bool connectClient(TestClient &client, int timeoutMs = defaultClientWaitMs)
{
    const qsizetype before = client.recorder.connacks.size();
    client->connectToBroker();
    const bool answered = QTest::qWaitFor(
        [&] {
            return client.recorder.connacks.size() > before
                || client->state() == ClientState::Disconnected;
        },
        timeoutMs);
    if (!answered || client.recorder.connacks.size() == before
        || client->state() != ClientState::Connected) {
        qWarning("connect failed: %s", qPrintable(client.recorder.story()));
        return false;
    }
    return true;
}

// Subscribes and waits for SUBACK; true when every subscription was granted.
inline bool subscribeAndWait(TestClient &client, const QList<Subscription> &subscriptions,
                             const Properties &properties = {}, int timeoutMs = defaultClientWaitMs)
{
    const quint64 token = client->subscribe(subscriptions, properties);
    if (token == 0
        || !QTest::qWaitFor([&] { return client.recorder.subacks.contains(token); }, timeoutMs)) {
        qWarning("no SUBACK: %s", qPrintable(client.recorder.story()));
        return false;
    }
    const QList<ReasonCode> reasons = client.recorder.subacks.value(token).reasons;
    return reasons.size() == subscriptions.size()
        && std::none_of(reasons.cbegin(), reasons.cend(), isError);
}

} // namespace mqttscope::test

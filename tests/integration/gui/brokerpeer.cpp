// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokerpeer.h"

#include <QSignalSpy>
#include <QTest>

namespace mqttscope::test {

BrokerPeer::BrokerPeer(const Endpoint &endpoint)
{
    ClientOptions options;
    options.endpoint = endpoint;
    options.version = VersionChoice::V5;
    options.reconnect.enabled = false;
    m_client.setOptions(options);
}

bool BrokerPeer::connect()
{
    QSignalSpy connected(&m_client, &MqttClient::connected);
    m_client.connectToBroker();
    return connected.wait(10000);
}

bool BrokerPeer::publish(const QByteArray &topic, const QByteArray &payload, quint8 qos,
                         bool retain)
{
    QSignalSpy finished(&m_client, &MqttClient::publishFinished);
    Message message;
    message.topic = topic;
    message.payload = payload;
    message.qos = qos;
    message.retain = retain;
    if (m_client.publish(message) == 0)
        return false;
    return !finished.isEmpty() || finished.wait(10000);
}

QList<Message> BrokerPeer::collect(const QString &filter, int waitMs)
{
    QList<Message> received;
    auto connection =
        QObject::connect(&m_client, &MqttClient::messagesReceived,
                         [&received](const QList<Message> &messages) { received += messages; });
    QSignalSpy subscribed(&m_client, &MqttClient::subscribeFinished);
    m_client.subscribe({Subscription{.filter = filter, .qos = 1}});
    if (subscribed.isEmpty())
        subscribed.wait(10000);
    QTest::qWait(waitMs);
    m_client.unsubscribe({filter});
    QObject::disconnect(connection);
    return received;
}

} // namespace mqttscope::test

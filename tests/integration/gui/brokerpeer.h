// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/mqttclient.h"

#include <QList>

namespace mqttscope::test {

// A second client on the test broker, next to the window under test: publishes what the window
// should see and subscribes to check what the window published.
class BrokerPeer
{
public:
    explicit BrokerPeer(const Endpoint &endpoint);

    // Both wait (bounded) and return false on timeout.
    bool connect();
    bool publish(const QByteArray &topic, const QByteArray &payload, quint8 qos = 0,
                 bool retain = false);
    // Subscribes afresh and collects for `waitMs` what arrives, retained messages included.
    QList<Message> collect(const QString &filter, int waitMs);

    MqttClient &client() { return m_client; }

private:
    MqttClient m_client;
};

} // namespace mqttscope::test

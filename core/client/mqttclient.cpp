// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/mqttclient.h"

#include "client/mqttclient_p.h"

namespace mqttscope {

// ---------------------------------------------------------------------------------------------
// MqttClient: the public face forwards to the private implementation.

MqttClient::MqttClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<MqttClientPrivate>(this))
{
}

MqttClient::~MqttClient()
{
    d->dropTransportsQuietly();
}

ClientOptions MqttClient::options() const
{
    return d->options;
}
void MqttClient::setOptions(const ClientOptions &options)
{
    d->setOptions(options);
}
ClientState MqttClient::state() const
{
    return d->state;
}
ProtocolVersion MqttClient::protocolVersion() const
{
    return d->version;
}
ConnackPacket MqttClient::lastConnack() const
{
    return d->lastConnack;
}
QString MqttClient::clientId() const
{
    return d->clientId();
}
void MqttClient::connectToBroker()
{
    d->connectToBroker();
}

void MqttClient::disconnectFromBroker(ReasonCode reason, const Properties &properties)
{
    d->disconnectFromBroker(reason, properties);
}

void MqttClient::abortConnection()
{
    d->abortConnection();
}
void MqttClient::pauseReceiving()
{
    d->setReceivingPaused(true);
}
void MqttClient::resumeReceiving()
{
    d->setReceivingPaused(false);
}
bool MqttClient::isReceivingPaused() const
{
    return d->receivingPaused;
}
qint64 MqttClient::bytesToWrite() const
{
    return d->bytesToWrite();
}
void MqttClient::setPacketTracing(bool enabled)
{
    d->setPacketTracing(enabled);
}
bool MqttClient::isPacketTracing() const
{
    return d->packetTracing;
}
int MqttClient::pendingInboundQos2() const
{
    return d->pendingInboundQos2();
}
quint64 MqttClient::publish(const Message &message)
{
    return d->publish(message);
}

quint64 MqttClient::subscribe(const QList<Subscription> &subscriptions,
                              const Properties &properties)
{
    return d->subscribe(subscriptions, properties);
}

quint64 MqttClient::unsubscribe(const QList<QString> &filters, const Properties &properties)
{
    return d->unsubscribe(filters, properties);
}

void MqttClient::sendAuth(const AuthPacket &auth)
{
    d->sendAuth(auth);
}

} // namespace mqttscope

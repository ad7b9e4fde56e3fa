// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simulatedsensor.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

namespace mqttscope {

class MqttClient;
struct Message;

// Plays a factory's device traffic through a connected client at a bounded rate:
// - per sensor, JSON telemetry (QoS 0; on odd lines with content type and user properties),
//   on every fifth a bare-number `temperature`, on some a packed binary `raw` struct, on some
//   CBOR `cbor` telemetry (content type application/cbor), on some Protobuf `protobuf`
//   (demo_telemetry.proto) and on some MessagePack `msgpack` telemetry;
// - retained `status` ("online"/"offline", QoS 1) and `firmware` JSON per sensor, sent on every
//   connect; now and then a sensor goes offline and comes back;
// - a retained PNG `snapshot` per line's camera every few seconds (content type image/png,
//   message expiry);
// - a request with response topic and correlation data, answered on the response topic.
class DemoTraffic : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QByteArray root = "demo";
        int sensors = 300;
        int messagesPerSecond = 500;
        int sensorsPerLine = 30;
    };

    DemoTraffic(MqttClient *client, const Settings &settings, QObject *parent = nullptr);

    quint64 publishedCount() const { return m_published; }
    QByteArray publisherStatusTopic() const; // for the client's will ("offline", retained)

private:
    void publishRetainedState();
    void tick();
    int publishForNextSensor();
    void publishSnapshot(int line);
    void flapOneSensor();
    void publishRequest();
    void publish(const Message &message);

    MqttClient *m_client;
    Settings m_settings;
    QList<SimulatedSensor> m_sensors;
    QTimer m_tickTimer;
    QTimer m_snapshotTimer;
    QTimer m_flapTimer;
    QTimer m_requestTimer;
    QElapsedTimer m_sinceLastTick;
    double m_budget = 0;
    int m_nextSensor = 0;
    int m_frame = 0;
    quint32 m_requestId = 0;
    quint64 m_published = 0;
};

} // namespace mqttscope

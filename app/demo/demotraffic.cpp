// SPDX-License-Identifier: GPL-3.0-or-later
#include "demotraffic.h"

#include "camerasnapshot.h"
#include "client/mqttclient.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

constexpr int tickMs = 20;
constexpr int snapshotIntervalMs = 4000;
constexpr int flapIntervalMs = 1500;
constexpr int requestIntervalMs = 5000;

Message makeMessage(const QByteArray &topic, const QByteArray &payload, quint8 qos = 0,
                    bool retain = false)
{
    Message message;
    message.topic = topic;
    message.payload = payload;
    message.qos = qos;
    message.retain = retain;
    return message;
}

} // namespace

DemoTraffic::DemoTraffic(MqttClient *client, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_settings(settings)
{
    m_sensors.reserve(settings.sensors);
    for (int i = 0; i < settings.sensors; ++i)
        m_sensors.append(
            SimulatedSensor(i / settings.sensorsPerLine + 1, i + 1, quint32(1000 + i)));

    connect(client, &MqttClient::connected, this, [this] {
        publishRetainedState();
        for (int line = 1; line
             <= (m_settings.sensors + m_settings.sensorsPerLine - 1) / m_settings.sensorsPerLine;
             ++line)
            publishSnapshot(line);
        m_sinceLastTick.start();
        m_tickTimer.start();
        m_snapshotTimer.start();
        m_flapTimer.start();
        m_requestTimer.start();
    });
    connect(client, &MqttClient::stateChanged, this, [this](ClientState state) {
        if (state != ClientState::Connected) {
            m_tickTimer.stop();
            m_snapshotTimer.stop();
            m_flapTimer.stop();
            m_requestTimer.stop();
            m_budget = 0;
        }
    });
    // Answer our own requests as a device would: same correlation data, on the response topic.
    connect(client, &MqttClient::messagesReceived, this, [this](const QList<Message> &messages) {
        for (const Message &request : messages) {
            if (!request.properties->responseTopic)
                continue;
            Message reply =
                makeMessage(request.properties->responseTopic->toUtf8(), R"({"result":"ok"})", 1);
            reply.properties.edit().correlationData = request.properties->correlationData;
            reply.properties.edit().contentType = u"application/json"_s;
            publish(reply);
        }
    });

    m_tickTimer.setInterval(tickMs);
    m_tickTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_tickTimer, &QTimer::timeout, this, &DemoTraffic::tick);
    m_snapshotTimer.setInterval(snapshotIntervalMs);
    connect(&m_snapshotTimer, &QTimer::timeout, this, [this] {
        const int lines =
            (m_settings.sensors + m_settings.sensorsPerLine - 1) / m_settings.sensorsPerLine;
        publishSnapshot(1 + (m_frame % qMax(1, lines)));
    });
    m_flapTimer.setInterval(flapIntervalMs);
    connect(&m_flapTimer, &QTimer::timeout, this, &DemoTraffic::flapOneSensor);
    m_requestTimer.setInterval(requestIntervalMs);
    connect(&m_requestTimer, &QTimer::timeout, this, &DemoTraffic::publishRequest);
}

QByteArray DemoTraffic::publisherStatusTopic() const
{
    return m_settings.root + "/publisher/status";
}

void DemoTraffic::publish(const Message &message)
{
    if (m_client->publish(message) != 0)
        ++m_published;
}

void DemoTraffic::publishRetainedState()
{
    publish(makeMessage(publisherStatusTopic(), "online", 1, true));
    for (const SimulatedSensor &sensor : std::as_const(m_sensors)) {
        const QByteArray prefix = sensor.topicPrefix(m_settings.root);
        publish(makeMessage(prefix + "/status", sensor.isOnline() ? "online" : "offline", 1, true));
        Message firmware = makeMessage(prefix + "/firmware", sensor.firmwareJson(), 1, true);
        firmware.properties.edit().contentType = u"application/json"_s;
        publish(firmware);
    }
    // A request topic the demo listens on, so that its request/response pairs show both halves.
    Subscription requests;
    requests.filter = QString::fromUtf8(m_settings.root + "/factory/+/+/cmd");
    requests.qos = 1;
    m_client->subscribe({requests});
}

void DemoTraffic::tick()
{
    // A budget of messages that grows with elapsed time keeps the average rate exact even when
    // ticks come late; capping it keeps a stalled loop from bursting afterwards.
    const double elapsedSeconds = m_sinceLastTick.restart() / 1000.0;
    m_budget = qMin(m_budget + elapsedSeconds * m_settings.messagesPerSecond,
                    qMax(10.0, m_settings.messagesPerSecond * 0.1));
    int visits = 0;
    while (m_budget >= 1 && visits++ < m_sensors.size())
        m_budget -= publishForNextSensor();
}

int DemoTraffic::publishForNextSensor()
{
    if (m_sensors.isEmpty())
        return 1;
    SimulatedSensor &sensor = m_sensors[m_nextSensor];
    const int number = m_nextSensor + 1;
    m_nextSensor = (m_nextSensor + 1) % m_sensors.size();
    if (!sensor.isOnline())
        return 0;
    sensor.step();
    const QByteArray prefix = sensor.topicPrefix(m_settings.root);
    const int line = (number - 1) / m_settings.sensorsPerLine + 1;
    int sent = 0;

    Message telemetry = makeMessage(prefix + "/telemetry", sensor.telemetryJson());
    if (line % 2 == 1) {
        telemetry.properties.edit().contentType = u"application/json"_s;
        telemetry.properties.edit().userProperties = {{u"site"_s, u"plant-3"_s},
                                                      {u"line"_s, QString::number(line)}};
    }
    publish(telemetry);
    ++sent;
    if (number % 5 == 0) {
        publish(makeMessage(prefix + "/temperature", sensor.temperatureText()));
        ++sent;
    }
    if (number % 10 == 3) {
        Message raw = makeMessage(prefix + "/raw", sensor.packedStruct());
        raw.properties.edit().payloadFormatIndicator = 0; // unspecified bytes
        raw.properties.edit().userProperties = {
            {u"layout"_s, u"u32 seq, i16 t*100, u16 h*100, u8 bat, i8 rssi (LE)"_s}};
        publish(raw);
        ++sent;
    }
    if (number % 7 == 1) {
        Message cbor = makeMessage(prefix + "/cbor", sensor.telemetryCbor());
        cbor.properties.edit().contentType = u"application/cbor"_s;
        publish(cbor);
        ++sent;
    }
    if (number % 7 == 4) {
        Message protobuf = makeMessage(prefix + "/protobuf", sensor.telemetryProtobuf());
        protobuf.properties.edit().contentType = u"application/x-protobuf"_s;
        publish(protobuf);
        ++sent;
    }
    if (number % 11 == 6) {
        Message msgpack = makeMessage(prefix + "/msgpack", sensor.telemetryMessagePack());
        msgpack.properties.edit().contentType = u"application/msgpack"_s;
        publish(msgpack);
        ++sent;
    }
    return sent;
}

void DemoTraffic::publishSnapshot(int line)
{
    Message snapshot = makeMessage(m_settings.root + "/factory/line" + QByteArray::number(line)
                                       + "/camera-1/snapshot",
                                   cameraSnapshotPng(m_frame++), 0, true);
    snapshot.properties.edit().contentType = u"image/png"_s;
    snapshot.properties.edit().messageExpiryInterval = 300;
    publish(snapshot);
}

void DemoTraffic::flapOneSensor()
{
    if (m_sensors.isEmpty())
        return;
    SimulatedSensor &sensor =
        m_sensors[int(QRandomGenerator::global()->bounded(qsizetype(m_sensors.size())))];
    sensor.setOnline(!sensor.isOnline());
    publish(makeMessage(sensor.topicPrefix(m_settings.root) + "/status",
                        sensor.isOnline() ? "online" : "offline", 1, true));
}

void DemoTraffic::publishRequest()
{
    if (m_sensors.isEmpty())
        return;
    const QByteArray prefix = m_sensors.first().topicPrefix(m_settings.root);
    const QJsonObject body{{u"action"_s, u"calibrate"_s}, {u"request"_s, qint64(++m_requestId)}};
    Message request =
        makeMessage(prefix + "/cmd", QJsonDocument(body).toJson(QJsonDocument::Compact), 1);
    request.properties.edit().responseTopic = QString::fromUtf8(prefix + "/cmd/response");
    request.properties.edit().correlationData = "req-" + QByteArray::number(m_requestId);
    request.properties.edit().contentType = u"application/json"_s;
    request.properties.edit().messageExpiryInterval = 30;
    publish(request);
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparkplugedgenode.h"

#include "client/mqttclient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace mqttscope {

namespace {

const QString rebirthMetric = QStringLiteral("Node Control/Rebirth");

} // namespace

SparkplugEdgeNode::SparkplugEdgeNode(const ClientOptions &options, const QByteArray &group,
                                     QObject *parent)
    : QObject(parent)
    , m_client(std::make_unique<MqttClient>())
    , m_options(options)
    , m_group(group)
{
    m_options.clientId = QString::fromUtf8(group + '-' + m_nodeId);
    m_options.cleanStart = true; // [tck-id-principles-persistence-clean-session-311]
    m_devices = {
        {"press-1",
         {{QStringLiteral("Temperature"), QStringLiteral("Float"), 21.5, 10},
          {QStringLiteral("Pressure"), QStringLiteral("Double"), 4.2, 11},
          {QStringLiteral("Running"), QStringLiteral("Boolean"), true, 12},
          {QStringLiteral("Cycles"), QStringLiteral("Int64"), 0, 13}}},
        {"conveyor-1",
         {{QStringLiteral("Speed"), QStringLiteral("Float"), 0.8, 20},
          {QStringLiteral("Items"), QStringLiteral("UInt32"), 0, 21},
          {QStringLiteral("Mode"), QStringLiteral("String"), QStringLiteral("auto"), 22}}},
    };
    connect(m_client.get(), &MqttClient::connected, this, [this] {
        m_client->subscribe({Subscription{QString::fromUtf8(topic("NCMD")), 1}});
        publishBirths();
        m_dataTimer.start();
    });
    connect(m_client.get(), &MqttClient::disconnected, this, [this] {
        m_dataTimer.stop();
        ++m_bdSeq; // the next connection's will and NBIRTH
        prepareConnection();
    });
    connect(m_client.get(), &MqttClient::messagesReceived, this, &SparkplugEdgeNode::onMessages);
    m_dataTimer.setInterval(1000);
    connect(&m_dataTimer, &QTimer::timeout, this, &SparkplugEdgeNode::publishDeviceData);
}

SparkplugEdgeNode::~SparkplugEdgeNode() = default;

void SparkplugEdgeNode::start()
{
    prepareConnection();
    m_client->connectToBroker();
}

void SparkplugEdgeNode::stop()
{
    m_dataTimer.stop();
    // A node that leaves on purpose says so itself
    // [tck-id-operational-behavior-edge-node-intentional-disconnect-ndeath]
    publish("NDEATH", {}, {{QStringLiteral("bdSeq"), QStringLiteral("UInt64"), m_bdSeq}}, false);
    m_client->disconnectFromBroker();
}

QByteArray SparkplugEdgeNode::topic(const QByteArray &type, const QByteArray &device) const
{
    QByteArray t = "spBv1.0/" + m_group + '/' + type + '/' + m_nodeId;
    return device.isEmpty() ? t : t + '/' + device;
}

QList<Sparkplug::CommandMetric> SparkplugEdgeNode::nodeMetrics() const
{
    return {{QStringLiteral("bdSeq"), QStringLiteral("UInt64"), m_bdSeq},
            {rebirthMetric, QStringLiteral("Boolean"), false, 1},
            {QStringLiteral("Properties/Firmware"), QStringLiteral("String"),
             QStringLiteral("2.4.1"), 2}};
}

void SparkplugEdgeNode::prepareConnection()
{
    // [tck-id-payloads-ndeath-will-message] [tck-id-payloads-ndeath-bdseq]
    QString error;
    const auto death =
        Sparkplug::encodePayload({{QStringLiteral("bdSeq"), QStringLiteral("UInt64"), m_bdSeq}},
                                 QDateTime::currentMSecsSinceEpoch(), std::nullopt, &error);
    Will will;
    will.topic = topic("NDEATH");
    will.payload = death.value_or(QByteArray());
    will.qos =
        1; // [tck-id-payloads-ndeath-will-message-qos] [tck-id-payloads-ndeath-will-message-retain]
    m_options.will = will;
    m_client->setOptions(m_options);
}

void SparkplugEdgeNode::publishBirths()
{
    m_seq = 0; // [tck-id-payloads-nbirth-seq]
    publish("NBIRTH", {}, nodeMetrics(), true);
    for (const Device &device : std::as_const(m_devices))
        publish("DBIRTH", device.id, device.metrics, true);
}

void SparkplugEdgeNode::updateValues()
{
    ++m_tick;
    const double phase = m_tick / 10.0;
    QList<Sparkplug::CommandMetric> &press = m_devices[0].metrics;
    press[0].value = 21.5 + 3.0 * std::sin(phase);
    press[1].value = 4.2 + 0.3 * std::cos(phase * 1.7);
    press[2].value = (m_tick / 30) % 4 != 3;
    press[3].value = m_tick * 3;
    QList<Sparkplug::CommandMetric> &conveyor = m_devices[1].metrics;
    conveyor[0].value = 0.8 + 0.1 * std::sin(phase * 0.5);
    conveyor[1].value = m_tick * 7;
    conveyor[2].value = (m_tick / 45) % 2 ? QStringLiteral("manual") : QStringLiteral("auto");
}

void SparkplugEdgeNode::publishDeviceData()
{
    updateValues();
    for (const Device &device : std::as_const(m_devices)) {
        QList<Sparkplug::CommandMetric> byAlias = device.metrics;
        for (Sparkplug::CommandMetric &metric : byAlias)
            metric.name.clear(); // [tck-id-payloads-alias-data-cmd-requirement] the alias only
        publish("DDATA", device.id, byAlias, true);
    }
}

void SparkplugEdgeNode::onMessages(const QList<Message> &messages)
{
    for (const Message &message : messages) {
        const DecodedPayload decoded = Sparkplug::toJson(message.payload);
        const QJsonObject metrics = QJsonDocument::fromJson(decoded.json)
                                        .object()
                                        .value(QLatin1String("metrics"))
                                        .toObject();
        // [tck-id-operational-behavior-data-commands-rebirth-action-1]
        if (metrics.value(rebirthMetric).toObject().value(QLatin1String("value")).toBool())
            publishBirths();
    }
}

void SparkplugEdgeNode::publish(const QByteArray &type, const QByteArray &device,
                                const QList<Sparkplug::CommandMetric> &metrics, bool withSeq)
{
    QString error;
    const std::optional<quint64> seq = withSeq ? std::optional<quint64>(m_seq) : std::nullopt;
    const auto payload =
        Sparkplug::encodePayload(metrics, QDateTime::currentMSecsSinceEpoch(), seq, &error);
    if (!payload) {
        qWarning("mqttscope-demo: %s", qPrintable(error));
        return;
    }
    if (withSeq)
        m_seq = (m_seq + 1) % 256; // [tck-id-payloads-sequence-num-incrementing]
    Message message;
    message.topic = topic(type, device);
    message.payload = *payload;
    message.qos = 0; // [tck-id-topics-nbirth-mqtt] BIRTH/DATA QoS 0, not retained
    m_client->publish(message);
    ++m_published;
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientoptions.h"
#include "decode/sparkplugpayload.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace mqttscope {

class MqttClient;
struct Message;

// An Eclipse Sparkplug B 3.0 edge node with two devices, on its own connection so that its will
// is its NDEATH: on every connect an NBIRTH (with the bdSeq of that will) and a DBIRTH per
// device, then each second a DDATA per device with metrics by alias only and seq counting
// 0..255 across all of the node's messages. An NCMD "Node Control/Rebirth" makes it born again.
// Payloads by our own encoder (Sparkplug::encodePayload).
class SparkplugEdgeNode : public QObject
{
    Q_OBJECT
public:
    // `options` as the demo's main client has them (endpoint, credentials); the client id and
    // will are the node's own. Topics under spBv1.0/<group>/.
    SparkplugEdgeNode(const ClientOptions &options, const QByteArray &group,
                      QObject *parent = nullptr);
    ~SparkplugEdgeNode() override;

    void start();
    void stop();
    quint64 publishedCount() const { return m_published; }

private:
    struct Device
    {
        QByteArray id;
        QList<Sparkplug::CommandMetric> metrics; // name, datatype, alias; values change
    };
    void prepareConnection();
    void publishBirths();
    void publishDeviceData();
    void onMessages(const QList<Message> &messages);
    void updateValues();
    void publish(const QByteArray &type, const QByteArray &device,
                 const QList<Sparkplug::CommandMetric> &metrics, bool withSeq);
    QByteArray topic(const QByteArray &type, const QByteArray &device = {}) const;
    QList<Sparkplug::CommandMetric> nodeMetrics() const;

    std::unique_ptr<MqttClient> m_client;
    ClientOptions m_options;
    QByteArray m_group;
    QByteArray m_nodeId = "edge-node-1";
    QList<Device> m_devices;
    QTimer m_dataTimer;
    quint64 m_bdSeq =
        0; // of the connection being made; one more on each [tck-id-topics-nbirth-bdseq-increment]
    quint64 m_seq = 0;
    quint64 m_published = 0;
    int m_tick = 0;
};

} // namespace mqttscope

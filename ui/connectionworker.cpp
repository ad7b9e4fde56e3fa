// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionworker.h"

#include "client/mqttclient.h"
#include "heapreleaser.h"
#include "recording/recordingwriter.h"

#include <QTimer>

namespace mqttscope {

ConnectionWorker::ConnectionWorker(QObject *parent)
    : QObject(parent)
    , m_client(new MqttClient(this))
    , m_flushTimer(new QTimer(this))
    , m_recorderPoll(new QTimer(this))
    , m_heapReleaser(new HeapReleaser(this))
{
    m_flushTimer->setInterval(flushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &ConnectionWorker::flush);
    qRegisterMetaType<mqttscope::SparkplugStateChanges>();
    m_recorderPoll->setInterval(recorderPollMs);
    connect(m_recorderPoll, &QTimer::timeout, this, &ConnectionWorker::resumeIfCaughtUp);

    connect(m_client, &MqttClient::stateChanged, this, &ConnectionWorker::stateChanged);
    connect(m_client, &MqttClient::connected, this, [this](const ConnackPacket &connack) {
        emit connected(connack, m_client->protocolVersion());
    });
    connect(m_client, &MqttClient::connectionRefused, this, &ConnectionWorker::connectionRefused);
    connect(m_client, &MqttClient::disconnected, this, [this](const QString &reason) {
        flush();
        emit disconnected(reason);
    });
    connect(m_client, &MqttClient::reconnectScheduled, this, &ConnectionWorker::reconnectScheduled);
    connect(m_client, &MqttClient::connectFailed, this, &ConnectionWorker::connectFailed);
    connect(m_client, &MqttClient::pingRoundTrip, this, &ConnectionWorker::pingRoundTrip);
    connect(m_client, &MqttClient::errorOccurred, this, [this](const QString &message) {
        m_lastError = message;
        emit errorOccurred(message);
    });
    connect(m_client, &MqttClient::messagesReceived, this, &ConnectionWorker::queueMessages);
    connect(m_client, &MqttClient::packetsTraced, this, [this](const QList<PacketTraceEntry> &p) {
        m_pendingPackets.append(p);
        if (!m_flushTimer->isActive())
            m_flushTimer->start();
    });
    connect(m_client, &MqttClient::bytesTransferred, this, [this](qint64 received, qint64 sent) {
        m_bytesIn += received;
        m_bytesOut += sent;
        if (!m_flushTimer->isActive())
            m_flushTimer->start();
    });
    connect(m_client, &MqttClient::publishFinished, this,
            [this](quint64 token, ReasonCode reason, const QString &reasonString) {
                route(token, [this, reason, reasonString](quint64 requestId) {
                    emit publishFinished(requestId, reason, reasonString);
                });
            });
    connect(m_client, &MqttClient::subscribeFinished, this,
            [this](quint64 token, const SubackPacket &suback) {
                route(token, [this, suback](quint64 requestId) {
                    emit subscribeFinished(requestId, suback);
                });
            });
    connect(m_client, &MqttClient::unsubscribeFinished, this,
            [this](quint64 token, const UnsubackPacket &unsuback) {
                route(token, [this, unsuback](quint64 requestId) {
                    emit unsubscribeFinished(requestId, unsuback);
                });
            });
}

ConnectionWorker::~ConnectionWorker() = default;

void ConnectionWorker::open(const ClientOptions &options)
{
    m_client->setOptions(options);
    m_client->connectToBroker();
}

void ConnectionWorker::close()
{
    m_client->disconnectFromBroker();
    flush();
}

void ConnectionWorker::publish(quint64 requestId, const Message &message)
{
    m_lastError.clear();
    const quint64 token = m_client->publish(message);
    if (token != 0 && m_recorder)
        m_recorder->recordPublished(message);
    track(token, requestId);
    ++m_messagesOut;
}

void ConnectionWorker::subscribe(quint64 requestId, const QList<Subscription> &subscriptions,
                                 const Properties &properties)
{
    m_lastError.clear();
    track(m_client->subscribe(subscriptions, properties), requestId);
}

void ConnectionWorker::unsubscribe(quint64 requestId, const QList<QString> &filters)
{
    m_lastError.clear();
    track(m_client->unsubscribe(filters), requestId);
}

void ConnectionWorker::messagesApplied(qint64 count)
{
    m_backlog = qMax<qint64>(0, m_backlog - count);
    m_heapReleaser->messagesApplied(count, m_backlog == 0);
    resumeIfCaughtUp();
}

void ConnectionWorker::setRecorder(std::shared_ptr<RecordingWriter> recorder)
{
    m_recorder = std::move(recorder);
    resumeIfCaughtUp(); // a recorder gone holds nothing back
}

bool ConnectionWorker::isTicking() const
{
    return m_flushTimer->isActive() || m_recorderPoll->isActive() || m_heapReleaser->isWaiting();
}

qint64 ConnectionWorker::unwritten() const
{
    return m_recorder ? m_recorder->pendingMessages() : 0;
}

void ConnectionWorker::pauseIfBehind()
{
    if (m_client->isReceivingPaused())
        return;
    if (m_backlog <= backlogHighWater && unwritten() <= backlogHighWater)
        return;
    m_client->pauseReceiving();
    emit receivingPausedChanged(true);
    if (m_recorder)
        m_recorderPoll->start();
}

void ConnectionWorker::resumeIfCaughtUp()
{
    if (!m_client->isReceivingPaused()) {
        m_recorderPoll->stop();
        return;
    }
    if (m_backlog >= backlogLowWater || unwritten() >= backlogLowWater) {
        if (m_recorder && !m_recorderPoll->isActive())
            m_recorderPoll->start(); // the disk catches up without a report from the GUI
        return;
    }
    m_recorderPoll->stop();
    m_client->resumeReceiving();
    emit receivingPausedChanged(false);
}

void ConnectionWorker::queueMessages(const QList<Message> &messages)
{
    if (m_recorder)
        m_recorder->recordReceived(messages);
    m_sparkplug.observe(messages);
    if (messages.size() >= shareBatchesFrom) {
        endGathering(); // keeps the order
        m_pendingBatches.append(messages);
    } else {
        if (m_gathering.isEmpty())
            m_gathering.reserve(qMax(m_lastGathered, messages.size()));
        m_gathering.append(messages);
    }
    m_pendingMessages += messages.size();
    m_backlog += messages.size();
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
    // Pausing from within the client's signal stops it before the next batch is decoded, so the
    // backlog never passes the high-water mark by more than one read.
    pauseIfBehind();
}

void ConnectionWorker::endGathering()
{
    if (m_gathering.isEmpty())
        return;
    m_lastGathered = qMin(m_gathering.size(), gatherReserveLimit);
    m_pendingBatches.append(std::exchange(m_gathering, {}));
}

void ConnectionWorker::track(quint64 token, quint64 requestId)
{
    if (token == 0) {
        emit requestFailed(requestId,
                           m_lastError.isEmpty() ? tr("Refused by the client") : m_lastError);
        return;
    }
    if (auto early = m_earlyResults.take(token))
        early(requestId);
    else
        m_requests.insert(token, requestId);
}

void ConnectionWorker::route(quint64 token, std::function<void(quint64 requestId)> deliver)
{
    if (auto it = m_requests.find(token); it != m_requests.end()) {
        const quint64 requestId = it.value();
        m_requests.erase(it);
        deliver(requestId);
    } else {
        m_earlyResults.insert(token, std::move(deliver));
    }
}

void ConnectionWorker::setPacketTracing(bool enabled)
{
    m_client->setPacketTracing(enabled);
    if (!enabled)
        m_pendingPackets.clear();
}

void ConnectionWorker::flush()
{
    const bool idle = m_pendingMessages == 0 && m_pendingPackets.isEmpty() && m_bytesIn == 0
        && m_bytesOut == 0 && m_messagesOut == 0;
    if (idle) {
        m_flushTimer->stop();
        return;
    }
    if (!m_pendingPackets.isEmpty())
        emit packetsTraced(std::exchange(m_pendingPackets, {}));
    if (m_sparkplug.hasChanges())
        emit sparkplugChanged(m_sparkplug.takeChanges());
    endGathering();
    for (const QList<Message> &batch : std::exchange(m_pendingBatches, {}))
        emit messagesReceived(batch);
    const qint64 messagesIn = std::exchange(m_pendingMessages, 0);
    emit trafficCounted(std::exchange(m_bytesIn, 0), std::exchange(m_bytesOut, 0), messagesIn,
                        std::exchange(m_messagesOut, 0));
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectioncontroller.h"

#include "connectionworker.h"
#include "threadpriority.h"
#include "recording/recordingwriter.h"

#include <QDateTime>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

ConnectionController::ConnectionController(const QString &name, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new ConnectionWorker)
{
    // The client lives on its own thread: calls go in queued, results come back queued.
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->setObjectName(u"connection: "_s + name);
    connect(m_thread, &QThread::started, m_thread, &yieldToGuiThread, Qt::DirectConnection);
    m_thread->start();
    connectWorker();
}

ConnectionController::~ConnectionController()
{
    QMetaObject::invokeMethod(m_worker, &ConnectionWorker::close, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void ConnectionController::connectWorker()
{
    ConnectionWorker *w = m_worker;
    using C = ConnectionController;
    connect(w, &ConnectionWorker::stateChanged, this, &C::onStateChanged);
    connect(w, &ConnectionWorker::connected, this, &C::onConnected);
    connect(w, &ConnectionWorker::connectionRefused, this, &C::onConnectionRefused);
    connect(w, &ConnectionWorker::disconnected, this, &C::onDisconnected);
    connect(w, &ConnectionWorker::reconnectScheduled, this, &C::onReconnectScheduled);
    connect(w, &ConnectionWorker::connectFailed, this, &C::onConnectFailed);
    connect(w, &ConnectionWorker::messagesReceived, this, &C::onMessagesReceived);
    connect(w, &ConnectionWorker::packetsTraced, this, &C::packetsTraced);
    connect(w, &ConnectionWorker::sparkplugChanged, this, &C::sparkplugChanged);
    connect(w, &ConnectionWorker::receivingPausedChanged, this, [this](bool paused) {
        m_status.catchingUp = paused;
        emit statusChanged();
    });
    connect(w, &ConnectionWorker::pingRoundTrip, this, [this](int ms) {
        m_status.pingMs = ms;
        emit statusChanged();
    });
    connect(w, &ConnectionWorker::publishFinished, this,
            [this](quint64 id, ReasonCode reason, const QString &text) {
                if (takeRequest(id))
                    emit publishFinished(id, reason, text);
            });
    connect(w, &ConnectionWorker::subscribeFinished, this,
            [this](quint64 id, const SubackPacket &suback) {
                if (takeRequest(id))
                    emit subscribeFinished(id, suback);
            });
    connect(w, &ConnectionWorker::unsubscribeFinished, this,
            [this](quint64 id, const UnsubackPacket &unsuback) {
                if (takeRequest(id))
                    emit unsubscribeFinished(id, unsuback);
            });
    connect(w, &ConnectionWorker::requestFailed, this, &C::onRequestFailed);
    connect(w, &ConnectionWorker::trafficCounted, this,
            [this](qint64 bytesIn, qint64 bytesOut, qint64, qint64 messagesOut) {
                emit trafficCounted(bytesIn, bytesOut, messagesOut);
            });
    connect(w, &ConnectionWorker::errorOccurred, this, &C::errorOccurred);
}

void ConnectionController::open(const ClientOptions &options)
{
    m_status.detail.clear();
    m_status.refused = false;
    m_status.failure.reset();
    m_status.failedAttempts = 0;
    m_closeRequested = false;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, options] { worker->open(options); });
    emit statusChanged();
}

void ConnectionController::close()
{
    m_closeRequested = true;
    m_status.detail.clear();
    QMetaObject::invokeMethod(m_worker, &ConnectionWorker::close);
}

quint64 ConnectionController::publish(const Message &message)
{
    const quint64 requestId = track(Request::Publish);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, requestId, message] { worker->publish(requestId, message); });
    return requestId;
}

quint64 ConnectionController::subscribe(const Subscription &subscription, quint32 subscriptionId)
{
    const quint64 requestId = track(Request::Subscribe);
    Properties properties;
    if (subscriptionId != 0 && m_status.version == ProtocolVersion::V5)
        properties.subscriptionIdentifiers = {subscriptionId};
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, requestId, subscription, properties] {
        worker->subscribe(requestId, {subscription}, properties);
    });
    return requestId;
}

quint64 ConnectionController::unsubscribe(const QString &filter)
{
    const quint64 requestId = track(Request::Unsubscribe);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, requestId, filter] {
        worker->unsubscribe(requestId, {filter});
    });
    return requestId;
}

void ConnectionController::setRecorder(std::shared_ptr<RecordingWriter> recorder)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, recorder = std::move(recorder)] {
        worker->setRecorder(recorder);
    });
}

void ConnectionController::setPacketTracing(bool enabled)
{
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, enabled] { worker->setPacketTracing(enabled); });
}

void ConnectionController::reportApplied(qint64 stillQueued)
{
    const qint64 count = m_unappliedMessages - stillQueued;
    if (count <= 0)
        return;
    m_unappliedMessages = stillQueued;
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, count] { worker->messagesApplied(count); });
}

quint64 ConnectionController::track(Request kind)
{
    const quint64 requestId = m_nextRequestId++;
    m_requests.insert(requestId, kind);
    return requestId;
}

std::optional<ConnectionController::Request> ConnectionController::takeRequest(quint64 requestId)
{
    const auto it = m_requests.constFind(requestId);
    if (it == m_requests.cend()) {
        // A result for no request of ours would be reported against the wrong one.
        qWarning() << "Result for unknown request" << requestId << "ignored";
        return std::nullopt;
    }
    const Request kind = *it;
    m_requests.erase(it);
    return kind;
}

void ConnectionController::onStateChanged(ClientState state)
{
    if (state == m_status.state)
        return;
    m_status.state = state;
    if (state != ClientState::Connected)
        m_status.pingMs = -1;
    if (state == ClientState::Connected) {
        m_status.detail.clear();
        m_status.refused = false;
        m_status.failure.reset();
        m_status.failedAttempts = 0;
    }
    emit statusChanged();
    emit stateChanged(state);
}

void ConnectionController::onConnected(const ConnackPacket &connack, ProtocolVersion version)
{
    m_status.connack = connack;
    m_status.version = version;
    emit connected(connack, version);
    m_everConnected = true;
    emit statusChanged();
}

void ConnectionController::onConnectionRefused(const ConnackPacket &connack)
{
    m_status.refused = true;
    QString reason = reasonCodeName(connack.reason);
    if (connack.properties.reasonString)
        reason += u" ("_s + *connack.properties.reasonString + u')';
    setDetail(tr("refused: %1").arg(reason));
}

void ConnectionController::onDisconnected(const QString &reason)
{
    // A refusal already said why; keep that rather than the transport's "closed".
    if (!m_status.refused && !m_closeRequested)
        setDetail(reason);
}

void ConnectionController::onReconnectScheduled(int delayMs)
{
    m_status.reconnectAtMsecs = QDateTime::currentMSecsSinceEpoch() + delayMs;
    emit statusChanged();
}

void ConnectionController::onConnectFailed(const ConnectionFailure &failure)
{
    m_status.failure = failure;
    ++m_status.failedAttempts;
    emit statusChanged();
}

void ConnectionController::onMessagesReceived(const QList<Message> &messages)
{
    m_unappliedMessages += messages.size();
    emit messagesReceived(messages);
}

void ConnectionController::onRequestFailed(quint64 requestId, const QString &error)
{
    if (const auto kind = takeRequest(requestId))
        emit requestFailed(requestId, *kind, error);
}

void ConnectionController::setDetail(const QString &detail)
{
    m_status.detail = detail;
    emit statusChanged();
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstatus.h"
#include "client/packettraceentry.h"
#include "decode/sparkplugstatechanges.h"
#include "protocol/message.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class QThread;

namespace mqttscope {

class ConnectionWorker;
class RecordingWriter;
struct ClientOptions;

// The non-visual half of a connection tab: runs the client on a thread of its own, keeps the
// connection's status, matches results to the requests that asked for them, and tells the
// client how far the tree has caught up (flow control). No widgets: tested on its own.
class ConnectionController : public QObject
{
    Q_OBJECT
public:
    enum class Request { Publish, Subscribe, Unsubscribe };
    Q_ENUM(Request)

    explicit ConnectionController(const QString &name, QObject *parent = nullptr);
    ~ConnectionController() override;

    const ConnectionStatus &status() const { return m_status; }
    bool hasEverConnected() const { return m_everConnected; }
    ConnectionWorker *worker() const { return m_worker; } // lives on the connection's thread

    void open(const ClientOptions &options);
    void close();
    // Each returns the id its result signal will carry.
    quint64 publish(const Message &message);
    // The subscription id goes with it at 5.0 only (0: none).
    quint64 subscribe(const Subscription &subscription, quint32 subscriptionId);
    quint64 unsubscribe(const QString &filter);

    // What the client receives and publishes from now on also goes to `recorder`, straight from
    // the connection's thread; null stops that. Its backlog pauses the client like the tree's.
    void setRecorder(std::shared_ptr<RecordingWriter> recorder);

    // The packet inspector's feed (packetsTraced), on only while an inspector shows it.
    void setPacketTracing(bool enabled);

    // Everything messagesReceived handed over so far has been applied to the tree, but for the
    // last `stillQueued` messages (a flush that stopped at its budget).
    void reportApplied(qint64 stillQueued = 0);
    qint64 unappliedMessages() const { return m_unappliedMessages; }
    qsizetype pendingRequests() const { return m_requests.size(); }

signals:
    void stateChanged(mqttscope::ClientState state);
    void statusChanged();
    void connected(const mqttscope::ConnackPacket &connack, mqttscope::ProtocolVersion version);
    void messagesReceived(const QList<mqttscope::Message> &messages);
    // What the Sparkplug B rows show changed (worked out on the connection's thread).
    void sparkplugChanged(const mqttscope::SparkplugStateChanges &changes);
    void packetsTraced(const QList<mqttscope::PacketTraceEntry> &packets);
    // Results, only ever for a request made here.
    void publishFinished(quint64 requestId, mqttscope::ReasonCode reason,
                         const QString &reasonString);
    void subscribeFinished(quint64 requestId, const mqttscope::SubackPacket &suback);
    void unsubscribeFinished(quint64 requestId, const mqttscope::UnsubackPacket &unsuback);
    void requestFailed(quint64 requestId, Request kind, const QString &error);
    void trafficCounted(qint64 bytesIn, qint64 bytesOut, qint64 messagesOut);
    void errorOccurred(const QString &message);

private:
    void connectWorker();
    quint64 track(Request kind);
    std::optional<Request> takeRequest(quint64 requestId);
    void onStateChanged(ClientState state);
    void onConnected(const ConnackPacket &connack, ProtocolVersion version);
    void onConnectionRefused(const ConnackPacket &connack);
    void onDisconnected(const QString &reason);
    void onReconnectScheduled(int delayMs);
    void onConnectFailed(const ConnectionFailure &failure);
    void onMessagesReceived(const QList<Message> &messages);
    void onRequestFailed(quint64 requestId, const QString &error);
    void setDetail(const QString &detail);

    QThread *m_thread;
    ConnectionWorker *m_worker;
    ConnectionStatus m_status;
    bool m_everConnected = false;
    bool m_closeRequested =
        false; // by the user: the client's "disconnected by the client" says nothing new
    quint64 m_nextRequestId = 1;
    QHash<quint64, Request> m_requests;
    qint64 m_unappliedMessages = 0; // handed over since the last reportApplied()
};

} // namespace mqttscope

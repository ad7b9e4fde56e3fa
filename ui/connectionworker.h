// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientoptions.h"
#include "client/connectionfailure.h"
#include "client/clientstate.h"
#include "client/packettraceentry.h"
#include "decode/sparkplugstatefeed.h"
#include "protocol/message.h"
#include "protocol/packets.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>

class QTimer;

namespace mqttscope {

class HeapReleaser;
class MqttClient;
class RecordingWriter;

// Lives on a connection's own thread and owns its MqttClient, so keepalive, acks and reconnects
// never wait for the GUI. The GUI talks to it only through queued calls to its slots and hears
// back through its signals; requests carry a GUI-chosen id so results can be matched without
// the GUI ever touching the client's tokens.
//
// Incoming messages and byte counts are coalesced and handed over at most once per tick
// (flushIntervalMs), so a flood costs the GUI a few events per tick, not one per read: the
// client's full batches (a burst's) are handed on as they are, shared rather than copied, and
// small ones are gathered into one list sized by the last tick's.
//
// Flow control: the GUI reports what it has applied (messagesApplied()); while more than
// backlogHighWater messages wait between the socket and the topic tree, the client stops reading
// (TCP makes the broker wait; nothing is dropped), and it reads again once the GUI has caught up
// to backlogLowWater. A recording counts too: while its writer holds more than backlogHighWater
// messages not yet on disk the client stops reading, so a slow disk slows the broker down
// instead of losing messages.
//
// Sparkplug B: the messages on spBv1.0/ topics go through the connection's SparkplugStateFeed
// here, in arrival order, so that a flood of DDATA costs the GUI nothing; only the state the
// tree shows, when it changes, and the BIRTHs' aliases are handed over, once per tick.
class ConnectionWorker : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionWorker(QObject *parent = nullptr);
    ~ConnectionWorker() override;

    static constexpr int flushIntervalMs = 33;
    // A batch from the client this big is handed on as it is; smaller ones are gathered.
    static constexpr qsizetype shareBatchesFrom = 512;
    // The gathering list reserves the last tick's count, up to this many.
    static constexpr qsizetype gatherReserveLimit = 8192;
    // Messages decoded but not yet applied by the GUI, past which the client stops reading. A
    // message in transit costs ~250 bytes (72 for the Message, the rest topic and payload), so
    // this bounds the queue at ~50 MB; the GUI applies 1-5 million messages a second, so only a
    // GUI thread stalled or outpaced for a good fraction of a second reaches it.
    static constexpr qint64 backlogHighWater = 200000;
    // Reading resumes below this: half-way, so a GUI that keeps just up with the broker does not
    // toggle the client once per batch.
    static constexpr qint64 backlogLowWater = backlogHighWater / 2;

    // Messages decoded and not yet reported applied (read on the worker's thread).
    qint64 backlog() const { return m_backlog; }
    // Whether its tick, the recorder's poll or the wait before giving a burst's memory back is
    // armed (read on the worker's thread): none while nothing arrives, so an idle connection's
    // thread sleeps until the keepalive.
    bool isTicking() const;
    // How often a client paused for a recording's backlog looks whether the disk caught up.
    static constexpr int recorderPollMs = 10;

public slots:
    void open(const mqttscope::ClientOptions &options);
    void close();
    void publish(quint64 requestId, const mqttscope::Message &message);
    void subscribe(quint64 requestId, const QList<mqttscope::Subscription> &subscriptions,
                   const mqttscope::Properties &properties);
    void unsubscribe(quint64 requestId, const QList<QString> &filters);
    // The GUI applied `count` of the messages handed over by messagesReceived.
    void messagesApplied(qint64 count);
    // Every batch received and every message published from now on also goes to `recorder`
    // (thread-safe entry points, straight from this thread); null stops that.
    void setRecorder(std::shared_ptr<mqttscope::RecordingWriter> recorder);
    // The packet inspector's feed: while on, the packets sent and received are handed over per
    // tick like the messages (packetsTraced); off, the client traces nothing.
    void setPacketTracing(bool enabled);

signals:
    void stateChanged(mqttscope::ClientState state);
    void connected(const mqttscope::ConnackPacket &connack, mqttscope::ProtocolVersion version);
    void connectionRefused(const mqttscope::ConnackPacket &connack);
    void disconnected(const QString &reason);
    void reconnectScheduled(int delayMs);
    void connectFailed(const mqttscope::ConnectionFailure &failure);
    void messagesReceived(const QList<mqttscope::Message> &messages);
    // Emitted before the messagesReceived of the same tick.
    void sparkplugChanged(const mqttscope::SparkplugStateChanges &changes);
    void packetsTraced(const QList<mqttscope::PacketTraceEntry> &packets);
    void publishFinished(quint64 requestId, mqttscope::ReasonCode reason,
                         const QString &reasonString);
    void subscribeFinished(quint64 requestId, const mqttscope::SubackPacket &suback);
    void unsubscribeFinished(quint64 requestId, const mqttscope::UnsubackPacket &unsuback);
    // A request the client refused at once (its errorOccurred text), or a connection-level error.
    void requestFailed(quint64 requestId, const QString &error);
    void errorOccurred(const QString &message);
    void pingRoundTrip(int milliseconds);
    // Bytes and messages since the last report, once per tick while there is traffic.
    void trafficCounted(qint64 bytesIn, qint64 bytesOut, qint64 messagesIn, qint64 messagesOut);
    // The client stopped (true) or resumed (false) reading because of the backlog.
    void receivingPausedChanged(bool paused);

private:
    void track(quint64 token, quint64 requestId);
    // Hands a result to its request, or keeps it until track() learns the token.
    void route(quint64 token, std::function<void(quint64 requestId)> deliver);
    void flush();
    void queueMessages(const QList<Message> &messages);
    void endGathering();
    qint64 unwritten() const; // handed to the recorder, not yet on disk
    void pauseIfBehind();
    void resumeIfCaughtUp();

    MqttClient *m_client = nullptr;
    QTimer *m_flushTimer = nullptr;
    QTimer *m_recorderPoll = nullptr; // while paused with a recorder: the disk catches up alone
    HeapReleaser *m_heapReleaser = nullptr;
    std::shared_ptr<RecordingWriter> m_recorder;
    QHash<quint64, quint64> m_requests; // client token -> request id
    // Results the client reported before its call returned the token (e.g. a QoS 0 publish
    // written at once): matched as soon as the token is known.
    QHash<quint64, std::function<void(quint64 requestId)>> m_earlyResults;
    QString m_lastError;
    // This tick's batches, in arrival order; small ones are gathered in m_gathering first.
    QList<QList<Message>> m_pendingBatches;
    QList<Message> m_gathering;
    qsizetype m_lastGathered = 0; // how many the last tick gathered
    qint64 m_pendingMessages = 0;
    SparkplugStateFeed m_sparkplug;
    QList<PacketTraceEntry> m_pendingPackets;
    qint64 m_backlog = 0; // m_pendingMessages plus those handed over and not yet applied
    qint64 m_bytesIn = 0;
    qint64 m_bytesOut = 0;
    qint64 m_messagesOut = 0;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "replay/replayoptions.h"
#include "replay/replayprogress.h"
#include "replay/replayschedule.h"
#include "replay/replaysource.h"

#include "client/mqttclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace mqttscope {

// Publishes the messages of a ReplaySource through an MqttClient: on the recorded schedule
// times a speed factor, or as fast as the broker takes them, with the options' overrides and
// topic rewrite; counts what the broker acknowledged and lists what failed.
//
// The client is not owned and must live on this object's thread; start() connects it when it
// is disconnected, and the replay begins with its first CONNACK. A lost connection that the
// client re-establishes is carried through (what is in flight is the client's to resend); one it
// gives up on ends the replay with the reason.
class Replayer : public QObject
{
    Q_OBJECT
public:
    explicit Replayer(MqttClient *client, QObject *parent = nullptr);
    ~Replayer() override;

    // Before start().
    void setSource(std::unique_ptr<ReplaySource> source);
    void setOptions(const ReplayOptions &options);
    const ReplayOptions &options() const { return m_options; }

    ReplayState state() const { return m_progress.state; }
    ReplayProgress progress() const;
    ReplaySummary summary() const; // final once finished() came
    // Each message's due and send time, when ReplayOptions::keepTimings; in send order.
    const QList<ReplayTiming> &timings() const { return m_timings; }

public slots:
    void start();
    void pause();
    void resume();
    // Ends the replay now; what is in flight is left to the client.
    void stop();

signals:
    void progressChanged(const mqttscope::ReplayProgress &progress);
    void finished(const mqttscope::ReplaySummary &summary);

private:
    struct Pending
    {
        qint64 recordedId = 0;
        QByteArray topic;
        quint8 qos = 0;
    };

    void begin();
    void pump();
    void pumpOnSchedule();
    void pumpAsFast();
    const RecordedMessage *peek();
    void refill();
    void send(qint64 scheduledUs);
    void addFailure(qint64 recordedId, const QByteArray &topic, const QString &reason);
    void handlePublishFinished(quint64 token, ReasonCode reason, const QString &reasonString);
    void handleDisconnected(const QString &reason);
    void finishWhenDone();
    void finish(const QString &error = {});
    void setState(ReplayState state);
    qint64 nowUs() const;
    int asFastWindow() const;

    MqttClient *m_client;
    std::unique_ptr<ReplaySource> m_source;
    ReplayOptions m_options;
    ReplaySchedule m_schedule;
    QElapsedTimer m_clock;
    QTimer m_sendTimer;
    QTimer m_progressTimer;

    QList<RecordedMessage> m_buffer;
    qsizetype m_next = 0; // in m_buffer
    bool m_sourceDone = false;

    QHash<quint64, Pending> m_pending; // by publish token
    int m_awaitingAck = 0; // of them QoS 1/2
    ReplayProgress m_progress;
    ReplaySummary m_summary;
    QList<ReplayTiming> m_timings;
    QString m_clientError; // what the client said while we published
    QString m_connectionFailure; // why the last attempt to connect failed
};

} // namespace mqttscope

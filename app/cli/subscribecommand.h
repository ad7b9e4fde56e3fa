// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientcommand.h"
#include "messageformatter.h"
#include "outputwriter.h"

#include "recording/recordingwriter.h"

#include <QTimer>

#include <memory>

namespace mqttscope::cli {

// `mqttscope-cli sub`: subscribes (again after each reconnect), prints every message with
// MessageFormatter through one buffered writer flushed at the end of each batch, and stops on
// -C, -W, -E or --retained-only the way mosquitto_sub does. With --record it also hands every
// message it handles to a RecordingWriter, and ends the run when the recording cannot go on.
class SubscribeCommand : public ClientCommand
{
    Q_OBJECT
public:
    explicit SubscribeCommand(const SubcommandOptions &options, QObject *parent = nullptr);

    // Exit status on -W, as mosquitto_sub (MOSQ_ERR_TIMEOUT).
    static constexpr int timedOutExitCode = 27;

    void start() override;

protected:
    void onConnected(const ConnackPacket &connack, bool firstTime) override;
    int onFinishing(int exitCode) override;
    void onPacketPrinted(const PacketTraceEntry &packet) override;

private:
    bool setUpDecoding(QString *error);
    void handleMessages(const QList<Message> &messages);
    // False when the run is over and later messages must be dropped.
    bool handleMessage(const Message &message);
    void handleSubscribed(quint64 token, const SubackPacket &suback);
    void handleUnsubscribed(quint64 token);
    void maybeExitAfterSubscribe();
    void handlePublished(quint64 token);
    void stop(int exitCode, const QString &errorLine = {});
    bool startRecording(QString *error);
    // Hands the messages of the batch being handled that were handled to the recorder.
    void recordHandled();
    void handleRecordingStatus(const RecordingStatus &status);
    // Why the recording ended before the run, or empty.
    QString recordingProblem(const RecordingStatus &status) const;

    MessageFormatter m_formatter;
    OutputWriter m_output;
    QTimer m_timeout;
    QList<quint64> m_pendingAcks; // SUBSCRIBE/UNSUBSCRIBE tokens not yet acknowledged
    QList<quint64> m_pendingRemovals; // --remove-retained publishes in flight
    QList<QByteArray> m_filterOut; // -T, as UTF-8 for matching without conversions
    int m_received = 0;
    int m_stopExitCode = 0;
    QString m_stopErrorLine;
    bool m_processing = true;
    std::unique_ptr<RecordingWriter> m_recorder; // with --record
    bool m_recordingReported = false; // its problem is on stderr already
    bool m_pausedForRecorder = false;
    const QList<Message> *m_batch = nullptr; // while handleMessages() runs
    qsizetype m_batchHandled = 0;
};

} // namespace mqttscope::cli

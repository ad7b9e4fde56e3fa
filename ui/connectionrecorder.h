// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recording/recordingoptions.h"
#include "recording/recordingstatus.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace mqttscope {

class ConnectionController;
class RecordingWriter;

// A connection tab's recording: starts a RecordingWriter and hands it to the connection's
// worker, which gives it every batch received and every message published on the connection's
// own thread (the GUI thread never carries a message to the disk), and whose flow control waits
// for it. No widgets: the tab shows what statusChanged and ended report.
class ConnectionRecorder : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionRecorder(ConnectionController *controller, QObject *parent = nullptr);
    ~ConnectionRecorder() override; // stops, committing what is pending

    // Creates the file's folder if needed; false with `error` saying why it cannot record.
    bool start(const QString &path, const RecordingOptions &options, QString *error);
    void stop(); // commits what is pending

    bool isRecording() const { return m_status.state == RecordingStatus::State::Recording; }
    const RecordingStatus &status() const { return m_status; }
    QString path() const { return m_path; }

    // Where a recording of `connectionName` goes unless the user says otherwise: a timestamped
    // file in a Recordings folder in the application's data location.
    static QString defaultPath(const QString &connectionName);
    // How often the counts are read while recording: the writer reports only on a commit.
    static constexpr int pollIntervalMs = 500;

signals:
    void statusChanged(const mqttscope::RecordingStatus &status);
    // The recording stopped without the user: it failed (disk full, unwritable), or its budget
    // was reached with WhenFull::Stop. `status.error` says why.
    void ended(const mqttscope::RecordingStatus &status);

private:
    void onStatus(const RecordingWriter *writer, const RecordingStatus &status);
    std::shared_ptr<RecordingWriter> release(); // and hear no more from it

    QPointer<ConnectionController> m_controller; // gone first when its tab closes
    std::shared_ptr<RecordingWriter> m_writer;
    QString m_path;
    RecordingStatus m_status;
    QTimer m_poll;
};

} // namespace mqttscope

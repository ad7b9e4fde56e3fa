// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionrecorder.h"

#include "connectioncontroller.h"
#include "recording/recordingwriter.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

// The worker may let go of the writer last, on the connection's thread: the writer is deleted on
// its own thread (its destructor commits what is pending).
std::shared_ptr<RecordingWriter> makeWriter()
{
    return std::shared_ptr<RecordingWriter>(new RecordingWriter, [](RecordingWriter *writer) {
        if (writer->thread() == QThread::currentThread())
            delete writer;
        else
            writer->deleteLater();
    });
}

} // namespace

ConnectionRecorder::ConnectionRecorder(ConnectionController *controller, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
{
    m_poll.setInterval(pollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this,
            [this] { onStatus(m_writer.get(), m_writer->status()); });
}

ConnectionRecorder::~ConnectionRecorder()
{
    stop();
}

QString ConnectionRecorder::defaultPath(const QString &connectionName)
{
    QString name = connectionName;
    name.replace(QRegularExpression(u"[^\\w.-]+"_s), u"-"_s);
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/Recordings"_s;
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    return folder + u'/' + name + u'-' + stamp + u".mqttrec"_s;
}

bool ConnectionRecorder::start(const QString &path, const RecordingOptions &options, QString *error)
{
    stop();
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    std::shared_ptr<RecordingWriter> writer = makeWriter();
    const RecordingWriter *key = writer.get();
    connect(writer.get(), &RecordingWriter::statusChanged, this,
            [this, key](const RecordingStatus &status) { onStatus(key, status); });
    if (!writer->start(path, options, error))
        return false;
    m_writer = std::move(writer);
    m_path = path;
    m_status = m_writer->status();
    m_controller->setRecorder(m_writer);
    m_poll.start();
    emit statusChanged(m_status);
    return true;
}

void ConnectionRecorder::stop()
{
    if (!m_writer)
        return;
    if (m_controller)
        m_controller->setRecorder(nullptr);
    // Its "stopped" is the user's doing, not news for the banner: hear no more from it.
    const std::shared_ptr<RecordingWriter> writer = release();
    writer->stop();
    m_status = writer->status();
    emit statusChanged(m_status);
}

std::shared_ptr<RecordingWriter> ConnectionRecorder::release()
{
    m_poll.stop();
    disconnect(m_writer.get(), nullptr, this, nullptr);
    return std::exchange(m_writer, nullptr);
}

void ConnectionRecorder::onStatus(const RecordingWriter *writer, const RecordingStatus &status)
{
    if (writer != m_writer.get()) // queued before the writer was stopped
        return;
    m_status = status;
    emit statusChanged(status);
    const bool endedAlone = status.state == RecordingStatus::State::Failed
        || status.state == RecordingStatus::State::Stopped;
    if (!endedAlone)
        return;
    if (m_controller)
        m_controller->setRecorder(nullptr);
    release();
    emit ended(status);
}

} // namespace mqttscope

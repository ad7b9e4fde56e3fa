// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/messageimport.h"

#include "protocol/topic.h"
#include "recording/messagejson.h"
#include "recording/recordingwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QThread>

#include <optional>

namespace mqttscope {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MessageImport", text);
}

constexpr qsizetype BatchMessages = 4096;
// Lines read ahead of the writer at most: memory stays bounded whatever the input's size.
constexpr qint64 MaxPendingMessages = 100000;

std::optional<Message> fromVerboseLine(QByteArrayView line, qint64 nowMsecs, QString *error)
{
    const qsizetype space = line.indexOf(' ');
    const QByteArrayView topic = space < 0 ? line : line.first(space);
    if (const QString problem = Topic::nameProblem(topic); !problem.isEmpty()) {
        *error = tr("not a topic: %1").arg(problem);
        return std::nullopt;
    }
    Message message;
    message.topic = topic.toByteArray();
    // mosquitto_sub -v prints an empty payload as "(null)".
    if (space >= 0 && line.sliced(space + 1) != "(null)")
        message.payload = line.sliced(space + 1).toByteArray();
    message.receivedMsecsSinceEpoch = nowMsecs;
    return message;
}

// Reads the input line by line and hands batches to the writer.
class Importer
{
public:
    Importer(QIODevice &input, RecordingWriter &writer, MessageImport::Format format,
             const std::function<void(qint64)> &progress)
        : m_input(input)
        , m_writer(writer)
        , m_progress(progress)
    {
        m_report.format = format;
    }

    MessageImport::Report run()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<Message> batch;
        for (qint64 number = 1; !m_input.atEnd(); ++number) {
            QByteArray line = m_input.readLine();
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            if (line.trimmed().isEmpty())
                continue;
            if (m_report.format == MessageImport::Format::Auto)
                m_report.format = line.trimmed().startsWith('{')
                    ? MessageImport::Format::JsonLines
                    : MessageImport::Format::MosquittoVerbose;
            if (std::optional<Message> message = read(line, now, number))
                batch.append(std::move(*message));
            if (batch.size() >= BatchMessages && !hand(batch, number))
                break;
        }
        hand(batch, 0);
        return m_report;
    }

private:
    std::optional<Message> read(const QByteArray &line, qint64 now, qint64 number)
    {
        QString why;
        std::optional<Message> message = m_report.format == MessageImport::Format::JsonLines
            ? MessageJson::fromLine(line, &why)
            : fromVerboseLine(line, now, &why);
        if (message && message->receivedMsecsSinceEpoch == 0)
            message->receivedMsecsSinceEpoch = now; // a line without "time"
        if (!message) {
            ++m_report.skipped;
            if (m_report.problems.size() < MessageImport::MaxProblems)
                m_report.problems.append({number, why});
        }
        return message;
    }

    // False when the writer failed.
    bool hand(QList<Message> &batch, qint64 lineNumber)
    {
        if (!batch.isEmpty()) {
            m_report.imported += batch.size();
            m_writer.recordReceived(batch);
            batch.clear();
        }
        for (int waits = 0; m_writer.pendingMessages() > MaxPendingMessages && waits < 60000;
             ++waits)
            QThread::msleep(1);
        if (m_progress && lineNumber > 0)
            m_progress(m_input.pos());
        return m_writer.status().state != RecordingStatus::State::Failed;
    }

    QIODevice &m_input;
    RecordingWriter &m_writer;
    const std::function<void(qint64)> &m_progress;
    MessageImport::Report m_report;
};

} // namespace

MessageImport::Report MessageImport::run(QIODevice &input, const QString &recordingPath,
                                         Format format, const std::function<void(qint64)> &progress)
{
    Report report;
    if (QFileInfo::exists(recordingPath)) {
        report.error = tr("%1 exists already: import into a new file").arg(recordingPath);
        return report;
    }
    RecordingWriter writer;
    RecordingOptions options;
    if (const auto *file = qobject_cast<const QFile *>(&input))
        options.metadata.insert(QStringLiteral("imported_from"), file->fileName());
    if (!writer.start(recordingPath, options, &report.error))
        return report;
    report = Importer(input, writer, format, progress).run();
    writer.stop();
    const RecordingStatus status = writer.status();
    if (status.state == RecordingStatus::State::Failed) {
        report.error = status.error;
        report.imported = status.messagesWritten;
    }
    return report;
}

QString MessageImport::describe(const Report &report)
{
    QStringList lines;
    for (const Problem &problem : report.problems)
        lines.append(tr("line %1: %2").arg(problem.line).arg(problem.reason));
    if (report.skipped > report.problems.size())
        lines.append(tr("… and %1 more").arg(report.skipped - report.problems.size()));
    if (report.skipped > 0)
        lines.append(QCoreApplication::translate("MessageImport", "%n line(s) skipped", nullptr,
                                                 int(report.skipped)));
    return lines.join(u'\n');
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "replay/recordingfilesource.h"

#include "recording/recordingreader.h"

#include <limits>

namespace mqttscope {

std::unique_ptr<RecordingFileSource> RecordingFileSource::open(const QString &path, QString *error)
{
    std::unique_ptr<RecordingReader> reader = RecordingReader::open(path, error);
    if (!reader)
        return nullptr;
    return std::unique_ptr<RecordingFileSource>(new RecordingFileSource(std::move(reader)));
}

RecordingFileSource::RecordingFileSource(std::unique_ptr<RecordingReader> reader)
    : m_reader(std::move(reader))
{
    const RecordingReader::Summary summary = m_reader->summary();
    m_messageCount = summary.messageCount;
    m_lastTimeUs = summary.lastTimeUs;
    m_lastReadId = summary.firstId - 1;
}

RecordingFileSource::~RecordingFileSource() = default;

QList<RecordedMessage> RecordingFileSource::read(int limit)
{
    const QList<RecordedMessage> batch =
        m_reader->messagesAfter(m_lastReadId, std::numeric_limits<qint64>::max(), limit);
    if (!batch.isEmpty())
        m_lastReadId = batch.constLast().id;
    return batch;
}

} // namespace mqttscope

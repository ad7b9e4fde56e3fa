// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "replay/replaysource.h"

#include <memory>

namespace mqttscope {

class RecordingReader;

// A recording file, read in place a batch at a time in file order (never loaded whole).
class RecordingFileSource : public ReplaySource
{
public:
    // Null, with `error` saying why, when the file cannot be opened as a recording.
    static std::unique_ptr<RecordingFileSource> open(const QString &path, QString *error);
    ~RecordingFileSource() override;

    QList<RecordedMessage> read(int limit) override;
    qint64 messageCount() const override { return m_messageCount; }
    qint64 lastTimeUs() const override { return m_lastTimeUs; }

private:
    explicit RecordingFileSource(std::unique_ptr<RecordingReader> reader);

    std::unique_ptr<RecordingReader> m_reader;
    qint64 m_lastReadId = 0;
    qint64 m_messageCount = 0;
    qint64 m_lastTimeUs = 0;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <functional>

class QIODevice;

namespace mqttscope {

// Reads messages saved as text into a new recording file (through RecordingWriter):
// - JSON lines, the format of `mqttscope-cli sub --json` and of the JSON export (MessageJson):
//   everything is kept, time, QoS, flags and MQTT 5 properties included;
// - `mosquitto_sub -v` output, "topic payload" per line: that format has no time, QoS, flags or
//   properties, so each message gets QoS 0 and the time of the import; "(null)" is an empty
//   payload (mosquitto_sub prints it so), and a payload that held a line break cannot be told
//   from a new line.
// A line that cannot be read is skipped and reported by number; the rest is imported.
class MessageImport
{
public:
    enum class Format { Auto, JsonLines, MosquittoVerbose }; // Auto: by the first line
    struct Problem
    {
        qint64 line = 0; // 1-based
        QString reason;
    };
    struct Report
    {
        qint64 imported = 0;
        qint64 skipped = 0;
        QList<Problem> problems; // the first MaxProblems skipped lines
        QString error; // the import could not run or stopped (file not writable, disk full)
        Format format = Format::Auto; // the one used
    };
    static constexpr int MaxProblems = 100;

    // `progress(bytesRead)` is called every few thousand lines.
    static Report run(QIODevice &input, const QString &recordingPath, Format format,
                      const std::function<void(qint64)> &progress = {});
    // "line 7: not JSON (...)" lines, then how many were skipped in all.
    static QString describe(const Report &report);
};

} // namespace mqttscope

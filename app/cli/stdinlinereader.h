// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSocketNotifier>

namespace mqttscope::cli {

// Reads a file descriptor (stdin) without blocking the event loop and splits it into lines
// as mosquitto_pub -l does: the '\n' is dropped, anything else ('\r' too) kept, an empty line
// is an empty message, and text after the last '\n' is a line of its own at the end.
// Reading pauses while the consumer has enough lines queued (back pressure).
class StdinLineReader : public QObject
{
    Q_OBJECT
public:
    explicit StdinLineReader(int fileDescriptor, QObject *parent = nullptr);

    // Takes up to `maximum` complete lines.
    QList<QByteArray> takeLines(qsizetype maximum);
    qsizetype lineCount() const { return m_lines.size() - m_firstLine; }
    bool atEnd() const { return m_atEnd && lineCount() == 0; }
    void setPaused(bool paused);

signals:
    // New lines queued, or the end reached.
    void linesAvailable();

private:
    void readSome();

    int m_fd;
    QSocketNotifier m_notifier;
    QByteArray m_partial;
    QList<QByteArray> m_lines;
    qsizetype m_firstLine = 0; // lines before it are taken
    bool m_atEnd = false;
};

} // namespace mqttscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace mqttscope::cli {

// Buffered output to a file descriptor (stdout): callers append to buffer() and call
// flushIfFull() per message and flush() at the end of each batch, so a flood of small messages
// costs one write(2) per 64 KiB instead of one per message.
class OutputWriter
{
public:
    explicit OutputWriter(int fileDescriptor, qsizetype flushThreshold = 64 * 1024);
    ~OutputWriter(); // flushes

    QByteArray &buffer() { return m_buffer; }
    void flushIfFull()
    {
        if (m_buffer.size() >= m_flushThreshold)
            flush();
    }
    // Writes everything buffered; false when the descriptor refused (e.g. closed pipe).
    bool flush();

private:
    int m_fd;
    qsizetype m_flushThreshold;
    QByteArray m_buffer;
};

} // namespace mqttscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "stdinlinereader.h"

#include <cerrno>
#include <unistd.h>

namespace mqttscope::cli {

StdinLineReader::StdinLineReader(int fileDescriptor, QObject *parent)
    : QObject(parent)
    , m_fd(fileDescriptor)
    , m_notifier(fileDescriptor, QSocketNotifier::Read)
{
    connect(&m_notifier, &QSocketNotifier::activated, this, &StdinLineReader::readSome);
}

void StdinLineReader::setPaused(bool paused)
{
    if (!m_atEnd)
        m_notifier.setEnabled(!paused);
}

QList<QByteArray> StdinLineReader::takeLines(qsizetype maximum)
{
    const qsizetype count = qMin(maximum, m_lines.size() - m_firstLine);
    QList<QByteArray> taken = m_lines.mid(m_firstLine, count);
    m_firstLine += count;
    if (m_firstLine == m_lines.size()) {
        m_lines.clear();
        m_firstLine = 0;
    }
    return taken;
}

void StdinLineReader::readSome()
{
    char chunk[64 * 1024];
    const ssize_t length = ::read(m_fd, chunk, sizeof chunk);
    if (length < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (length <= 0) {
        m_notifier.setEnabled(false);
        m_atEnd = true;
        if (!m_partial.isEmpty())
            m_lines.append(std::exchange(m_partial, QByteArray()));
        emit linesAvailable();
        return;
    }
    qsizetype start = 0;
    for (qsizetype i = 0; i < length; ++i) {
        if (chunk[i] != '\n')
            continue;
        m_partial.append(chunk + start, i - start);
        m_lines.append(std::exchange(m_partial, QByteArray()));
        start = i + 1;
    }
    m_partial.append(chunk + start, length - start);
    emit linesAvailable();
}

} // namespace mqttscope::cli

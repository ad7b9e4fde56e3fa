// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputwriter.h"

#include <cerrno>
#include <unistd.h>

namespace mqttscope::cli {

OutputWriter::OutputWriter(int fileDescriptor, qsizetype flushThreshold)
    : m_fd(fileDescriptor)
    , m_flushThreshold(flushThreshold)
{
    m_buffer.reserve(flushThreshold * 2);
}

OutputWriter::~OutputWriter()
{
    flush();
}

bool OutputWriter::flush()
{
    const char *data = m_buffer.constData();
    qsizetype left = m_buffer.size();
    while (left > 0) {
        const ssize_t written = ::write(m_fd, data, size_t(left));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            m_buffer.clear();
            return false;
        }
        data += written;
        left -= written;
    }
    m_buffer.resize(0); // keeps the capacity
    return true;
}

} // namespace mqttscope::cli

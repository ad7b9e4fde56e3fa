// SPDX-License-Identifier: GPL-3.0-or-later
#include "replay/messagelistsource.h"

namespace mqttscope {

MessageListSource::MessageListSource(QList<RecordedMessage> messages)
    : m_messages(std::move(messages))
{
}

QList<RecordedMessage> MessageListSource::read(int limit)
{
    const QList<RecordedMessage> batch = m_messages.mid(m_next, limit);
    m_next += batch.size();
    return batch;
}

qint64 MessageListSource::lastTimeUs() const
{
    return m_messages.isEmpty() ? 0 : m_messages.constLast().timeUs;
}

} // namespace mqttscope

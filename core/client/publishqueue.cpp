// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/publishqueue.h"

#include <utility>

namespace mqttscope {

void PublishQueue::pushBack(QueuedPublish publish)
{
    m_bytes += bytesOf(publish.message);
    m_items.push_back(std::move(publish));
}

void PublishQueue::pushFront(QueuedPublish publish)
{
    m_bytes += bytesOf(publish.message);
    m_items.push_front(std::move(publish));
}

QueuedPublish PublishQueue::takeFront()
{
    QueuedPublish publish = std::move(m_items.front());
    m_items.pop_front();
    m_bytes -= bytesOf(publish.message);
    return publish;
}

} // namespace mqttscope

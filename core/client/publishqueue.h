// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/message.h"

#include <deque>

namespace mqttscope {

struct QueuedPublish
{
    quint64 token = 0;
    Message message;
};

// Publishes waiting, in order, for the connection or for a slot in the in-flight window; counts
// the bytes they hold so that the client can bound them.
class PublishQueue
{
public:
    bool isEmpty() const { return m_items.empty(); }
    qint64 bytes() const { return m_bytes; }
    const QueuedPublish &front() const { return m_items.front(); }

    void pushBack(QueuedPublish publish);
    void pushFront(QueuedPublish publish);
    QueuedPublish takeFront();

    static qint64 bytesOf(const Message &message)
    {
        return message.topic.size() + message.payload.size();
    }

private:
    std::deque<QueuedPublish> m_items;
    qint64 m_bytes = 0;
};

} // namespace mqttscope

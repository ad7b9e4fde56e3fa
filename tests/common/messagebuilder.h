// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A Message with only what the test cares about written out:
//     client.publish(message("t/a").payload("on").qos(1).retain());
// Everything left out keeps Message's defaults (QoS 0, not retained, no properties, time 0).

#include "protocol/message.h"

#include <utility>

namespace mqttscope::test {

class MessageBuilder
{
public:
    explicit MessageBuilder(QByteArray topic) { m_message.topic = std::move(topic); }

    MessageBuilder &payload(QByteArray payload)
    {
        m_message.payload = std::move(payload);
        return *this;
    }
    MessageBuilder &qos(int qos)
    {
        m_message.qos = quint8(qos);
        return *this;
    }
    MessageBuilder &retain(bool retain = true)
    {
        m_message.retain = retain;
        return *this;
    }
    MessageBuilder &properties(const Properties &properties)
    {
        m_message.properties = properties;
        return *this;
    }
    MessageBuilder &receivedAt(qint64 msecsSinceEpoch)
    {
        m_message.receivedMsecsSinceEpoch = msecsSinceEpoch;
        return *this;
    }

    // Implicit, so that a builder stands wherever a Message is taken.
    operator Message() const { return m_message; }

private:
    Message m_message;
};

// The 256 byte values in order: a binary payload that is not UTF-8.
inline QByteArray everyByteValue()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

inline MessageBuilder message(QByteArray topic)
{
    return MessageBuilder(std::move(topic));
}

} // namespace mqttscope::test

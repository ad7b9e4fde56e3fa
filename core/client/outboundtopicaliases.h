// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>

namespace mqttscope {

// Topic aliases we use towards the server (5.0 section 3.3.2.3.4), up to the server's Topic
// Alias Maximum from CONNACK. A topic gets the next free alias the first time it is published;
// once the aliases run out, further topics go out in full. The mapping lives for one connection
// [MQTT-3.3.2-7]: reset() at every CONNACK.
class OutboundTopicAliases
{
public:
    void reset(quint16 maximum);

    struct Choice
    {
        quint16 alias = 0; // 0: send the topic without an alias
        bool known = false; // the server knows it: send an empty topic with the alias
    };
    Choice choose(const QByteArray &topic) const;
    // Records a new alias once the PUBLISH that introduces it was really sent.
    void remember(const QByteArray &topic, quint16 alias);

private:
    QHash<QByteArray, quint16> m_aliases;
    quint16 m_maximum = 0;
};

} // namespace mqttscope

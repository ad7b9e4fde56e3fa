// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/inboundtopicaliases.h"

#include "protocol/packets.h"

#include <QCoreApplication>

namespace mqttscope {

void InboundTopicAliases::reset(quint16 maximum)
{
    m_topics.clear();
    m_topics.resize(maximum);
}

std::optional<ProtocolError> InboundTopicAliases::resolve(PublishPacket &publish)
{
    if (!publish.properties->topicAlias) {
        if (publish.topic.isEmpty())
            return ProtocolError{
                ReasonCode::ProtocolError,
                QCoreApplication::translate("mqttscope::MqttClient",
                                            "PUBLISH: empty topic name without a topic alias")};
        return std::nullopt;
    }
    const quint16 alias = *publish.properties->topicAlias;
    if (alias == 0 || alias > m_topics.size())
        return ProtocolError{ReasonCode::TopicAliasInvalid,
                             QCoreApplication::translate("mqttscope::MqttClient",
                                                         "PUBLISH: topic alias %1 is outside 1..%2")
                                 .arg(alias)
                                 .arg(m_topics.size())};
    QByteArray &known = m_topics[alias - 1];
    if (!publish.topic.isEmpty()) {
        known = publish.topic;
        return std::nullopt;
    }
    if (known.isEmpty())
        return ProtocolError{
            ReasonCode::ProtocolError,
            QCoreApplication::translate("mqttscope::MqttClient", "PUBLISH: unknown topic alias %1")
                .arg(alias)};
    publish.topic = known;
    return std::nullopt;
}

} // namespace mqttscope

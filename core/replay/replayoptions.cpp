// SPDX-License-Identifier: GPL-3.0-or-later
#include "replay/replayoptions.h"

namespace mqttscope {

QByteArray ReplayOptions::rewrittenTopic(const QByteArray &topic) const
{
    if (!topic.startsWith(rewriteFrom) || (rewriteFrom.isEmpty() && rewriteTo.isEmpty()))
        return topic;
    return rewriteTo + topic.mid(rewriteFrom.size());
}

Message ReplayOptions::messageToPublish(const Message &recorded) const
{
    Message message;
    message.topic = rewrittenTopic(recorded.topic);
    message.payload = recorded.payload;
    message.qos = qos.value_or(recorded.qos);
    message.retain = retain.value_or(recorded.retain);
    // DUP is the sender's to set on a resend [MQTT-3.3.1-1]; the client does that itself.
    message.dup = false;
    message.properties = properties ? SharedProperties(*properties) : recorded.properties;
    const Properties &kept = message.properties;
    // A client must not send a Subscription Identifier [MQTT-3.3.4-6]; a topic alias belonged to
    // the recorded connection (the client picks its own for this one).
    if (!kept.subscriptionIdentifiers.isEmpty() || kept.topicAlias) {
        Properties &edited = message.properties.edit();
        edited.subscriptionIdentifiers.clear();
        edited.topicAlias.reset();
    }
    return message;
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/recordedsparkplug.h"

#include "decode/sparkplugaliasbook.h"
#include "decode/sparkplugpayload.h"
#include "decode/sparkplugtopic.h"

#include <algorithm>
#include <limits>

namespace mqttscope {

namespace {

using Sparkplug::MessageType;

bool isBirth(const Sparkplug::TopicName &name)
{
    return name.type == MessageType::NBirth || name.type == MessageType::DBirth;
}

bool isLifecycle(const Sparkplug::TopicName &name)
{
    return isBirth(name) || name.type == MessageType::NDeath || name.type == MessageType::DDeath
        || name.type == MessageType::State;
}

} // namespace

bool RecordedSparkplug::isLifecycleTopic(QByteArrayView topic)
{
    if (!topic.startsWith(QByteArrayView("spBv1.0/")))
        return false; // most topics: no parse
    const auto name = Sparkplug::TopicName::parse(topic);
    return name && isLifecycle(*name);
}

QList<qint64> RecordedSparkplug::lifecycleTopicIds(const QList<RecordingReader::Topic> &topics)
{
    QList<qint64> ids;
    for (const RecordingReader::Topic &topic : topics) {
        if (isLifecycleTopic(topic.name))
            ids.append(topic.id);
    }
    return ids;
}

std::optional<SparkplugBirth> RecordedSparkplug::birthOf(const Message &message)
{
    if (!message.topic.startsWith("spBv1.0/"))
        return std::nullopt;
    const auto name = Sparkplug::TopicName::parse(message.topic);
    if (!name || !isBirth(*name))
        return std::nullopt;
    const std::optional<Sparkplug::Summary> summary =
        Sparkplug::summarize(message.payload, nullptr);
    if (!summary)
        return std::nullopt;
    return SparkplugBirth{name->group, name->edgeNode, name->device,
                          message.receivedMsecsSinceEpoch, summary->aliasNames};
}

QList<Message> RecordedSparkplug::lifecycleUpTo(const RecordingReader &reader,
                                                const QList<qint64> &lifecycleTopics, qint64 toUs)
{
    QList<RecordedMessage> recorded;
    for (qint64 topic : lifecycleTopics)
        recorded.append(reader.topicMessages(topic, std::numeric_limits<qint64>::min(), toUs,
                                             int(SparkplugAliasBook::KeptBirths)));
    std::sort(recorded.begin(), recorded.end(),
              [](const RecordedMessage &a, const RecordedMessage &b) {
                  return a.id < b.id; // file order: the order they arrived in
              });
    QList<Message> messages;
    messages.reserve(recorded.size());
    for (RecordedMessage &one : recorded) {
        one.message.receivedMsecsSinceEpoch = one.timeUs / 1000;
        messages.append(std::move(one.message));
    }
    return messages;
}

void RecordedSparkplug::readBirths(const RecordingReader &reader,
                                   const QList<qint64> &lifecycleTopics, qint64 toUs,
                                   SparkplugAliasBook *book)
{
    for (const Message &message : lifecycleUpTo(reader, lifecycleTopics, toUs)) {
        if (const auto birth = birthOf(message))
            book->add(*birth);
    }
}

} // namespace mqttscope

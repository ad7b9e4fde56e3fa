// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/recordedbirths.h"

#include "decode/sparkplugaliasbook.h"
#include "decode/sparkplugpayload.h"
#include "decode/sparkplugtopic.h"

#include <algorithm>
#include <limits>

namespace mqttscope {

namespace {

bool isBirth(const Sparkplug::TopicName &name)
{
    return name.type == Sparkplug::MessageType::NBirth
        || name.type == Sparkplug::MessageType::DBirth;
}

} // namespace

bool RecordedBirths::isBirthTopic(QByteArrayView topic)
{
    if (!topic.startsWith(QByteArrayView("spBv1.0/")))
        return false; // most topics: no parse
    const auto name = Sparkplug::TopicName::parse(topic);
    return name && isBirth(*name);
}

QList<qint64> RecordedBirths::birthTopicIds(const QList<RecordingReader::Topic> &topics)
{
    QList<qint64> ids;
    for (const RecordingReader::Topic &topic : topics) {
        if (isBirthTopic(topic.name))
            ids.append(topic.id);
    }
    return ids;
}

std::optional<SparkplugBirth> RecordedBirths::birthOf(const Message &message)
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

void RecordedBirths::read(const RecordingReader &reader, const QList<qint64> &birthTopics,
                          qint64 toUs, SparkplugAliasBook *book)
{
    QList<RecordedMessage> births;
    for (qint64 topic : birthTopics)
        births.append(reader.topicMessages(topic, std::numeric_limits<qint64>::min(), toUs,
                                           int(SparkplugAliasBook::KeptBirths)));
    std::sort(births.begin(), births.end(), [](const RecordedMessage &a, const RecordedMessage &b) {
        return a.id < b.id; // file order: the order they arrived in
    });
    for (RecordedMessage &recorded : births) {
        recorded.message.receivedMsecsSinceEpoch = recorded.timeUs / 1000;
        if (const auto birth = birthOf(recorded.message))
            book->add(*birth);
    }
}

} // namespace mqttscope

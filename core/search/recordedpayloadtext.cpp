// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/recordedpayloadtext.h"

#include "decode/payloaddecoder.h"
#include "explorer/recordedsparkplug.h"

#include <algorithm>

namespace mqttscope {

RecordedPayloadText::RecordedPayloadText(std::shared_ptr<const PayloadDecoder> decoder,
                                         const RecordingReader &reader,
                                         const QList<RecordingReader::Topic> &topics)
    : m_decoder(std::move(decoder))
{
    bool sparkplug = false;
    for (const RecordingReader::Topic &topic : topics) {
        if (topic.id < 0)
            continue;
        TopicEncoding encoding;
        encoding.encoding = m_decoder->encodingFor(topic.name, &encoding.messageType);
        if (!Encoding::decodesToJson(encoding.encoding))
            continue;
        sparkplug = sparkplug || encoding.encoding == PayloadEncoding::SparkplugB;
        encoding.name = topic.name;
        m_topics.resize(std::max(m_topics.size(), size_t(topic.id) + 1));
        m_topics[size_t(topic.id)] = std::move(encoding);
    }
    if (sparkplug)
        RecordedSparkplug::readBirths(reader, RecordedSparkplug::lifecycleTopicIds(topics),
                                      reader.summary().lastTimeUs, &m_aliases);
}

RecordedPayloadText::~RecordedPayloadText() = default;

bool RecordedPayloadText::decodes(qint64 topicId) const
{
    return topicId >= 0 && size_t(topicId) < m_topics.size()
        && Encoding::decodesToJson(m_topics[size_t(topicId)].encoding);
}

std::optional<QByteArray> RecordedPayloadText::decoded(qint64 topicId, qint64 timeUs,
                                                       QByteArrayView payload) const
{
    if (payload.isEmpty() || !decodes(topicId))
        return std::nullopt;
    const TopicEncoding &topic = m_topics[size_t(topicId)];
    const bool named = topic.encoding == PayloadEncoding::SparkplugB;
    DecodedPayload decoded = m_decoder->decodeAs(
        topic.encoding, payload, topic.messageType,
        named ? m_aliases.aliasesFor(topic.name, timeUs / 1000) : QHash<quint64, QString>());
    if (!decoded.decoded())
        return std::nullopt;
    return std::move(decoded.json);
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/payloadencoding.h"
#include "decode/sparkplugaliasbook.h"
#include "recording/recordingreader.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace mqttscope {

class PayloadDecoder;

// A recording's payloads as a search reads them, like its tab shows them: a message of a topic the
// decoder decodes (Sparkplug B, Protobuf, MessagePack) as its JSON, a Sparkplug DATA sent by alias
// with the names of the last BIRTH recorded before it (the file's BIRTHs are read once, at most
// SparkplugAliasBook::KeptBirths per endpoint). For the search's thread: the decoder is shared
// (immutable), the rest is its own.
class RecordedPayloadText
{
public:
    RecordedPayloadText(std::shared_ptr<const PayloadDecoder> decoder,
                        const RecordingReader &reader, const QList<RecordingReader::Topic> &topics);
    ~RecordedPayloadText();

    bool decodes(qint64 topicId) const;
    // The decoded JSON of a message of `topicId` recorded at `timeUs`; nullopt when its topic is
    // not decoded or the payload does not decode (the bytes are searched then).
    std::optional<QByteArray> decoded(qint64 topicId, qint64 timeUs, QByteArrayView payload) const;

private:
    struct TopicEncoding
    {
        PayloadEncoding encoding = PayloadEncoding::Auto;
        QString messageType;
        QByteArray name;
    };

    std::shared_ptr<const PayloadDecoder> m_decoder;
    std::vector<TopicEncoding> m_topics; // by topic id; Auto for those not decoded
    SparkplugAliasBook m_aliases;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/payloaddecoder.h"

#include "decode/messagepack.h"
#include "decode/sparkplugpayload.h"
#include "protocol/topic.h"

#include <QCoreApplication>

namespace mqttscope {

namespace {

constexpr QByteArrayView SparkplugPrefix = "spBv1.0/";
constexpr QByteArrayView SparkplugStatePrefix = "spBv1.0/STATE/"; // JSON, not protobuf

} // namespace

PayloadDecoder::PayloadDecoder(QList<FormatRule> rules,
                               std::shared_ptr<const ProtobufSchemas> schemas)
    : m_rules(std::move(rules))
    , m_schemas(std::move(schemas))
{
    for (const FormatRule &rule : std::as_const(m_rules))
        m_filters.append(rule.topicFilter.toUtf8());
}

PayloadEncoding PayloadDecoder::encodingFor(QByteArrayView topic, QString *messageType) const
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        if (Topic::matches(m_filters.at(i), topic)) {
            if (messageType)
                *messageType = m_rules.at(i).messageType;
            return m_rules.at(i).encoding;
        }
    }
    if (topic.startsWith(SparkplugPrefix) && !topic.startsWith(SparkplugStatePrefix))
        return PayloadEncoding::SparkplugB;
    return PayloadEncoding::Auto;
}

DecodedPayload PayloadDecoder::decode(QByteArrayView topic, QByteArrayView payload) const
{
    QString messageType;
    const PayloadEncoding encoding = encodingFor(topic, &messageType);
    if (!Encoding::decodesToJson(encoding))
        return {};
    return decodeAs(encoding, payload, messageType);
}

DecodedPayload PayloadDecoder::decodeAs(PayloadEncoding encoding, QByteArrayView payload,
                                        const QString &messageType,
                                        const QHash<quint64, QString> &aliasNames) const
{
    if (payload.size() > MaxDecodeBytes && Encoding::decodesToJson(encoding)) {
        return DecodedPayload::failure(
            QCoreApplication::translate("PayloadDecoder",
                                        "%1 bytes are more than the %2 MiB decoded at most")
                .arg(payload.size())
                .arg(MaxDecodeBytes / (1024 * 1024)));
    }
    switch (encoding) {
    case PayloadEncoding::SparkplugB:
        return Sparkplug::toJson(payload, aliasNames);
    case PayloadEncoding::MessagePack:
        return MessagePack::toJson(payload);
    case PayloadEncoding::Protobuf:
        if (!m_schemas) {
            return DecodedPayload::failure(
                QCoreApplication::translate("PayloadDecoder",
                                            "no .proto files are loaded for message type %1")
                    .arg(messageType));
        }
        return m_schemas->decode(messageType, payload);
    default:
        return {};
    }
}

} // namespace mqttscope

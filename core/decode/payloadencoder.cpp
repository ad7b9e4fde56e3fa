// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/payloadencoder.h"

#include "decode/formatrule.h"
#include "decode/messagepack.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace mqttscope {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("PayloadEncoder", text);
}

} // namespace

bool PayloadEncoder::encodes(PayloadEncoding encoding)
{
    return encoding == PayloadEncoding::Protobuf || encoding == PayloadEncoding::MessagePack;
}

PayloadEncoder::PayloadEncoder(PayloadEncoding encoding, QString messageType,
                               std::shared_ptr<const ProtobufSchemas> schemas)
    : m_encoding(encoding)
    , m_messageType(std::move(messageType))
    , m_schemas(std::move(schemas))
{
}

std::optional<PayloadEncoder>
PayloadEncoder::fromArgument(const QString &argument,
                             std::shared_ptr<const ProtobufSchemas> schemas, QString *error)
{
    const std::optional<FormatRule> format = FormatRule::formatFromArgument(argument, error);
    if (!format)
        return std::nullopt;
    return PayloadEncoder(format->encoding, format->messageType, std::move(schemas));
}

QString PayloadEncoder::problem() const
{
    if (!encodes(m_encoding))
        return translate("JSON cannot be encoded as %1").arg(Encoding::key(m_encoding));
    if (m_encoding != PayloadEncoding::Protobuf)
        return {};
    if (m_messageType.isEmpty())
        return translate("protobuf needs a message type");
    if (!m_schemas || !m_schemas->hasMessageType(m_messageType))
        return translate("the message type %1 is not in the .proto files").arg(m_messageType);
    return {};
}

// The JSON is parsed here first for both formats, so that a typing mistake is reported the same
// way, with its character offset (protobuf's own parser gives none).
std::optional<QByteArray> PayloadEncoder::encode(QByteArrayView json, QString *error,
                                                 qsizetype *errorOffset) const
{
    if (const QString why = problem(); !why.isEmpty()) {
        *error = why;
        return std::nullopt;
    }
    QJsonParseError parseError;
    QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = translate("not JSON at character %1: %2")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        if (errorOffset)
            *errorOffset = parseError.offset;
        return std::nullopt;
    }
    if (m_encoding == PayloadEncoding::MessagePack)
        return MessagePack::fromJson(json, error);
    return m_schemas->encode(m_messageType, json, error);
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedmessageform.h"

#include "decode/payloadencoder.h"

#include <QStringDecoder>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::SavedMessageForm {
namespace {

struct FormatName
{
    PayloadInputFormat format;
    QLatin1StringView key;
};

constexpr FormatName formatNames[] = {
    {PayloadInputFormat::Text, "text"_L1},
    {PayloadInputFormat::Json, "json"_L1},
    {PayloadInputFormat::Hex, "hex"_L1},
    {PayloadInputFormat::Base64, "base64"_L1},
};

} // namespace

PayloadInputFormat format(const QString &key)
{
    for (const FormatName &name : formatNames) {
        if (key == name.key)
            return name.format;
    }
    return PayloadInputFormat::Text;
}

QString formatKey(PayloadInputFormat format)
{
    for (const FormatName &name : formatNames) {
        if (format == name.format)
            return name.key;
    }
    return u"text"_s;
}

QString payloadText(const QByteArray &payload, PayloadInputFormat format)
{
    switch (format) {
    case PayloadInputFormat::Hex:
        return QString::fromLatin1(payload.toHex(' '));
    case PayloadInputFormat::Base64:
        return QString::fromLatin1(payload.toBase64());
    case PayloadInputFormat::Text:
    case PayloadInputFormat::Json:
    case PayloadInputFormat::File:
        break;
    }
    return QString::fromUtf8(payload);
}

QString keyForFileBytes(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return decoder.hasError() ? u"base64"_s : u"text"_s;
}

Message compose(const SavedMessage &saved, quint64 counter, const PlaceholderSources &sources)
{
    Message message;
    message.topic = Placeholders::expand(saved.topic, counter, sources).toUtf8();
    message.payload = Placeholders::expand(saved.payload, counter, sources);
    message.qos = saved.qos;
    message.retain = saved.retain;
    if (Properties properties = saved.publishProperties(); !properties.isEmpty())
        message.properties = std::move(properties);
    return message;
}

std::optional<QByteArray> encode(const SavedMessage &saved, const QByteArray &composed,
                                 const std::shared_ptr<const ProtobufSchemas> &schemas,
                                 QString *error)
{
    if (saved.encodeAs.isEmpty())
        return composed;
    const std::optional<PayloadEncoder> encoder =
        PayloadEncoder::fromArgument(saved.encodeAs, schemas, error);
    return encoder ? encoder->encode(composed, error) : std::nullopt;
}

} // namespace mqttscope::SavedMessageForm

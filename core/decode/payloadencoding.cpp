// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/payloadencoding.h"

#include <QCoreApplication>

#include <array>

namespace mqttscope::Encoding {

namespace {

struct EncodingKey
{
    PayloadEncoding encoding;
    const char *key;
};

constexpr std::array<EncodingKey, 10> Keys{{
    {PayloadEncoding::Auto, "auto"},
    {PayloadEncoding::Text, "text"},
    {PayloadEncoding::Json, "json"},
    {PayloadEncoding::Hex, "hex"},
    {PayloadEncoding::Base64, "base64"},
    {PayloadEncoding::Cbor, "cbor"},
    {PayloadEncoding::Image, "image"},
    {PayloadEncoding::SparkplugB, "sparkplug"},
    {PayloadEncoding::Protobuf, "protobuf"},
    {PayloadEncoding::MessagePack, "msgpack"},
}};

} // namespace

QString key(PayloadEncoding encoding)
{
    for (const EncodingKey &entry : Keys) {
        if (entry.encoding == encoding)
            return QString::fromLatin1(entry.key);
    }
    return QStringLiteral("auto");
}

std::optional<PayloadEncoding> fromKey(QStringView key)
{
    for (const EncodingKey &entry : Keys) {
        if (key.compare(QLatin1StringView(entry.key), Qt::CaseInsensitive) == 0)
            return entry.encoding;
    }
    return std::nullopt;
}

QString displayName(PayloadEncoding encoding)
{
    switch (encoding) {
    case PayloadEncoding::Auto:
        return QCoreApplication::translate("PayloadEncoding", "Automatic");
    case PayloadEncoding::Text:
        return QCoreApplication::translate("PayloadEncoding", "Text");
    case PayloadEncoding::Json:
        return QCoreApplication::translate("PayloadEncoding", "JSON");
    case PayloadEncoding::Hex:
        return QCoreApplication::translate("PayloadEncoding", "Hex");
    case PayloadEncoding::Base64:
        return QCoreApplication::translate("PayloadEncoding", "Base64");
    case PayloadEncoding::Cbor:
        return QCoreApplication::translate("PayloadEncoding", "CBOR");
    case PayloadEncoding::Image:
        return QCoreApplication::translate("PayloadEncoding", "Image");
    case PayloadEncoding::SparkplugB:
        return QCoreApplication::translate("PayloadEncoding", "Sparkplug B");
    case PayloadEncoding::Protobuf:
        return QCoreApplication::translate("PayloadEncoding", "Protobuf");
    case PayloadEncoding::MessagePack:
        return QCoreApplication::translate("PayloadEncoding", "MessagePack");
    }
    return {};
}

bool decodesToJson(PayloadEncoding encoding)
{
    return encoding == PayloadEncoding::SparkplugB || encoding == PayloadEncoding::Protobuf
        || encoding == PayloadEncoding::MessagePack;
}

} // namespace mqttscope::Encoding

// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/payloadencoding.h"

#include <QCoreApplication>

#include <array>
#include <cstddef>

namespace mqttscope::Encoding {

namespace {

struct Entry
{
    PayloadEncoding encoding;
    const char *key;
    const char *name;
};

// The keys are stable: profile files and command lines name them.
constexpr std::array<Entry, 10> entries{{
    {PayloadEncoding::Auto, "auto", QT_TRANSLATE_NOOP("PayloadEncoding", "Automatic")},
    {PayloadEncoding::Text, "text", QT_TRANSLATE_NOOP("PayloadEncoding", "Text")},
    {PayloadEncoding::Json, "json", QT_TRANSLATE_NOOP("PayloadEncoding", "JSON")},
    {PayloadEncoding::Hex, "hex", QT_TRANSLATE_NOOP("PayloadEncoding", "Hex")},
    {PayloadEncoding::Base64, "base64", QT_TRANSLATE_NOOP("PayloadEncoding", "Base64")},
    {PayloadEncoding::Cbor, "cbor", QT_TRANSLATE_NOOP("PayloadEncoding", "CBOR")},
    {PayloadEncoding::Image, "image", QT_TRANSLATE_NOOP("PayloadEncoding", "Image")},
    {PayloadEncoding::SparkplugB, "sparkplug", QT_TRANSLATE_NOOP("PayloadEncoding", "Sparkplug B")},
    {PayloadEncoding::Protobuf, "protobuf", QT_TRANSLATE_NOOP("PayloadEncoding", "Protobuf")},
    {PayloadEncoding::MessagePack, "msgpack", QT_TRANSLATE_NOOP("PayloadEncoding", "MessagePack")},
}};

const Entry &entryFor(PayloadEncoding encoding)
{
    return entries[static_cast<std::size_t>(encoding)];
}

} // namespace

QString key(PayloadEncoding encoding)
{
    return QString::fromLatin1(entryFor(encoding).key);
}

std::optional<PayloadEncoding> fromKey(QStringView key)
{
    for (const Entry &entry : entries) {
        if (key.compare(QLatin1StringView(entry.key), Qt::CaseInsensitive) == 0)
            return entry.encoding;
    }
    return std::nullopt;
}

QString displayName(PayloadEncoding encoding)
{
    return QCoreApplication::translate("PayloadEncoding", entryFor(encoding).name);
}

bool decodesToJson(PayloadEncoding encoding)
{
    return encoding == PayloadEncoding::SparkplugB || encoding == PayloadEncoding::Protobuf
        || encoding == PayloadEncoding::MessagePack;
}

} // namespace mqttscope::Encoding

// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/payloadviewformat.h"

#include "views/payloadrendering.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

bool looksLikeImage(const QByteArray &payload)
{
    return !imageFormatOf(payload).isEmpty();
}

// Text a human can read: valid UTF-8 with few control characters besides whitespace.
bool looksLikeText(const QByteArray &payload)
{
    if (!isValidUtf8(payload))
        return false;
    qsizetype controls = 0;
    for (const char c : payload) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\n' && c != '\r' && c != '\t')
            ++controls;
    }
    return controls * 20 <= payload.size(); // at most 5% control characters
}

std::optional<PayloadViewFormat> formatFromContentType(const QString &contentType)
{
    const QString type = contentType.section(u';', 0, 0).trimmed().toLower();
    if (type == "application/json"_L1 || type.endsWith("+json"_L1))
        return PayloadViewFormat::Json;
    if (type == "application/cbor"_L1 || type.endsWith("+cbor"_L1))
        return PayloadViewFormat::Cbor;
    if (type.startsWith("image/"_L1))
        return PayloadViewFormat::Image;
    if (type.startsWith("text/"_L1))
        return PayloadViewFormat::Text;
    return std::nullopt;
}

} // namespace

QList<PayloadViewFormat> allPayloadViewFormats()
{
    return {PayloadViewFormat::Text, PayloadViewFormat::Json,  PayloadViewFormat::Hex,
            PayloadViewFormat::Base64, PayloadViewFormat::Cbor, PayloadViewFormat::Image};
}

QString payloadViewFormatName(PayloadViewFormat format)
{
    switch (format) {
    case PayloadViewFormat::Text:
        return QCoreApplication::translate("PayloadViewFormat", "Text");
    case PayloadViewFormat::Json:
        return QCoreApplication::translate("PayloadViewFormat", "JSON");
    case PayloadViewFormat::Hex:
        return QCoreApplication::translate("PayloadViewFormat", "Hex");
    case PayloadViewFormat::Base64:
        return QCoreApplication::translate("PayloadViewFormat", "Base64");
    case PayloadViewFormat::Cbor:
        return QCoreApplication::translate("PayloadViewFormat", "CBOR");
    case PayloadViewFormat::Image:
        return QCoreApplication::translate("PayloadViewFormat", "Image");
    }
    return {};
}

PayloadViewFormat guessPayloadViewFormat(const QByteArray &payload, const Properties &properties)
{
    // A declared content type is the publisher's word, but only when the bytes agree with it.
    if (properties.contentType) {
        if (const auto declared = formatFromContentType(*properties.contentType)) {
            const bool agrees = (*declared == PayloadViewFormat::Json && isJson(payload))
                || (*declared == PayloadViewFormat::Cbor && isWholeCbor(payload))
                || (*declared == PayloadViewFormat::Image && looksLikeImage(payload))
                || (*declared == PayloadViewFormat::Text && isValidUtf8(payload));
            if (agrees)
                return *declared;
        }
    }
    if (payload.isEmpty())
        return PayloadViewFormat::Text;
    if (looksLikeImage(payload))
        return PayloadViewFormat::Image;
    if (isJson(payload))
        return PayloadViewFormat::Json;
    // Payload format indicator 1 says UTF-8 character data [MQTT-3.3.2-4 / 3.3.2.3.2].
    if (looksLikeText(payload) || (properties.payloadFormatIndicator == 1 && isValidUtf8(payload)))
        return PayloadViewFormat::Text;
    if (isWholeCbor(payload))
        return PayloadViewFormat::Cbor;
    return PayloadViewFormat::Hex;
}

} // namespace mqttscope

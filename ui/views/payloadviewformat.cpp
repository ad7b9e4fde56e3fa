// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/payloadviewformat.h"

#include "explorer/payloadformat.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

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

PayloadViewFormat viewFormatFor(PayloadFormat detected)
{
    switch (detected) {
    case PayloadFormat::Empty:
    case PayloadFormat::Number:
    case PayloadFormat::Text:
        return PayloadViewFormat::Text;
    case PayloadFormat::Json:
        return PayloadViewFormat::Json;
    case PayloadFormat::Cbor:
        return PayloadViewFormat::Cbor;
    case PayloadFormat::Png:
    case PayloadFormat::Jpeg:
    case PayloadFormat::Gif:
    case PayloadFormat::Webp:
    case PayloadFormat::Bmp:
        return PayloadViewFormat::Image;
    case PayloadFormat::Binary:
        break;
    }
    return PayloadViewFormat::Hex;
}

} // namespace

QList<PayloadViewFormat> allPayloadViewFormats()
{
    return {
        PayloadViewFormat::Text,       PayloadViewFormat::Json,     PayloadViewFormat::Hex,
        PayloadViewFormat::Base64,     PayloadViewFormat::Cbor,     PayloadViewFormat::Image,
        PayloadViewFormat::SparkplugB, PayloadViewFormat::Protobuf, PayloadViewFormat::MessagePack};
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
    case PayloadViewFormat::SparkplugB:
    case PayloadViewFormat::Protobuf:
    case PayloadViewFormat::MessagePack:
        return Encoding::displayName(*decodedEncodingOf(format));
    }
    return {};
}

PayloadViewFormat guessPayloadViewFormat(const QByteArray &payload, const Properties &properties)
{
    const PayloadViewFormat detected = viewFormatFor(Payload::detectFormat(payload));
    const bool validUtf8 = QByteArrayView(payload).isValidUtf8();
    // A declared content type is the publisher's word, but only when the bytes agree with it:
    // text/plain on JSON shows the text as sent, application/json on broken JSON does not.
    if (properties.contentType) {
        if (const auto declared = formatFromContentType(*properties.contentType)) {
            const bool agrees =
                *declared == detected || (*declared == PayloadViewFormat::Text && validUtf8);
            if (agrees)
                return *declared;
        }
    }
    // Payload format indicator 1 says UTF-8 character data (5.0 section 3.3.2.3.2), even when it
    // holds control characters that would otherwise make it look binary.
    if (detected == PayloadViewFormat::Hex && properties.payloadFormatIndicator == 1 && validUtf8)
        return PayloadViewFormat::Text;
    return detected;
}

std::optional<PayloadViewFormat> payloadViewFormatFor(PayloadEncoding encoding)
{
    switch (encoding) {
    case PayloadEncoding::Auto:
        break;
    case PayloadEncoding::Text:
        return PayloadViewFormat::Text;
    case PayloadEncoding::Json:
        return PayloadViewFormat::Json;
    case PayloadEncoding::Hex:
        return PayloadViewFormat::Hex;
    case PayloadEncoding::Base64:
        return PayloadViewFormat::Base64;
    case PayloadEncoding::Cbor:
        return PayloadViewFormat::Cbor;
    case PayloadEncoding::Image:
        return PayloadViewFormat::Image;
    case PayloadEncoding::SparkplugB:
        return PayloadViewFormat::SparkplugB;
    case PayloadEncoding::Protobuf:
        return PayloadViewFormat::Protobuf;
    case PayloadEncoding::MessagePack:
        return PayloadViewFormat::MessagePack;
    }
    return std::nullopt;
}

std::optional<PayloadEncoding> decodedEncodingOf(PayloadViewFormat format)
{
    switch (format) {
    case PayloadViewFormat::SparkplugB:
        return PayloadEncoding::SparkplugB;
    case PayloadViewFormat::Protobuf:
        return PayloadEncoding::Protobuf;
    case PayloadViewFormat::MessagePack:
        return PayloadEncoding::MessagePack;
    default:
        return std::nullopt;
    }
}

} // namespace mqttscope

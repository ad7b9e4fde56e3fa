// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/payloadformat.h"

#include "explorer/jsonsyntax.h"

#include <QCborStreamReader>
#include <QCborValue>
#include <QCoreApplication>
#include <QJsonDocument>

namespace mqttscope::Payload {

namespace {

// Parsing is what makes detection expensive; beyond these sizes we trust the first bytes.
constexpr qsizetype MaxJsonParseBytes = 16 * 1024 * 1024;
constexpr qsizetype MaxCborParseBytes = 1024 * 1024;

bool startsWith(QByteArrayView payload, QByteArrayView magic)
{
    return payload.startsWith(magic);
}

quint32 littleEndian32(QByteArrayView bytes, qsizetype at)
{
    return quint32(quint8(bytes[at])) | quint32(quint8(bytes[at + 1])) << 8
        | quint32(quint8(bytes[at + 2])) << 16 | quint32(quint8(bytes[at + 3])) << 24;
}

bool isNumber(QByteArrayView text)
{
    const QByteArrayView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return false;
    const char first = trimmed.front();
    if (!(first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9')))
        return false;
    bool ok = false;
    (void)trimmed.toDouble(&ok);
    return ok;
}

bool isJson(QByteArrayView text)
{
    const QByteArrayView trimmed = text.trimmed();
    if (trimmed.isEmpty() || (trimmed.front() != '{' && trimmed.front() != '['))
        return false;
    if (trimmed.size() > MaxJsonParseBytes || Json::isWellFormed(trimmed))
        return true;
    // QJsonDocument takes a few things RFC 8259 does not (a bare "1."): what it took before.
    QJsonParseError error;
    QJsonDocument::fromJson(trimmed.toByteArray(), &error);
    return error.error == QJsonParseError::NoError;
}

bool isCbor(QByteArrayView payload)
{
    // Only a map or an array (optionally behind the self-describe tag 55799): two random bytes
    // are too often some valid CBOR scalar.
    const QByteArrayView selfDescribe("\xd9\xd9\xf7");
    const QByteArrayView item = payload.startsWith(selfDescribe) ? payload.sliced(3) : payload;
    const quint8 major = item.isEmpty() ? 0 : quint8(item.front()) >> 5;
    if ((major != 4 && major != 5) || payload.size() > MaxCborParseBytes)
        return false;
    const QByteArray bytes = item.toByteArray();
    QCborStreamReader reader(bytes);
    const QCborValue value = QCborValue::fromCbor(reader);
    return reader.lastError() == QCborError::NoError && reader.currentOffset() == bytes.size()
        && (value.isMap() || value.isArray());
}

} // namespace

PayloadFormat imageFormat(QByteArrayView payload)
{
    if (startsWith(payload, "\x89PNG\r\n\x1a\n"))
        return PayloadFormat::Png;
    if (startsWith(payload, "\xff\xd8\xff"))
        return PayloadFormat::Jpeg;
    if (startsWith(payload, "GIF87a") || startsWith(payload, "GIF89a"))
        return PayloadFormat::Gif;
    if (payload.size() >= 12 && startsWith(payload, "RIFF") && payload.sliced(8).startsWith("WEBP"))
        return PayloadFormat::Webp;
    // "BM" alone is too common in text; the header's file size must match too.
    if (payload.size() >= 26 && startsWith(payload, "BM")
        && littleEndian32(payload, 2) == quint32(payload.size()))
        return PayloadFormat::Bmp;
    return PayloadFormat::Binary;
}

bool isImage(PayloadFormat format)
{
    return format >= PayloadFormat::Png && format <= PayloadFormat::Bmp;
}

bool looksLikeText(QByteArrayView bytes, bool prefixOnly)
{
    for (const char c : bytes) {
        const auto u = quint8(c);
        if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7f)
            return false;
    }
    if (prefixOnly) {
        // Drop a multi-byte sequence that the cut left incomplete at the end.
        for (qsizetype i = bytes.size() - 1; i >= 0 && i >= bytes.size() - 4; --i) {
            const auto u = quint8(bytes[i]);
            if ((u & 0xC0) == 0x80)
                continue;
            const int length = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
            if (i + length > bytes.size())
                bytes = bytes.first(i);
            break;
        }
    }
    return bytes.isValidUtf8();
}

PayloadFormat detectFormat(QByteArrayView payload)
{
    if (payload.isEmpty())
        return PayloadFormat::Empty;
    const PayloadFormat image = imageFormat(payload);
    if (image != PayloadFormat::Binary)
        return image;
    if (looksLikeText(payload)) {
        if (isNumber(payload))
            return PayloadFormat::Number;
        if (isJson(payload))
            return PayloadFormat::Json;
        return PayloadFormat::Text;
    }
    if (isCbor(payload))
        return PayloadFormat::Cbor;
    return PayloadFormat::Binary;
}

QString formatName(PayloadFormat format)
{
    switch (format) {
    case PayloadFormat::Empty:
        return QCoreApplication::translate("PayloadFormat", "Empty");
    case PayloadFormat::Number:
        return QCoreApplication::translate("PayloadFormat", "Number");
    case PayloadFormat::Json:
        return QCoreApplication::translate("PayloadFormat", "JSON");
    case PayloadFormat::Text:
        return QCoreApplication::translate("PayloadFormat", "Text");
    case PayloadFormat::Cbor:
        return QCoreApplication::translate("PayloadFormat", "CBOR");
    case PayloadFormat::Png:
        return QCoreApplication::translate("PayloadFormat", "PNG image");
    case PayloadFormat::Jpeg:
        return QCoreApplication::translate("PayloadFormat", "JPEG image");
    case PayloadFormat::Gif:
        return QCoreApplication::translate("PayloadFormat", "GIF image");
    case PayloadFormat::Webp:
        return QCoreApplication::translate("PayloadFormat", "WebP image");
    case PayloadFormat::Bmp:
        return QCoreApplication::translate("PayloadFormat", "BMP image");
    case PayloadFormat::Binary:
        break;
    }
    return QCoreApplication::translate("PayloadFormat", "Binary");
}

} // namespace mqttscope::Payload

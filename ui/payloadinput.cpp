// SPDX-License-Identifier: GPL-3.0-or-later
#include "payloadinput.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace mqttscope {
namespace {

// The context lupdate files these strings under: the enclosing namespace (or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("mqttscope", text);
}

std::optional<QByteArray> decodeHex(const QString &input, QString *error)
{
    QByteArray digits;
    digits.reserve(input.size());
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QChar c = input.at(i);
        if (c.isSpace() || c == u',' || c == u':')
            continue;
        if (c == u'0' && i + 1 < input.size()
            && (input.at(i + 1) == u'x' || input.at(i + 1) == u'X')) {
            ++i;
            continue;
        }
        const char16_t u = c.unicode();
        const bool hexDigit =
            (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
        if (!hexDigit) {
            *error = tr("'%1' is not a hex digit").arg(c);
            return std::nullopt;
        }
        digits.append(char(c.unicode()));
    }
    if (digits.size() % 2 != 0) {
        *error = tr("An odd number of hex digits: each byte needs two");
        return std::nullopt;
    }
    return QByteArray::fromHex(digits);
}

std::optional<QByteArray> decodeBase64(const QString &input, QString *error)
{
    QByteArray text = input.toLatin1();
    text.removeIf([](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
    const auto options = text.contains('-') || text.contains('_') ? QByteArray::Base64UrlEncoding
                                                                  : QByteArray::Base64Encoding;
    auto result =
        QByteArray::fromBase64Encoding(text, options | QByteArray::AbortOnBase64DecodingErrors);
    if (!result) {
        *error = tr("Not valid base64");
        return std::nullopt;
    }
    return result.decoded;
}

} // namespace

std::optional<QByteArray> encodePayloadInput(const QString &input, PayloadInputFormat format,
                                             QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    switch (format) {
    case PayloadInputFormat::Text:
        return input.toUtf8();
    case PayloadInputFormat::Json: {
        const QByteArray bytes = input.toUtf8();
        QJsonParseError parseError;
        // Scalars are valid JSON payloads too; wrap as a member so QJsonDocument accepts them
        // and a list such as "1,2" is still refused.
        const QByteArray probe = "{\"v\":" + bytes + '}';
        QJsonDocument::fromJson(probe, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *error = tr("Not valid JSON: %1 at offset %2")
                         .arg(parseError.errorString())
                         .arg(qMax(0, parseError.offset - 5));
            return std::nullopt;
        }
        return bytes;
    }
    case PayloadInputFormat::Hex:
        return decodeHex(input, error);
    case PayloadInputFormat::Base64:
        return decodeBase64(input, error);
    case PayloadInputFormat::File: {
        QFile file(input.trimmed());
        if (input.trimmed().isEmpty()) {
            *error = tr("Choose a file to send");
            return std::nullopt;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read %1: %2").arg(file.fileName(), file.errorString());
            return std::nullopt;
        }
        return file.readAll();
    }
    }
    return std::nullopt;
}

} // namespace mqttscope

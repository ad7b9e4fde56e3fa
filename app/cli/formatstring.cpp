// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatstring.h"

#include "recording/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <ctime>
#include <optional>

namespace mqttscope::cli {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The digits from *i on as a number, stopping before the last character as mosquitto_sub does.
int readNumber(const QByteArray &format, qsizetype *i)
{
    int number = 0;
    while (*i < format.size() - 1 && isDigit(format.at(*i)))
        number = number * 10 + (format.at((*i)++) - '0');
    return number;
}

std::tm localTime(qint64 msecsSinceEpoch)
{
    const std::time_t seconds = std::time_t(msecsSinceEpoch / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    return local;
}

void appendStrftime(QByteArray &out, const char *format, const std::tm &time)
{
    char text[128];
    out.append(text, qsizetype(std::strftime(text, sizeof text, format, &time)));
}

void appendBlank(QByteArray &out, char pad, int width)
{
    out.append(qsizetype(qMax(width, 0)), pad);
}

void appendInt(QByteArray &out, qint64 value, bool leftAlign, char pad, int width)
{
    const QByteArray digits = QByteArray::number(value);
    const int padding = width - int(digits.size());
    if (leftAlign) {
        out.append(digits);
        appendBlank(out, ' ', padding);
    } else if (pad == '0' && value < 0) {
        out.append('-');
        appendBlank(out, '0', padding);
        out.append(QByteArrayView(digits).sliced(1));
    } else {
        appendBlank(out, pad, padding);
        out.append(digits);
    }
}

// printf's %*.*s with '-' alignment.
void appendText(QByteArray &out, QByteArrayView text, bool leftAlign, int width, int precision)
{
    if (precision >= 0 && text.size() > precision)
        text = text.first(precision);
    const int padding = width - int(text.size());
    if (!leftAlign)
        appendBlank(out, ' ', padding);
    out.append(text);
    if (leftAlign)
        appendBlank(out, ' ', padding);
}

enum class PayloadEncoding { Raw, LowerHex, UpperHex };

// mosquitto_sub's write_payload: a width also truncates the payload, and in hex counts
// characters but halves the bytes printed.
void appendPayload(QByteArray &out, QByteArrayView payload, PayloadEncoding encoding,
                   bool leftAlign, char pad, int width)
{
    qsizetype length = payload.size();
    qsizetype padding = width - length;
    if (width > 0) {
        length = qMin<qsizetype>(length, width);
        if (encoding != PayloadEncoding::Raw) {
            length /= 2;
            padding = width - length * 2;
        } else {
            padding = width - length;
        }
    }
    if (!leftAlign)
        out.append(qMax<qsizetype>(padding, 0), pad);
    const QByteArrayView shown = payload.first(length);
    if (encoding == PayloadEncoding::Raw) {
        out.append(shown);
    } else {
        QByteArray hex = shown.toByteArray().toHex();
        if (encoding == PayloadEncoding::UpperHex)
            hex = hex.toUpper();
        out.append(hex);
    }
    if (leftAlign)
        out.append(qMax<qsizetype>(padding, 0), ' ');
}

bool isJsonValue(QByteArrayView bytes)
{
    // QJsonDocument takes only objects and arrays at the top, so wrap the value in an array.
    QByteArray wrapped;
    wrapped.reserve(bytes.size() + 2);
    wrapped.append('[').append(bytes).append(']');
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    return error.error == QJsonParseError::NoError && document.array().size() == 1;
}

// mosquitto_sub's %j and %J.
bool appendMosquittoJson(QByteArray &out, const Message &message, qint64 receivedMsecs,
                         bool escapePayload)
{
    if (!escapePayload && !message.payload.isEmpty() && !isJsonValue(message.payload))
        return false;
    const std::tm local = localTime(receivedMsecs);
    out.append("{\"tst\":\"");
    appendStrftime(out, "%Y-%m-%dT%H:%M:%S", local);
    char micros[16];
    out.append(micros,
               std::snprintf(micros, sizeof micros, ".%06dZ", int(receivedMsecs % 1000) * 1000));
    appendStrftime(out, "%z", local);
    out.append("\",\"topic\":");
    JsonText::appendString(out, message.topic);
    out.append(",\"qos\":").append(char('0' + message.qos));
    out.append(",\"retain\":").append(message.retain ? '1' : '0');
    out.append(",\"payloadlen\":").append(QByteArray::number(message.payload.size()));
    out.append(',');
    if (!message.properties.isEmpty()) {
        JsonText::appendProperties(out, message.properties, JsonText::PropertyStyle::Mosquitto);
        out.append(',');
    }
    out.append("\"payload\":");
    if (message.payload.isEmpty())
        out.append("null");
    else if (escapePayload)
        JsonText::appendString(out, message.payload);
    else
        out.append(message.payload);
    out.append('}');
    return true;
}

// The character a backslash escape stands for, as mosquitto_sub takes them; none for the
// others, which print nothing.
std::optional<char> escapedCharacter(char escape)
{
    static constexpr std::pair<char, char> escapes[] = {
        {'\\', '\\'}, {'0', '\0'}, {'a', '\a'}, {'e', '\033'},
        {'n', '\n'},  {'r', '\r'}, {'t', '\t'}, {'v', '\v'},
    };
    for (const auto &[name, character] : escapes) {
        if (escape == name)
            return character;
    }
    return std::nullopt;
}

} // namespace

// The same scanning rules as mosquitto_sub, including what a trailing '%', '@' or '\' does.
FormatString::FormatString(const QByteArray &format)
{
    const qsizetype length = format.size();
    Field literal;
    const auto flushLiteral = [&] {
        if (!literal.literal.isEmpty())
            m_fields.append(std::exchange(literal, Field()));
    };
    for (qsizetype i = 0; i < length; ++i) {
        const char c = format.at(i);
        if ((c == '@' || c == '\\') && i == length - 1)
            break; // a trailing '@' or '\' prints nothing
        if (c == '%') {
            flushLiteral();
            m_fields.append(percentField(format, &i));
        } else if (c == '@') {
            const char next = format.at(++i);
            if (next == '@') {
                literal.literal.append('@');
            } else {
                flushLiteral();
                m_fields.append(strftimeField(next));
            }
        } else if (c == '\\') {
            if (const std::optional<char> character = escapedCharacter(format.at(++i)))
                literal.literal.append(*character);
        } else {
            literal.literal.append(c);
        }
    }
    flushLiteral();
}

// %[-][0][width][.precision]conversion, from the '%' at *i; leaves *i at the conversion.
FormatString::Field FormatString::percentField(const QByteArray &format, qsizetype *i)
{
    const qsizetype last = format.size() - 1;
    Field field;
    field.kind = '%';
    if (*i < last) {
        ++*i;
        if (format.at(*i) == '-') {
            field.leftAlign = true;
            if (*i < last)
                ++*i;
        }
        if (format.at(*i) == '0') {
            field.pad = field.leftAlign ? ' ' : '0';
            if (*i < last)
                ++*i;
        }
        field.width = readNumber(format, i);
        if (format.at(*i) == '.' && *i < last) {
            ++*i;
            field.precision = readNumber(format, i);
        }
    }
    field.conversion = format.at(*i);
    return field;
}

// @X: strftime's %X, or @N for the nanoseconds.
FormatString::Field FormatString::strftimeField(char conversion)
{
    Field field;
    field.kind = conversion == 'N' ? 'N' : '@';
    field.conversion = conversion;
    return field;
}

void FormatString::append(const Message &message, qint64 receivedMsecs, QByteArray &out,
                          QByteArray *errors) const
{
    for (const Field &field : m_fields) {
        switch (field.kind) {
        case 0:
            out.append(field.literal);
            break;
        case '%':
            appendField(field, message, receivedMsecs, out, errors);
            break;
        case 'N': {
            char nanos[16];
            out.append(
                nanos,
                std::snprintf(nanos, sizeof nanos, "%09d", int(receivedMsecs % 1000) * 1000000));
            break;
        }
        default: {
            const char format[3] = {'%', field.conversion, 0};
            appendStrftime(out, format, localTime(receivedMsecs));
            break;
        }
        }
    }
}

void FormatString::appendField(const Field &field, const Message &message, qint64 receivedMsecs,
                               QByteArray &out, QByteArray *errors) const
{
    if (QByteArrayView("ACDEFPRS").contains(field.conversion))
        appendPropertyField(field, message.properties, out);
    else if (field.conversion == 'd')
        appendDecodedField(field, message, out, errors);
    else
        appendMessageField(field, message, receivedMsecs, out, errors);
}

void FormatString::setDecoder(std::shared_ptr<const PayloadDecoder> decoder)
{
    m_decoder = std::move(decoder);
}

void FormatString::appendDecodedField(const Field &field, const Message &message, QByteArray &out,
                                      QByteArray *errors) const
{
    const DecodedPayload decoded =
        m_decoder ? m_decoder->decode(message.topic, message.payload) : DecodedPayload();
    if (decoded.decoded()) {
        appendText(out, decoded.json, field.leftAlign, field.width, field.precision);
    } else if (decoded.status == DecodedPayload::Status::NotDecoded) {
        appendText(out, message.payload, field.leftAlign, field.width, field.precision);
    } else if (errors) {
        errors->append("Error: Message payload could not be decoded on topic ")
            .append(message.topic)
            .append(": ")
            .append(decoded.error.toUtf8())
            .append(".\n");
    }
}

// The conversions of the message itself: %t %p %x %X %l %q %r %m %I %U %j %J %%.
void FormatString::appendMessageField(const Field &field, const Message &message,
                                      qint64 receivedMsecs, QByteArray &out, QByteArray *errors)
{
    switch (field.conversion) {
    case '%':
        out.append('%');
        break;
    case 'I': {
        QByteArray time;
        appendStrftime(time, "%FT%T%z", localTime(receivedMsecs));
        appendText(out, time, field.leftAlign, field.width, field.precision);
        break;
    }
    case 'j':
    case 'J':
        if (!appendMosquittoJson(out, message, receivedMsecs, field.conversion == 'j') && errors) {
            errors->append("Error: Message payload is not valid JSON on topic ")
                .append(message.topic)
                .append(".\n");
        }
        break;
    case 'l':
        appendInt(out, message.payload.size(), field.leftAlign, field.pad, field.width);
        break;
    case 'm':
        appendInt(out, message.packetId, field.leftAlign, field.pad, field.width);
        break;
    case 'p':
    case 'x':
    case 'X': {
        const PayloadEncoding encoding = field.conversion == 'p' ? PayloadEncoding::Raw
            : field.conversion == 'x'                            ? PayloadEncoding::LowerHex
                                                                 : PayloadEncoding::UpperHex;
        appendPayload(out, message.payload, encoding, field.leftAlign, field.pad, field.width);
        break;
    }
    case 'q':
        out.append(char('0' + message.qos));
        break;
    case 'r':
        out.append(message.retain ? '1' : '0');
        break;
    case 't':
        appendText(out, message.topic, field.leftAlign, field.width, field.precision);
        break;
    case 'U': {
        char unixTime[40];
        out.append(unixTime,
                   std::snprintf(unixTime, sizeof unixTime, "%lld.%09d", receivedMsecs / 1000,
                                 int(receivedMsecs % 1000) * 1000000));
        break;
    }
    default:
        break; // unknown conversions print nothing, as in mosquitto_sub
    }
}

// The MQTT 5 properties: %A %C %D %E %F %P %R %S; an absent one prints blanks or nothing, as
// mosquitto_sub does.
void FormatString::appendPropertyField(const Field &field, const Properties &p, QByteArray &out)
{
    const auto optionalInt = [&](const auto &value) {
        if (value)
            appendInt(out, qint64(*value), field.leftAlign, field.pad, field.width);
        else
            appendBlank(out, field.pad, field.width);
    };
    switch (field.conversion) {
    case 'A':
        optionalInt(p.topicAlias);
        break;
    case 'C':
        if (p.contentType)
            appendText(out, p.contentType->toUtf8(), field.leftAlign, field.width, field.precision);
        else
            appendBlank(out, ' ', field.width);
        break;
    case 'D':
        if (p.correlationData)
            out.append(*p.correlationData);
        break;
    case 'E':
        optionalInt(p.messageExpiryInterval);
        break;
    case 'F':
        optionalInt(p.payloadFormatIndicator);
        break;
    case 'P':
        for (qsizetype i = 0; i < p.userProperties.size(); ++i) {
            if (i)
                out.append(' ');
            out.append(p.userProperties.at(i).first.toUtf8()).append(':');
            out.append(p.userProperties.at(i).second.toUtf8());
        }
        break;
    case 'R':
        if (p.responseTopic)
            appendText(out, p.responseTopic->toUtf8(), field.leftAlign, field.width,
                       field.precision);
        break;
    case 'S':
        optionalInt(p.subscriptionIdentifiers.isEmpty()
                        ? std::optional<quint32>()
                        : std::optional<quint32>(p.subscriptionIdentifiers.constFirst()));
        break;
    }
}

} // namespace mqttscope::cli

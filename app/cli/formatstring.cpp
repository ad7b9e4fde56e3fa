// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatstring.h"

#include "jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <ctime>

namespace mqttscope::cli {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
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

} // namespace

FormatString::FormatString(const QByteArray &format)
{
    const qsizetype length = format.size();
    Field literal;
    const auto flushLiteral = [&] {
        if (!literal.literal.isEmpty())
            m_fields.append(std::exchange(literal, Field()));
    };
    // The same scanning rules as mosquitto_sub, including what a trailing '%', '@' or '\' does.
    for (qsizetype i = 0; i < length; ++i) {
        const char c = format.at(i);
        if (c == '%') {
            Field field;
            field.kind = '%';
            if (i < length - 1) {
                ++i;
                if (format.at(i) == '-') {
                    field.leftAlign = true;
                    if (i < length - 1)
                        ++i;
                }
                if (format.at(i) == '0') {
                    field.pad = field.leftAlign ? ' ' : '0';
                    if (i < length - 1)
                        ++i;
                }
                while (i < length - 1 && isDigit(format.at(i)))
                    field.width = field.width * 10 + (format.at(i++) - '0');
                if (format.at(i) == '.' && i < length - 1) {
                    ++i;
                    field.precision = 0;
                    while (i < length - 1 && isDigit(format.at(i)))
                        field.precision = field.precision * 10 + (format.at(i++) - '0');
                }
            }
            field.conversion = format.at(i);
            flushLiteral();
            m_fields.append(field);
        } else if (c == '@') {
            if (i == length - 1)
                continue;
            const char next = format.at(++i);
            if (next == '@') {
                literal.literal.append('@');
                continue;
            }
            flushLiteral();
            Field field;
            field.kind = next == 'N' ? 'N' : '@';
            field.conversion = next;
            m_fields.append(field);
        } else if (c == '\\') {
            if (i == length - 1)
                continue;
            switch (format.at(++i)) {
            case '\\':
                literal.literal.append('\\');
                break;
            case '0':
                literal.literal.append('\0');
                break;
            case 'a':
                literal.literal.append('\a');
                break;
            case 'e':
                literal.literal.append('\033');
                break;
            case 'n':
                literal.literal.append('\n');
                break;
            case 'r':
                literal.literal.append('\r');
                break;
            case 't':
                literal.literal.append('\t');
                break;
            case 'v':
                literal.literal.append('\v');
                break;
            default:
                break;
            }
        } else {
            literal.literal.append(c);
        }
    }
    flushLiteral();
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
    const Properties &p = message.properties;
    const auto optionalInt = [&](const auto &value) {
        if (value)
            appendInt(out, qint64(*value), field.leftAlign, field.pad, field.width);
        else
            appendBlank(out, field.pad, field.width);
    };
    switch (field.conversion) {
    case '%':
        out.append('%');
        break;
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
        appendInt(out, 0, field.leftAlign, field.pad, field.width);
        break;
    case 'P':
        for (qsizetype i = 0; i < p.userProperties.size(); ++i) {
            if (i)
                out.append(' ');
            out.append(p.userProperties.at(i).first.toUtf8()).append(':');
            out.append(p.userProperties.at(i).second.toUtf8());
        }
        break;
    case 'p':
        appendPayload(out, message.payload, PayloadEncoding::Raw, field.leftAlign, field.pad,
                      field.width);
        break;
    case 'q':
        out.append(char('0' + message.qos));
        break;
    case 'R':
        if (p.responseTopic)
            appendText(out, p.responseTopic->toUtf8(), field.leftAlign, field.width,
                       field.precision);
        break;
    case 'r':
        out.append(message.retain ? '1' : '0');
        break;
    case 'S':
        if (p.subscriptionIdentifiers.isEmpty())
            appendBlank(out, field.pad, field.width);
        else
            appendInt(out, p.subscriptionIdentifiers.constFirst(), field.leftAlign, field.pad,
                      field.width);
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
    case 'x':
        appendPayload(out, message.payload, PayloadEncoding::LowerHex, field.leftAlign, field.pad,
                      field.width);
        break;
    case 'X':
        appendPayload(out, message.payload, PayloadEncoding::UpperHex, field.leftAlign, field.pad,
                      field.width);
        break;
    default:
        break; // unknown conversions print nothing, as in mosquitto_sub
    }
}

} // namespace mqttscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsontext.h"

#include "propertyargument.h"

#include "protocol/properties.h"

namespace mqttscope::cli::JsonText {

void appendString(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    qsizetype plainStart = 0;
    const auto flushPlain = [&](qsizetype end) {
        out.append(utf8.sliced(plainStart, end - plainStart));
    };
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        flushPlain(i);
        plainStart = i + 1;
        out.append('\\');
        switch (c) {
        case '"':
            out.append('"');
            break;
        case '\\':
            out.append('\\');
            break;
        case '\b':
            out.append('b');
            break;
        case '\f':
            out.append('f');
            break;
        case '\n':
            out.append('n');
            break;
        case '\r':
            out.append('r');
            break;
        case '\t':
            out.append('t');
            break;
        default:
            out.append("u00", 3);
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xF]);
            break;
        }
    }
    flushPlain(utf8.size());
    out.append('"');
}

void appendTextOrBase64(QByteArray &out, QByteArrayView name, QByteArrayView bytes,
                        QByteArrayView base64Suffix)
{
    out.append('"').append(name);
    if (bytes.isValidUtf8()) {
        out.append("\":", 2);
        appendString(out, bytes);
    } else {
        out.append(base64Suffix).append("\":\"", 3);
        out.append(bytes.toByteArray().toBase64());
        out.append('"');
    }
}

void appendProperties(QByteArray &out, const Properties &p, PropertyStyle style)
{
    const bool mosquitto = style == PropertyStyle::Mosquitto;
    if (mosquitto && p.isEmpty())
        return;
    out.append("\"properties\":{");
    bool first = true;
    const auto key = [&](PropertyId id) {
        if (!first)
            out.append(',');
        first = false;
        out.append('"').append(PropertyArgument::identifierName(id).toLatin1()).append("\":", 2);
    };
    const auto number = [&](PropertyId id, const auto &value) {
        if (value) {
            key(id);
            out.append(QByteArray::number(*value));
        }
    };
    const auto string = [&](PropertyId id, const std::optional<QString> &value) {
        if (value) {
            key(id);
            appendString(out, value->toUtf8());
        }
    };
    if (mosquitto && !p.userProperties.isEmpty()) {
        // mosquitto_sub names this key in the plural.
        out.append("\"user-properties\":{");
        for (qsizetype i = 0; i < p.userProperties.size(); ++i) {
            if (i)
                out.append(',');
            appendString(out, p.userProperties.at(i).first.toUtf8());
            out.append(':');
            appendString(out, p.userProperties.at(i).second.toUtf8());
        }
        out.append('}');
        first = false;
    }
    number(PropertyId::PayloadFormatIndicator, p.payloadFormatIndicator);
    number(PropertyId::MessageExpiryInterval, p.messageExpiryInterval);
    string(PropertyId::ContentType, p.contentType);
    string(PropertyId::ResponseTopic, p.responseTopic);
    if (p.correlationData) {
        if (!first)
            out.append(',');
        first = false;
        const QByteArray name =
            PropertyArgument::identifierName(PropertyId::CorrelationData).toLatin1();
        if (mosquitto) {
            out.append('"').append(name).append("\":", 2);
            appendString(out, *p.correlationData);
        } else {
            appendTextOrBase64(out, name, *p.correlationData, "-base64");
        }
    }
    if (!p.subscriptionIdentifiers.isEmpty()) {
        key(PropertyId::SubscriptionIdentifier);
        if (mosquitto) {
            out.append(QByteArray::number(p.subscriptionIdentifiers.constFirst()));
        } else {
            out.append('[');
            for (qsizetype i = 0; i < p.subscriptionIdentifiers.size(); ++i) {
                if (i)
                    out.append(',');
                out.append(QByteArray::number(p.subscriptionIdentifiers.at(i)));
            }
            out.append(']');
        }
    }
    number(PropertyId::TopicAlias, p.topicAlias);
    if (!mosquitto && !p.userProperties.isEmpty()) {
        key(PropertyId::UserProperty);
        out.append('[');
        for (qsizetype i = 0; i < p.userProperties.size(); ++i) {
            if (i)
                out.append(',');
            out.append('[');
            appendString(out, p.userProperties.at(i).first.toUtf8());
            out.append(',');
            appendString(out, p.userProperties.at(i).second.toUtf8());
            out.append(']');
        }
        out.append(']');
    }
    out.append('}');
}

} // namespace mqttscope::cli::JsonText

// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsontext.h"

#include <array>

namespace mqttscope::JsonText {

namespace {

// The characters JSON escapes with a letter after the backslash; 0 for the others.
char escapeLetter(unsigned char c)
{
    static constexpr std::pair<char, char> letters[] = {
        {'"', '"'}, {'\\', '\\'}, {'\b', 'b'}, {'\f', 'f'}, {'\n', 'n'}, {'\r', 'r'}, {'\t', 't'},
    };
    for (const auto &[character, letter] : letters) {
        if (c == static_cast<unsigned char>(character))
            return letter;
    }
    return 0;
}

struct PropertyKey
{
    PropertyId id;
    QByteArrayView key;
};

constexpr auto propertyKeys = std::to_array<PropertyKey>({
    {PropertyId::PayloadFormatIndicator, "payload-format-indicator"},
    {PropertyId::MessageExpiryInterval, "message-expiry-interval"},
    {PropertyId::ContentType, "content-type"},
    {PropertyId::ResponseTopic, "response-topic"},
    {PropertyId::CorrelationData, "correlation-data"},
    {PropertyId::SubscriptionIdentifier, "subscription-identifier"},
    {PropertyId::TopicAlias, "topic-alias"},
    {PropertyId::UserProperty, "user-property"},
});

// Starts the next member of an object: a comma unless it is the first.
void startMember(QByteArray &out, bool &first)
{
    if (!first)
        out.append(',');
    first = false;
}

void appendKey(QByteArray &out, bool &first, QByteArrayView key)
{
    startMember(out, first);
    out.append('"').append(key).append("\":", 2);
}

void appendNumberArray(QByteArray &out, const QList<quint32> &numbers)
{
    out.append('[');
    for (qsizetype i = 0; i < numbers.size(); ++i) {
        if (i)
            out.append(',');
        out.append(QByteArray::number(numbers.at(i)));
    }
    out.append(']');
}

// User properties as mosquitto_sub's object {"name":"value",...} (a later duplicate name wins
// when read), or losslessly as [["name","value"],...], every pair in order.
void appendUserProperties(QByteArray &out, const QList<UserProperty> &userProperties,
                          PropertyStyle style)
{
    const bool object = style == PropertyStyle::Mosquitto;
    out.append(object ? '{' : '[');
    for (qsizetype i = 0; i < userProperties.size(); ++i) {
        if (i)
            out.append(',');
        if (!object)
            out.append('[');
        appendString(out, userProperties.at(i).first.toUtf8());
        out.append(object ? ':' : ',');
        appendString(out, userProperties.at(i).second.toUtf8());
        if (!object)
            out.append(']');
    }
    out.append(object ? '}' : ']');
}

} // namespace

QByteArrayView propertyKey(PropertyId id)
{
    for (const PropertyKey &entry : propertyKeys) {
        if (entry.id == id)
            return entry.key;
    }
    return {};
}

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
        if (const char letter = escapeLetter(c)) {
            out.append(letter);
        } else {
            out.append("u00", 3);
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xF]);
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

void appendProperties(QByteArray &out, const Properties &properties, PropertyStyle style)
{
    if (style == PropertyStyle::Mosquitto && properties.isEmpty())
        return;
    out.append("\"properties\":");
    appendPropertiesObject(out, properties, style);
}

void appendPropertiesObject(QByteArray &out, const Properties &p, PropertyStyle style)
{
    const bool mosquitto = style == PropertyStyle::Mosquitto;
    out.append('{');
    bool first = true;
    const auto number = [&](PropertyId id, const auto &value) {
        if (value) {
            appendKey(out, first, propertyKey(id));
            out.append(QByteArray::number(*value));
        }
    };
    const auto string = [&](PropertyId id, const std::optional<QString> &value) {
        if (value) {
            appendKey(out, first, propertyKey(id));
            appendString(out, value->toUtf8());
        }
    };
    if (mosquitto && !p.userProperties.isEmpty()) {
        appendKey(out, first, "user-properties"); // mosquitto_sub names it in the plural
        appendUserProperties(out, p.userProperties, style);
    }
    number(PropertyId::PayloadFormatIndicator, p.payloadFormatIndicator);
    number(PropertyId::MessageExpiryInterval, p.messageExpiryInterval);
    string(PropertyId::ContentType, p.contentType);
    string(PropertyId::ResponseTopic, p.responseTopic);
    if (p.correlationData) {
        const QByteArrayView key = propertyKey(PropertyId::CorrelationData);
        if (mosquitto) {
            appendKey(out, first, key);
            appendString(out, *p.correlationData);
        } else {
            startMember(out, first);
            appendTextOrBase64(out, key, *p.correlationData, "-base64");
        }
    }
    if (!p.subscriptionIdentifiers.isEmpty()) {
        appendKey(out, first, propertyKey(PropertyId::SubscriptionIdentifier));
        if (mosquitto)
            out.append(QByteArray::number(p.subscriptionIdentifiers.constFirst()));
        else
            appendNumberArray(out, p.subscriptionIdentifiers);
    }
    number(PropertyId::TopicAlias, p.topicAlias);
    if (!mosquitto && !p.userProperties.isEmpty()) {
        appendKey(out, first, propertyKey(PropertyId::UserProperty));
        appendUserProperties(out, p.userProperties, style);
    }
    out.append('}');
}

} // namespace mqttscope::JsonText

// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagejson.h"

#include "jsontext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>
#include <ctime>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::MessageJson {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("MessageJson", text);
}

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

QString keyText(QByteArrayView key)
{
    return QString::fromLatin1(key);
}

// An unsigned integer of at most `maximum`, written as a JSON number.
std::optional<quint32> readUnsigned(const QJsonValue &value, quint32 maximum)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < 0 || number > maximum || std::floor(number) != number)
        return std::nullopt;
    return quint32(number);
}

bool readNumber(const QJsonValue &value, QByteArrayView key, quint32 maximum, quint32 &number,
                QString *error)
{
    const std::optional<quint32> read = readUnsigned(value, maximum);
    if (!read) {
        return fail(
            error, translate("\"%1\" is not a number from 0 to %2").arg(keyText(key)).arg(maximum));
    }
    number = *read;
    return true;
}

bool readString(const QJsonValue &value, QByteArrayView key, QString &text, QString *error)
{
    if (!value.isString())
        return fail(error, translate("\"%1\" is not a string").arg(keyText(key)));
    text = value.toString();
    return true;
}

bool readBase64(const QJsonValue &value, QByteArrayView key, QByteArray &bytes, QString *error)
{
    QString text;
    if (!readString(value, key, text, error))
        return false;
    auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(error, translate("\"%1\" is not base64").arg(keyText(key)));
    bytes = std::move(*decoded);
    return true;
}

bool readSubscriptionIdentifiers(const QJsonValue &value, Properties &p, QString *error)
{
    const QByteArrayView key = JsonText::propertyKey(PropertyId::SubscriptionIdentifier);
    const QJsonArray array = value.toArray();
    if (!value.isArray() || array.isEmpty())
        return fail(error, translate("\"%1\" is not an array of numbers").arg(keyText(key)));
    for (const QJsonValue &element : array) {
        quint32 identifier = 0;
        if (!readNumber(element, key, 268435455, identifier, error))
            return false;
        p.subscriptionIdentifiers.append(identifier);
    }
    return true;
}

bool readUserProperties(const QJsonValue &value, Properties &p, QString *error)
{
    const QString why = translate("\"%1\" is not an array of [name, value] pairs")
                            .arg(keyText(JsonText::propertyKey(PropertyId::UserProperty)));
    if (!value.isArray())
        return fail(error, why);
    for (const QJsonValue &element : value.toArray()) {
        const QJsonArray pair = element.toArray();
        if (pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString())
            return fail(error, why);
        p.userProperties.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return true;
}

// Reads one member of the properties object into `p`.
bool readProperty(const QString &name, const QJsonValue &value, Properties &p, QString *error)
{
    const QByteArray key = name.toLatin1();
    const auto is = [&](PropertyId id) { return key == JsonText::propertyKey(id); };
    quint32 number = 0;
    QString text;
    QByteArray bytes;
    if (is(PropertyId::PayloadFormatIndicator)) {
        if (!readNumber(value, key, 0xFF, number, error))
            return false;
        p.payloadFormatIndicator = quint8(number);
    } else if (is(PropertyId::MessageExpiryInterval)) {
        if (!readNumber(value, key, 0xFFFFFFFFu, number, error))
            return false;
        p.messageExpiryInterval = number;
    } else if (is(PropertyId::TopicAlias)) {
        if (!readNumber(value, key, 0xFFFF, number, error))
            return false;
        p.topicAlias = quint16(number);
    } else if (is(PropertyId::ContentType) || is(PropertyId::ResponseTopic)) {
        if (!readString(value, key, text, error))
            return false;
        (is(PropertyId::ContentType) ? p.contentType : p.responseTopic) = text;
    } else if (is(PropertyId::CorrelationData)) {
        if (!readString(value, key, text, error))
            return false;
        p.correlationData = text.toUtf8();
    } else if (key
               == JsonText::propertyKey(PropertyId::CorrelationData).toByteArray() + "-base64") {
        if (!readBase64(value, key, bytes, error))
            return false;
        p.correlationData = bytes;
    } else if (is(PropertyId::SubscriptionIdentifier)) {
        return readSubscriptionIdentifiers(value, p, error);
    } else if (is(PropertyId::UserProperty)) {
        return readUserProperties(value, p, error);
    } else {
        return fail(error, translate("unknown property \"%1\"").arg(name));
    }
    return true;
}

bool readProperties(const QJsonObject &object, Properties &p, QString *error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!readProperty(it.key(), it.value(), p, error))
            return false;
    }
    return true;
}

std::optional<QJsonObject> parseObject(QByteArrayView json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(error,
             translate("not JSON: %1 at offset %2")
                 .arg(parseError.errorString())
                 .arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail(error, translate("not a JSON object"));
        return std::nullopt;
    }
    return document.object();
}

bool readTime(const QJsonObject &object, Message &message, QString *error)
{
    const QJsonValue value = object.value("time"_L1);
    if (value.isUndefined())
        return true;
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!value.isString() || !time.isValid())
        return fail(error, translate("\"time\" is not an ISO 8601 time"));
    message.receivedMsecsSinceEpoch = time.toMSecsSinceEpoch();
    return true;
}

bool readFlags(const QJsonObject &object, Message &message, QString *error)
{
    quint32 qos = 0;
    const QJsonValue qosValue = object.value("qos"_L1);
    if (!qosValue.isUndefined() && !readNumber(qosValue, "qos", 2, qos, error))
        return false;
    message.qos = quint8(qos);
    for (const auto &[key, flag] :
         {std::pair{"retain"_L1, &message.retain}, std::pair{"dup"_L1, &message.dup}}) {
        const QJsonValue value = object.value(key);
        if (!value.isUndefined() && !value.isBool())
            return fail(error, translate("\"%1\" is not true or false").arg(key));
        *flag = value.toBool();
    }
    return true;
}

bool readPayload(const QJsonObject &object, Message &message, QString *error)
{
    const QJsonValue text = object.value("payload"_L1);
    const QJsonValue base64 = object.value("payload_base64"_L1);
    if (!text.isUndefined()) {
        QString payload;
        if (!readString(text, "payload", payload, error))
            return false;
        message.payload = payload.toUtf8();
    } else if (!base64.isUndefined()) {
        return readBase64(base64, "payload_base64", message.payload, error);
    }
    return true;
}

} // namespace

void appendUtcTime(qint64 msecsSinceEpoch, QByteArray &out)
{
    // Every message of one read carries the same receive time, and formatting it took more
    // than the rest of the line: the last text is kept (per thread, as callers may be several).
    thread_local qint64 lastMsecs = -1;
    thread_local char text[40];
    thread_local int length = 0;
    if (msecsSinceEpoch != lastMsecs) {
        const std::time_t seconds = std::time_t(msecsSinceEpoch / 1000);
        std::tm utc{};
        gmtime_r(&seconds, &utc);
        length = std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                               utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                               utc.tm_min, utc.tm_sec, int(msecsSinceEpoch % 1000));
        lastMsecs = msecsSinceEpoch;
    }
    out.append(text, length);
}

void appendLine(const Message &message, qint64 receivedMsecsSinceEpoch, QByteArray &out)
{
    out.append("{\"time\":\"");
    appendUtcTime(receivedMsecsSinceEpoch, out);
    out.append("\",\"topic\":");
    JsonText::appendString(out, message.topic);
    out.append(",\"qos\":").append(char('0' + message.qos));
    out.append(message.retain ? ",\"retain\":true" : ",\"retain\":false");
    out.append(message.dup ? ",\"dup\":true," : ",\"dup\":false,");
    JsonText::appendProperties(out, message.properties, JsonText::PropertyStyle::Lossless);
    out.append(',');
    JsonText::appendTextOrBase64(out, "payload", message.payload, "_base64");
    out.append('}');
}

std::optional<Message> fromLine(QByteArrayView line, QString *error)
{
    const std::optional<QJsonObject> object = parseObject(line, error);
    if (!object)
        return std::nullopt;
    Message message;
    const QJsonValue topic = object->value("topic"_L1);
    if (!topic.isString() || topic.toString().isEmpty()) {
        fail(error, translate("no \"topic\""));
        return std::nullopt;
    }
    message.topic = topic.toString().toUtf8();
    const QJsonValue properties = object->value("properties"_L1);
    if (!properties.isUndefined() && !properties.isObject()) {
        fail(error, translate("\"properties\" is not an object"));
        return std::nullopt;
    }
    Properties read;
    if (!readTime(*object, message, error) || !readFlags(*object, message, error)
        || !readPayload(*object, message, error)
        || !readProperties(properties.toObject(), read, error))
        return std::nullopt;
    message.properties = std::move(read);
    return message;
}

QByteArray propertiesToJson(const Properties &properties)
{
    QByteArray json;
    if (!properties.isEmpty())
        JsonText::appendPropertiesObject(json, properties, JsonText::PropertyStyle::Lossless);
    return json;
}

std::optional<Properties> propertiesFromJson(QByteArrayView json, QString *error)
{
    const std::optional<QJsonObject> object = parseObject(json, error);
    Properties properties;
    if (!object || !readProperties(*object, properties, error))
        return std::nullopt;
    return properties;
}

} // namespace mqttscope::MessageJson

// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/savedmessage.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

void putOptional(QJsonObject &json, QLatin1StringView key, const std::optional<QString> &value)
{
    if (value)
        json.insert(key, *value);
}

std::optional<QString> optionalString(const QJsonObject &json, QLatin1StringView key)
{
    const QJsonValue value = json.value(key);
    return value.isString() ? std::optional<QString>(value.toString()) : std::nullopt;
}

} // namespace

Properties SavedMessage::publishProperties() const
{
    Properties p;
    p.contentType = contentType;
    if (payloadIsUtf8)
        p.payloadFormatIndicator = 1;
    p.messageExpiryInterval = messageExpiryInterval;
    p.responseTopic = responseTopic;
    p.correlationData = correlationData;
    p.userProperties = userProperties;
    return p;
}

QJsonObject SavedMessage::toJson() const
{
    QJsonArray users;
    for (const UserProperty &p : userProperties)
        users.append(QJsonArray{p.first, p.second});
    QJsonObject json{{"id"_L1, id.toString(QUuid::WithoutBraces)},
                     {"name"_L1, name},
                     {"folder"_L1, folder},
                     {"topic"_L1, topic},
                     {"payloadBase64"_L1, QString::fromLatin1(payload.toBase64())},
                     {"payloadFormat"_L1, payloadFormat},
                     {"qos"_L1, qos},
                     {"retain"_L1, retain},
                     {"payloadIsUtf8"_L1, payloadIsUtf8},
                     {"userProperties"_L1, users},
                     {"counter"_L1, QString::number(counter)},
                     {"shortcut"_L1, shortcut}};
    if (!encodeAs.isEmpty())
        json.insert("encodeAs"_L1, encodeAs);
    if (!profileId.isNull())
        json.insert("profileId"_L1, profileId.toString(QUuid::WithoutBraces));
    putOptional(json, "contentType"_L1, contentType);
    putOptional(json, "responseTopic"_L1, responseTopic);
    if (messageExpiryInterval)
        json.insert("messageExpiryInterval"_L1, qint64(*messageExpiryInterval));
    if (correlationData)
        json.insert("correlationDataBase64"_L1, QString::fromLatin1(correlationData->toBase64()));
    return json;
}

SavedMessage SavedMessage::fromJson(const QJsonObject &json)
{
    SavedMessage m;
    const QUuid id = QUuid::fromString(json.value("id"_L1).toString());
    if (!id.isNull())
        m.id = id;
    m.name = json.value("name"_L1).toString();
    m.folder = json.value("folder"_L1).toString();
    m.profileId = QUuid::fromString(json.value("profileId"_L1).toString());
    m.topic = json.value("topic"_L1).toString();
    m.payload = QByteArray::fromBase64(json.value("payloadBase64"_L1).toString().toLatin1());
    m.payloadFormat = json.value("payloadFormat"_L1).toString(m.payloadFormat);
    m.encodeAs = json.value("encodeAs"_L1).toString();
    m.qos = quint8(std::clamp(json.value("qos"_L1).toInt(), 0, 2));
    m.retain = json.value("retain"_L1).toBool();
    m.payloadIsUtf8 = json.value("payloadIsUtf8"_L1).toBool();
    m.contentType = optionalString(json, "contentType"_L1);
    m.responseTopic = optionalString(json, "responseTopic"_L1);
    if (json.value("messageExpiryInterval"_L1).isDouble())
        m.messageExpiryInterval = quint32(json.value("messageExpiryInterval"_L1).toInteger());
    if (const auto data = optionalString(json, "correlationDataBase64"_L1))
        m.correlationData = QByteArray::fromBase64(data->toLatin1());
    for (const QJsonValue &v : json.value("userProperties"_L1).toArray()) {
        const QJsonArray pair = v.toArray();
        if (pair.size() == 2)
            m.userProperties.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    m.counter = json.value("counter"_L1).toString().toULongLong();
    m.shortcut = json.value("shortcut"_L1).toString();
    return m;
}

} // namespace mqttscope

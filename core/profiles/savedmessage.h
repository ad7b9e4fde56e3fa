// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/properties.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace mqttscope {

// A named publish template of the saved-message library: what the publish panel's form holds,
// kept in a folder, for one profile or (null profileId) for all of them. Topic and payload may
// hold placeholders (see Placeholders) that are expanded when the message is sent.
struct SavedMessage
{
    QUuid id = QUuid::createUuid();
    QString name;
    QString folder; // "" is the top level; "a/b" nests
    QUuid profileId; // null: shared by every profile
    QString topic;
    QByteArray payload; // the bytes as typed (text) or decoded from hex/base64
    QString payloadFormat = QStringLiteral("text"); // the publish panel's format key
    // "" sends the payload's bytes; "msgpack" or "protobuf:TYPE" (as `pub --encode` takes it)
    // encodes the payload, JSON, once its placeholders are filled in.
    QString encodeAs;
    quint8 qos = 0;
    bool retain = false;
    // 5.0 publish properties; absent ones are not sent.
    std::optional<QString> contentType;
    bool payloadIsUtf8 = false;
    std::optional<quint32> messageExpiryInterval;
    std::optional<QString> responseTopic;
    std::optional<QByteArray> correlationData;
    QList<UserProperty> userProperties;
    quint64 counter = 0; // the last {{counter}} sent; persists with the library
    QString shortcut; // a QKeySequence in portable text form, "" for none

    bool isSharedWith(const QUuid &profile) const
    {
        return profileId.isNull() || profileId == profile;
    }
    Properties publishProperties() const;

    QJsonObject toJson() const;
    // Missing or invalid fields keep their defaults so that a hand-edited file loads.
    static SavedMessage fromJson(const QJsonObject &json);

    friend bool operator==(const SavedMessage &, const SavedMessage &) = default;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/protobufschemas.h"

#include <QComboBox>

#include <memory>
#include <optional>

namespace mqttscope {

// The publish panel's "Encode as": the payload as typed (the default), or the JSON typed sent
// as MessagePack or as one of the connection's Protobuf message types, encoded at send time.
class PublishEncodingBox : public QComboBox
{
    Q_OBJECT
public:
    explicit PublishEncodingBox(QWidget *parent = nullptr);

    // The connection's compiled .proto files (null: none); their message types are offered. A
    // type chosen before stays chosen when it is gone, and then fails to encode with the reason.
    void setSchemas(std::shared_ptr<const ProtobufSchemas> schemas);

    // "" (as typed), "msgpack" or "protobuf:fleet.v1.Position", as the history keeps it.
    QString choiceKey() const;
    void setChoiceKey(const QString &key);

    // The bytes to send: `typed` itself, or its JSON encoded; nullopt with *error and, when the
    // JSON does not parse, *errorOffset (its character) set.
    std::optional<QByteArray> encode(const QByteArray &typed, QString *error,
                                     qsizetype *errorOffset) const;

private:
    void fill(const QString &keep);
    void addProtobufItem(const QString &type, bool known);

    std::shared_ptr<const ProtobufSchemas> m_schemas;
};

} // namespace mqttscope

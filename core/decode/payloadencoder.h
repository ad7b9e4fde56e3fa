// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/payloadencoding.h"
#include "decode/protobufschemas.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

namespace mqttscope {

// JSON the user typed, written in a binary format before it is published (`pub --encode`, the
// publish panel's "Encode as"). Immutable; the schemas are the ones the connection decodes with.
class PayloadEncoder
{
public:
    // What JSON can be encoded as: Protobuf (with a message type) and MessagePack.
    static bool encodes(PayloadEncoding encoding);

    PayloadEncoder(PayloadEncoding encoding, QString messageType,
                   std::shared_ptr<const ProtobufSchemas> schemas);
    // From a format argument as `pub --encode` takes it ("msgpack", "protobuf:TYPE"); nullopt
    // with *error when the argument names no format.
    static std::optional<PayloadEncoder>
    fromArgument(const QString &argument, std::shared_ptr<const ProtobufSchemas> schemas,
                 QString *error);

    PayloadEncoding encoding() const { return m_encoding; }
    const QString &messageType() const { return m_messageType; }
    // Why nothing can be encoded at all (no such message type, an encoding JSON is not written
    // as); empty when encode() may succeed.
    QString problem() const;

    // The JSON's bytes; nullopt with *error ("not JSON at character 12: ..." or what the schema
    // refused) and, when known, *errorOffset: the character of the JSON where it went wrong.
    std::optional<QByteArray> encode(QByteArrayView json, QString *error,
                                     qsizetype *errorOffset = nullptr) const;

private:
    PayloadEncoding m_encoding;
    QString m_messageType;
    std::shared_ptr<const ProtobufSchemas> m_schemas;
};

} // namespace mqttscope

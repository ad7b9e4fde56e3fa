// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/decodedpayload.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace mqttscope {

// The user's .proto files, compiled at run time (protobuf's compiler::Importer) so that no code
// generation step is needed; messages are read and written with DynamicMessage.
class ProtobufSchemas
{
public:
    struct Problem // a compiler message: file, 1-based line and column, text
    {
        QString file;
        int line = 0;
        int column = 0;
        QString message;
        QString text() const; // "fleet.proto:12:5: \"Positon\" is not defined."
    };

    // Compiles every file (imports looked up in importPaths, then beside each file). Files that
    // fail are reported in *problems and left out; the rest are usable.
    static std::shared_ptr<const ProtobufSchemas>
    load(const QStringList &protoFiles, const QStringList &importPaths, QList<Problem> *problems);
    ~ProtobufSchemas();

    QStringList messageTypes() const; // fully qualified, sorted
    bool hasMessageType(const QString &type) const;

    // The payload as JSON: proto field names, enums by name, 64-bit integers as numbers,
    // bytes as base64, unknown fields kept under "$unknown" by field number. A payload that does
    // not parse fails with where it stopped.
    DecodedPayload decode(const QString &messageType, QByteArrayView payload) const;
    // JSON typed by the user encoded as the message type; nullopt with *error set.
    std::optional<QByteArray> encode(const QString &messageType, QByteArrayView json,
                                     QString *error) const;

private:
    struct Private;
    explicit ProtobufSchemas(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace mqttscope

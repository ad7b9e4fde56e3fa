// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/packettraceentry.h"

#include <QList>
#include <QString>

namespace mqttscope {

// One line of a packet's details: "Keep alive" = "60 s".
struct PacketField
{
    QString name;
    QString value;
    friend bool operator==(const PacketField &, const PacketField &) = default;
};

// A traced packet decoded with the codec, field by field for a human: the header, every field
// of its type, every property, a payload preview. For a CONNACK, `connect` (the CONNECT it
// answers, when known) puts what was asked beside what the server granted. A packet that does
// not decode gives the codec's error as a field.
QList<PacketField> packetDetails(const PacketTraceEntry &entry,
                                 const PacketTraceEntry *connect = nullptr);

// Every property present, by the spec's names.
QList<PacketField> propertyFields(const Properties &properties);

// The payload for reading: text when it is printable UTF-8, hex otherwise.
QString payloadPreviewText(QByteArrayView payload);

} // namespace mqttscope

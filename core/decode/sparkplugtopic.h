// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace mqttscope::Sparkplug {

// The message types of a Sparkplug B topic (Eclipse Sparkplug 3.0, section 4.1).
enum class MessageType { NBirth, NData, NDeath, NCmd, DBirth, DData, DDeath, DCmd, State };

// spBv1.0/<group>/<type>/<edge node>[/<device>], or spBv1.0/STATE/<host id>.
struct TopicName
{
    MessageType type = MessageType::NData;
    QString group;
    QString edgeNode;
    QString device; // empty for node messages
    QString hostId; // STATE only

    static std::optional<TopicName> parse(QByteArrayView topic);
    bool isDeviceMessage() const;
    friend bool operator==(const TopicName &, const TopicName &) = default;
};

QString typeName(MessageType type); // "NBIRTH", "DDATA", "STATE", ...

} // namespace mqttscope::Sparkplug

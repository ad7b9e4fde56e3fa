// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/sparkplugtopic.h"

#include <QList>

#include <array>

namespace mqttscope::Sparkplug {

namespace {

struct TypeToken
{
    const char *token;
    MessageType type;
};
constexpr std::array<TypeToken, 9> typeTokens{{
    {"NBIRTH", MessageType::NBirth},
    {"NDATA", MessageType::NData},
    {"NDEATH", MessageType::NDeath},
    {"NCMD", MessageType::NCmd},
    {"DBIRTH", MessageType::DBirth},
    {"DDATA", MessageType::DData},
    {"DDEATH", MessageType::DDeath},
    {"DCMD", MessageType::DCmd},
    {"STATE", MessageType::State},
}};

std::optional<MessageType> typeFromToken(QByteArrayView token)
{
    for (const TypeToken &t : typeTokens) {
        if (token == QByteArrayView(t.token))
            return t.type;
    }
    return std::nullopt;
}

bool isDeviceType(MessageType type)
{
    return type == MessageType::DBirth || type == MessageType::DData || type == MessageType::DDeath
        || type == MessageType::DCmd;
}

} // namespace

std::optional<TopicName> TopicName::parse(QByteArrayView topic)
{
    if (!topic.startsWith("spBv1.0/"))
        return std::nullopt;
    const QList<QByteArray> levels = topic.toByteArray().split('/');
    for (const QByteArray &level : levels) {
        if (level.isEmpty()) // [tck-id-topic-structure-namespace-valid-group-id] and friends
            return std::nullopt;
    }
    TopicName name;
    // Sparkplug 3.0 host state: spBv1.0/STATE/<host id> [tck-id-host-topic-phid-birth-topic]
    if (levels.size() == 3 && levels[1] == "STATE") {
        name.type = MessageType::State;
        name.hostId = QString::fromUtf8(levels[2]);
        return name;
    }
    if (levels.size() != 4 && levels.size() != 5)
        return std::nullopt;
    const std::optional<MessageType> type = typeFromToken(levels[2]);
    if (!type || *type == MessageType::State || isDeviceType(*type) != (levels.size() == 5))
        return std::nullopt;
    name.type = *type;
    name.group = QString::fromUtf8(levels[1]);
    name.edgeNode = QString::fromUtf8(levels[3]);
    if (levels.size() == 5)
        name.device = QString::fromUtf8(levels[4]);
    return name;
}

bool TopicName::isDeviceMessage() const
{
    return isDeviceType(type);
}

QString typeName(MessageType type)
{
    for (const TypeToken &t : typeTokens) {
        if (t.type == type)
            return QString::fromLatin1(t.token);
    }
    return {};
}

} // namespace mqttscope::Sparkplug

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace mqttscope {

// The protocol level byte of CONNECT [MQTT-3.1.2-2].
enum class ProtocolVersion : quint8 {
    V31 = 3, // MQIsdp, only for brokers that still need it
    V311 = 4,
    V5 = 5,
};

// "5.0", "3.1.1" or "3.1", as users and brokers' documentation name them.
constexpr const char *protocolVersionName(ProtocolVersion version)
{
    switch (version) {
    case ProtocolVersion::V5:
        return "5.0";
    case ProtocolVersion::V311:
        return "3.1.1";
    case ProtocolVersion::V31:
        break;
    }
    return "3.1";
}

} // namespace mqttscope

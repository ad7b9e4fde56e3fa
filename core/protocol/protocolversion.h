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

} // namespace mqttscope

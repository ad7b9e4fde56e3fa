// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace mqttscope {

enum class ClientState {
    Disconnected,
    Connecting, // transport opening or CONNECT sent, waiting for CONNACK
    Connected,
    Reconnecting, // lost, waiting for the next attempt (see MqttClient::reconnectScheduled)
};

} // namespace mqttscope

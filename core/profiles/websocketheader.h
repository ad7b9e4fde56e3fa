// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace mqttscope {

// An extra header of a profile's WebSocket upgrade request (`Authorization`, an API key). A
// secret one keeps its value in the keychain (ProfileSecrets::webSocketHeaders, by name), never
// in the profile file: `value` stays empty.
struct WebSocketHeader
{
    QString name;
    QString value;
    bool secret = false;
    friend bool operator==(const WebSocketHeader &, const WebSocketHeader &) = default;
};

} // namespace mqttscope

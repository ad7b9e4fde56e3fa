// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientstate.h"
#include "client/connectionfailure.h"
#include "protocol/packets.h"

#include <QString>

#include <optional>

namespace mqttscope {

// How one connection stands, as the tab's title, dot and status line show it.
struct ConnectionStatus
{
    ClientState state = ClientState::Disconnected;
    QString detail; // why it is disconnected, refused or reconnecting
    bool refused = false; // the last attempt ended in a refusing CONNACK
    qint64 reconnectAtMsecs = 0; // since the epoch, while reconnecting
    int pingMs = -1; // the last keepalive round trip; -1 when none
    ProtocolVersion version = ProtocolVersion::V5; // of the last accepted CONNACK
    ConnackPacket connack; // the last accepted one
    bool catchingUp = false; // the client stopped reading until the tree caught up
    // The last failed attempt since the last connection, and how many failed in a row.
    std::optional<ConnectionFailure> failure;
    int failedAttempts = 0;

    // Stopped on a failure that only the user can fix (the tab shows it in full).
    bool needsUser() const
    {
        return state == ClientState::Disconnected && failure && !failure->retryCanHelp();
    }
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocolversion.h"
#include "transport/endpoint.h"

#include <optional>

namespace mqttscope {

// The protocol version a broker accepted, per transport, host and port, for the life of the
// process: once a broker has shown it speaks only 3.1.1, neither a reconnect nor a new
// connection to it tries 5.0 first again. Shared by every client, on any thread.
class VersionMemory
{
public:
    static std::optional<ProtocolVersion> recall(const Endpoint &endpoint);
    static void remember(const Endpoint &endpoint, ProtocolVersion version);
    static void forget(const Endpoint &endpoint);
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/connectpacket.h"

namespace mqttscope {

ConnectPacket connectPacketFor(const ClientOptions &options, ProtocolVersion version,
                               const QString &clientId, bool resumeSession)
{
    const bool v5 = version == ProtocolVersion::V5;
    ConnectPacket connect;
    connect.version = version;
    connect.clientId = clientId;
    // 5.0 reconnects keep the session the first CONNECT opened; 3.1.1's clean session flag
    // means "this connection only", so it is sent as configured every time.
    connect.cleanStart = (v5 && resumeSession) ? false : options.cleanStart;
    connect.keepAlive = options.keepAliveSeconds;
    connect.username = options.username;
    connect.password =
        options.passwordAtConnect ? std::optional(options.passwordAtConnect()) : options.password;
    connect.will = options.will;
    if (v5)
        connect.properties = options.connectProperties;
    return connect;
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/endpoint.h"

namespace mqttscope::test {

// mqtt://127.0.0.1:<port>, where the in-process test servers listen.
inline Endpoint loopbackEndpoint(quint16 port)
{
    Endpoint endpoint;
    endpoint.kind = TransportKind::Tcp;
    endpoint.host = QStringLiteral("127.0.0.1");
    endpoint.port = port;
    return endpoint;
}

} // namespace mqttscope::test

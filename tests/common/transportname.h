// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/endpoint.h"

#include <QString>

namespace mqttscope::test {

// "tcp", "tls", "ws", "wss": a transport in a row name, a topic or a client id.
inline QString transportName(TransportKind transport)
{
    static const char *const names[] = {"tcp", "tls", "ws", "wss"}; // in TransportKind's order
    return QString::fromLatin1(names[int(transport)]);
}

} // namespace mqttscope::test

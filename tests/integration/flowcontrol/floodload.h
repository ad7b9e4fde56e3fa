// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadsource.h"

#include <QtGlobal>

namespace mqttscope::test {

// The flood of the flow-control tests: `messages` QoS 0 PUBLISHes over 1000 topics with short
// payloads, written by the benchmarks' load server as fast as the socket takes them.
constexpr int floodPayloadBytes = 16;

// One read of the client is at most 256 KiB, and no PUBLISH of the flood is shorter than its
// fixed header (2), topic length (2), shortest topic "bench/dev0/sensor0" (18) and payload: so one
// batch the client decodes holds at most this many messages.
constexpr qint64 largestFloodBatch = 256 * 1024 / (2 + 2 + 18 + floodPayloadBytes) + 1;

inline bool startFlood(bench::LoadSource &server, quint64 messages, QString *error)
{
    return server.start(QStringLiteral(MQTTSCOPE_LOADSERVER),
                        {QStringLiteral("--messages"), QString::number(messages),
                         QStringLiteral("--topics"), QStringLiteral("1000"),
                         QStringLiteral("--payload"), QString::number(floodPayloadBytes)},
                        error);
}

} // namespace mqttscope::test

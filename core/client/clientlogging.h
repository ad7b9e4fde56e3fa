// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// mqttscope.client: connection life cycle, refusals, protocol violations by the server.
// mqttscope.client.verbose: one line per packet sent or received (off unless asked for, it is
// checked before any formatting so the hot path pays one branch).
Q_DECLARE_LOGGING_CATEGORY(lcClient)
Q_DECLARE_LOGGING_CATEGORY(lcClientVerbose)

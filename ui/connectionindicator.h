// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>

class QPalette;

namespace mqttscope {

// How a connection stands at a glance, for the dot in its tab and status line.
enum class ConnectionIndicator { Connecting, Connected, Reconnecting, Refused, Disconnected };

// The indicator's color, chosen to read on the palette's window color (brighter on dark themes).
QColor indicatorColor(ConnectionIndicator indicator, const QPalette &palette);

// A dot in that color: filled when the state is settled (connected, refused), a ring while it
// is on its way (connecting, reconnecting) or idle (disconnected), so the shape tells the
// states apart without color too. Refused carries a bar, like a no-entry sign.
QIcon indicatorIcon(ConnectionIndicator indicator, const QPalette &palette);

} // namespace mqttscope

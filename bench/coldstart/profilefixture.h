// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace mqttscope::bench {

// A user's configuration folder with `count` saved connections, written by the app's own code
// (ProfileStore for profiles.json, RecentConnections for the last-connected times and the last
// session in the settings): folders, tags, TLS and WebSocket ones, passwords, proxy passwords and
// secret headers kept in the keychain (only the profile's reference to them is on disk), a third
// connected recently, two open at the last exit.
struct ProfileFixture
{
    // Writes into `configHome` (what XDG_CONFIG_HOME names for the app). The settings go where
    // this process's QSettings puts them, so XDG_CONFIG_HOME must name the same folder and the
    // application and organization names must be the app's before the first QSettings.
    static bool write(const QString &configHome, int count, QString *error);
};

} // namespace mqttscope::bench

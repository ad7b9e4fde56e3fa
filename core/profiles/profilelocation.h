// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace mqttscope {

// Where the profile file lives: beside the UI settings (QSettings' <organization>/<app>.conf), in
// one folder per organization, ~/.config/mqttscope/profiles.json on Linux.
QString defaultProfilesFilePath();

// Where releases up to 0.1 kept it: <AppConfigLocation>/profiles.json, a folder of its own
// below the settings' (~/.config/mqttscope/mqttscope/profiles.json).
QString legacyProfilesFilePath();

// Moves the profile file from `legacyPath` to `path` so that an upgrade keeps the user's
// profiles, and removes the old folder when that leaves it empty. Nothing happens when there is
// no old file, or when `path` exists already (that one is newer and stays; the old one is left
// alone). False with *error when the move failed; the old file is then untouched.
bool moveLegacyProfilesFile(const QString &legacyPath, const QString &path, QString *error);

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>

// Where the XDG desktop portal keeps the desktop's settings, as its specification names them
// (org.freedesktop.portal.Settings), and the one setting the window reads.
namespace mqttscope::desktopportal {

inline constexpr QLatin1StringView Service("org.freedesktop.portal.Desktop");
inline constexpr QLatin1StringView Path("/org/freedesktop/portal/desktop");
inline constexpr QLatin1StringView SettingsInterface("org.freedesktop.portal.Settings");
inline constexpr QLatin1StringView SettingChangedSignal("SettingChanged");
// ReadOne came with version 2 of the interface; older portals have only Read, whose answer is
// wrapped in one more variant.
inline constexpr QLatin1StringView ReadOneMethod("ReadOne");
inline constexpr QLatin1StringView ReadMethod("Read");

inline constexpr QLatin1StringView AppearanceNamespace("org.freedesktop.appearance");
inline constexpr QLatin1StringView ColorSchemeKey("color-scheme"); // 0 none, 1 dark, 2 light

} // namespace mqttscope::desktopportal

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>

namespace mqttscope {

// The palette the window takes on a dark desktop when the platform gives it none (Qt 6.4
// without a platform theme plugin hands every application a light one): tuned for Fusion,
// which draws everything from the palette.
QPalette darkFusionPalette();

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace mqttscope {

// A small PNG "camera snapshot" of a conveyor belt with a box on it; `frame` moves the box, so
// successive snapshots differ. Drawn with shapes only, so no fonts and no GUI application are
// needed.
QByteArray cameraSnapshotPng(int frame, int width = 96, int height = 64);

} // namespace mqttscope

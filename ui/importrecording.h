// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace mqttscope {

// File ▸ Import into recording…: asks for a file of JSON lines (the format of
// `mqttscope-cli sub --json` and of the exports) or of `mosquitto_sub -v` output and for the
// new recording, imports on a thread of its own behind a busy dialog, then says how many
// messages came in and which lines were skipped, offering to open the recording
// (`open(path)`).
void importIntoRecording(QWidget *parent, const std::function<void(const QString &)> &open);

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "subcommandoptions.h"

#include <QString>

namespace mqttscope::cli::HelpText {

// `mqttscope-cli --help`, `mqttscope-cli sub --help`, `mqttscope-cli pub --help`.
QString overview();
QString usage(Subcommand subcommand);

} // namespace mqttscope::cli::HelpText

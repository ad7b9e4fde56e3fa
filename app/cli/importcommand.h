// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "subcommandoptions.h"

namespace mqttscope::cli {

// `mqttscope-cli import FILE --output RECORDING`: MessageImport from the command line. The
// skipped lines and a summary go to stderr; returns the exit status.
int importMessages(const SubcommandOptions &options);

} // namespace mqttscope::cli

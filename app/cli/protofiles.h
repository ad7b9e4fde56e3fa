// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "subcommandoptions.h"

#include "decode/protobufschemas.h"

#include <memory>
#include <optional>

namespace mqttscope::cli::ProtoFiles {

// The --proto files compiled with the --proto-path imports, before connecting: null when none
// were given; nullopt with *error (the compiler's lines, file:line:column) when one does not
// compile, so that a broken schema stops the run instead of leaving payloads unread.
std::optional<std::shared_ptr<const ProtobufSchemas>> load(const SubcommandOptions &options,
                                                           QString *error);

} // namespace mqttscope::cli::ProtoFiles

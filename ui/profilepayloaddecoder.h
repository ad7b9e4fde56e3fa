// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionprofile.h"

#include <QStringList>

#include <memory>

namespace mqttscope {

class PayloadDecoder;

// The decoder of a profile's format rules and .proto files, for a connection's tab and for a
// recording made with that profile. The files are compiled here, once, so that one that does not
// compile is reported with the compiler's file:line:column (a line each in `problems`) rather than
// per message; its message types then show as hex.
std::shared_ptr<const PayloadDecoder> payloadDecoderFor(const ConnectionProfile &profile,
                                                        QStringList *problems);

} // namespace mqttscope

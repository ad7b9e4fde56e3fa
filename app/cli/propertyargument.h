// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/properties.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mqttscope::cli {

struct SubcommandOptions;

// `-D COMMAND IDENTIFIER VALUE` and `-D COMMAND user-property NAME VALUE`, with mosquitto's
// command and identifier names (identifiers as the MQTT 5.0 spec names them, words joined by
// '-', e.g. message-expiry-interval; commands CONNECT PUBLISH SUBSCRIBE UNSUBSCRIBE DISCONNECT
// WILL, case-insensitive).
namespace PropertyArgument {

// Whether the identifier takes two values (user-property: name and value).
bool takesPair(const QString &identifier);

// Adds the property to the packet's properties in `options`. Returns an empty string on
// success, otherwise the problem in one line (as mosquitto words it where it has words).
QString apply(const QString &command, const QString &identifier, const QStringList &values,
              SubcommandOptions &options);

} // namespace PropertyArgument
} // namespace mqttscope::cli

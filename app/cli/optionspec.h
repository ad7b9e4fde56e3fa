// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "subcommandoptions.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringView>

namespace mqttscope::cli {

class ArgumentParser;

// The subcommands an option belongs to: one, or All (the connection's options).
enum class OptionScope { Sub, Pub, Replay, Import, All }; // All: every command with a connection

// One option of `mqttscope-cli sub|pub|replay`: a row of the table in optiontable.cpp. The parser
// dispatches through the rows, and tests/auto/cliargs checks the help text, the bash completion
// and the man page against them, so that an option is added in one place.
struct OptionSpec
{
    // Applies the option to the parser's state. `value` is the argument after the option when
    // the option takes one (the parser has taken it), else empty. A problem with it is reported
    // through ArgumentParser::fail(), which ends the parsing.
    using Handler = void (*)(ArgumentParser &parser, const QString &value);

    QLatin1StringView shortName; // "-h", or empty
    QLatin1StringView longName; // "--host", or empty
    OptionScope scope;
    // The value as the help text names it ("HOST"); empty for a flag. -D's names three values
    // (its handler takes a fourth one for a user property).
    QLatin1StringView metavar;
    Handler handler;
    // False for the flags accepted (and ignored) only so that mosquitto scripts run unchanged.
    bool documented = true;

    bool takesValue() const { return !metavar.isEmpty(); }
    bool appliesTo(Subcommand subcommand) const;
    bool matches(QStringView argument) const;
    // The name the help's synopsis, the completion and the man page list it by: the short one
    // if it has one.
    QLatin1StringView name() const { return shortName.isEmpty() ? longName : shortName; }
};

} // namespace mqttscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "optionspec.h"

namespace mqttscope::cli {

bool OptionSpec::appliesTo(Subcommand subcommand) const
{
    switch (scope) {
    case OptionScope::Sub:
        return subcommand == Subcommand::Sub;
    case OptionScope::Pub:
        return subcommand == Subcommand::Pub;
    case OptionScope::Replay:
        return subcommand == Subcommand::Replay;
    case OptionScope::Import:
        return subcommand == Subcommand::Import;
    case OptionScope::All:
        break;
    }
    return subcommand == Subcommand::Sub || subcommand == Subcommand::Pub
        || subcommand == Subcommand::Replay;
}

bool OptionSpec::matches(QStringView argument) const
{
    return (!shortName.isEmpty() && argument == shortName)
        || (!longName.isEmpty() && argument == longName);
}

} // namespace mqttscope::cli

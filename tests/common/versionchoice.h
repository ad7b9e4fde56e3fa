// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// For the tests that run from the version table (testversions.h) but configure a client, a
// worker or a profile, which take a VersionChoice.

#include "client/clientoptions.h"

#include <QMetaType>

// A data column of VersionChoice, declared once for every test that has one.
Q_DECLARE_METATYPE(mqttscope::VersionChoice)

namespace mqttscope::test {

// Exactly this version: never Auto, so that a row tests the version it is named after.
inline VersionChoice versionChoice(ProtocolVersion version)
{
    return version == ProtocolVersion::V5 ? VersionChoice::V5 : VersionChoice::V311;
}

} // namespace mqttscope::test

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one 3.1.1/5.0 data table of the protocol tests (qtmqtt's DefaultVersionTestData): a column
// "version" of ProtocolVersion, rows named "3.1.1" and "5.0", and the names the versions go by in
// row names, topics and command lines.

#include "protocol/protocolversion.h"

#include <QString>
#include <QTest>

#include <array>

namespace mqttscope::test {

// Oldest first: a row list reads 3.1.1 before 5.0 everywhere.
inline constexpr std::array<ProtocolVersion, 2> testedVersions{ProtocolVersion::V311,
                                                               ProtocolVersion::V5};

// "3.1.1", "5.0": how a row name says the version.
inline const char *versionName(ProtocolVersion version)
{
    return version == ProtocolVersion::V5 ? "5.0" : "3.1.1";
}

// What mosquitto's clients and mqttscope-cli both take for -V.
inline QString versionArgument(ProtocolVersion version)
{
    return version == ProtocolVersion::V5 ? QStringLiteral("mqttv5") : QStringLiteral("mqttv311");
}

// "5", "311": a version as a part of a topic or a client id (and a -V value of mqttscope-cli).
inline QString versionTag(ProtocolVersion version)
{
    return version == ProtocolVersion::V5 ? QStringLiteral("5") : QStringLiteral("311");
}

inline void addVersionColumn()
{
    QTest::addColumn<ProtocolVersion>("version");
}

// A row named by the version, then `detail` if any ("5.0 QoS 2"), that starts with the version:
// the caller streams the other columns after it.
inline QTestData &addVersionRow(ProtocolVersion version, const QString &detail = {})
{
    const QByteArray name = detail.isEmpty()
        ? QByteArray(versionName(version))
        : QByteArray(versionName(version)) + ' ' + detail.toUtf8();
    return QTest::newRow(name.constData()) << version;
}

// The whole table of a test that differs by version alone.
inline void addVersionRows()
{
    addVersionColumn();
    for (const ProtocolVersion version : testedVersions)
        addVersionRow(version);
}

} // namespace mqttscope::test

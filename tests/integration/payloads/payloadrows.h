// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "payloadpattern.h"
#include "testversions.h"
#include "transportname.h"

#include <QTest>

namespace mqttscope::test {

// The data table of the payload tests: every payload size over each of `transports` in both
// versions, in columns "size", "transport" and "version", rows named "1048576 B ws 5.0".
inline void addPayloadRows(const QList<TransportKind> &transports)
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<TransportKind>("transport");
    QTest::addColumn<ProtocolVersion>("version");
    for (const qsizetype size : payloadSizes) {
        for (const TransportKind transport : transports) {
            for (const ProtocolVersion version : testedVersions) {
                QTest::addRow("%lld B %s %s", qlonglong(size), qPrintable(transportName(transport)),
                              versionName(version))
                    << size << transport << version;
            }
        }
    }
}

} // namespace mqttscope::test

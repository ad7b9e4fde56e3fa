// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectiontester.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace mqttscope {

// The words for a test connection's result, one line per finding: the outcome with the whole
// reason, the broker's limits, the TLS session and the certificate. Made from plain values so
// that each can be checked without a broker.
class ConnectionTestReport
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionTestReport)
public:
    static QString text(const ConnectionTestResult &result,
                        const QDateTime &now = QDateTime::currentDateTimeUtc());
    static QString outcome(const ConnectionTestResult &result);
    static QString limits(const ConnectionTestResult &result);
    static QStringList tls(const ConnectionTestResult &result, const QDateTime &now); // *result.tls
};

} // namespace mqttscope

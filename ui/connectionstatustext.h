// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionindicator.h"
#include "connectionstatus.h"
#include "explorer/statistics.h"

#include <QCoreApplication>
#include <QStringList>

namespace mqttscope {

// The words of a connection's title, status line and broker limits, made from plain values so
// that each can be checked without a window or a broker.
class ConnectionStatusText
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionStatusText)
public:
    // "name · connected", for the tab.
    static QString title(const QString &profileName, const ConnectionStatus &status);
    static ConnectionIndicator indicator(const ConnectionStatus &status);
    // "Connected to host:1883 (MQTT 5.0) · ping 3 ms", "Reconnecting in 4 s · reason", ...
    static QString state(const QString &address, const ConnectionStatus &status, qint64 nowMsecs);
    // Rates and totals in and out.
    static QString traffic(const Statistics::Snapshot &snapshot);
    // What the broker's CONNACK limits, one short item each ("max QoS 1", "no retain").
    static QStringList limits(const Properties &connack);
    // The heading of a failure retrying cannot fix, and what the user should check.
    static QString failureTitle(ConnectionFailure::Cause cause, const QString &address);
    static QString failureHint(ConnectionFailure::Cause cause);
};

} // namespace mqttscope

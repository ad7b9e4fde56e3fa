// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/endpoint.h"

#include <QAbstractSocket>
#include <QList>
#include <QSslError>
#include <QString>

// One-line, human-readable causes shared by every transport, so that the CLI and the GUI show
// the same words whatever carried the connection.
namespace mqttscope::transporterrors {

// "Connection refused by 127.0.0.1:1883", "Host not found: xyz", ...; `qtMessage` is Qt's own
// text, used where we have nothing clearer.
QString describeSocketError(QAbstractSocket::SocketError error, const QString &qtMessage,
                            const Endpoint &endpoint);
// "Timed out connecting to host:port after 10 s".
QString describeTimeout(const Endpoint &endpoint);
// "TLS certificate verification failed: <each distinct problem, '; '-separated>".
QString describeSslErrors(const QList<QSslError> &errors);
// The errors that still count: without a HostNameMismatch when `skipHostNameCheck`.
QList<QSslError> relevantSslErrors(const QList<QSslError> &errors, bool skipHostNameCheck);
// "host:port", with brackets around an IPv6 literal.
QString hostAndPort(const Endpoint &endpoint);

} // namespace mqttscope::transporterrors

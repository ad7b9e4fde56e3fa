// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace mqttscope {

// The number a payload stands for, for plotting. With an empty path the payload itself must be a
// number ("21.5", " -3e2\n"). With a path the payload is JSON and the path walks into it: object
// keys and array indexes separated by dots ("temperature", "sensors.0.value"); "sensors[0].value"
// and a leading "$." are accepted too. The value found may be a JSON number, a boolean (1 or 0)
// or a string holding a number. Nothing numeric and finite there: nullopt.
std::optional<double> extractValue(const QByteArray &payload, const QString &jsonPath = {});

// The paths at which extractValue() finds a number in this JSON payload, at
// most `limit` of them (object keys in alphabetical order, as Qt parses JSON objects): what a
// "plot this field" menu offers.
QStringList numericJsonPaths(const QByteArray &payload, int limit = 50);

} // namespace mqttscope

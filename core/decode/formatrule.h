// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/payloadencoding.h"

#include <QJsonObject>
#include <QString>

namespace mqttscope {

// One row of a profile's format table: topics matching the filter are read as `encoding`;
// for Protobuf, as the fully qualified message type (e.g. "fleet.v1.Position").
struct FormatRule
{
    QString topicFilter;
    PayloadEncoding encoding = PayloadEncoding::Auto;
    QString messageType;

    // The CLI's `FILTER=FORMAT[:TYPE]`; nullopt with *error set when it does not parse.
    static std::optional<FormatRule> fromArgument(QStringView argument, QString *error);
    // `FORMAT[:TYPE]` alone, as `pub --encode` takes it: a rule without a filter. The type is
    // not checked here (the caller knows whether its format needs one).
    static std::optional<FormatRule> formatFromArgument(QStringView format, QString *error);
    QJsonObject toJson() const;
    static std::optional<FormatRule> fromJson(const QJsonObject &json);

    friend bool operator==(const FormatRule &, const FormatRule &) = default;
};

} // namespace mqttscope

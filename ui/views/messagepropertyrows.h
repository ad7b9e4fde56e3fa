// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/properties.h"

#include <QList>
#include <QString>

namespace mqttscope {

// The MQTT 5 properties a PUBLISH can carry, as (name, value) rows for a human: the spec's
// property names, user properties as "name = value", correlation data as text when it is UTF-8 and
// as hex otherwise. Absent properties produce no row.
struct PropertyRow
{
    QString name;
    QString value;
    friend bool operator==(const PropertyRow &, const PropertyRow &) = default;
};

QList<PropertyRow> messagePropertyRows(const Properties &properties);

} // namespace mqttscope

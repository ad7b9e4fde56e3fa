// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keyvaluetable.h"
#include "protocol/properties.h"

namespace mqttscope {

// An editable list of MQTT 5 user properties (name/value pairs, order kept, names may repeat).
class UserPropertiesEditor : public KeyValueTable
{
    Q_OBJECT
public:
    explicit UserPropertiesEditor(QWidget *parent = nullptr);

    QList<UserProperty> properties() const; // rows with an empty name are skipped
    void setProperties(const QList<UserProperty> &properties);
};

} // namespace mqttscope

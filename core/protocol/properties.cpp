// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/properties.h"

#include <utility>

// propertyName() lives in propertycodec.cpp, next to the table of property names it reads.

namespace mqttscope {

bool Properties::isEmpty() const
{
    static const Properties none;
    return *this == none;
}

SharedProperties::SharedProperties(const Properties &properties)
{
    if (!properties.isEmpty())
        edit() = properties;
}

SharedProperties::SharedProperties(Properties &&properties)
{
    if (!properties.isEmpty())
        edit() = std::move(properties);
}

Properties &SharedProperties::edit()
{
    if (!d)
        d = new Data;
    return d->value; // the non-const access detaches from other copies
}

const Properties &SharedProperties::none()
{
    static const Properties empty;
    return empty;
}

} // namespace mqttscope

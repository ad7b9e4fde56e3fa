// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/properties.h"

// propertyName() lives in propertycodec.cpp, next to the table of property names it reads.

namespace mqttscope {

bool Properties::isEmpty() const
{
    static const Properties none;
    return *this == none;
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace mqttscope {
Q_DECLARE_LOGGING_CATEGORY(lcProfiles) // "mqttscope.profiles"
}

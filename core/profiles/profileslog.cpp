// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/profileslog.h"

namespace mqttscope {
Q_LOGGING_CATEGORY(lcProfiles, "mqttscope.profiles")
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/clientlogging.h"

Q_LOGGING_CATEGORY(lcClient, "mqttscope.client")
Q_LOGGING_CATEGORY(lcClientVerbose, "mqttscope.client.verbose", QtWarningMsg)

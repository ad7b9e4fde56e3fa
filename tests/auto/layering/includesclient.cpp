// SPDX-License-Identifier: GPL-3.0-or-later
// As if a protocol file reached up into the client layer (tests/auto/layering).
#include "client/clientstate.h"

mqttscope::ClientState state = mqttscope::ClientState::Disconnected;

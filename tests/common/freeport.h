// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace mqttscope::test {

// A 127.0.0.1 port nobody listens on right now (bound on port 0, then released): for servers a
// test starts, or to provoke "Connection refused". Another process may take it meanwhile.
quint16 unusedLoopbackPort();

} // namespace mqttscope::test

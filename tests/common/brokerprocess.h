// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>

#include <memory>

namespace mqttscope::test::brokerprocess {

// How a test fixture ends the broker process it started: SIGTERM, then SIGKILL after
// `timeoutMs`; or SIGKILL at once, for tests of an abnormal end. Both leave `process` empty.
void stop(std::unique_ptr<QProcess> &process, int timeoutMs);
void kill(std::unique_ptr<QProcess> &process, int timeoutMs);

} // namespace mqttscope::test::brokerprocess

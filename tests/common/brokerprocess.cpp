// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokerprocess.h"

namespace mqttscope::test::brokerprocess {

void stop(std::unique_ptr<QProcess> &process, int timeoutMs)
{
    if (!process)
        return;
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(timeoutMs)) {
            process->kill();
            process->waitForFinished(timeoutMs);
        }
    }
    process.reset();
}

void kill(std::unique_ptr<QProcess> &process, int timeoutMs)
{
    if (!process)
        return;
    process->kill();
    process->waitForFinished(timeoutMs);
    process.reset();
}

} // namespace mqttscope::test::brokerprocess

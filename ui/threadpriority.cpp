// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadpriority.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace mqttscope {

void yieldToGuiThread()
{
#ifdef Q_OS_LINUX
    // Raising one's own niceness needs no privilege; only lowering it would.
    if (setpriority(PRIO_PROCESS, gettid(), currentThreadNiceness() + BackgroundNiceness) != 0)
        qWarning("could not lower the connection thread's priority: %s", strerror(errno));
#endif
}

int currentThreadNiceness()
{
#ifdef Q_OS_LINUX
    return getpriority(PRIO_PROCESS, gettid());
#else
    return 0;
#endif
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace mqttscope::bench {

// The process's own cost, read from the kernel: CPU seconds (user + system) of the whole
// process or of the calling thread, and resident memory from /proc/self/status.
struct ProcessStats
{
    static double cpuSeconds(); // all threads, getrusage(RUSAGE_SELF)
    static double threadCpuSeconds(); // the calling thread, CLOCK_THREAD_CPUTIME_ID
    // A thread gives up the processor voluntarily when it waits (a wakeup follows); it is
    // switched out involuntarily when another process's thread takes its core.
    struct ContextSwitches
    {
        qint64 voluntary = 0;
        qint64 involuntary = 0;
    };
    struct ThreadSwitches
    {
        QString name; // as the kernel keeps it: at most 15 bytes
        ContextSwitches switches;
    };
    static ContextSwitches contextSwitches(); // all threads, ended ones too (getrusage)
    // Each living thread by its id (/proc/self/task/*/status).
    static QHash<qint64, ThreadSwitches> threadSwitches();
    static double rssMiB(); // VmRSS now
    static double peakRssMiB(); // VmHWM: the highest VmRSS so far
    // Bytes malloc has handed out and not had back, all arenas (mallinfo2: chunks in use,
    // with their headers, plus mmapped blocks): what the program holds, without the freed
    // memory RSS still counts.
    static double heapInUseMiB();
    // Gives the freed memory of every malloc arena back to the kernel (malloc_trim), so an RSS
    // read after it counts what is held.
    static void releaseFreeHeap();
    // CPU seconds of the threads whose name starts with `prefix` (/proc/self/task/*/stat), e.g.
    // a connection's thread beside the GUI thread. Names are cut to 15 bytes by the kernel.
    static double namedThreadsCpuSeconds(const QString &prefix);
    // CPU seconds of another process (a child such as the load server), -1 when it is gone.
    static double processCpuSeconds(qint64 pid);
};

} // namespace mqttscope::bench

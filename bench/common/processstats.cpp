// SPDX-License-Identifier: GPL-3.0-or-later
#include "processstats.h"

#include <QDir>
#include <QFile>

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <ctime>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {
namespace {

double statusFieldMiB(QByteArrayView field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field) && line.size() > field.size() && line[field.size()] == ':')
            return line.mid(field.size() + 1).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// The name and the CPU seconds (user + system) of a /proc/.../stat line.
struct StatLine
{
    QString name;
    double cpuSeconds = -1;
};

StatLine readStat(const QString &path)
{
    QFile stat(path);
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    // "tid (name) state ppid ...": the name may hold spaces, so split after the last ')'.
    const QByteArray line = stat.readAll();
    const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
    if (open < 0 || close < open)
        return {};
    StatLine result;
    result.name = QString::fromUtf8(line.mid(open + 1, close - open - 1));
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // utime and stime, fields 14 and 15 of the line, are 11 and 12 counted from "state".
    if (fields.size() > 12)
        result.cpuSeconds =
            (fields[11].toDouble() + fields[12].toDouble()) / double(sysconf(_SC_CLK_TCK));
    return result;
}

} // namespace

double ProcessStats::cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

ProcessStats::ContextSwitches ProcessStats::contextSwitches()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return {qint64(usage.ru_nvcsw), qint64(usage.ru_nivcsw)};
}

QHash<qint64, ProcessStats::ThreadSwitches> ProcessStats::threadSwitches()
{
    QHash<qint64, ThreadSwitches> threads;
    const QStringList tasks =
        QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile status(u"/proc/self/task/"_s + task + u"/status"_s);
        if (!status.open(QIODevice::ReadOnly))
            continue; // it ended meanwhile
        ThreadSwitches thread;
        for (const QByteArray &line : status.readAll().split('\n')) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray key = line.left(colon), value = line.mid(colon + 1).trimmed();
            if (key == "Name")
                thread.name = QString::fromUtf8(value);
            else if (key == "voluntary_ctxt_switches")
                thread.switches.voluntary = value.toLongLong();
            else if (key == "nonvoluntary_ctxt_switches")
                thread.switches.involuntary = value.toLongLong();
        }
        threads.insert(task.toLongLong(), thread);
    }
    return threads;
}

double ProcessStats::threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double ProcessStats::rssMiB()
{
    return statusFieldMiB("VmRSS");
}

double ProcessStats::peakRssMiB()
{
    return statusFieldMiB("VmHWM");
}

double ProcessStats::heapInUseMiB()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

void ProcessStats::releaseFreeHeap()
{
    malloc_trim(0);
}

double ProcessStats::namedThreadsCpuSeconds(const QString &prefix)
{
    double seconds = 0;
    const QStringList tasks =
        QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        const StatLine stat = readStat(u"/proc/self/task/"_s + task + u"/stat"_s);
        if (stat.cpuSeconds >= 0 && stat.name.startsWith(prefix))
            seconds += stat.cpuSeconds;
    }
    return seconds;
}

double ProcessStats::processCpuSeconds(qint64 pid)
{
    return readStat(u"/proc/%1/stat"_s.arg(pid)).cpuSeconds;
}

} // namespace mqttscope::bench

// SPDX-License-Identifier: GPL-3.0-or-later
#include "processstats.h"

#include <QDir>
#include <QFile>

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

} // namespace

double ProcessStats::cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

qint64 ProcessStats::contextSwitches()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_nvcsw) + qint64(usage.ru_nivcsw);
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

double ProcessStats::namedThreadsCpuSeconds(const QString &prefix)
{
    double seconds = 0;
    const double ticksPerSecond = double(sysconf(_SC_CLK_TCK));
    const QStringList tasks =
        QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile stat(u"/proc/self/task/"_s + task + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "tid (name) state ppid ...": the name may hold spaces, so split after the last ')'.
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
        if (open < 0 || close < open
            || !QString::fromUtf8(line.mid(open + 1, close - open - 1)).startsWith(prefix))
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        // utime and stime, fields 14 and 15 of the line, are 11 and 12 counted from "state".
        if (fields.size() > 12)
            seconds += (fields[11].toDouble() + fields[12].toDouble()) / ticksPerSecond;
    }
    return seconds;
}

} // namespace mqttscope::bench

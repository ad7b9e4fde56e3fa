// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstpaintreport.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <ctime>

#include <unistd.h>

namespace mqttscope {
namespace {

qint64 clockNs(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Milliseconds since the kernel started this process (field 22 of /proc/self/stat, clock ticks
// since boot), or -1 where there is no such file.
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // The command name (field 2) may hold spaces; the fields after its ')' start at field 3.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    constexpr int StartTimeIndex = 22 - 3;
    if (fields.size() <= StartTimeIndex)
        return -1;
    const double startMs =
        fields[StartTimeIndex].toDouble() * 1000.0 / double(sysconf(_SC_CLK_TCK));
    return double(clockNs(CLOCK_BOOTTIME)) / 1e6 - startMs;
}

} // namespace

void FirstPaintReport::installIfAsked(QWidget *window, const QElapsedTimer &sinceMain)
{
    if (qEnvironmentVariableIsSet("MQTTSCOPE_REPORT_FIRST_PAINT"))
        window->installEventFilter(new FirstPaintReport(window, sinceMain));
}

FirstPaintReport::FirstPaintReport(QWidget *window, const QElapsedTimer &sinceMain)
    : QObject(window)
    , m_sinceMain(sinceMain)
{
}

bool FirstPaintReport::eventFilter(QObject *watched, QEvent *event)
{
    // The window paints first, then its children, then the frame goes to the screen, all
    // before the event loop runs again: a zero timer started now fires after all of it.
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        QTimer::singleShot(0, this, &FirstPaintReport::report);
    }
    return QObject::eventFilter(watched, event);
}

void FirstPaintReport::report()
{
    std::fprintf(stderr,
                 "mqttscope-first-paint since_start_ms=%.1f since_main_ms=%.1f cpu_ms=%.1f "
                 "main_thread_cpu_ms=%.1f monotonic_ns=%lld\n",
                 msSinceProcessStart(), double(m_sinceMain.nsecsElapsed()) / 1e6,
                 double(clockNs(CLOCK_PROCESS_CPUTIME_ID)) / 1e6,
                 double(clockNs(CLOCK_THREAD_CPUTIME_ID)) / 1e6,
                 static_cast<long long>(clockNs(CLOCK_MONOTONIC)));
    std::fflush(stderr);
    if (qgetenv("MQTTSCOPE_REPORT_FIRST_PAINT") == "exit")
        QCoreApplication::exit(0);
    deleteLater();
}

} // namespace mqttscope

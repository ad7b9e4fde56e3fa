// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

namespace mqttscope {

// When MQTTSCOPE_REPORT_FIRST_PAINT is set, one line on stderr once the window has painted its
// first frame, for bench/coldstart:
//   mqttscope-first-paint since_start_ms=212.0 since_main_ms=171.3 cpu_ms=80.2
//   main_thread_cpu_ms=62.1 monotonic_ns=...
// since_start_ms counts from the kernel's process start (so dynamic linking and static
// initialisers count; 10 ms steps), since_main_ms from the top of main(); cpu_ms is the
// process's CPU time so far (all threads), which the machine's load does not change, and
// main_thread_cpu_ms the GUI thread's alone (the rest is Qt's own threads: X11, D-Bus);
// monotonic_ns is CLOCK_MONOTONIC, which a benchmark subtracts its own reading before the exec
// from. MQTTSCOPE_REPORT_FIRST_PAINT=exit also ends the app there, for a profiler's run
// (`valgrind --tool=callgrind`, `strace -c`) of the start alone.
class FirstPaintReport : public QObject
{
public:
    // `sinceMain` was started at the top of main(). Does nothing unless asked.
    static void installIfAsked(QWidget *window, const QElapsedTimer &sinceMain);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    FirstPaintReport(QWidget *window, const QElapsedTimer &sinceMain);
    void report();

    QElapsedTimer m_sinceMain;
    bool m_painted = false;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace mqttscope::bench {

// What one start of the app took, as seen from outside and as the app reported it.
struct StartTimes
{
    double execToPaintMs = 0; // before the exec, by this process's clock, to the painted frame
    double sinceStartMs = 0; // the app's own: from the kernel's process start (10 ms steps)
    double cpuMs = 0; // the app's CPU time (all threads) when it had painted
    double mainThreadCpuMs = 0; // its GUI thread's alone
};

// Starts the app as a separate process, waits for the line FirstPaintReport prints once the
// window has painted (MQTTSCOPE_REPORT_FIRST_PAINT), and ends the process.
class AppStart
{
public:
    AppStart(QString program, QProcessEnvironment environment);

    // nullopt with *error when it did not paint within `timeoutMs`.
    std::optional<StartTimes> untilFirstPaint(const QStringList &arguments, int timeoutMs,
                                              QString *error) const;
    // Exec to exit of a start that paints nothing (`--version`); -1 with *error on failure.
    double untilExit(const QStringList &arguments, int timeoutMs, QString *error) const;

private:
    QString m_program;
    QProcessEnvironment m_environment;
};

} // namespace mqttscope::bench

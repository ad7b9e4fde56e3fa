// SPDX-License-Identifier: GPL-3.0-or-later
#include "appstart.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>

#include <ctime>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {
namespace {

qint64 monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

double field(const QRegularExpressionMatch &match, const QString &name)
{
    return match.captured(name).toDouble();
}

} // namespace

AppStart::AppStart(QString program, QProcessEnvironment environment)
    : m_program(std::move(program))
    , m_environment(std::move(environment))
{
}

std::optional<StartTimes> AppStart::untilFirstPaint(const QStringList &arguments, int timeoutMs,
                                                    QString *error) const
{
    static const QRegularExpression report(
        uR"(mqttscope-first-paint since_start_ms=(?<start>\S+) since_main_ms=\S+ cpu_ms=(?<cpu>\S+) main_thread_cpu_ms=(?<main>\S+) monotonic_ns=(?<ns>\d+))"_s);
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.setReadChannel(QProcess::StandardError);
    const qint64 before = monotonicNs();
    process.start(m_program, arguments);
    QByteArray output;
    QRegularExpressionMatch match;
    const QDeadlineTimer deadline(timeoutMs);
    while (!match.hasMatch() && !deadline.hasExpired() && process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        output += process.readAllStandardError();
        match = report.match(QString::fromUtf8(output));
    }
    process.kill();
    process.waitForFinished();
    if (!match.hasMatch()) {
        *error = u"no first paint reported within %1 ms: %2"_s.arg(timeoutMs).arg(
            QString::fromUtf8(output + process.readAllStandardError()).trimmed());
        return std::nullopt;
    }
    return StartTimes{double(match.captured(u"ns"_s).toLongLong() - before) / 1e6,
                      field(match, u"start"_s), field(match, u"cpu"_s), field(match, u"main"_s)};
}

double AppStart::untilExit(const QStringList &arguments, int timeoutMs, QString *error) const
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    const qint64 before = monotonicNs();
    process.start(m_program, arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitCode() != 0) {
        process.kill();
        *error = u"%1 %2 did not exit cleanly"_s.arg(m_program, arguments.join(u' '));
        return -1;
    }
    return double(monotonicNs() - before) / 1e6;
}

} // namespace mqttscope::bench

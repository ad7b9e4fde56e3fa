// SPDX-License-Identifier: GPL-3.0-or-later
// The window's ceiling: the highest steady rate it takes with nothing lost, the load server
// keeping the asked rate and the GUI thread's probe p99 within a 60 Hz frame. Short steady floods
// at rising rates (the start rate times 1, 2, 4, 6, 10, 14, 20, 28, 40, up to --max-rate), then
// bisection between the last pass and the first failure, bounded in steps and time.
#include "scenarios.h"

#include <QElapsedTimer>
#include <QStringList>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {
namespace {

constexpr double FrameMs = 16;
// The server's rate falls short when the client's socket fills: the window could not keep up.
constexpr double ServerShare = 0.98;
// Bisection stops once the failure is within this share of the pass.
constexpr double Resolution = 0.1;

// Why a step failed ("lost 120, server at 91%, p99 21.4 ms"), or empty when it passed.
QString failureOf(const QJsonObject &row, double rate)
{
    if (row.contains(u"error"_s))
        return row.value(u"error"_s).toString();
    QStringList why;
    if (const double lost = row.value(u"dropped"_s).toDouble(); lost != 0)
        why.append(u"lost %1"_s.arg(lost, 0, 'f', 0));
    if (const double server = row.value(u"server_msg_per_s"_s).toDouble();
        server < ServerShare * rate)
        why.append(u"server at %1%"_s.arg(100 * server / rate, 0, 'f', 0));
    if (const double p99 = row.value(u"probe_p99_ms"_s).toDouble(); p99 > FrameMs)
        why.append(u"p99 %1 ms"_s.arg(p99, 0, 'f', 1));
    return why.join(u", "_s);
}

// The figures of a step that say where the time goes, under `prefix`.
void copyCosts(const QJsonObject &from, const QString &prefix, QJsonObject *to)
{
    for (const QString &key : {u"probe_p99_ms"_s, u"probe_max_ms"_s, u"gui_thread_pct"_s,
                               u"connection_thread_pct"_s, u"server_pct"_s})
        to->insert(prefix + key, from.value(key));
}

} // namespace

QList<QJsonObject> runCeiling(const ScenarioOptions &options)
{
    static constexpr double Ladder[] = {1, 2, 4, 6, 10, 14, 20, 28, 40};
    QElapsedTimer clock;
    clock.start();
    QList<QJsonObject> rows;
    QJsonObject highestPass, lowestFailure;
    double passed = 0, failed = 0;
    const auto step = [&](double rate) {
        ScenarioOptions stepOptions = options;
        stepOptions.rate = rate;
        stepOptions.steady = true;
        QJsonObject row = runFlood(stepOptions).value(0);
        const QString failure = failureOf(row, rate);
        row.insert(u"name"_s, u"ceiling step %1 msg/s"_s.arg(rate, 0, 'f', 0));
        row.insert(u"verdict"_s, failure.isEmpty() ? u"pass"_s : u"fail: "_s + failure);
        rows.append(row);
        if (failure.isEmpty() && rate > passed) {
            passed = rate;
            highestPass = row;
        } else if (!failure.isEmpty() && (failed == 0 || rate < failed)) {
            failed = rate;
            lowestFailure = row;
        }
        return failure.isEmpty();
    };
    const auto mayGoOn = [&] {
        return rows.size() < options.ceilingSteps
            && clock.elapsed() < qint64(options.ceilingBudgetSeconds * 1000);
    };
    for (const double factor : Ladder) {
        const double rate = options.rate * factor;
        if (rate > options.ceilingMaxRate || !mayGoOn() || !step(rate))
            break;
    }
    const double grain = options.rate / 50;
    while (failed > 0 && failed - passed > Resolution * qMax(passed, options.rate) && mayGoOn())
        step(std::round((passed + failed) / 2 / grain) * grain);

    QJsonObject summary{
        {u"name"_s, u"ui ceiling"_s},
        {u"ceiling_msg_per_s"_s, passed},
        {u"first_failure_msg_per_s"_s, failed},
        {u"topics"_s, options.topics},
        {u"step_seconds"_s, options.seconds},
        {u"steps"_s, double(rows.size())},
        {u"search_s"_s, double(clock.elapsed()) / 1000},
    };
    copyCosts(highestPass, u"at_ceiling_"_s, &summary);
    copyCosts(lowestFailure, u"above_"_s, &summary);
    if (failed > 0)
        summary.insert(u"above_verdict"_s, lowestFailure.value(u"verdict"_s));
    rows.append(summary);
    return rows;
}

} // namespace mqttscope::bench

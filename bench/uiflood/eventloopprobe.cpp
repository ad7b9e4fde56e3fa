// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventloopprobe.h"

#include <algorithm>

namespace mqttscope::bench {

EventLoopProbe::EventLoopProbe(int intervalMs, QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopProbe::onTimeout);
    m_clock.start();
}

void EventLoopProbe::start()
{
    m_latenessMs.clear();
    m_armedAtNs = m_clock.nsecsElapsed();
    m_timer.start();
}

void EventLoopProbe::stop()
{
    m_timer.stop();
}

void EventLoopProbe::onTimeout()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double lateMs = double(now - m_armedAtNs) / 1e6 - double(m_timer.interval());
    m_latenessMs.append(std::max(0.0, lateMs));
    m_armedAtNs = now;
    m_timer.start();
}

EventLoopProbe::Summary EventLoopProbe::summary() const
{
    Summary s;
    s.samples = m_latenessMs.size();
    if (m_latenessMs.isEmpty())
        return s;
    QList<double> sorted = m_latenessMs;
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&sorted](double q) {
        return sorted[std::min(sorted.size() - 1, qsizetype(q * double(sorted.size())))];
    };
    s.p50Ms = at(0.50);
    s.p99Ms = at(0.99);
    s.maxMs = sorted.last();
    const auto late =
        std::count_if(sorted.cbegin(), sorted.cend(), [](double ms) { return ms > 16.0; });
    s.over16Ms = double(late) / double(sorted.size());
    return s;
}

} // namespace mqttscope::bench

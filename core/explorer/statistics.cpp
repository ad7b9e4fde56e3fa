// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/statistics.h"

namespace mqttscope {

namespace {
qint64 secondOf(qint64 msecs)
{
    return msecs >= 0 ? msecs / 1000 : (msecs - 999) / 1000;
}
} // namespace

Statistics::Statistics(int windowSeconds)
    : m_windowSeconds(qMax(1, windowSeconds))
    , m_buckets(std::size_t(m_windowSeconds) + 1)
{
}

void Statistics::reset()
{
    m_buckets.assign(m_buckets.size(), Bucket{});
    m_totals = {};
}

Statistics::Bucket &Statistics::bucketFor(qint64 second)
{
    Bucket &bucket = m_buckets[std::size_t(second % qint64(m_buckets.size()))];
    if (bucket.second != second) {
        bucket.second = second;
        bucket.amounts = {};
    }
    return bucket;
}

void Statistics::add(Counter counter, qint64 amount, qint64 nowMsecs)
{
    bucketFor(secondOf(nowMsecs)).amounts[counter] += amount;
    m_totals[counter] += amount;
}

void Statistics::addBytes(qint64 received, qint64 sent, qint64 nowMsecs)
{
    Bucket &bucket = bucketFor(secondOf(nowMsecs));
    bucket.amounts[BytesIn] += received;
    bucket.amounts[BytesOut] += sent;
    m_totals[BytesIn] += received;
    m_totals[BytesOut] += sent;
}

double Statistics::perSecond(Counter counter, qint64 nowMsecs) const
{
    const qint64 now = secondOf(nowMsecs);
    qint64 sum = 0;
    for (const Bucket &bucket : m_buckets) {
        if (bucket.second < now && bucket.second >= now - m_windowSeconds)
            sum += bucket.amounts[counter];
    }
    return double(sum) / m_windowSeconds;
}

bool Statistics::isSettled(qint64 nowMsecs) const
{
    const qint64 now = secondOf(nowMsecs);
    for (const Bucket &bucket : m_buckets) {
        const bool inWindow = bucket.second <= now && bucket.second >= now - m_windowSeconds;
        if (inWindow && bucket.amounts != decltype(bucket.amounts){})
            return false;
    }
    return true;
}

Statistics::Snapshot Statistics::snapshot(qint64 nowMsecs) const
{
    Snapshot snapshot;
    snapshot.totals = m_totals;
    for (int c = 0; c < CounterCount; ++c)
        snapshot.perSecond[std::size_t(c)] = perSecond(Counter(c), nowMsecs);
    return snapshot;
}

} // namespace mqttscope

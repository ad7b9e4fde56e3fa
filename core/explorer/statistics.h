// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>
#include <vector>

namespace mqttscope {

// Traffic of one connection: messages and bytes, in and out, as totals and as per-second rates
// averaged over a sliding window of whole seconds. Fed by the client's signals (messagesReceived,
// publish, bytesTransferred); the caller passes the time so tests and benchmarks control it.
class Statistics
{
public:
    enum Counter { MessagesIn, MessagesOut, BytesIn, BytesOut, CounterCount };

    struct Snapshot
    {
        std::array<qint64, CounterCount> totals{};
        std::array<double, CounterCount> perSecond{};
    };

    explicit Statistics(int windowSeconds = 5);

    int windowSeconds() const { return m_windowSeconds; }

    void add(Counter counter, qint64 amount, qint64 nowMsecs);
    void addMessagesIn(qint64 count, qint64 nowMsecs) { add(MessagesIn, count, nowMsecs); }
    void addMessagesOut(qint64 count, qint64 nowMsecs) { add(MessagesOut, count, nowMsecs); }
    void addBytes(qint64 received, qint64 sent, qint64 nowMsecs);

    qint64 total(Counter counter) const { return m_totals[counter]; }
    // Average over the `windowSeconds` complete seconds before the one `nowMsecs` falls in.
    double perSecond(Counter counter, qint64 nowMsecs) const;
    Snapshot snapshot(qint64 nowMsecs) const;
    // Whether every rate reads zero at `nowMsecs` and stays so until more is added: nothing in
    // the window, nor in the second under way. Until then the rates fall by themselves.
    bool isSettled(qint64 nowMsecs) const;

    void reset();

private:
    struct Bucket
    {
        qint64 second = -1;
        std::array<qint64, CounterCount> amounts{};
    };

    Bucket &bucketFor(qint64 second);

    int m_windowSeconds;
    std::vector<Bucket> m_buckets; // ring indexed by second, one more than the window
    std::array<qint64, CounterCount> m_totals{};
};

} // namespace mqttscope

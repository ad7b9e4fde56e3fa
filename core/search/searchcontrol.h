// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <atomic>

namespace mqttscope {

// Shared between a running search and whoever started it: how far it got, and a request to
// stop that the search checks often (every few thousand messages).
struct SearchControl
{
    std::atomic<int> percent{0};
    std::atomic<bool> cancelRequested{false};

    bool cancelled() const { return cancelRequested.load(std::memory_order_relaxed); }
    void report(qint64 done, qint64 total)
    {
        percent.store(total > 0 ? int(done * 100 / total) : 0, std::memory_order_relaxed);
    }
};

} // namespace mqttscope

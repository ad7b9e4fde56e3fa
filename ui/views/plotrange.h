// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace mqttscope {

// A closed interval of times (msecs since epoch) or values. Empty (low > high) until a value is
// included, so that the first value sets both ends rather than stretching from a made-up zero.
struct PlotRange
{
    double low = 1;
    double high = 0;

    bool isEmpty() const { return low > high; }
    double span() const { return high - low; }
    void include(double value)
    {
        const bool first = isEmpty();
        low = first ? value : qMin(low, value);
        high = first ? value : qMax(high, value);
    }
    friend bool operator==(const PlotRange &, const PlotRange &) = default;
};

} // namespace mqttscope

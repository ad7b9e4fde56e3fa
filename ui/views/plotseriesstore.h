// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/message.h"
#include "views/plotrange.h"
#include "views/plotseries.h"

#include <QList>

#include <functional>

namespace mqttscope {

// The series a value plot shows and their values, without any painting: which series there are,
// the values each message yields for them, a bound on the points each keeps (dropping the oldest,
// so that a flood cannot grow it without bound) and the time and value ranges they span.
class PlotSeriesStore
{
public:
    static constexpr int defaultMaximumPoints = 10000;

    // Adds a series unless one for the same topic and path is there; returns its index.
    int addSeries(const QByteArray &topic, const QString &jsonPath);
    bool removeSeries(int index); // false when out of range
    void removeAllSeries() { m_series.clear(); }
    int count() const { return int(m_series.size()); }
    bool isEmpty() const { return m_series.isEmpty(); }
    PlotSeries series(int index) const { return m_series.value(index); } // empty out of range
    const QList<PlotSeries> &allSeries() const { return m_series; }

    // What a series' JSON path walks into for a message: the connection's decoded JSON for a
    // decoded topic. Without one, the payload itself. Asked only for messages a series takes.
    using PayloadReader = std::function<QByteArray(const Message &)>;
    void setPayloadReader(PayloadReader reader) { m_reader = std::move(reader); }

    // Feeds a message to every series of its topic; returns how many values were taken from it.
    // A message without a receive time counts as received at fallbackMsecsSinceEpoch.
    int addMessage(const Message &message, qint64 fallbackMsecsSinceEpoch);
    // False when the index is out of range or the value is not finite.
    bool addValue(int index, qint64 msecsSinceEpoch, double value);
    void clearValues();

    int maximumPointsPerSeries() const { return m_maximumPoints; }
    void setMaximumPointsPerSeries(int maximum); // at least 2; trims every series at once

    // From the oldest to the newest point of any series, and from the lowest to the highest
    // value; empty while no series has a point.
    PlotRange timeRange() const;
    PlotRange valueRange() const;

private:
    QList<PlotSeries> m_series;
    int m_maximumPoints = defaultMaximumPoints;
    PayloadReader m_reader;
};

} // namespace mqttscope

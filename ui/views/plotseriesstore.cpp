// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/plotseriesstore.h"

#include "views/valueextractor.h"

namespace mqttscope {

int PlotSeriesStore::addSeries(const QByteArray &topic, const QString &jsonPath)
{
    for (int i = 0; i < m_series.size(); ++i) {
        if (m_series[i].topic() == topic && m_series[i].jsonPath() == jsonPath)
            return i;
    }
    m_series.append(PlotSeries(topic, jsonPath));
    return int(m_series.size() - 1);
}

bool PlotSeriesStore::removeSeries(int index)
{
    if (index < 0 || index >= m_series.size())
        return false;
    m_series.removeAt(index);
    return true;
}

int PlotSeriesStore::addMessage(const Message &message, qint64 fallbackMsecsSinceEpoch)
{
    const qint64 time = message.receivedMsecsSinceEpoch > 0 ? message.receivedMsecsSinceEpoch
                                                            : fallbackMsecsSinceEpoch;
    int taken = 0;
    std::optional<QByteArray> text; // read once, for the first series of the topic
    for (int i = 0; i < m_series.size(); ++i) {
        if (m_series[i].topic() != message.topic)
            continue;
        if (!text)
            text = m_reader ? m_reader(message) : message.payload;
        const std::optional<double> value = extractValue(*text, m_series[i].jsonPath());
        if (value && addValue(i, time, *value))
            ++taken;
    }
    return taken;
}

bool PlotSeriesStore::addValue(int index, qint64 msecsSinceEpoch, double value)
{
    if (index < 0 || index >= m_series.size())
        return false;
    return m_series[index].add(msecsSinceEpoch, value, m_maximumPoints);
}

void PlotSeriesStore::clearValues()
{
    for (PlotSeries &series : m_series)
        series.clear();
}

void PlotSeriesStore::setMaximumPointsPerSeries(int maximum)
{
    m_maximumPoints = qMax(2, maximum);
    for (PlotSeries &series : m_series)
        series.truncate(m_maximumPoints);
}

PlotRange PlotSeriesStore::timeRange() const
{
    PlotRange range;
    for (const PlotSeries &series : m_series) {
        if (series.points().isEmpty())
            continue;
        range.include(series.points().constFirst().x());
        range.include(series.points().constLast().x());
    }
    return range;
}

PlotRange PlotSeriesStore::valueRange() const
{
    PlotRange range;
    for (const PlotSeries &series : m_series) {
        for (const QPointF &point : series.points())
            range.include(point.y());
    }
    return range;
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/plotseries.h"

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

PlotSeries::PlotSeries(QByteArray topic, QString jsonPath)
    : m_topic(std::move(topic))
    , m_jsonPath(std::move(jsonPath))
{
}

QString PlotSeries::name() const
{
    const QString topic = QString::fromUtf8(m_topic);
    return m_jsonPath.isEmpty() ? topic : topic + u" › "_s + m_jsonPath;
}

bool PlotSeries::add(qint64 msecsSinceEpoch, double value, int maximumPoints)
{
    if (!std::isfinite(value))
        return false;
    const QPointF point(double(msecsSinceEpoch), value);
    // Messages normally arrive in time order; an older one is put in its place.
    if (m_points.isEmpty() || m_points.constLast().x() <= point.x()) {
        m_points.append(point);
    } else {
        const auto at =
            std::upper_bound(m_points.begin(), m_points.end(), point,
                             [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
        m_points.insert(at, point);
    }
    // Drop in chunks of an eighth so that a full series does not shift its whole array per value.
    const qsizetype slack = qMax(1, maximumPoints / 8);
    if (m_points.size() > maximumPoints + slack)
        truncate(maximumPoints);
    return true;
}

void PlotSeries::truncate(int maximumPoints)
{
    if (m_points.size() > maximumPoints)
        m_points.remove(0, m_points.size() - maximumPoints);
}

} // namespace mqttscope

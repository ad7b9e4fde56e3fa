// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QString>

namespace mqttscope {

// One plotted series: a topic, optionally a JSON path into its payloads (see extractValue()), and
// the values taken from it in time order, as points with x the time in msecs since epoch and y
// the value. Only finite values are kept: one NaN would make every range and scale NaN.
class PlotSeries
{
public:
    PlotSeries() = default;
    PlotSeries(QByteArray topic, QString jsonPath);

    const QByteArray &topic() const { return m_topic; }
    const QString &jsonPath() const { return m_jsonPath; }
    QString name() const; // "topic" or "topic › path"
    const QList<QPointF> &points() const { return m_points; } // ascending time

    // Puts the value in its place by time and drops the oldest once there are clearly more than
    // maximumPoints; false (and nothing kept) for a value that is not finite.
    bool add(qint64 msecsSinceEpoch, double value, int maximumPoints);
    // Keeps only the newest maximumPoints, exactly.
    void truncate(int maximumPoints);
    void clear() { m_points.clear(); }

private:
    QByteArray m_topic;
    QString m_jsonPath;
    QList<QPointF> m_points;
};

} // namespace mqttscope

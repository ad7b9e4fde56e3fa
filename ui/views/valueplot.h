// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/message.h"

#include <QList>
#include <QPointF>
#include <QWidget>

namespace mqttscope {

// Numeric values over time, several series in one plot, painted with QPainter: a time axis, value
// ticks, a legend with each series' latest value. A series is a topic, optionally with a JSON path
// into its payloads (see extractValue()). Each series keeps at most maximumPointsPerSeries()
// points, dropping the oldest, so a flood cannot grow it without bound. Right-click removes a
// series or clears the values.
class ValuePlot : public QWidget
{
    Q_OBJECT
public:
    static constexpr int defaultMaximumPoints = 10000;

    explicit ValuePlot(QWidget *parent = nullptr);
    ~ValuePlot() override;

    // Adds a series (or finds the one already there) and returns its index.
    int addSeries(const QByteArray &topic, const QString &jsonPath = {});
    void removeSeries(int index);
    void removeAllSeries();
    int seriesCount() const;
    QByteArray seriesTopic(int index) const;
    QString seriesJsonPath(int index) const;
    QString seriesName(int index) const; // "topic" or "topic › path"
    QList<QPointF> seriesPoints(int index) const; // x: msecs since epoch, y: value

    // Feeds a message to every series of its topic; returns how many values were taken from it.
    // A message without a receive time counts as received now.
    int addMessage(const Message &message);
    void addValue(int index, qint64 msecsSinceEpoch, double value);
    void clearValues();

    int maximumPointsPerSeries() const { return m_maximumPoints; }
    void setMaximumPointsPerSeries(int maximum);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void seriesChanged(); // added or removed

protected:
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Series
    {
        QByteArray topic;
        QString jsonPath;
        QList<QPointF> points; // ascending time
    };
    QColor seriesColor(int index) const;
    void trim(Series &series) const;

    QList<Series> m_series;
    int m_maximumPoints = defaultMaximumPoints;
};

} // namespace mqttscope

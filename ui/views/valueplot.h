// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/message.h"
#include "views/plotseriesstore.h"

#include <QList>
#include <QPointF>
#include <QWidget>

class QPainter;

namespace mqttscope {

// Numeric values over time, several series in one plot, painted with QPainter: a time axis, value
// ticks, a legend with each series' latest value. A series is a topic, optionally with a JSON path
// into its payloads (see extractValue()). Each series keeps at most maximumPointsPerSeries()
// points, dropping the oldest, so a flood cannot grow it without bound. Right-click removes a
// series or clears the values. The series and their values live in a PlotSeriesStore; this class
// paints them and passes changes on.
class ValuePlot : public QWidget
{
    Q_OBJECT
public:
    static constexpr int defaultMaximumPoints = PlotSeriesStore::defaultMaximumPoints;

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
    // See PlotSeriesStore::setPayloadReader().
    void setPayloadReader(PlotSeriesStore::PayloadReader reader);
    void addValue(int index, qint64 msecsSinceEpoch, double value);
    void clearValues();

    int maximumPointsPerSeries() const { return m_store.maximumPointsPerSeries(); }
    void setMaximumPointsPerSeries(int maximum);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void seriesChanged(); // added or removed

protected:
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Legend;
    struct Axes;
    QColor seriesColor(int index) const;
    Legend layOutLegend() const;
    Axes layOutAxes(int top) const;
    void paintValueAxis(QPainter &painter, const Axes &axes) const;
    void paintTimeAxis(QPainter &painter, const Axes &axes) const;
    void paintSeries(QPainter &painter, const Axes &axes) const;
    void paintLegend(QPainter &painter, const Legend &legend) const;
    void paintPlaceholder(QPainter &painter, const QRect &rect, int flags,
                          const QString &text) const;

    PlotSeriesStore m_store;
};

} // namespace mqttscope

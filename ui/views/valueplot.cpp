// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/valueplot.h"

#include "views/plotdecimation.h"
#include "views/viewcolors.h"

#include <QContextMenuEvent>
#include <QDateTime>
#include <QLocale>
#include <QMenu>
#include <QPainter>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

constexpr int margin = 8;
constexpr int tickLength = 4;
constexpr qint64 emptyTimeSpan = 60000; // shown while there are no values yet
constexpr qint64 minimumTimeSpan = 1000;

// A step of 1, 2 or 5 times a power of ten near `rough`: ticks a human reads at a glance.
double niceStep(double rough)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double fraction = rough / magnitude;
    const double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
}

// Time steps that fall on round clock values.
qint64 niceTimeStep(qint64 roughMsecs)
{
    static constexpr qint64 steps[] = {
        100,     200,     500,     1000,     2000,     5000,     10000,
        15000,   30000,   60000,   120000,   300000,   600000,   900000,
        1800000, 3600000, 7200000, 10800000, 21600000, 43200000, 86400000,
    };
    for (const qint64 step : steps) {
        if (step >= roughMsecs)
            return step;
    }
    return 86400000 * qMax<qint64>(1, roughMsecs / 86400000 + 1);
}

QString timeLabelFormat(qint64 step)
{
    return step < 1000 ? u"HH:mm:ss.zzz"_s : step < 60000 ? u"HH:mm:ss"_s : u"HH:mm"_s;
}

// The first multiple of `step` at or after `low`, aligned to local clock time, not UTC, so that
// minute and hour ticks land on :00.
qint64 firstTimeTick(double low, qint64 step)
{
    const qint64 utcOffset =
        qint64(QDateTime::fromMSecsSinceEpoch(qint64(low)).offsetFromUtc()) * 1000;
    return ((qint64(low) + utcOffset + step - 1) / step) * step - utcOffset;
}

// The times the axis spans: the data's, at least a second wide and centred on it; the last
// minute while there is no data.
PlotRange timeAxisRange(PlotRange data)
{
    if (data.isEmpty()) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        data = {double(now - emptyTimeSpan), double(now)};
    }
    if (data.span() < minimumTimeSpan)
        data = {data.low - minimumTimeSpan / 2, data.high + minimumTimeSpan / 2};
    return data;
}

// The values the axis spans before rounding to its ticks: never a single value, 0 to 1 while
// there is no data.
PlotRange valueAxisRange(PlotRange data)
{
    if (data.isEmpty())
        return {0, 1};
    if (data.high == data.low)
        return {data.low - 1, data.high + 1};
    return data;
}

QColor gridColor(const QPalette &palette)
{
    QColor color = palette.color(QPalette::Text);
    color.setAlphaF(0.12f);
    return color;
}

} // namespace

// One entry per series with its latest value, wrapping onto more lines when needed.
struct ValuePlot::Legend
{
    QList<QRect> entries;
    QStringList texts;
    int swatch = 0;
    int bottom = 0;
};

// The value and time scales and the rectangle inside the axes they map onto.
struct ValuePlot::Axes
{
    PlotRange time;
    PlotRange value; // rounded out to whole ticks
    double valueStep = 1;
    QStringList valueLabels; // from value.low up, one per step
    int valueLabelWidth = 0;
    QRect plot;
    bool hasData = false;

    double toX(double t) const { return plot.left() + (t - time.low) / time.span() * plot.width(); }
    double toY(double v) const
    {
        return plot.bottom() - (v - value.low) / value.span() * plot.height();
    }
    QPointF map(const QPointF &point) const { return {toX(point.x()), toY(point.y())}; }
};

ValuePlot::ValuePlot(QWidget *parent)
    : QWidget(parent)
{
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

ValuePlot::~ValuePlot() = default;

QSize ValuePlot::sizeHint() const
{
    return {480, 260};
}

QSize ValuePlot::minimumSizeHint() const
{
    return {200, 120};
}

int ValuePlot::addSeries(const QByteArray &topic, const QString &jsonPath)
{
    const int before = m_store.count();
    const int index = m_store.addSeries(topic, jsonPath);
    if (m_store.count() != before) {
        update();
        emit seriesChanged();
    }
    return index;
}

void ValuePlot::removeSeries(int index)
{
    if (!m_store.removeSeries(index))
        return;
    update();
    emit seriesChanged();
}

void ValuePlot::removeAllSeries()
{
    if (m_store.isEmpty())
        return;
    m_store.removeAllSeries();
    update();
    emit seriesChanged();
}

int ValuePlot::seriesCount() const
{
    return m_store.count();
}

QByteArray ValuePlot::seriesTopic(int index) const
{
    return m_store.series(index).topic();
}

QString ValuePlot::seriesJsonPath(int index) const
{
    return m_store.series(index).jsonPath();
}

QString ValuePlot::seriesName(int index) const
{
    return m_store.series(index).name();
}

QList<QPointF> ValuePlot::seriesPoints(int index) const
{
    return m_store.series(index).points();
}

int ValuePlot::addMessage(const Message &message)
{
    const int taken = m_store.addMessage(message, QDateTime::currentMSecsSinceEpoch());
    if (taken > 0)
        update();
    return taken;
}

void ValuePlot::setPayloadReader(PlotSeriesStore::PayloadReader reader)
{
    m_store.setPayloadReader(std::move(reader));
}

void ValuePlot::addValue(int index, qint64 msecsSinceEpoch, double value)
{
    if (m_store.addValue(index, msecsSinceEpoch, value))
        update();
}

void ValuePlot::clearValues()
{
    m_store.clearValues();
    update();
}

void ValuePlot::setMaximumPointsPerSeries(int maximum)
{
    m_store.setMaximumPointsPerSeries(maximum);
    update();
}

QColor ValuePlot::seriesColor(int index) const
{
    static const QColor colors[] = {
        QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
        QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
        QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf),
    };
    return readableAccent(palette(), colors[index % std::size(colors)]);
}

void ValuePlot::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_store.isEmpty()) {
        paintPlaceholder(painter, rect().adjusted(margin, margin, -margin, -margin),
                         Qt::AlignCenter | Qt::TextWordWrap,
                         tr("No series to plot. Add a topic with numeric payloads, or a numeric "
                            "field of a JSON payload."));
        return;
    }
    const Legend legend = layOutLegend();
    const Axes axes = layOutAxes(legend.bottom);
    if (axes.plot.width() < 20 || axes.plot.height() < 20)
        return;
    paintValueAxis(painter, axes);
    paintTimeAxis(painter, axes);
    painter.setPen(palette().color(QPalette::Text));
    painter.drawLine(axes.plot.bottomLeft(), axes.plot.bottomRight());
    painter.drawLine(axes.plot.bottomLeft(), axes.plot.topLeft());
    paintSeries(painter, axes);
    paintLegend(painter, legend);
    if (!axes.hasData)
        paintPlaceholder(painter, axes.plot, Qt::AlignCenter, tr("Waiting for numeric values…"));
}

ValuePlot::Legend ValuePlot::layOutLegend() const
{
    const QFontMetrics metrics(font());
    const QLocale locale;
    Legend legend;
    legend.swatch = metrics.height() - 4;
    int x = margin;
    int y = margin;
    for (const PlotSeries &series : m_store.allSeries()) {
        QString text = series.name();
        if (!series.points().isEmpty())
            text += u"  "_s + locale.toString(series.points().constLast().y(), 'g', 6);
        const int entryWidth = legend.swatch + 4 + metrics.horizontalAdvance(text) + 2 * margin;
        if (x > margin && x + entryWidth > width() - margin) {
            x = margin;
            y += metrics.height() + 2;
        }
        legend.entries.append(QRect(x, y, entryWidth, metrics.height()));
        legend.texts.append(text);
        x += entryWidth;
    }
    legend.bottom = y + metrics.height() + margin;
    return legend;
}

ValuePlot::Axes ValuePlot::layOutAxes(int top) const
{
    const QFontMetrics metrics(font());
    const QLocale locale;
    Axes axes;
    const PlotRange dataTime = m_store.timeRange();
    axes.hasData = !dataTime.isEmpty();
    axes.time = timeAxisRange(dataTime);
    const PlotRange value = valueAxisRange(m_store.valueRange());
    axes.valueStep = niceStep(value.span() / 5);
    axes.value = {std::floor(value.low / axes.valueStep) * axes.valueStep,
                  std::ceil(value.high / axes.valueStep) * axes.valueStep};
    // The value labels decide the left margin.
    for (double v = axes.value.low; v <= axes.value.high + axes.valueStep / 2;
         v += axes.valueStep) {
        const double shown = std::abs(v) < axes.valueStep / 1e6 ? 0.0 : v;
        axes.valueLabels.append(locale.toString(shown, 'g', 6));
        axes.valueLabelWidth =
            qMax(axes.valueLabelWidth, metrics.horizontalAdvance(axes.valueLabels.constLast()));
    }
    axes.plot =
        QRect(QPoint(margin + axes.valueLabelWidth + tickLength + 2, top),
              QPoint(width() - margin - 1, height() - margin - metrics.height() - tickLength - 2));
    return axes;
}

void ValuePlot::paintValueAxis(QPainter &painter, const Axes &axes) const
{
    const QFontMetrics metrics(font());
    const QRect &plot = axes.plot;
    for (int i = 0; i < axes.valueLabels.size(); ++i) {
        const double y = axes.toY(axes.value.low + i * axes.valueStep);
        painter.setPen(gridColor(palette()));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(palette().color(QPalette::Text));
        painter.drawLine(QPointF(plot.left() - tickLength, y), QPointF(plot.left(), y));
        painter.drawText(
            QRectF(margin, y - metrics.height() / 2.0, axes.valueLabelWidth, metrics.height()),
            Qt::AlignRight | Qt::AlignVCenter, axes.valueLabels[i]);
    }
}

void ValuePlot::paintTimeAxis(QPainter &painter, const Axes &axes) const
{
    const QFontMetrics metrics(font());
    const QRect &plot = axes.plot;
    // Round clock times, as many as fit with room between labels.
    const int labelWidth = metrics.horizontalAdvance(u"00:00:00"_s) + 2 * margin;
    const qint64 span = qint64(axes.time.span());
    const qint64 step = niceTimeStep(span * labelWidth / qMax(1, plot.width()) + 1);
    const QString format = timeLabelFormat(step);
    for (qint64 tick = firstTimeTick(axes.time.low, step); tick <= qint64(axes.time.high);
         tick += step) {
        const double x = axes.toX(double(tick));
        painter.setPen(gridColor(palette()));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(palette().color(QPalette::Text));
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + tickLength));
        const QString label = QDateTime::fromMSecsSinceEpoch(tick).toString(format);
        const int w = metrics.horizontalAdvance(label);
        painter.drawText(
            QRectF(x - w / 2.0, plot.bottom() + tickLength + 1, w + 1, metrics.height()),
            Qt::AlignCenter, label);
    }
}

void ValuePlot::paintSeries(QPainter &painter, const Axes &axes) const
{
    painter.save();
    painter.setClipRect(axes.plot.adjusted(-2, -2, 2, 2));
    const QList<PlotSeries> &series = m_store.allSeries();
    for (int i = 0; i < series.size(); ++i) {
        const QList<QPointF> &points = series[i].points();
        if (points.isEmpty())
            continue;
        QPolygonF line;
        for (const QPointF &point : decimateForColumns(points, axes.time, axes.plot.width()))
            line << axes.map(point);
        const QColor color = seriesColor(i);
        painter.setPen(QPen(color, 1.6));
        painter.drawPolyline(line);
        // Sparse values get a dot each, so that a lone value is seen and not only a bend.
        if (points.size() * 6 < axes.plot.width()) {
            painter.setBrush(color);
            for (const QPointF &point : std::as_const(line))
                painter.drawEllipse(point, 2.2, 2.2);
            painter.setBrush(Qt::NoBrush);
        }
    }
    painter.restore();
}

void ValuePlot::paintLegend(QPainter &painter, const Legend &legend) const
{
    for (int i = 0; i < legend.entries.size(); ++i) {
        const QRect entry = legend.entries[i];
        painter.fillRect(QRect(entry.left(), entry.top() + 2, legend.swatch, legend.swatch),
                         seriesColor(i));
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(entry.adjusted(legend.swatch + 4, 0, 0, 0),
                         Qt::AlignLeft | Qt::AlignVCenter, legend.texts[i]);
    }
}

void ValuePlot::paintPlaceholder(QPainter &painter, const QRect &rect, int flags,
                                 const QString &text) const
{
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect, flags, text);
}

void ValuePlot::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    for (int i = 0; i < m_store.count(); ++i) {
        menu.addAction(tr("Remove “%1”").arg(seriesName(i)), this, [this, i] { removeSeries(i); });
    }
    if (!m_store.isEmpty())
        menu.addSeparator();
    menu.addAction(tr("Clear values"), this, &ValuePlot::clearValues)
        ->setEnabled(!m_store.isEmpty());
    menu.addAction(tr("Remove all series"), this, &ValuePlot::removeAllSeries)
        ->setEnabled(!m_store.isEmpty());
    menu.exec(event->globalPos());
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/valueplot.h"

#include "views/valueextractor.h"
#include "views/viewcolors.h"

#include <QContextMenuEvent>
#include <QDateTime>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

constexpr int margin = 8;
constexpr int tickLength = 4;

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

struct Range
{
    double low = 0;
    double high = 0;
    bool isEmpty() const { return low > high; }
};

} // namespace

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
    for (int i = 0; i < m_series.size(); ++i) {
        if (m_series[i].topic == topic && m_series[i].jsonPath == jsonPath)
            return i;
    }
    m_series.append({topic, jsonPath, {}});
    update();
    emit seriesChanged();
    return int(m_series.size() - 1);
}

void ValuePlot::removeSeries(int index)
{
    if (index < 0 || index >= m_series.size())
        return;
    m_series.removeAt(index);
    update();
    emit seriesChanged();
}

void ValuePlot::removeAllSeries()
{
    if (m_series.isEmpty())
        return;
    m_series.clear();
    update();
    emit seriesChanged();
}

int ValuePlot::seriesCount() const
{
    return int(m_series.size());
}

QByteArray ValuePlot::seriesTopic(int index) const
{
    return m_series.value(index).topic;
}

QString ValuePlot::seriesJsonPath(int index) const
{
    return m_series.value(index).jsonPath;
}

QString ValuePlot::seriesName(int index) const
{
    const Series series = m_series.value(index);
    const QString topic = QString::fromUtf8(series.topic);
    return series.jsonPath.isEmpty() ? topic : topic + u" › "_s + series.jsonPath;
}

QList<QPointF> ValuePlot::seriesPoints(int index) const
{
    return m_series.value(index).points;
}

int ValuePlot::addMessage(const Message &message)
{
    const qint64 time = message.receivedMsecsSinceEpoch > 0 ? message.receivedMsecsSinceEpoch
                                                            : QDateTime::currentMSecsSinceEpoch();
    int taken = 0;
    for (int i = 0; i < m_series.size(); ++i) {
        if (m_series[i].topic != message.topic)
            continue;
        if (const std::optional<double> value =
                extractValue(message.payload, m_series[i].jsonPath)) {
            addValue(i, time, *value);
            ++taken;
        }
    }
    return taken;
}

void ValuePlot::addValue(int index, qint64 msecsSinceEpoch, double value)
{
    if (index < 0 || index >= m_series.size())
        return;
    Series &series = m_series[index];
    const QPointF point(double(msecsSinceEpoch), value);
    // Messages normally arrive in time order; an older one is put in its place.
    if (series.points.isEmpty() || series.points.constLast().x() <= point.x()) {
        series.points.append(point);
    } else {
        const auto at =
            std::upper_bound(series.points.begin(), series.points.end(), point,
                             [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
        series.points.insert(at, point);
    }
    trim(series);
    update();
}

void ValuePlot::clearValues()
{
    for (Series &series : m_series)
        series.points.clear();
    update();
}

void ValuePlot::setMaximumPointsPerSeries(int maximum)
{
    m_maximumPoints = qMax(2, maximum);
    for (Series &series : m_series) {
        if (series.points.size() > m_maximumPoints)
            series.points.remove(0, series.points.size() - m_maximumPoints);
    }
    update();
}

void ValuePlot::trim(Series &series) const
{
    // Drop in chunks of an eighth so that a full series does not shift its whole array per value.
    const qsizetype slack = qMax(1, m_maximumPoints / 8);
    if (series.points.size() > m_maximumPoints + slack)
        series.points.remove(0, series.points.size() - m_maximumPoints);
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
    const QPalette pal = palette();
    const QFontMetrics metrics(font());
    const QLocale locale;

    if (m_series.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(margin, margin, -margin, -margin),
                         Qt::AlignCenter | Qt::TextWordWrap,
                         tr("No series to plot. Add a topic with numeric payloads, or a numeric "
                            "field of a JSON payload."));
        return;
    }

    // Legend: one entry per series with its latest value, wrapping onto more lines when needed.
    QList<QRect> legendRects;
    int legendX = margin;
    int legendY = margin;
    const int swatch = metrics.height() - 4;
    QStringList legendTexts;
    for (int i = 0; i < m_series.size(); ++i) {
        QString text = seriesName(i);
        if (!m_series[i].points.isEmpty())
            text += u"  "_s + locale.toString(m_series[i].points.constLast().y(), 'g', 6);
        const int entryWidth = swatch + 4 + metrics.horizontalAdvance(text) + 2 * margin;
        if (legendX > margin && legendX + entryWidth > width() - margin) {
            legendX = margin;
            legendY += metrics.height() + 2;
        }
        legendRects.append(QRect(legendX, legendY, entryWidth, metrics.height()));
        legendTexts.append(text);
        legendX += entryWidth;
    }
    const int legendBottom = legendY + metrics.height() + margin;

    // Ranges over every series.
    Range time{1, 0};
    Range value{1, 0};
    for (const Series &series : std::as_const(m_series)) {
        if (series.points.isEmpty())
            continue;
        if (time.isEmpty())
            time = {series.points.constFirst().x(), series.points.constLast().x()};
        time.low = qMin(time.low, series.points.constFirst().x());
        time.high = qMax(time.high, series.points.constLast().x());
        for (const QPointF &point : series.points) {
            if (value.isEmpty())
                value = {point.y(), point.y()};
            value.low = qMin(value.low, point.y());
            value.high = qMax(value.high, point.y());
        }
    }
    const bool hasData = !time.isEmpty();
    if (!hasData) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        time = {double(now - 60000), double(now)};
        value = {0, 1};
    }
    if (time.high - time.low < 1000) // at least a second wide, centred on the data
        time = {time.low - 500, time.high + 500};
    if (value.high == value.low)
        value = {value.low - 1, value.high + 1};
    const double valueStep = niceStep((value.high - value.low) / 5);
    value.low = std::floor(value.low / valueStep) * valueStep;
    value.high = std::ceil(value.high / valueStep) * valueStep;

    // Value labels decide the left margin.
    QStringList valueLabels;
    int labelWidth = 0;
    for (double v = value.low; v <= value.high + valueStep / 2; v += valueStep) {
        valueLabels.append(locale.toString(std::abs(v) < valueStep / 1e6 ? 0.0 : v, 'g', 6));
        labelWidth = qMax(labelWidth, metrics.horizontalAdvance(valueLabels.constLast()));
    }
    const QRect plot(
        QPoint(margin + labelWidth + tickLength + 2, legendBottom),
        QPoint(width() - margin - 1, height() - margin - metrics.height() - tickLength - 2));
    if (plot.width() < 20 || plot.height() < 20)
        return;
    const auto toX = [&](double t) {
        return plot.left() + (t - time.low) / (time.high - time.low) * plot.width();
    };
    const auto toY = [&](double v) {
        return plot.bottom() - (v - value.low) / (value.high - value.low) * plot.height();
    };

    QColor gridColor = pal.color(QPalette::Text);
    gridColor.setAlphaF(0.12f);
    const QColor axisColor = pal.color(QPalette::Text);

    // Value ticks and grid.
    painter.setFont(font());
    for (int i = 0; i < valueLabels.size(); ++i) {
        const double y = toY(value.low + i * valueStep);
        painter.setPen(gridColor);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(axisColor);
        painter.drawLine(QPointF(plot.left() - tickLength, y), QPointF(plot.left(), y));
        painter.drawText(QRectF(margin, y - metrics.height() / 2.0, labelWidth, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, valueLabels[i]);
    }

    // Time ticks: round clock times, as many as fit with room between labels.
    const int timeLabelWidth = metrics.horizontalAdvance(u"00:00:00"_s) + 2 * margin;
    const qint64 span = qint64(time.high - time.low);
    const qint64 timeStep = niceTimeStep(span * timeLabelWidth / qMax(1, plot.width()) + 1);
    const QString timeFormat = timeStep < 1000 ? u"HH:mm:ss.zzz"_s
        : timeStep < 60000                     ? u"HH:mm:ss"_s
                                               : u"HH:mm"_s;
    // Align ticks to local clock time, not UTC, so that minute and hour ticks land on :00.
    const qint64 utcOffset =
        qint64(QDateTime::fromMSecsSinceEpoch(qint64(time.low)).offsetFromUtc()) * 1000;
    qint64 tick = ((qint64(time.low) + utcOffset + timeStep - 1) / timeStep) * timeStep - utcOffset;
    for (; tick <= qint64(time.high); tick += timeStep) {
        const double x = toX(double(tick));
        painter.setPen(gridColor);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(axisColor);
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + tickLength));
        const QString label = QDateTime::fromMSecsSinceEpoch(tick).toString(timeFormat);
        const int w = metrics.horizontalAdvance(label);
        painter.drawText(
            QRectF(x - w / 2.0, plot.bottom() + tickLength + 1, w + 1, metrics.height()),
            Qt::AlignCenter, label);
    }

    painter.setPen(axisColor);
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());

    // Series: with more points than pixels, each pixel column draws its first, lowest, highest and
    // last value, which keeps spikes visible and costs O(width) segments.
    painter.save();
    painter.setClipRect(plot.adjusted(-2, -2, 2, 2));
    for (int i = 0; i < m_series.size(); ++i) {
        const QList<QPointF> &points = m_series[i].points;
        if (points.isEmpty())
            continue;
        const QColor color = seriesColor(i);
        QPolygonF line;
        if (points.size() > 2 * plot.width()) {
            int column = INT_MIN;
            QPointF first, low, high, last;
            const auto flush = [&] {
                if (column == INT_MIN)
                    return;
                line << first;
                if (low.x() < high.x())
                    line << low << high;
                else
                    line << high << low;
                line << last;
            };
            for (const QPointF &point : points) {
                const QPointF mapped(toX(point.x()), toY(point.y()));
                if (int(mapped.x()) != column) {
                    flush();
                    column = int(mapped.x());
                    first = low = high = last = mapped;
                    continue;
                }
                if (mapped.y() > low.y())
                    low = mapped;
                if (mapped.y() < high.y())
                    high = mapped;
                last = mapped;
            }
            flush();
        } else {
            for (const QPointF &point : points)
                line << QPointF(toX(point.x()), toY(point.y()));
        }
        painter.setPen(QPen(color, 1.6));
        painter.drawPolyline(line);
        if (points.size() * 6 < plot.width()) {
            painter.setBrush(color);
            for (const QPointF &point : std::as_const(line))
                painter.drawEllipse(point, 2.2, 2.2);
            painter.setBrush(Qt::NoBrush);
        }
    }
    painter.restore();

    for (int i = 0; i < m_series.size(); ++i) {
        const QRect entry = legendRects[i];
        painter.fillRect(QRect(entry.left(), entry.top() + 2, swatch, swatch), seriesColor(i));
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(entry.adjusted(swatch + 4, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         legendTexts[i]);
    }
    if (!hasData) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(plot, Qt::AlignCenter, tr("Waiting for numeric values…"));
    }
}

void ValuePlot::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    for (int i = 0; i < m_series.size(); ++i) {
        menu.addAction(tr("Remove “%1”").arg(seriesName(i)), this, [this, i] { removeSeries(i); });
    }
    if (!m_series.isEmpty())
        menu.addSeparator();
    menu.addAction(tr("Clear values"), this, &ValuePlot::clearValues)
        ->setEnabled(!m_series.isEmpty());
    menu.addAction(tr("Remove all series"), this, &ValuePlot::removeAllSeries)
        ->setEnabled(!m_series.isEmpty());
    menu.exec(event->globalPos());
}

} // namespace mqttscope

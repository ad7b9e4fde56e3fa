// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/ratetimeline.h"

#include "views/viewcolors.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

constexpr int margin = 4;

QString timeLabel(qint64 us, bool withDate)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(us / 1000);
    return time.toString(withDate ? u"yyyy-MM-dd HH:mm:ss"_s : u"HH:mm:ss.zzz"_s);
}

} // namespace

RateTimeline::RateTimeline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"rateTimeline"_s);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Messages over time: click or drag to see the state at a moment"));
}

QSize RateTimeline::sizeHint() const
{
    return {400, fontMetrics().height() * 2 + 64};
}

QSize RateTimeline::minimumSizeHint() const
{
    return {120, sizeHint().height()};
}

void RateTimeline::setSpan(qint64 firstUs, qint64 lastUs)
{
    m_firstUs = firstUs;
    m_lastUs = std::max(firstUs, lastUs);
    m_position = std::clamp(m_position, m_firstUs, m_lastUs);
    update();
}

void RateTimeline::setCounts(const QList<qint64> &counts)
{
    m_counts = counts;
    update();
}

void RateTimeline::setPosition(qint64 us)
{
    const qint64 clamped = std::clamp(us, m_firstUs, m_lastUs);
    if (clamped == m_position)
        return;
    m_position = clamped;
    update();
}

QRect RateTimeline::chartRect() const
{
    const int labelHeight = fontMetrics().height() + 2;
    return rect().adjusted(margin, labelHeight + 2, -margin, -labelHeight - 2);
}

int RateTimeline::columns() const
{
    return std::max(1, chartRect().width());
}

qint64 RateTimeline::timeAt(int x) const
{
    const QRect chart = chartRect();
    const double fraction =
        std::clamp(double(x - chart.left()) / std::max(1, chart.width()), 0.0, 1.0);
    return m_firstUs + qint64(fraction * double(m_lastUs - m_firstUs));
}

int RateTimeline::xOf(qint64 us) const
{
    const QRect chart = chartRect();
    const qint64 span = std::max<qint64>(1, m_lastUs - m_firstUs);
    return chart.left() + int(double(us - m_firstUs) / double(span) * chart.width());
}

void RateTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect chart = chartRect();
    painter.fillRect(chart, palette().color(QPalette::Base));
    paintRates(painter, chart);
    const int x = xOf(m_position);
    QPen cursor(readableAccent(palette(), QColor(0xd0, 0x20, 0x20)), 2);
    painter.setPen(cursor);
    painter.drawLine(x, chart.top() - 2, x, chart.bottom() + 2);
    paintLabels(painter, chart);
    if (hasFocus()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(chart.adjusted(0, 0, -1, -1));
    }
}

void RateTimeline::paintRates(QPainter &painter, const QRect &chart) const
{
    if (m_counts.isEmpty())
        return;
    const qint64 peak = std::max<qint64>(1, *std::max_element(m_counts.cbegin(), m_counts.cend()));
    const double step = double(chart.width()) / m_counts.size();
    QPainterPath area;
    area.moveTo(chart.left(), chart.bottom());
    for (qsizetype i = 0; i < m_counts.size(); ++i) {
        const double height = double(m_counts[i]) / double(peak) * (chart.height() - 2);
        const double top = chart.bottom() - height;
        area.lineTo(chart.left() + i * step, top);
        area.lineTo(chart.left() + (i + 1) * step, top);
    }
    area.lineTo(chart.right(), chart.bottom());
    area.closeSubpath();
    const QColor accent = palette().color(QPalette::Highlight);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.setBrush(tintedBackground(palette(), accent, 0.55));
    painter.drawPath(area);
}

void RateTimeline::paintLabels(QPainter &painter, const QRect &chart) const
{
    painter.setPen(palette().color(QPalette::WindowText));
    const int height = fontMetrics().height();
    const QRect below(chart.left(), chart.bottom() + 3, chart.width(), height);
    painter.drawText(below, Qt::AlignLeft | Qt::AlignVCenter, timeLabel(m_firstUs, true));
    painter.drawText(below, Qt::AlignRight | Qt::AlignVCenter, timeLabel(m_lastUs, true));
    // The cursor's time above it, kept inside the widget.
    const QString label = timeLabel(m_position, false);
    const int width = fontMetrics().horizontalAdvance(label) + 8;
    const int left = std::clamp(xOf(m_position) - width / 2, 0, std::max(0, this->width() - width));
    painter.drawText(QRect(left, 0, width, height + 2), Qt::AlignCenter, label);
}

void RateTimeline::choose(qint64 us)
{
    setPosition(us);
    emit positionChosen(m_position);
}

void RateTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    setPosition(timeAt(event->position().toPoint().x()));
    emit positionDragged(m_position);
}

void RateTimeline::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QWidget::mouseMoveEvent(event);
    setPosition(timeAt(event->position().toPoint().x()));
    emit positionDragged(m_position);
}

void RateTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    choose(timeAt(event->position().toPoint().x()));
}

void RateTimeline::keyPressEvent(QKeyEvent *event)
{
    const qint64 step = std::max<qint64>(1, (m_lastUs - m_firstUs) / 100);
    switch (event->key()) {
    case Qt::Key_Left:
        return choose(m_position - step);
    case Qt::Key_Right:
        return choose(m_position + step);
    case Qt::Key_Home:
        return choose(m_firstUs);
    case Qt::Key_End:
        return choose(m_lastUs);
    default:
        QWidget::keyPressEvent(event);
    }
}

void RateTimeline::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    emit columnsChanged(columns());
}

} // namespace mqttscope

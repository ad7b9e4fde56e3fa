// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

namespace mqttscope {

// A recording's message rate over its time span as a small area chart, with a cursor at the
// chosen moment and the times of the start, the end and the cursor. Click or drag to choose a
// moment (positionChosen once the button is released, positionDragged while it moves); Left and
// Right step by a hundredth of the span, Home and End go to either end.
class RateTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit RateTimeline(QWidget *parent = nullptr);

    void setSpan(qint64 firstUs, qint64 lastUs);
    qint64 firstUs() const { return m_firstUs; }
    qint64 lastUs() const { return m_lastUs; }
    // Messages per equal part of the span, first to last: one per column suits the chart best.
    void setCounts(const QList<qint64> &counts);
    QList<qint64> counts() const { return m_counts; }
    void setPosition(qint64 us); // clamped to the span; no signal
    qint64 position() const { return m_position; }

    // The moment at x (in pixels from the left) and back.
    qint64 timeAt(int x) const;
    int xOf(qint64 us) const;
    // How many counts the chart can show, one per pixel column.
    int columns() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void positionChosen(qint64 us);
    void positionDragged(qint64 us);
    void columnsChanged(int columns);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QRect chartRect() const;
    void paintRates(QPainter &painter, const QRect &chart) const;
    void paintLabels(QPainter &painter, const QRect &chart) const;
    void choose(qint64 us);

    qint64 m_firstUs = 0;
    qint64 m_lastUs = 0;
    qint64 m_position = 0;
    QList<qint64> m_counts;
    bool m_dragging = false;
};

} // namespace mqttscope

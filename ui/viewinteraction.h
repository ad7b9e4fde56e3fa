// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPoint>
#include <QTimer>

#include <optional>

class QAbstractItemView;

namespace mqttscope {

// Whether the user is working in an item view right now, so that what it shows can hold still
// under them: the pointer over it and moved, pressed or scrolled within the last pauseMs, a key
// pressed in it within pauseMs, a mouse button held (a drag, a selection being drawn) or a popup
// menu open. settled() says when that ends by itself (the pointer left, the pause ran out); a
// popup closing elsewhere says nothing, so whoever waits also looks again on a clock of its own.
class ViewInteraction : public QObject
{
    Q_OBJECT
public:
    static constexpr int pauseMs = 1500;

    explicit ViewInteraction(QAbstractItemView *view);

    bool isActive() const;
    // Where the pointer is in the view's viewport; nullopt while it is elsewhere.
    std::optional<QPoint> pointerPosition() const { return m_pointer; }

signals:
    void settled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void viewportEvent(QEvent *event);

    QAbstractItemView *m_view;
    QTimer m_pause; // runs while the last input is recent
    std::optional<QPoint> m_pointer;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewinteraction.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QContextMenuEvent>
#include <QEnterEvent>
#include <QMouseEvent>
#include <QWheelEvent>

namespace mqttscope {

ViewInteraction::ViewInteraction(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
    m_pause.setSingleShot(true);
    m_pause.setInterval(pauseMs);
    connect(&m_pause, &QTimer::timeout, this, &ViewInteraction::settled);
    // Moves without a button reach the viewport only with tracking on.
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);
}

bool ViewInteraction::isActive() const
{
    return m_pause.isActive() || QApplication::mouseButtons() != Qt::NoButton
        || QApplication::activePopupWidget() != nullptr;
}

bool ViewInteraction::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport())
        viewportEvent(event);
    else if (event->type() == QEvent::KeyPress)
        m_pause.start(); // keyboard selection, wherever the pointer is
    return QObject::eventFilter(watched, event);
}

void ViewInteraction::viewportEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::Enter:
        m_pointer = static_cast<QEnterEvent *>(event)->position().toPoint();
        m_pause.start();
        break;
    case QEvent::MouseMove:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
        m_pointer = static_cast<QMouseEvent *>(event)->position().toPoint();
        m_pause.start();
        break;
    case QEvent::Wheel:
        m_pointer = static_cast<QWheelEvent *>(event)->position().toPoint();
        m_pause.start();
        break;
    case QEvent::ContextMenu:
        m_pointer = static_cast<QContextMenuEvent *>(event)->pos();
        m_pause.start();
        break;
    case QEvent::Leave:
        m_pointer.reset();
        m_pause.stop();
        emit settled();
        break;
    default:
        break;
    }
}

} // namespace mqttscope

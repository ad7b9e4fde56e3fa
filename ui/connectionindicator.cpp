// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionindicator.h"

#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace mqttscope {
namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

QColor indicatorColor(ConnectionIndicator indicator, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (indicator) {
    case ConnectionIndicator::Connected:
        return dark ? QColor(0x4c, 0xc0, 0x65) : QColor(0x1e, 0x8e, 0x3e);
    case ConnectionIndicator::Connecting:
        return dark ? QColor(0xf0, 0xb4, 0x00) : QColor(0xb8, 0x86, 0x00);
    case ConnectionIndicator::Reconnecting:
        return dark ? QColor(0xff, 0x8c, 0x3a) : QColor(0xd0, 0x5a, 0x00);
    case ConnectionIndicator::Refused:
        return dark ? QColor(0xff, 0x5b, 0x5b) : QColor(0xc6, 0x28, 0x28);
    case ConnectionIndicator::Disconnected:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::WindowText);
}

QIcon indicatorIcon(ConnectionIndicator indicator, const QPalette &palette)
{
    const QColor color = indicatorColor(indicator, palette);
    const bool filled =
        indicator == ConnectionIndicator::Connected || indicator == ConnectionIndicator::Refused;
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal diameter = size * 0.625;
        const qreal pen = filled ? 0 : qMax(1.5, size / 8.0);
        const QRectF dot((size - diameter + pen) / 2, (size - diameter + pen) / 2, diameter - pen,
                         diameter - pen);
        if (filled) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
        } else {
            painter.setPen(QPen(color, pen));
            painter.setBrush(Qt::NoBrush);
        }
        painter.drawEllipse(dot);
        if (indicator == ConnectionIndicator::Refused) {
            const qreal bar = diameter * 0.55;
            painter.setBrush(Qt::white);
            painter.drawRect(QRectF((size - bar) / 2, size / 2.0 - size / 16.0, bar, size / 8.0));
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/imageview.h"

#include <QPainter>

#include <cmath>

namespace mqttscope {

namespace {
constexpr qreal maximumEnlargement = 8.0;
constexpr int checkerSize = 8;
} // namespace

ImageView::ImageView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(64, 64);
}

void ImageView::setImage(const QImage &image)
{
    m_image = image;
    update();
}

QSize ImageView::sizeHint() const
{
    return m_image.isNull() ? QSize(200, 150) : m_image.size().boundedTo(QSize(800, 600));
}

QRect ImageView::targetRect() const
{
    if (m_image.isNull())
        return {};
    const QSize available = size();
    qreal scale = qMin(qreal(available.width()) / m_image.width(),
                       qreal(available.height()) / m_image.height());
    if (scale > 1.0)
        scale = qMin(maximumEnlargement, std::floor(scale)); // whole pixels only
    const QSize shown = (QSizeF(m_image.size()) * scale).toSize().expandedTo(QSize(1, 1));
    return QRect(
        QPoint((available.width() - shown.width()) / 2, (available.height() - shown.height()) / 2),
        shown);
}

void ImageView::paintEvent(QPaintEvent *)
{
    if (m_image.isNull())
        return;
    QPainter painter(this);
    const QRect target = targetRect();
    // A checkerboard in two palette shades behind the image shows where it is transparent.
    if (m_image.hasAlphaChannel()) {
        const QColor light = palette().color(QPalette::Base);
        const QColor dark = palette().color(QPalette::AlternateBase).darker(110);
        painter.save();
        painter.setClipRect(target);
        for (int y = target.top(); y < target.bottom(); y += checkerSize) {
            for (int x = target.left(); x < target.right(); x += checkerSize) {
                const bool odd =
                    ((x - target.left()) / checkerSize + (y - target.top()) / checkerSize) % 2;
                painter.fillRect(x, y, checkerSize, checkerSize, odd ? dark : light);
            }
        }
        painter.restore();
    }
    const bool enlarged = target.width() > m_image.width();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, !enlarged);
    painter.drawImage(target, m_image);
}

} // namespace mqttscope

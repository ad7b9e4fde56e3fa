// SPDX-License-Identifier: GPL-3.0-or-later
#include "camerasnapshot.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>

namespace mqttscope {

QByteArray cameraSnapshotPng(int frame, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(0x3a, 0x44, 0x50)); // the hall
    QPainter painter(&image);
    const int beltTop = height * 6 / 10;
    painter.fillRect(0, beltTop, width, height / 5, QColor(0x22, 0x22, 0x22)); // the belt
    for (int x = (frame * 3) % 12 - 12; x < width; x += 12) // its rollers, moving
        painter.fillRect(x, beltTop + height / 5, 6, 3, QColor(0x88, 0x88, 0x88));
    const int boxSize = height / 4;
    const int boxX = (frame * 5) % (width + boxSize) - boxSize;
    painter.fillRect(boxX, beltTop - boxSize, boxSize, boxSize,
                     QColor(0xc8, 0x96, 0x4b)); // the box
    painter.fillRect(width - 10, 4, 6, 6,
                     frame % 2 ? QColor(Qt::red) : QColor(0x55, 0, 0)); // REC light
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QWidget>

namespace mqttscope {

// Shows one image scaled to fit the widget, keeping its aspect ratio, on a checkerboard so that
// transparency is visible. Small images are enlarged by whole pixels (at most 8x) rather than
// smoothed, so what is shown stays true to the pixels received.
class ImageView : public QWidget
{
    Q_OBJECT
public:
    explicit ImageView(QWidget *parent = nullptr);

    void setImage(const QImage &image);
    QImage image() const { return m_image; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRect targetRect() const;

    QImage m_image;
};

} // namespace mqttscope

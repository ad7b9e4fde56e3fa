// SPDX-License-Identifier: GPL-3.0-or-later
#include "revealsecretaction.h"

#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

// An eye in the field's text colour, crossed out while the secret shows (click to hide it). Drawn
// rather than taken from the icon theme, which desktops without one (and the offscreen tests) do
// not have.
QIcon eyeIcon(const QColor &colour, bool crossed)
{
    constexpr int size = 16;
    QPixmap pixmap(size * 2, size * 2); // sharp on a display scaled up to 2x
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 1.3));
    QPainterPath outline;
    outline.moveTo(1.5, 8);
    outline.quadTo(8, 1, 14.5, 8);
    outline.quadTo(8, 15, 1.5, 8);
    painter.drawPath(outline);
    painter.setBrush(colour);
    painter.drawEllipse(QPointF(8, 8), 2.2, 2.2);
    if (crossed)
        painter.drawLine(QPointF(2.5, 13.5), QPointF(13.5, 2.5));
    return QIcon(pixmap);
}

} // namespace

RevealSecretAction::RevealSecretAction(QLineEdit *field)
    : QAction(field)
    , m_field(field)
{
    setObjectName(field->objectName() + "Reveal"_L1);
    setCheckable(true);
    connect(this, &QAction::toggled, this, &RevealSecretAction::update);
    field->addAction(this, QLineEdit::TrailingPosition);
    update(false);
}

void RevealSecretAction::update(bool revealed)
{
    m_field->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    setIcon(eyeIcon(m_field->palette().color(QPalette::Text), revealed));
    setToolTip(revealed ? tr("Hide the password") : tr("Show the password"));
}

} // namespace mqttscope

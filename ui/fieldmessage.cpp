// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldmessage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace mqttscope {

FieldMessage::FieldMessage(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void FieldMessage::showMessage(const QString &text, Kind kind)
{
    if (text.isEmpty()) {
        clearMessage();
        return;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const auto icon =
        kind == Kind::Error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning;
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    m_text->setText(text);
    show();
}

void FieldMessage::clearMessage()
{
    m_text->clear();
    hide();
}

QString FieldMessage::text() const
{
    return m_text->text();
}

} // namespace mqttscope

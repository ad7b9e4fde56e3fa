// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingbar.h"

#include "recordingstatustext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

RecordingBar::RecordingBar(QWidget *parent)
    : QWidget(parent)
    , m_record(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_stop(new QToolButton(this))
{
    setObjectName(u"recordingBar"_s);
    m_record->setObjectName(u"recordButton"_s);
    m_record->setText(tr("Record…"));
    m_record->setToolTip(tr("Record what this connection receives and publishes to a file"));
    m_record->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_record->setAutoRaise(true);
    m_stop->setObjectName(u"stopRecordingButton"_s);
    m_stop->setText(tr("Stop"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop, nullptr, this));
    m_stop->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stop->setAutoRaise(true);
    m_status->setObjectName(u"recordingStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_record);
    layout->addWidget(m_status);
    layout->addWidget(m_stop);
    layout->addStretch(1);
    connect(m_record, &QToolButton::clicked, this, &RecordingBar::recordRequested);
    connect(m_stop, &QToolButton::clicked, this, &RecordingBar::stopRequested);
    setStatus({});
}

QIcon RecordingBar::dotIcon(const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return QIcon(pixmap);
}

void RecordingBar::setStatus(const RecordingStatus &status)
{
    const bool recording = status.state == RecordingStatus::State::Recording;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_record->setIcon(
        dotIcon(recording ? QColor(0xd0, 0x20, 0x20) : palette().color(QPalette::Mid), size));
    m_record->setEnabled(!recording);
    m_stop->setVisible(recording);
    m_status->setVisible(status.state != RecordingStatus::State::Idle);
    m_status->setText(RecordingStatusText::summary(status));
}

QString RecordingBar::statusText() const
{
    return m_status->text();
}

} // namespace mqttscope

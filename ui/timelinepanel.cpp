// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinepanel.h"

#include "views/ratetimeline.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_timeline(new RateTimeline(this))
    , m_play(new QToolButton(this))
    , m_speed(new QComboBox(this))
    , m_moment(new QLabel(this))
{
    setObjectName(u"timelinePanel"_s);
    m_play->setObjectName(u"playButton"_s);
    m_play->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_speed->setObjectName(u"speedBox"_s);
    for (int speed : {1, 10, 100})
        m_speed->addItem(tr("%1×").arg(speed), speed);
    m_speed->setToolTip(tr("Speed of play, times the recorded pace"));
    m_moment->setObjectName(u"momentLabel"_s);
    m_moment->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_play);
    controls->addWidget(m_speed);
    controls->addWidget(m_moment, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_timeline);
    layout->addLayout(controls);

    connect(m_timeline, &RateTimeline::positionChosen, this, &TimelinePanel::seekRequested);
    connect(m_timeline, &RateTimeline::positionChosen, this, &TimelinePanel::showMoment);
    connect(m_timeline, &RateTimeline::positionDragged, this, &TimelinePanel::showMoment);
    connect(m_play, &QToolButton::clicked, this, &TimelinePanel::playToggled);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { emit speedChanged(speed()); });
    setPlaying(false);
}

int TimelinePanel::speed() const
{
    return m_speed->currentData().toInt();
}

void TimelinePanel::setPlaying(bool playing)
{
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay,
                                          nullptr, this));
}

void TimelinePanel::setPosition(qint64 us)
{
    m_timeline->setPosition(us);
    showMoment(m_timeline->position());
}

void TimelinePanel::showMoment(qint64 us)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(us / 1000);
    m_moment->setText(tr("State at %1").arg(time.toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s)));
}

} // namespace mqttscope

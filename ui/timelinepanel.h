// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace mqttscope {

class RateTimeline;

// Under a recording's tree: the rate chart with its cursor, Play/Pause, the speed (1×, 10×,
// 100×) and the moment shown. Only widgets: the tab seeks and plays.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(QWidget *parent = nullptr);

    RateTimeline *timeline() const { return m_timeline; }
    QToolButton *playButton() const { return m_play; }
    QComboBox *speedBox() const { return m_speed; }
    int speed() const;

    void setPlaying(bool playing);
    void setPosition(qint64 us); // the cursor and the label

signals:
    void seekRequested(qint64 us);
    void playToggled(); // play when paused, pause when playing
    void speedChanged(int speed);

private:
    void showMoment(qint64 us);

    RateTimeline *m_timeline;
    QToolButton *m_play;
    QComboBox *m_speed;
    QLabel *m_moment;
};

} // namespace mqttscope

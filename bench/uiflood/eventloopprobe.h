// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

namespace mqttscope::bench {

// How long the GUI thread makes a due event wait: a precise 1 ms single-shot timer, re-armed
// each time it fires, records by how much it fired late. While the event loop is free the
// lateness stays well under a millisecond; a flush or a layout that holds the thread for 40 ms
// shows up as a 40 ms sample. The samples are what a user's click or keystroke would wait.
class EventLoopProbe : public QObject
{
    Q_OBJECT
public:
    struct Summary
    {
        qsizetype samples = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
        double over16Ms = 0; // share of samples later than one 60 Hz frame
    };

    explicit EventLoopProbe(int intervalMs = 1, QObject *parent = nullptr);

    void start(); // clears the samples
    void stop();
    Summary summary() const;

private:
    void onTimeout();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_armedAtNs = 0;
    QList<double> m_latenessMs;
};

} // namespace mqttscope::bench

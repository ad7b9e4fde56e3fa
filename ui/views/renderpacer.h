// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace mqttscope {

// Spaces out a view's renders that follow a live stream, so that they take at most a share of
// the GUI thread however costly each one is: after a render that took t, the next one that
// follow() asks for waits until t * Spacing has passed since it started, and what is asked in
// the meantime becomes one render of the latest state when that time comes. A cheap render
// (small payloads) is never held back; a 20 ms one (a megabyte of JSON) runs five times a
// second. now() is for what a user asked for: at once.
class RenderPacer : public QObject
{
    Q_OBJECT
public:
    static constexpr int Spacing = 10; // renders take at most 1/Spacing of the thread

    explicit RenderPacer(std::function<void()> render, QObject *parent = nullptr);

    void follow(); // at once if due, else once when due (coalesced)
    void now();
    void cancel(); // drops a render that is waiting
    bool isWaiting() const { return m_timer.isActive(); }
    // What the renders cost so far, for the benchmarks.
    int renders() const { return m_renders; }
    qint64 totalCostNs() const { return m_totalCostNs; }
    qint64 maxCostNs() const { return m_maxCostNs; }

private:
    void run();

    std::function<void()> m_render;
    QTimer m_timer;
    QElapsedTimer m_sinceLastStart;
    qint64 m_lastCostNs = 0;
    qint64 m_totalCostNs = 0;
    qint64 m_maxCostNs = 0;
    int m_renders = 0;
};

} // namespace mqttscope

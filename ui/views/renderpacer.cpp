// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/renderpacer.h"

namespace mqttscope {

RenderPacer::RenderPacer(std::function<void()> render, QObject *parent)
    : QObject(parent)
    , m_render(std::move(render))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RenderPacer::run);
}

void RenderPacer::follow()
{
    if (m_timer.isActive())
        return; // the waiting render will show the latest
    const qint64 dueInNs =
        m_sinceLastStart.isValid() ? m_lastCostNs * Spacing - m_sinceLastStart.nsecsElapsed() : 0;
    if (dueInNs <= 0)
        run();
    else
        m_timer.start(int(dueInNs / 1'000'000) + 1);
}

void RenderPacer::now()
{
    m_timer.stop();
    run();
}

void RenderPacer::cancel()
{
    m_timer.stop();
}

void RenderPacer::run()
{
    m_sinceLastStart.start();
    m_render();
    m_lastCostNs = m_sinceLastStart.nsecsElapsed();
    m_totalCostNs += m_lastCostNs;
    m_maxCostNs = qMax(m_maxCostNs, m_lastCostNs);
    ++m_renders;
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "heapreleaser.h"

#include <QTimer>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace mqttscope {

HeapReleaser::HeapReleaser(QObject *parent, int quietMsecs)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(quietMsecs);
    connect(m_timer, &QTimer::timeout, this, &HeapReleaser::onWaited);
}

void HeapReleaser::messagesApplied(qint64 count, bool caughtUp)
{
    m_sinceRelease += count;
    if (m_timer->isActive()) {
        m_whileWaiting += count;
        return;
    }
    if (caughtUp && m_sinceRelease >= BurstMessages) {
        m_whileWaiting = 0;
        m_timer->start();
    }
}

bool HeapReleaser::isWaiting() const
{
    return m_timer->isActive();
}

void HeapReleaser::onWaited()
{
    if (m_whileWaiting > QuietMessages) { // still busy: the memory is being reused
        m_whileWaiting = 0;
        m_timer->start();
        return;
    }
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    m_sinceRelease = 0;
    emit released();
}

} // namespace mqttscope

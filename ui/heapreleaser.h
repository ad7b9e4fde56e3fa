// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QTimer;

namespace mqttscope {

// Gives the memory a burst freed back to the system once the connection is quiet again. A
// burst of a million new topics leaves tens of MiB of handed-over batches and ended highlights
// free but still mapped in the malloc arenas, where RSS counts them (docs/performance.md,
// "Memory per topic"); glibc returns them only on malloc_trim(). A trim holds each arena's lock
// for a few ms, so it runs on the connection's thread, once a burst, after the intake stayed
// low for a while: never during a flood, whose memory is reused at once.
class HeapReleaser : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 BurstMessages = 100000; // applied since the last release
    static constexpr qint64 QuietMessages = 10000; // what may arrive while waiting, still quiet
    static constexpr int DefaultQuietMsecs = 3000; // longer than the tree's change highlights

    explicit HeapReleaser(QObject *parent = nullptr, int quietMsecs = DefaultQuietMsecs);

    // `count` messages reached the window; `caughtUp` when none handed over waits for it.
    void messagesApplied(qint64 count, bool caughtUp);
    bool isWaiting() const; // for a quiet spell after a burst: its timer is armed

signals:
    void released(); // the free heap went back to the system

private:
    void onWaited();

    QTimer *m_timer;
    qint64 m_sinceRelease = 0;
    qint64 m_whileWaiting = 0;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QUuid>

namespace mqttscope {

// What the start page offers from earlier runs: when each saved profile last connected, and
// which saved profiles had a tab open at the last exit. Kept in the window's QSettings keyed by
// profile id: it is a record of use, not part of a profile (profiles.json holds what the user
// configured and may be shared or exported).
class RecentConnections
{
public:
    QDateTime lastConnected(const QUuid &profile) const; // invalid when never
    // Every profile's that ever connected, read at once: a lookup per profile opens the
    // settings a thousand times for a thousand profiles.
    QHash<QUuid, QDateTime> lastConnectedTimes() const;
    void markConnected(const QUuid &profile, const QDateTime &when = QDateTime::currentDateTime());

    QList<QUuid> lastSession() const; // in tab order
    void setLastSession(const QList<QUuid> &profiles);
};

} // namespace mqttscope

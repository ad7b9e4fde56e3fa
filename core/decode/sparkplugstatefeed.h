// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/sparkplugstatechanges.h"
#include "decode/sparkplugtracker.h"
#include "protocol/message.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace mqttscope {

// A connection's SparkplugTracker fed from its message batches, on the connection's thread: only
// spBv1.0/ topics reach the tracker (it reads the state alone, no JSON), and only what a row of the
// tree shows (online, issue count, last issue) and the BIRTHs' aliases are handed on, so a flood of
// well-formed DDATA hands the GUI nothing. Not thread-safe; fed in arrival order.
class SparkplugStateFeed
{
public:
    void observe(const QList<Message> &messages);
    bool hasChanges() const { return !m_changed.isEmpty() || !m_births.isEmpty(); }
    // What changed since the last call, each endpoint once.
    SparkplugStateChanges takeChanges();
    const SparkplugTracker &tracker() const { return m_tracker; }

private:
    void observeOne(const Message &message);
    void noteNode(const QString &group, const QString &edgeNode);
    void noteDevice(const QString &group, const QString &edgeNode, const QString &device);
    void noteHost(const QString &hostId);
    void note(const QString &key, const SparkplugEndpointChange &now);

    SparkplugTracker m_tracker;
    QHash<QString, QSet<QString>> m_devices; // "<group>/<node>" -> devices seen
    QHash<QString, SparkplugEndpointChange> m_shown; // by endpoint key, as last handed on
    QHash<QString, SparkplugEndpointChange> m_changed; // since the last takeChanges()
    QList<SparkplugBirth> m_births;
};

} // namespace mqttscope

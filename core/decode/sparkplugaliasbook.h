// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/sparkplugstatechanges.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

namespace mqttscope {

// The alias tables of a connection's BIRTHs, kept where the payload view reads them: a DATA
// message the user selects, perhaps long after it arrived, is read with the names of the BIRTHs
// before it (its node's, then its device's, as SparkplugTracker read it), not with the latest.
// Bounded: the last KeptBirths BIRTHs of each node or device.
class SparkplugAliasBook
{
public:
    static constexpr qsizetype KeptBirths = 16;

    void add(const SparkplugBirth &birth); // in arrival order
    // The names for the aliases of a message on `topic` received at `receivedMsecs`; empty for
    // a topic that is not a node's or device's.
    QHash<quint64, QString> aliasesFor(QByteArrayView topic, qint64 receivedMsecs) const;
    void clear() { m_births.clear(); }

private:
    struct Entry
    {
        qint64 receivedMsecs;
        QHash<quint64, QString> aliases;
    };
    const Entry *lastBefore(const QString &key, qint64 receivedMsecs) const;

    QHash<QString, QList<Entry>> m_births; // "<group>/<node>" or "<group>/<node>/<device>"
};

} // namespace mqttscope

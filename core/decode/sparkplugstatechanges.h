// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

namespace mqttscope {

// One Sparkplug B endpoint as the topic tree shows it, after it changed: an edge node
// (`device` empty), one of its devices, or a host application (its STATE, `hostId` set).
struct SparkplugEndpointChange
{
    QString group;
    QString edgeNode;
    QString device;
    QString hostId; // a host's STATE; the other fields are empty then
    bool online = false;
    int issueCount = 0;
    QString lastIssue; // translated, e.g. "seq 7 expected, 9 received"

    bool isHost() const { return !hostId.isEmpty(); }
    friend bool operator==(const SparkplugEndpointChange &,
                           const SparkplugEndpointChange &) = default;
};

// The metric aliases a BIRTH defined, from when it arrived: a DATA message is read with the
// names of the last BIRTH before it.
struct SparkplugBirth
{
    QString group;
    QString edgeNode;
    QString device; // empty for an NBIRTH
    qint64 receivedMsecs = 0;
    QHash<quint64, QString> aliases;
};

// What a connection's Sparkplug state handed over since the last time: the endpoints whose
// shown state changed (each once, its latest) and the BIRTHs in arrival order.
struct SparkplugStateChanges
{
    QList<SparkplugEndpointChange> endpoints;
    QList<SparkplugBirth> births;

    bool isEmpty() const { return endpoints.isEmpty() && births.isEmpty(); }
};

} // namespace mqttscope

Q_DECLARE_METATYPE(mqttscope::SparkplugStateChanges)

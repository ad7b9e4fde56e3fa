// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/decodedpayload.h"
#include "decode/sparkplugpayload.h"
#include "decode/sparkplugtopic.h"
#include "protocol/message.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace mqttscope {

// The Sparkplug B state of one connection's edge nodes and devices, built from the messages as
// they arrive: online/offline from BIRTH/DEATH (and a host's STATE), the bdSeq of NBIRTH against
// NDEATH, seq continuity (0..255, wrapping) across a node's messages, metric aliases learned from
// each BIRTH. Not thread-safe; one per connection, fed in arrival order.
class SparkplugTracker
{
public:
    enum class Issue {
        DataWithoutBirth, // NDATA/DDATA/DBIRTH/DDEATH before the node's NBIRTH
        SequenceGap, // seq skipped one or more values
        SequenceOutOfOrder, // seq went back (not a wrap)
        BdSeqMismatch, // NDEATH's bdSeq is not the one the NBIRTH announced
        UnknownAlias, // a DATA metric alias the BIRTH did not define
        MalformedPayload,
    };
    struct Report
    {
        Issue issue;
        QString text; // translated: "seq 7 expected, 9 received"
    };
    struct Observation
    {
        std::optional<Sparkplug::TopicName> topic; // nullopt: not a Sparkplug topic
        // With aliases resolved to the BIRTH's names (Detail::State: only a failure).
        DecodedPayload decoded;
        QList<Report> reports;
    };
    struct EndpointState // an edge node or a device
    {
        bool online = false;
        std::optional<quint64> bdSeq; // nodes only
        std::optional<quint64> lastSeq;
        qint64 lastBirthMsecs = 0;
        qint64 lastDeathMsecs = 0;
        int issueCount = 0;
        QString lastIssue;
    };

    // What observe() reads of a payload: the state alone (its seq, bdSeq and aliases: a fifth of
    // the cost, for a connection's flood), or the JSON with aliases resolved as well.
    enum class Detail { State, StateAndJson };
    Observation observe(const Message &message, Detail detail = Detail::StateAndJson);

    std::optional<EndpointState> node(const QString &group, const QString &edgeNode) const;
    std::optional<EndpointState> device(const QString &group, const QString &edgeNode,
                                        const QString &device) const;
    std::optional<bool> hostOnline(const QString &hostId) const; // from spBv1.0/STATE/<id>
    // The metric aliases the endpoint's last BIRTH defined (a device's own, not its node's).
    QHash<quint64, QString> aliases(const QString &group, const QString &edgeNode,
                                    const QString &device = {}) const;
    void clear();

private:
    struct Endpoint
    {
        EndpointState state;
        QHash<quint64, QString> aliases; // from the last BIRTH
    };
    struct Node
    {
        Endpoint endpoint;
        QHash<QString, Endpoint> devices;
    };
    void observeState(const Sparkplug::TopicName &topic, const Message &message, Observation *out);
    void observeNodeMessage(const Sparkplug::TopicName &topic, const Message &message,
                            Detail detail, Observation *out);
    std::optional<Sparkplug::Summary> readPayload(const Sparkplug::TopicName &topic,
                                                  const Node &node, const Message &message,
                                                  Detail detail, Observation *out) const;
    void checkSequence(Node &node, const Sparkplug::Summary &summary, Observation *out);
    void onNodeBirth(Node &node, const Sparkplug::Summary &summary, qint64 msecs);
    void onNodeDeath(Node &node, const Sparkplug::Summary &summary, qint64 msecs, Observation *out);
    void onDeviceMessage(const Sparkplug::TopicName &topic, Node &node,
                         const Sparkplug::Summary &summary, qint64 msecs, Observation *out);
    static void report(Endpoint &endpoint, Observation *out, Issue issue, const QString &text);

    QHash<QString, Node> m_nodes; // by "<group>/<edge node>"
    QHash<QString, bool> m_hosts;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/sparkplugstatechanges.h"
#include "explorer/topicstore.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

namespace mqttscope {

// The Sparkplug B state the topic tree shows, keyed so that a row finds its edge node, device
// or host from its own topic: every spBv1.0/<group>/<type>/<node> row shows the node, every
// spBv1.0/<group>/<type>/<node>/<device> row the device, spBv1.0/STATE/<host> the host. Rows
// outside spBv1.0/ are rejected by their first bytes, so the flood pays nothing for it.
class SparkplugRowStatus
{
public:
    struct Endpoint
    {
        bool online = false;
        int issueCount = 0;
        QString lastIssue;
    };

    void update(const SparkplugEndpointChange &change);
    void clear() { m_endpoints.clear(); }
    bool isEmpty() const { return m_endpoints.isEmpty(); }

    // The endpoint a tree row of this topic shows; nullptr for any other row.
    const Endpoint *forTopic(QByteArrayView topic) const;
    static bool isHostTopic(QByteArrayView topic);
    // The rows of `store` that show `change`'s endpoint (a node or device has one under each
    // message type level of its group), appended to `rows`.
    static void appendRowsOf(const TopicStore &store, const SparkplugEndpointChange &change,
                             QList<TopicNodeId> *rows);

private:
    QHash<QString, Endpoint> m_endpoints; // "g/node", "g/node/device", "STATE/host"
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QSet>
#include <QStringList>

class QAbstractItemModel;

namespace mqttscope {

// The Sparkplug B groups, edge nodes and devices a topic tree has seen under spBv1.0/
// (spBv1.0/<group>/<type>/<edge node>[/<device>]), for the command composer to offer.
class SparkplugNodeList
{
public:
    // Reads a topic tree (TopicTreeModel's TopicRole on column 0); null or empty: none.
    static SparkplugNodeList fromTopicTree(const QAbstractItemModel *model);

    void add(const QString &group, const QString &edgeNode, const QString &device = {});
    QStringList groups() const; // sorted
    QStringList edgeNodes(const QString &group) const;
    QStringList devices(const QString &group, const QString &edgeNode) const;

private:
    QMap<QString, QMap<QString, QSet<QString>>> m_nodes; // group -> edge node -> devices
};

} // namespace mqttscope

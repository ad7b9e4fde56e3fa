// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparkplugnodelist.h"

#include "decode/sparkplugtopic.h"
#include "models/topictreemodel.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

constexpr int TopicRole = TopicTreeModel::TopicRole;

// The rows under `parent` whose topics are Sparkplug node or device topics, recursively down to
// the device level (spBv1.0/group/type/node/device: five levels).
void collect(const QAbstractItemModel *model, const QModelIndex &parent, int depth,
             SparkplugNodeList *list)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        const QByteArray topic = model->data(index, TopicRole).toString().toUtf8();
        if (depth >= 3) {
            const auto name = Sparkplug::TopicName::parse(topic);
            if (name && name->type != Sparkplug::MessageType::State)
                list->add(name->group, name->edgeNode, name->device);
        }
        if (depth < 4)
            collect(model, index, depth + 1, list);
    }
}

QStringList sorted(QStringList names)
{
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

SparkplugNodeList SparkplugNodeList::fromTopicTree(const QAbstractItemModel *model)
{
    SparkplugNodeList list;
    if (!model)
        return list;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex top = model->index(row, 0);
        if (model->data(top, TopicRole).toString() == "spBv1.0"_L1)
            collect(model, top, 1, &list);
    }
    return list;
}

void SparkplugNodeList::add(const QString &group, const QString &edgeNode, const QString &device)
{
    QSet<QString> &devices = m_nodes[group][edgeNode];
    if (!device.isEmpty())
        devices.insert(device);
}

QStringList SparkplugNodeList::groups() const
{
    return m_nodes.keys();
}

QStringList SparkplugNodeList::edgeNodes(const QString &group) const
{
    return m_nodes.value(group).keys();
}

QStringList SparkplugNodeList::devices(const QString &group, const QString &edgeNode) const
{
    const QSet<QString> devices = m_nodes.value(group).value(edgeNode);
    return sorted(QStringList(devices.cbegin(), devices.cend()));
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace mqttscope {

using TopicNodeId = quint32;

// What changed in a TopicStore since the last TopicStore::takeChanges(), shaped for an item
// model's signals: one insert per parent per contiguous range, then the rows whose data changed.
struct TopicStoreChanges
{
    // New children appended to a node that existed before this change window. Nodes created
    // under a node that is itself new are not listed: they arrive with their new ancestor, as
    // one detached branch attached by one insert.
    struct InsertedRows
    {
        TopicNodeId parent = 0;
        int first = 0; // rows first..last of parent are new
        int last = 0;
    };

    QList<InsertedRows> inserted;
    // Nodes that existed before this window whose own message or subtree counters changed,
    // each once, in the order first touched. Never the root.
    QList<TopicNodeId> updated;

    bool isEmpty() const { return inserted.isEmpty() && updated.isEmpty(); }
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <vector>

namespace mqttscope {

// Finds the child of a topic node by its interned level: one open-addressing table for the
// whole tree, keyed by (parent id, segment id), instead of a hash per node. Linear probing with
// backward-shift deletion, so removing a subtree leaves no tombstones behind.
class ChildIndex
{
public:
    static constexpr quint32 NotFound = 0;

    ChildIndex();

    quint32 find(quint32 parent, quint32 segment) const; // NotFound when absent
    void insert(quint32 parent, quint32 segment, quint32 child);
    void remove(quint32 parent, quint32 segment);
    void clear();

private:
    struct Slot
    {
        quint32 parent = 0;
        quint32 segment = 0;
        quint32 child = 0; // 0 marks an empty slot: the root is nobody's child
    };

    std::size_t home(quint32 parent, quint32 segment) const;
    std::size_t slotOf(quint32 parent, quint32 segment) const; // its slot, or an empty one
    void grow();

    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

} // namespace mqttscope

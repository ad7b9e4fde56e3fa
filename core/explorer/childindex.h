// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <vector>

namespace mqttscope {

// Finds the child of a topic node by its interned level: one open-addressing table for the
// whole tree, keyed by (parent id, segment id), instead of a hash per node. Linear probing with
// backward-shift deletion, so removing a subtree leaves no tombstones behind.
//
// A slot holds only the child and a 32-bit hash of its key (8 bytes, at most half the slots
// used: 8 to 16 bytes per node); the key itself is the child's, read back through `keyOf(child)`
// when the hashes agree, so the caller (the topic store) keeps it once, in its node.
class ChildIndex
{
public:
    static constexpr quint32 NotFound = 0;

    struct Key
    {
        quint32 parent = 0;
        quint32 segment = 0;
        friend bool operator==(Key, Key) = default;
    };

    ChildIndex();

    // The child under `key`, NotFound when absent; `keyOf(child)` returns a child's Key.
    template<typename KeyOf>
    quint32 find(Key key, const KeyOf &keyOf) const
    {
        return m_slots[slotOf(key, keyOf)].child;
    }
    // Adds `child` (never 0: the root is nobody's child) under `key`, which must be absent.
    void insert(Key key, quint32 child);
    template<typename KeyOf>
    void remove(Key key, const KeyOf &keyOf)
    {
        const std::size_t slot = slotOf(key, keyOf);
        if (m_slots[slot].child != NotFound)
            removeAt(slot);
    }
    void clear();
    std::size_t count() const { return m_count; }

private:
    struct Slot
    {
        quint32 child = NotFound; // NotFound marks an empty slot
        quint32 hash = 0;
    };

    static quint32 hashOf(Key key)
    {
        // Fibonacci hashing of the 64-bit key: the high bits are well mixed.
        const quint64 packed = (quint64(key.parent) << 32) | key.segment;
        return quint32((packed * 0x9E3779B97F4A7C15ull) >> 32);
    }
    std::size_t home(quint32 hash) const { return hash & (m_slots.size() - 1); }
    // The slot holding `key`, or the empty slot ending its probe run.
    template<typename KeyOf>
    std::size_t slotOf(Key key, const KeyOf &keyOf) const
    {
        const quint32 hash = hashOf(key);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t slot = home(hash);; slot = (slot + 1) & mask) {
            const Slot &s = m_slots[slot];
            if (s.child == NotFound || (s.hash == hash && keyOf(s.child) == key))
                return slot;
        }
    }
    void removeAt(std::size_t slot);
    void grow();

    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

} // namespace mqttscope

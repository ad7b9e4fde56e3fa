// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>
#include <vector>

namespace mqttscope {

// Finds the child of a topic node by its interned level: one open-addressing table for the
// whole tree, keyed by (parent id, segment id), instead of a hash per node. Linear probing with
// backward-shift deletion, so removing a subtree leaves no tombstones behind.
//
// A slot holds only the child and a 32-bit hash of its key (8 bytes, at most half the slots
// used: 8 to 16 bytes per node); the key itself is the child's, read back through `keyOf(child)`
// when the hashes agree, so the caller (the topic store) keeps it once, in its node.
//
// The table is split by the hash's top bits into shards that each grow on their own, so that
// no insert rehashes more than a shard: one table doubling at a million nodes rewrote 16 MiB at
// random, 15-50 ms in one go on the GUI thread.
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
        const quint32 hash = hashOf(key);
        const Shard &shard = shardOf(hash);
        return shard.table[slotOf(shard, hash, key, keyOf)].child;
    }
    // Adds `child` (never 0: the root is nobody's child) under `key`, which must be absent.
    void insert(Key key, quint32 child);
    template<typename KeyOf>
    void remove(Key key, const KeyOf &keyOf)
    {
        const quint32 hash = hashOf(key);
        Shard &shard = shardOf(hash);
        const std::size_t slot = slotOf(shard, hash, key, keyOf);
        if (shard.table[slot].child != NotFound)
            removeAt(shard, slot);
    }
    void clear();
    std::size_t count() const { return m_count; }
    // The most slots one insert can rehash: the largest shard's.
    std::size_t largestShardSlots() const;

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
    struct Shard
    {
        std::vector<Slot> table; // a power of two, at most half used
        std::size_t count = 0;

        std::size_t home(quint32 hash) const { return hash & (table.size() - 1); }
    };
    static constexpr int ShardBits = 8;

    const Shard &shardOf(quint32 hash) const { return m_shards[hash >> (32 - ShardBits)]; }
    Shard &shardOf(quint32 hash) { return m_shards[hash >> (32 - ShardBits)]; }
    // The slot of `shard` holding `key`, or the empty slot ending its probe run.
    template<typename KeyOf>
    static std::size_t slotOf(const Shard &shard, quint32 hash, Key key, const KeyOf &keyOf)
    {
        const std::size_t mask = shard.table.size() - 1;
        for (std::size_t slot = shard.home(hash);; slot = (slot + 1) & mask) {
            const Slot &s = shard.table[slot];
            if (s.child == NotFound || (s.hash == hash && keyOf(s.child) == key))
                return slot;
        }
    }
    static void place(Shard &shard, Slot entry); // into an empty slot: the shard has room
    void removeAt(Shard &shard, std::size_t slot);
    static void grow(Shard &shard);

    std::array<Shard, std::size_t(1) << ShardBits> m_shards;
    std::size_t m_count = 0;
};

} // namespace mqttscope

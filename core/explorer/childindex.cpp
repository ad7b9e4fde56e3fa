// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/childindex.h"

#include <algorithm>

namespace mqttscope {

namespace {
// 256 shards of 16 slots: 32 KiB for an empty tree.
constexpr std::size_t InitialShardSlots = 16;
} // namespace

ChildIndex::ChildIndex()
{
    clear();
}

void ChildIndex::clear()
{
    for (Shard &shard : m_shards) {
        shard.table.assign(InitialShardSlots, Slot{});
        shard.table.shrink_to_fit();
        shard.count = 0;
    }
    m_count = 0;
}

std::size_t ChildIndex::largestShardSlots() const
{
    return std::max_element(
               m_shards.cbegin(), m_shards.cend(),
               [](const Shard &a, const Shard &b) { return a.table.size() < b.table.size(); })
        ->table.size();
}

void ChildIndex::insert(Key key, quint32 child)
{
    Q_ASSERT(child != NotFound);
    const quint32 hash = hashOf(key);
    Shard &shard = shardOf(hash);
    place(shard, Slot{child, hash});
    ++m_count;
    if (++shard.count * 2 > shard.table.size())
        grow(shard);
}

void ChildIndex::place(Shard &shard, Slot entry)
{
    const std::size_t mask = shard.table.size() - 1;
    std::size_t slot = shard.home(entry.hash);
    while (shard.table[slot].child != NotFound)
        slot = (slot + 1) & mask;
    shard.table[slot] = entry;
}

void ChildIndex::removeAt(Shard &shard, std::size_t hole)
{
    const std::size_t mask = shard.table.size() - 1;
    --shard.count;
    --m_count;
    // Backward-shift: move later entries of the probe run into the hole when their home slot
    // does not lie cyclically between the hole and their current slot.
    for (std::size_t next = (hole + 1) & mask;; next = (next + 1) & mask) {
        const Slot &s = shard.table[next];
        if (s.child == NotFound)
            break;
        const std::size_t want = shard.home(s.hash);
        const bool stays =
            hole <= next ? (hole < want && want <= next) : (hole < want || want <= next);
        if (!stays) {
            shard.table[hole] = s;
            hole = next;
        }
    }
    shard.table[hole] = Slot{};
}

void ChildIndex::grow(Shard &shard)
{
    std::vector<Slot> old(shard.table.size() * 2, Slot{});
    old.swap(shard.table);
    for (const Slot &s : old) {
        if (s.child != NotFound)
            place(shard, s);
    }
}

} // namespace mqttscope

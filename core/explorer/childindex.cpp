// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/childindex.h"

namespace mqttscope {

namespace {
constexpr std::size_t InitialSlots = 1024;
}

ChildIndex::ChildIndex()
{
    clear();
}

void ChildIndex::clear()
{
    m_slots.assign(InitialSlots, Slot{});
    m_count = 0;
}

std::size_t ChildIndex::home(quint32 parent, quint32 segment) const
{
    // Fibonacci hashing of the 64-bit key: the high bits are well mixed.
    const quint64 key = (quint64(parent) << 32) | segment;
    return std::size_t((key * 0x9E3779B97F4A7C15ull) >> 32) & (m_slots.size() - 1);
}

std::size_t ChildIndex::slotOf(quint32 parent, quint32 segment) const
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = home(parent, segment);; slot = (slot + 1) & mask) {
        const Slot &s = m_slots[slot];
        if (s.child == 0 || (s.parent == parent && s.segment == segment))
            return slot;
    }
}

quint32 ChildIndex::find(quint32 parent, quint32 segment) const
{
    return m_slots[slotOf(parent, segment)].child;
}

void ChildIndex::insert(quint32 parent, quint32 segment, quint32 child)
{
    Slot &s = m_slots[slotOf(parent, segment)];
    if (s.child == 0)
        ++m_count;
    s = Slot{parent, segment, child};
    if (m_count * 2 > m_slots.size())
        grow();
}

void ChildIndex::remove(quint32 parent, quint32 segment)
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t hole = slotOf(parent, segment);
    if (m_slots[hole].child == 0)
        return;
    --m_count;
    // Backward-shift: move later entries of the probe run into the hole when their home slot
    // does not lie cyclically between the hole and their current slot.
    for (std::size_t next = (hole + 1) & mask;; next = (next + 1) & mask) {
        const Slot &s = m_slots[next];
        if (s.child == 0)
            break;
        const std::size_t want = home(s.parent, s.segment);
        const bool stays =
            hole <= next ? (hole < want && want <= next) : (hole < want || want <= next);
        if (!stays) {
            m_slots[hole] = s;
            hole = next;
        }
    }
    m_slots[hole] = Slot{};
}

void ChildIndex::grow()
{
    std::vector<Slot> old;
    old.swap(m_slots);
    m_slots.assign(old.size() * 2, Slot{});
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot &s : old) {
        if (s.child == 0)
            continue;
        std::size_t slot = home(s.parent, s.segment);
        while (m_slots[slot].child != 0)
            slot = (slot + 1) & mask;
        m_slots[slot] = s;
    }
}

} // namespace mqttscope

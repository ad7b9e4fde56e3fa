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

void ChildIndex::insert(Key key, quint32 child)
{
    Q_ASSERT(child != NotFound);
    const quint32 hash = hashOf(key);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t slot = home(hash);
    while (m_slots[slot].child != NotFound)
        slot = (slot + 1) & mask;
    m_slots[slot] = Slot{child, hash};
    if (++m_count * 2 > m_slots.size())
        grow();
}

void ChildIndex::removeAt(std::size_t hole)
{
    const std::size_t mask = m_slots.size() - 1;
    --m_count;
    // Backward-shift: move later entries of the probe run into the hole when their home slot
    // does not lie cyclically between the hole and their current slot.
    for (std::size_t next = (hole + 1) & mask;; next = (next + 1) & mask) {
        const Slot &s = m_slots[next];
        if (s.child == NotFound)
            break;
        const std::size_t want = home(s.hash);
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
        if (s.child == NotFound)
            continue;
        std::size_t slot = home(s.hash);
        while (m_slots[slot].child != NotFound)
            slot = (slot + 1) & mask;
        m_slots[slot] = s;
    }
}

} // namespace mqttscope

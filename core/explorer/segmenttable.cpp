// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/segmenttable.h"

#include <QHash>

#include <cstring>

namespace mqttscope {

namespace {
constexpr std::size_t InitialSlots = 1024;
}

SegmentTable::SegmentTable()
{
    clear();
}

void SegmentTable::clear()
{
    m_bytes.clear();
    m_offsets.assign(1, 0);
    m_slots.assign(InitialSlots, 0);
}

quint32 SegmentTable::hashOf(QByteArrayView text)
{
    return quint32(qHash(text, 0));
}

quint32 SegmentTable::slotOf(QByteArrayView text, quint32 hash) const
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const quint64 entry = m_slots[slot];
        if (entry == 0)
            return quint32(slot);
        if (quint32(entry >> 32) == hash) {
            const quint32 id = quint32(entry) - 1;
            const QByteArrayView candidate = this->text(id);
            if (candidate.size() == text.size()
                && std::memcmp(candidate.data(), text.data(), std::size_t(text.size())) == 0)
                return quint32(slot);
        }
    }
}

quint32 SegmentTable::find(QByteArrayView text) const
{
    const quint64 entry = m_slots[slotOf(text, hashOf(text))];
    return entry == 0 ? NotFound : quint32(entry) - 1;
}

quint32 SegmentTable::intern(QByteArrayView text)
{
    const quint32 hash = hashOf(text);
    const quint32 slot = slotOf(text, hash);
    if (m_slots[slot] != 0)
        return quint32(m_slots[slot]) - 1;

    const quint32 id = count();
    m_bytes.insert(m_bytes.end(), text.begin(), text.end());
    m_offsets.push_back(quint32(m_bytes.size()));
    m_slots[slot] = (quint64(hash) << 32) | (id + 1);
    if (std::size_t(count()) * 2 > m_slots.size()) // keep the load under one half
        grow();
    return id;
}

void SegmentTable::grow()
{
    std::vector<quint64> table(m_slots.size() * 2, 0);
    const std::size_t mask = table.size() - 1;
    for (const quint64 entry : m_slots) {
        if (entry == 0)
            continue;
        std::size_t slot = (entry >> 32) & mask;
        while (table[slot] != 0)
            slot = (slot + 1) & mask;
        table[slot] = entry;
    }
    m_slots.swap(table);
}

} // namespace mqttscope

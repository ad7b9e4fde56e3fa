// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

#include <vector>

namespace mqttscope {

// Interns topic levels: every distinct level text ("sensors", "temperature") is stored once in
// one byte arena and named by a small id, so a million topics under `sensors/` pay for the word
// once. Open addressing over the ids keeps the table to a few bytes per level.
class SegmentTable
{
public:
    static constexpr quint32 NotFound = 0xffffffffu;

    SegmentTable();

    quint32 intern(QByteArrayView text);
    quint32 find(QByteArrayView text) const;
    QByteArrayView text(quint32 id) const
    {
        return QByteArrayView(m_bytes.data() + m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
    }
    quint32 count() const { return quint32(m_offsets.size() - 1); }
    void clear();

private:
    static quint32 hashOf(QByteArrayView text);
    quint32 slotOf(QByteArrayView text, quint32 hash) const; // slot holding it, or an empty one
    void grow();

    std::vector<char> m_bytes;
    std::vector<quint32> m_offsets; // m_offsets[id]..m_offsets[id + 1] in m_bytes
    // hash << 32 | (id + 1), 0 when empty: the hash in the slot spares a cache miss per probe
    // and lets the table grow without rehashing the texts.
    std::vector<quint64> m_slots;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/packetidallocator.h"

namespace mqttscope {

quint16 PacketIdAllocator::allocate()
{
    if (isExhausted())
        return 0;
    quint16 id = m_last;
    do {
        ++id; // wraps 65535 -> 0, which is skipped below
    } while (id == 0 || m_used.test(id));
    m_used.set(id);
    m_last = id;
    ++m_inUse;
    return id;
}

void PacketIdAllocator::release(quint16 id)
{
    if (id == 0 || !m_used.test(id))
        return;
    m_used.reset(id);
    --m_inUse;
}

} // namespace mqttscope

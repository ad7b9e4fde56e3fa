// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <bitset>

namespace mqttscope {

// Packet identifiers of one client: PUBLISH (QoS > 0), SUBSCRIBE and UNSUBSCRIBE share one
// space [MQTT-2.2.1-3]. Hands out the next free id after the last one given, skipping ids still
// in use and 0 [MQTT-2.3.1-1], so a long-lived in-flight message never gets its id reused.
class PacketIdAllocator
{
public:
    // 0 when all 65535 ids are in use.
    quint16 allocate();
    void release(quint16 id);
    bool isInUse(quint16 id) const { return m_used.test(id); }
    int inUseCount() const { return m_inUse; }
    bool isExhausted() const { return m_inUse == 65535; }

private:
    std::bitset<65536> m_used;
    quint16 m_last = 0;
    int m_inUse = 0;
};

} // namespace mqttscope

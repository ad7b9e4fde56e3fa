// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/outgoingpacket.h"

#include "client/clientlogging.h"
#include "protocol/codec.h"

namespace mqttscope {

std::optional<QByteArray> encodeOutgoing(const Packet &packet, ProtocolVersion version,
                                         quint32 maximum)
{
    const QByteArray bytes = encodePacket(packet, version);
    if (maximum && quint32(bytes.size()) > maximum) {
        qCWarning(lcClient) << packetTypeName(packetTypeOf(packet)) << "of" << bytes.size()
                            << "bytes not sent: the server accepts at most" << maximum;
        return std::nullopt;
    }
    if (lcClientVerbose().isDebugEnabled())
        qCDebug(lcClientVerbose).noquote()
            << "sent" << packetTypeName(packetTypeOf(packet)) << bytes.size() << "bytes";
    return bytes;
}

} // namespace mqttscope

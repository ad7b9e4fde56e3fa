// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/bytereader.h"

#include "protocol/codec.h"
#include "protocol/utf8.h"

#include <QCoreApplication>

namespace mqttscope {

quint32 ByteReader::variableByteInteger(const char *field)
{
    if (m_error)
        return 0;
    const auto vbi = VariableByteInteger::decode(m_data.data() + m_position, remaining());
    switch (vbi.status) {
    case VariableByteInteger::Complete:
        m_position += vbi.length;
        return vbi.value;
    case VariableByteInteger::NeedMoreBytes:
        failTruncated(field);
        break;
    case VariableByteInteger::TooLong:
        fail(ReasonCode::MalformedPacket,
             QCoreApplication::translate("mqttscope::Codec", "%1 is longer than 4 bytes")
                 .arg(QCoreApplication::translate("mqttscope::Codec", field)));
        break;
    case VariableByteInteger::NotMinimal:
        // [MQTT-1.5.5-1]
        fail(ReasonCode::MalformedPacket,
             QCoreApplication::translate("mqttscope::Codec", "%1 is not minimally encoded")
                 .arg(QCoreApplication::translate("mqttscope::Codec", field)));
        break;
    }
    return 0;
}

QByteArrayView ByteReader::utf8(const char *field)
{
    const QByteArrayView bytes = lengthPrefixed(field);
    if (checkMqttUtf8(bytes) != Utf8Check::Valid) {
        fail(ReasonCode::MalformedPacket,
             QCoreApplication::translate("mqttscope::Codec", "%1 is not valid UTF-8 (%2)")
                 .arg(QCoreApplication::translate("mqttscope::Codec", field), utf8Problem(bytes)));
        return {};
    }
    return bytes;
}

bool ByteReader::fail(ReasonCode reason, const QString &message)
{
    if (!m_error)
        m_error = ProtocolError{reason, packetTypeName(m_packet) + QStringLiteral(": ") + message};
    m_position = m_data.size();
    return false;
}

void ByteReader::failTruncated(const char *field)
{
    fail(ReasonCode::MalformedPacket,
         QCoreApplication::translate("mqttscope::Codec", "%1 is truncated")
             .arg(QCoreApplication::translate("mqttscope::Codec", field)));
}

} // namespace mqttscope

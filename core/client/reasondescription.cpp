// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/reasondescription.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

// The context lupdate files these strings under: the enclosing namespace (or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("mqttscope", text);
}

QString describe(ReasonCode reason, const QString &code, const Properties &properties)
{
    QString text = reasonCodeName(reason) + u" ("_s + code + u')';
    if (properties.reasonString && !properties.reasonString->isEmpty())
        text += u": "_s + *properties.reasonString;
    if (properties.serverReference && !properties.serverReference->isEmpty())
        text += u"; "_s + tr("use another server: %1").arg(*properties.serverReference);
    return text;
}

} // namespace

QString describeReason(ReasonCode reason, const Properties &properties)
{
    return describe(reason, u"0x%1"_s.arg(uint(reason), 2, 16, QLatin1Char('0')), properties);
}

QString describeConnack(const ConnackPacket &connack, ProtocolVersion version)
{
    if (version == ProtocolVersion::V5)
        return describeReason(connack.reason, connack.properties);
    return describe(connack.reason, tr("return code %1").arg(connack.rawReturnCode),
                    connack.properties);
}

QString describeProtocolError(const ProtocolError &error)
{
    switch (error.reason) {
    case ReasonCode::MalformedPacket:
        return QCoreApplication::translate("mqttscope::MqttClient",
                                           "Malformed packet from server: %1")
            .arg(error.message);
    case ReasonCode::PacketTooLarge:
        return QCoreApplication::translate("mqttscope::MqttClient",
                                           "Packet from server too large: %1")
            .arg(error.message);
    default:
        return QCoreApplication::translate("mqttscope::MqttClient", "Protocol error by server: %1")
            .arg(error.message);
    }
}

} // namespace mqttscope

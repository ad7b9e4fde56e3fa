// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/packetexport.h"

#include "inspector/packetlog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

QByteArray jsonLine(const TracedPacket &packet)
{
    const PacketTraceEntry &e = packet.entry;
    QJsonObject object{
        {u"sequence"_s, qint64(packet.sequence)},
        {u"time_us"_s, e.timeUs},
        {u"direction"_s, e.direction == PacketDirection::Sent ? u"sent"_s : u"received"_s},
        {u"type"_s, packetTypeName(e.type)},
        {u"flags"_s, e.flags},
        {u"packet_id"_s, e.packetId},
        {u"size"_s, e.size},
        {u"version"_s, QString::fromLatin1(protocolVersionName(e.version))},
        {u"bytes"_s, QString::fromLatin1(e.bytes.toHex())},
    };
    if (e.hasReasonCode())
        object.insert(u"reason_code"_s, e.reasonCode);
    if (e.type == PacketType::Publish) {
        object.insert(u"topic"_s, QString::fromUtf8(e.publishTopic()));
        object.insert(u"payload_size"_s, e.payloadSize);
        object.insert(u"truncated"_s, e.isTruncated());
    }
    if (packet.flowId)
        object.insert(u"flow"_s, qint64(packet.flowId));
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray textLine(const TracedPacket &packet)
{
    const PacketTraceEntry &e = packet.entry;
    QString line =
        u"%1 %2 %3 flags=%4"_s
            .arg(formatTraceTime(e.timeUs), e.direction == PacketDirection::Sent ? u"→"_s : u"←"_s,
                 packetTypeName(e.type).leftJustified(11))
            .arg(e.flags, 4, 2, QLatin1Char('0'));
    if (e.packetId)
        line += u" id=%1"_s.arg(e.packetId);
    if (e.hasReasonCode())
        line += u" rc=0x%1"_s.arg(e.reasonCode, 2, 16, QLatin1Char('0'));
    line += u" size=%1"_s.arg(e.size);
    if (e.type == PacketType::Publish)
        line +=
            u" topic=%1 payload=%2"_s.arg(QString::fromUtf8(e.publishTopic())).arg(e.payloadSize);
    return line.toUtf8() + '\n';
}

} // namespace

QString formatTraceTime(qint64 timeUs)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(timeUs / 1000, Qt::UTC);
    return time.toString(u"yyyy-MM-dd HH:mm:ss."_s)
        + u"%1"_s.arg(timeUs % 1'000'000, 6, 10, QLatin1Char('0'));
}

QByteArray exportPacketLine(const TracedPacket &packet, PacketExportFormat format)
{
    return format == PacketExportFormat::JsonLines ? jsonLine(packet) : textLine(packet);
}

QByteArray exportPackets(const PacketLog &log, PacketExportFormat format,
                         const std::function<bool(const TracedPacket &)> &keep)
{
    QByteArray out;
    const PacketRing &ring = log.ring();
    for (qsizetype i = 0; i < ring.size(); ++i) {
        if (!keep || keep(ring.at(i)))
            out += exportPacketLine(ring.at(i), format);
    }
    return out;
}

} // namespace mqttscope

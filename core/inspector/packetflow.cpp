// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector/packetflow.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PacketFlow", text);
}

} // namespace

QList<PacketType> flowSteps(FlowKind kind)
{
    switch (kind) {
    case FlowKind::PublishQos1:
        return {PacketType::Publish, PacketType::Puback};
    case FlowKind::PublishQos2:
        return {PacketType::Publish, PacketType::Pubrec, PacketType::Pubrel, PacketType::Pubcomp};
    case FlowKind::Subscribe:
        return {PacketType::Subscribe, PacketType::Suback};
    case FlowKind::Unsubscribe:
        return {PacketType::Unsubscribe, PacketType::Unsuback};
    case FlowKind::Ping:
        return {PacketType::Pingreq, PacketType::Pingresp};
    }
    return {};
}

QString flowKindName(FlowKind kind)
{
    switch (kind) {
    case FlowKind::PublishQos1:
        return tr("QoS 1 publish");
    case FlowKind::PublishQos2:
        return tr("QoS 2 publish");
    case FlowKind::Subscribe:
        return tr("subscribe");
    case FlowKind::Unsubscribe:
        return tr("unsubscribe");
    case FlowKind::Ping:
        return tr("ping");
    }
    return {};
}

QString flowStateName(FlowState state)
{
    switch (state) {
    case FlowState::Open:
        return tr("open");
    case FlowState::Complete:
        return tr("complete");
    case FlowState::Stuck:
        return tr("stuck");
    case FlowState::Abandoned:
        return tr("abandoned");
    case FlowState::Unmatched:
        return tr("unmatched");
    }
    return {};
}

QString formatLatency(qint64 microseconds)
{
    if (microseconds < 1000)
        return tr("%1 µs").arg(microseconds);
    if (microseconds < 1'000'000)
        return tr("%1 ms").arg(double(microseconds) / 1000.0, 0, 'f', 1);
    return tr("%1 s").arg(double(microseconds) / 1e6, 0, 'f', 2);
}

QString describeFlowSteps(const PacketFlow &flow)
{
    QStringList parts;
    for (qsizetype i = 0; i < flow.steps.size(); ++i) {
        const FlowStep &step = flow.steps.at(i);
        QString part = packetTypeName(step.type);
        if (i > 0)
            part += u' ' + formatLatency(step.latencyUs);
        parts.append(part);
    }
    return parts.join(u" → "_s);
}

} // namespace mqttscope

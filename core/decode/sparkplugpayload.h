// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/decodedpayload.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace mqttscope::Sparkplug {

// A Sparkplug B payload (the protobuf of Eclipse Sparkplug 3.0, org.eclipse.tahu.protobuf) as
// JSON. Metrics are an object keyed by name so that plots and search reach them by name
// ("metrics.Temperature.value"); a metric sent by alias only is keyed by the name its BIRTH
// gave (see SparkplugTracker) or "alias:<n>"; a repeated name gets "#2", "#3":
//   {"timestamp":1700000000000,"seq":4,"uuid":"...","body":"<base64>",
//    "metrics":{"Temperature":{"alias":1,"datatype":"Float","value":21.5,"timestamp":...,
//               "isNull":false,"isHistorical":false,"isTransient":false,
//               "properties":{...},"metadata":{...}}}}
// Datasets as {"columns":[...],"types":[...],"rows":[[...]]}, templates as
// {"templateRef":...,"isDefinition":...,"version":...,"metrics":{...},"parameters":{...}},
// arrays as JSON arrays, null values as null with "isNull":true. An unknown datatype number is
// kept as "datatype":"Unknown(<n>)" with the raw value fields, and reported in the result's
// error while the rest decodes.
DecodedPayload toJson(QByteArrayView payload, const QHash<quint64, QString> &aliasNames = {});
struct Summary;
// The same, parsing once for both: `summary` (when not null) gets what summarize() would.
DecodedPayload toJson(QByteArrayView payload, const QHash<quint64, QString> &aliasNames,
                      Summary *summary);
QString datatypeName(quint32 datatype); // "Int32", "DataSet", ..., "Unknown(<n>)"

// The payload's seq, bdSeq metric and metric names/aliases, for the tracker.
struct Summary
{
    std::optional<quint64> seq;
    std::optional<quint64> bdSeq;
    std::optional<quint64> timestamp;
    QHash<quint64, QString> aliasNames; // alias -> name, for metrics that carry both
    QList<quint64> aliasesWithoutName; // metrics sent by alias only (DATA)
};
std::optional<Summary> summarize(QByteArrayView payload, QString *error);

// A metric for an NCMD/DCMD the user composes; the datatype by its Sparkplug name ("Int32",
// "Boolean", "String", ...), the value converted to it.
struct CommandMetric
{
    QString name;
    QString datatype;
    QVariant value;
    std::optional<quint64> alias = {}; // for BIRTH/DATA an edge node publishes
};
// An NCMD/DCMD payload: payload and metric timestamps set to `timestampMs` as the
// specification asks [tck-id-payloads-ncmd-timestamp]; commands carry no seq. nullopt with
// *error when a value does not fit its datatype.
std::optional<QByteArray> encodeCommand(const QList<CommandMetric> &metrics, qint64 timestampMs,
                                        QString *error);
QStringList datatypeNames(); // the scalar datatypes a command can carry
// Any payload of scalar metrics (an edge node's BIRTH or DATA, the demo's): `seq` when given
// [tck-id-payloads-sequence-num-always-included]; encodeCommand() is this without a seq.
std::optional<QByteArray> encodePayload(const QList<CommandMetric> &metrics, qint64 timestampMs,
                                        std::optional<quint64> seq, QString *error);

} // namespace mqttscope::Sparkplug

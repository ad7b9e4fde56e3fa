// SPDX-License-Identifier: GPL-3.0-or-later
// The encoding half of sparkplugpayload.h: payloads of scalar metrics, for commands and the
// demo's edge node.
#include "decode/sparkplugpayload.h"

#include "sparkplug_b.pb.h"

#include <QCoreApplication>
#include <QDateTime>

#include <limits>

namespace mqttscope::Sparkplug {

namespace {

namespace pb = org::eclipse::tahu::protobuf;

QString tr(const char *text)
{
    return QCoreApplication::translate("Sparkplug", text);
}

std::optional<quint32> datatypeNumber(const QString &name)
{
    for (quint32 n = 1; n <= pb::DataType_MAX; ++n) {
        if (datatypeName(n).compare(name, Qt::CaseInsensitive) == 0)
            return n;
    }
    return std::nullopt;
}

std::optional<qint64> signedValue(const QVariant &value, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = value.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

std::optional<bool> booleanValue(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    return std::nullopt;
}

// Sets the value field the datatype travels in [tck-id-payloads-metric-datatype-value]
// (signed integers sign-extended to 32 or 64 bits, as Tahu's encoders and decoders read them).
bool setIntegerValue(quint32 type, const QVariant &value, pb::Payload_Metric *m)
{
    using L = std::numeric_limits<qint64>;
    struct Range
    {
        qint64 min, max;
        quint64 mask;
    };
    const Range ranges[] = {{-128, 127, 0xffffffffu},
                            {-32768, 32767, 0xffffffffu},
                            {INT32_MIN, INT32_MAX, 0xffffffffu},
                            {L::min(), L::max(), ~0ull},
                            {0, 255, 0xff},
                            {0, 65535, 0xffff},
                            {0, UINT32_MAX, 0xffffffffu}};
    if (type == pb::UInt64) {
        bool ok = false;
        const quint64 v = value.toULongLong(&ok);
        if (ok)
            m->set_long_value(v);
        return ok;
    }
    const Range &r = ranges[type - pb::Int8];
    const std::optional<qint64> v = signedValue(value, r.min, r.max);
    if (!v)
        return false;
    if (type == pb::Int64 || type == pb::UInt32)
        m->set_long_value(quint64(*v) & r.mask);
    else
        m->set_int_value(quint32(quint64(*v) & r.mask));
    return true;
}

bool setValue(quint32 type, const QVariant &value, pb::Payload_Metric *m)
{
    bool ok = true;
    switch (type) {
    case pb::Int8:
    case pb::Int16:
    case pb::Int32:
    case pb::Int64:
    case pb::UInt8:
    case pb::UInt16:
    case pb::UInt32:
    case pb::UInt64:
        return setIntegerValue(type, value, m);
    case pb::Float:
        m->set_float_value(value.toFloat(&ok));
        return ok;
    case pb::Double:
        m->set_double_value(value.toDouble(&ok));
        return ok;
    case pb::Boolean: {
        const std::optional<bool> b = booleanValue(value);
        if (b)
            m->set_boolean_value(*b);
        return b.has_value();
    }
    case pb::String:
    case pb::Text:
    case pb::UUID:
        m->set_string_value(value.toString().toStdString());
        return true;
    case pb::DateTime: {
        const qint64 ms = value.typeId() == QMetaType::QDateTime
            ? value.toDateTime().toMSecsSinceEpoch()
            : value.toLongLong(&ok);
        m->set_long_value(quint64(ms));
        return ok;
    }
    default:
        return false;
    }
}

bool addMetric(const CommandMetric &metric, qint64 timestampMs, pb::Payload *p, QString *error)
{
    const std::optional<quint32> type = datatypeNumber(metric.datatype);
    if (!type || !datatypeNames().contains(datatypeName(*type))) {
        *error = tr("%1: datatype %2 cannot be sent").arg(metric.name, metric.datatype);
        return false;
    }
    pb::Payload_Metric *m = p->add_metrics();
    if (!metric.name.isEmpty())
        m->set_name(metric.name.toStdString());
    if (metric.alias)
        m->set_alias(*metric.alias);
    m->set_timestamp(quint64(timestampMs));
    m->set_datatype(*type);
    if (metric.value.isNull()) { // [tck-id-operational-behavior-data-publish-nbirth-values]
        m->set_is_null(true);
        return true;
    }
    if (!setValue(*type, metric.value, m)) {
        *error = tr("%1: \"%2\" is not a valid %3")
                     .arg(metric.name, metric.value.toString(), metric.datatype);
        return false;
    }
    return true;
}

} // namespace

QStringList datatypeNames()
{
    QStringList names;
    for (quint32 n = pb::Int8; n <= pb::UUID; ++n)
        names.append(datatypeName(n));
    return names;
}

std::optional<QByteArray> encodePayload(const QList<CommandMetric> &metrics, qint64 timestampMs,
                                        std::optional<quint64> seq, QString *error)
{
    pb::Payload p;
    p.set_timestamp(quint64(timestampMs));
    if (seq)
        p.set_seq(*seq);
    QString problem;
    for (const CommandMetric &metric : metrics) {
        if (!addMetric(metric, timestampMs, &p, &problem)) {
            if (error)
                *error = problem;
            return std::nullopt;
        }
    }
    QByteArray bytes(qsizetype(p.ByteSizeLong()), Qt::Uninitialized);
    p.SerializeToArray(bytes.data(), int(bytes.size()));
    return bytes;
}

std::optional<QByteArray> encodeCommand(const QList<CommandMetric> &metrics, qint64 timestampMs,
                                        QString *error)
{
    // [tck-id-payloads-ncmd-timestamp] [tck-id-payloads-ncmd-seq]: a timestamp, no seq
    return encodePayload(metrics, timestampMs, std::nullopt, error);
}

} // namespace mqttscope::Sparkplug

// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/sparkplugpayload.h"

#include "decode/sparkplugarrays.h"
#include "sparkplug_b.pb.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <limits>

namespace mqttscope::Sparkplug {

namespace {

namespace pb = org::eclipse::tahu::protobuf;

// Templates hold metrics and property sets hold property sets: past this the payload is
// hostile or broken, and the view gets a message rather than a stack overflow.
constexpr int MaxNesting = 64;

QString tr(const char *text)
{
    return QCoreApplication::translate("Sparkplug", text);
}

constexpr std::array<const char *, 35> datatypeNamesByNumber{
    "Unknown",       "Int8",
    "Int16",         "Int32",
    "Int64",         "UInt8",
    "UInt16",        "UInt32",
    "UInt64",        "Float",
    "Double",        "Boolean",
    "String",        "DateTime",
    "Text",          "UUID",
    "DataSet",       "Bytes",
    "File",          "Template",
    "PropertySet",   "PropertySetList",
    "Int8Array",     "Int16Array",
    "Int32Array",    "Int64Array",
    "UInt8Array",    "UInt16Array",
    "UInt32Array",   "UInt64Array",
    "FloatArray",    "DoubleArray",
    "BooleanArray",  "StringArray",
    "DateTimeArray",
};

QJsonValue unsigned64(quint64 value)
{
    return value <= quint64(std::numeric_limits<qint64>::max()) ? QJsonValue(qint64(value))
                                                                : QJsonValue(double(value));
}

// What a value holder (Metric, PropertyValue, Parameter, DataSetValue) carries, unconverted:
// for an unknown datatype, so that the user sees the bytes' meaning as far as it goes.
template<typename Holder>
QJsonValue rawValue(const Holder &h)
{
    if (h.has_int_value())
        return qint64(h.int_value());
    if (h.has_long_value())
        return unsigned64(h.long_value());
    if (h.has_float_value())
        return double(h.float_value());
    if (h.has_double_value())
        return h.double_value();
    if (h.has_boolean_value())
        return h.boolean_value();
    if (h.has_string_value())
        return QString::fromStdString(h.string_value());
    if constexpr (requires { h.bytes_value(); }) {
        if (h.has_bytes_value()) {
            const std::string &b = h.bytes_value();
            return QString::fromLatin1(QByteArray(b.data(), qsizetype(b.size())).toBase64());
        }
    }
    return QJsonValue::Null;
}

// Integers travel in int_value (uint32) or long_value (uint64) as two's complement; encoders
// differ in which they use and in sign extension, so take the low bits of whichever is set.
template<typename Holder>
quint64 integerBits(const Holder &h)
{
    return h.has_long_value() ? h.long_value() : quint64(h.int_value());
}

template<typename Holder>
std::optional<QJsonValue> scalarValue(quint32 datatype, const Holder &h)
{
    const quint64 bits = integerBits(h);
    switch (datatype) {
    case pb::Int8:
        return qint8(bits);
    case pb::Int16:
        return qint16(bits);
    case pb::Int32:
        return qint32(bits);
    case pb::Int64:
    case pb::DateTime:
        return qint64(bits);
    case pb::UInt8:
        return quint8(bits);
    case pb::UInt16:
        return quint16(bits);
    case pb::UInt32:
        return qint64(quint32(bits));
    case pb::UInt64:
        return unsigned64(bits);
    case pb::Float:
        return double(h.float_value());
    case pb::Double:
        return h.double_value();
    case pb::Boolean:
        return h.boolean_value();
    case pb::String:
    case pb::Text:
    case pb::UUID:
        return QString::fromStdString(h.string_value());
    default:
        return std::nullopt;
    }
}

class JsonWriter
{
public:
    explicit JsonWriter(const QHash<quint64, QString> &aliasNames)
        : m_aliasNames(aliasNames)
    {
    }

    QJsonObject payload(const pb::Payload &p);
    QStringList problems;

private:
    QJsonObject metrics(const google::protobuf::RepeatedPtrField<pb::Payload_Metric> &list,
                        int depth);
    QJsonObject metric(const pb::Payload_Metric &m, int depth);
    QJsonValue metricValue(const pb::Payload_Metric &m, const QString &name, int depth);
    QJsonObject dataSet(const pb::Payload_DataSet &d);
    QJsonObject templateValue(const pb::Payload_Template &t, int depth);
    QJsonObject propertySet(const pb::Payload_PropertySet &s, int depth);
    QJsonValue propertyValue(const pb::Payload_PropertyValue &v, int depth);
    static QJsonObject metaData(const pb::Payload_MetaData &m);
    QString metricKey(const pb::Payload_Metric &m) const;
    template<typename Holder>
    QJsonValue typedValue(quint32 datatype, const Holder &h, const QString &where);
    bool tooDeep(int depth);

    const QHash<quint64, QString> &m_aliasNames;
};

bool JsonWriter::tooDeep(int depth)
{
    if (depth <= MaxNesting)
        return false;
    if (!problems.contains(tr("nested deeper than %1 levels").arg(MaxNesting)))
        problems.append(tr("nested deeper than %1 levels").arg(MaxNesting));
    return true;
}

template<typename Holder>
QJsonValue JsonWriter::typedValue(quint32 datatype, const Holder &h, const QString &where)
{
    if (const std::optional<QJsonValue> value = scalarValue(datatype, h))
        return *value;
    problems.append(tr("%1: unknown datatype %2").arg(where).arg(datatype));
    return rawValue(h);
}

QString JsonWriter::metricKey(const pb::Payload_Metric &m) const
{
    if (m.has_name() && !m.name().empty())
        return QString::fromStdString(m.name());
    if (m.has_alias()) {
        const auto known = m_aliasNames.constFind(m.alias());
        return known != m_aliasNames.cend() ? *known : QStringLiteral("alias:%1").arg(m.alias());
    }
    return QStringLiteral("metric");
}

QJsonObject JsonWriter::metrics(const google::protobuf::RepeatedPtrField<pb::Payload_Metric> &list,
                                int depth)
{
    QJsonObject out;
    for (const pb::Payload_Metric &m : list) {
        const QString base = metricKey(m);
        QString key = base;
        for (int n = 2; out.contains(key); ++n)
            key = base + QLatin1Char('#') + QString::number(n);
        out.insert(key, metric(m, depth));
    }
    return out;
}

QJsonObject JsonWriter::metric(const pb::Payload_Metric &m, int depth)
{
    QJsonObject out;
    const QString name = metricKey(m);
    if (m.has_alias())
        out.insert(QLatin1String("alias"), unsigned64(m.alias()));
    out.insert(QLatin1String("datatype"), datatypeName(m.datatype()));
    const bool isNull = m.is_null();
    out.insert(QLatin1String("value"), isNull ? QJsonValue::Null : metricValue(m, name, depth));
    if (m.has_timestamp())
        out.insert(QLatin1String("timestamp"), unsigned64(m.timestamp()));
    out.insert(QLatin1String("isNull"), isNull);
    out.insert(QLatin1String("isHistorical"), m.is_historical());
    out.insert(QLatin1String("isTransient"), m.is_transient());
    if (m.has_properties())
        out.insert(QLatin1String("properties"), propertySet(m.properties(), depth + 1));
    if (m.has_metadata())
        out.insert(QLatin1String("metadata"), metaData(m.metadata()));
    return out;
}

QJsonValue JsonWriter::metricValue(const pb::Payload_Metric &m, const QString &name, int depth)
{
    const quint32 type = m.datatype();
    const std::string &bytes = m.bytes_value();
    const QByteArrayView view(bytes.data(), qsizetype(bytes.size()));
    if (isArrayDatatype(type)) {
        QString error;
        if (const std::optional<QJsonArray> values = unpackArray(type, view, &error))
            return *values;
        problems.append(tr("%1: %2").arg(name, error));
        return QString::fromLatin1(view.toByteArray().toBase64());
    }
    switch (type) {
    case pb::Bytes:
    case pb::File:
        return QString::fromLatin1(view.toByteArray().toBase64());
    case pb::DataSet:
        return dataSet(m.dataset_value());
    case pb::Template:
        return tooDeep(depth + 1) ? QJsonValue() : templateValue(m.template_value(), depth + 1);
    default:
        return typedValue(type, m, name);
    }
}

QJsonObject JsonWriter::dataSet(const pb::Payload_DataSet &d)
{
    QJsonArray columns;
    QJsonArray types;
    for (const std::string &c : d.columns())
        columns.append(QString::fromStdString(c));
    for (quint32 t : d.types())
        types.append(datatypeName(t));
    QJsonArray rows;
    for (const pb::Payload_DataSet_Row &r : d.rows()) {
        QJsonArray row;
        for (int i = 0; i < r.elements_size(); ++i) {
            const quint32 type = i < d.types_size() ? d.types(i) : quint32(pb::Unknown);
            row.append(typedValue(type, r.elements(i), tr("dataset column %1").arg(i)));
        }
        rows.append(row);
    }
    return {{QLatin1String("columns"), columns},
            {QLatin1String("types"), types},
            {QLatin1String("rows"), rows}};
}

QJsonObject JsonWriter::templateValue(const pb::Payload_Template &t, int depth)
{
    QJsonObject out;
    if (t.has_template_ref())
        out.insert(QLatin1String("templateRef"), QString::fromStdString(t.template_ref()));
    out.insert(QLatin1String("isDefinition"), t.is_definition());
    if (t.has_version())
        out.insert(QLatin1String("version"), QString::fromStdString(t.version()));
    out.insert(QLatin1String("metrics"), metrics(t.metrics(), depth));
    QJsonObject parameters;
    for (const pb::Payload_Template_Parameter &p : t.parameters()) {
        const QString name = QString::fromStdString(p.name());
        parameters.insert(name,
                          QJsonObject{{QLatin1String("type"), datatypeName(p.type())},
                                      {QLatin1String("value"), typedValue(p.type(), p, name)}});
    }
    out.insert(QLatin1String("parameters"), parameters);
    return out;
}

QJsonObject JsonWriter::propertySet(const pb::Payload_PropertySet &s, int depth)
{
    QJsonObject out;
    if (tooDeep(depth))
        return out;
    for (int i = 0; i < s.keys_size() && i < s.values_size(); ++i) {
        const pb::Payload_PropertyValue &v = s.values(i);
        out.insert(QString::fromStdString(s.keys(i)),
                   QJsonObject{{QLatin1String("type"), datatypeName(v.type())},
                               {QLatin1String("value"), propertyValue(v, depth)}});
    }
    return out;
}

QJsonValue JsonWriter::propertyValue(const pb::Payload_PropertyValue &v, int depth)
{
    if (v.is_null())
        return QJsonValue::Null;
    if (v.type() == pb::PropertySet)
        return propertySet(v.propertyset_value(), depth + 1);
    if (v.type() == pb::PropertySetList) {
        QJsonArray list;
        for (const pb::Payload_PropertySet &s : v.propertysets_value().propertyset())
            list.append(propertySet(s, depth + 1));
        return list;
    }
    return typedValue(v.type(), v, tr("property"));
}

QJsonObject JsonWriter::metaData(const pb::Payload_MetaData &m)
{
    QJsonObject out;
    if (m.has_is_multi_part())
        out.insert(QLatin1String("isMultiPart"), m.is_multi_part());
    if (m.has_content_type())
        out.insert(QLatin1String("contentType"), QString::fromStdString(m.content_type()));
    if (m.has_size())
        out.insert(QLatin1String("size"), unsigned64(m.size()));
    if (m.has_seq())
        out.insert(QLatin1String("seq"), unsigned64(m.seq()));
    if (m.has_file_name())
        out.insert(QLatin1String("fileName"), QString::fromStdString(m.file_name()));
    if (m.has_file_type())
        out.insert(QLatin1String("fileType"), QString::fromStdString(m.file_type()));
    if (m.has_md5())
        out.insert(QLatin1String("md5"), QString::fromStdString(m.md5()));
    if (m.has_description())
        out.insert(QLatin1String("description"), QString::fromStdString(m.description()));
    return out;
}

QJsonObject JsonWriter::payload(const pb::Payload &p)
{
    QJsonObject out;
    if (p.has_timestamp())
        out.insert(QLatin1String("timestamp"), unsigned64(p.timestamp()));
    if (p.has_seq())
        out.insert(QLatin1String("seq"), unsigned64(p.seq()));
    if (p.has_uuid())
        out.insert(QLatin1String("uuid"), QString::fromStdString(p.uuid()));
    if (p.has_body())
        out.insert(QLatin1String("body"),
                   QString::fromLatin1(QByteArray::fromStdString(p.body()).toBase64()));
    out.insert(QLatin1String("metrics"), metrics(p.metrics(), 0));
    return out;
}

bool parse(QByteArrayView payload, pb::Payload *out)
{
    return payload.size() <= std::numeric_limits<int>::max()
        && out->ParseFromArray(payload.data(), int(payload.size()));
}

Summary summaryOf(const pb::Payload &p)
{
    Summary s;
    if (p.has_seq())
        s.seq = p.seq();
    if (p.has_timestamp())
        s.timestamp = p.timestamp();
    for (const pb::Payload_Metric &m : p.metrics()) {
        if (m.name() == "bdSeq") // [tck-id-payloads-nbirth-bdseq] [tck-id-payloads-ndeath-bdseq]
            s.bdSeq = integerBits(m);
        if (m.has_alias() && m.has_name())
            s.aliasNames.insert(m.alias(), QString::fromStdString(m.name()));
        else if (m.has_alias())
            s.aliasesWithoutName.append(m.alias());
    }
    return s;
}

} // namespace

QString datatypeName(quint32 datatype)
{
    if (datatype > 0 && datatype < datatypeNamesByNumber.size())
        return QString::fromLatin1(datatypeNamesByNumber[datatype]);
    return QStringLiteral("Unknown(%1)").arg(datatype);
}

DecodedPayload toJson(QByteArrayView payload, const QHash<quint64, QString> &aliasNames)
{
    return toJson(payload, aliasNames, nullptr);
}

DecodedPayload toJson(QByteArrayView payload, const QHash<quint64, QString> &aliasNames,
                      Summary *summary)
{
    pb::Payload p;
    if (!parse(payload, &p))
        return DecodedPayload::failure(
            tr("not a Sparkplug B payload: the protobuf does not parse"));
    if (summary)
        *summary = summaryOf(p);
    JsonWriter writer(aliasNames);
    const QJsonObject json = writer.payload(p);
    return {DecodedPayload::Status::Decoded, QJsonDocument(json).toJson(QJsonDocument::Compact),
            writer.problems.join(QLatin1String("; ")), -1};
}

std::optional<Summary> summarize(QByteArrayView payload, QString *error)
{
    pb::Payload p;
    if (!parse(payload, &p)) {
        if (error)
            *error = tr("not a Sparkplug B payload: the protobuf does not parse");
        return std::nullopt;
    }
    return summaryOf(p);
}

} // namespace mqttscope::Sparkplug

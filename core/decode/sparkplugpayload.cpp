// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/sparkplugpayload.h"

#include "decode/jsonstream.h"
#include "decode/sparkplugarrays.h"
#include "sparkplug_b.pb.h"

#include <QCoreApplication>
#include <QSet>

#include <array>
#include <cstddef>
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

QByteArrayView bytesOf(const std::string &s)
{
    return QByteArrayView(s.data(), qsizetype(s.size()));
}

void base64(JsonStream &json, const std::string &bytes)
{
    json.string(QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())).toBase64());
}

// What a value holder (Metric, PropertyValue, Parameter, DataSetValue) carries, unconverted:
// for an unknown datatype, so that the user sees the bytes' meaning as far as it goes.
template<typename Holder>
void rawValue(JsonStream &json, const Holder &h)
{
    if (h.has_int_value())
        json.integer(h.int_value());
    else if (h.has_long_value())
        json.unsignedInteger(h.long_value());
    else if (h.has_float_value())
        json.number(h.float_value());
    else if (h.has_double_value())
        json.number(h.double_value());
    else if (h.has_boolean_value())
        json.boolean(h.boolean_value());
    else if (h.has_string_value())
        json.string(bytesOf(h.string_value()));
    else if constexpr (requires { h.bytes_value(); }) {
        if (h.has_bytes_value())
            base64(json, h.bytes_value());
        else
            json.null();
    } else {
        json.null();
    }
}

// Integers travel in int_value (uint32) or long_value (uint64) as two's complement; encoders
// differ in which they use and in sign extension, so take the low bits of whichever is set.
template<typename Holder>
quint64 integerBits(const Holder &h)
{
    return h.has_long_value() ? h.long_value() : quint64(h.int_value());
}

template<typename Holder>
bool scalarValue(JsonStream &json, quint32 datatype, const Holder &h)
{
    const quint64 bits = integerBits(h);
    switch (datatype) {
    case pb::Int8:
        json.integer(qint8(bits));
        return true;
    case pb::Int16:
        json.integer(qint16(bits));
        return true;
    case pb::Int32:
        json.integer(qint32(bits));
        return true;
    case pb::Int64:
    case pb::DateTime:
        json.integer(qint64(bits));
        return true;
    case pb::UInt8:
        json.integer(quint8(bits));
        return true;
    case pb::UInt16:
        json.integer(quint16(bits));
        return true;
    case pb::UInt32:
        json.integer(quint32(bits));
        return true;
    case pb::UInt64:
        json.unsignedInteger(bits);
        return true;
    case pb::Float:
        json.number(h.float_value());
        return true;
    case pb::Double:
        json.number(h.double_value());
        return true;
    case pb::Boolean:
        json.boolean(h.boolean_value());
        return true;
    case pb::String:
    case pb::Text:
    case pb::UUID:
        json.string(bytesOf(h.string_value()));
        return true;
    default:
        return false;
    }
}

class JsonWriter
{
public:
    explicit JsonWriter(const QHash<quint64, QString> &aliasNames)
        : m_aliasNames(aliasNames)
    {
    }

    void payload(const pb::Payload &p);
    void reserve(qsizetype bytes) { m_json.reserve(bytes); }
    QByteArray take() { return m_json.take(); }
    QStringList problems;

private:
    void metrics(const google::protobuf::RepeatedPtrField<pb::Payload_Metric> &list, int depth);
    void metric(const pb::Payload_Metric &m, const QString &name, int depth);
    void metricValue(const pb::Payload_Metric &m, const QString &name, int depth);
    void dataSet(const pb::Payload_DataSet &d);
    void templateValue(const pb::Payload_Template &t, int depth);
    void propertySet(const pb::Payload_PropertySet &s, int depth);
    void propertyValue(const pb::Payload_PropertyValue &v, int depth);
    void metaData(const pb::Payload_MetaData &m);
    QString metricKey(const pb::Payload_Metric &m) const;
    template<typename Holder>
    void typedValue(quint32 datatype, const Holder &h, const QString &where);
    bool tooDeep(int depth);
    void datatype(quint32 type);

    const QHash<quint64, QString> &m_aliasNames;
    JsonStream m_json;
};

void JsonWriter::datatype(quint32 type)
{
    if (type > 0 && type < datatypeNamesByNumber.size())
        m_json.string(QByteArrayView(datatypeNamesByNumber[type])); // no QString per metric
    else
        m_json.string(datatypeName(type));
}

bool JsonWriter::tooDeep(int depth)
{
    if (depth <= MaxNesting)
        return false;
    const QString problem = tr("nested deeper than %1 levels").arg(MaxNesting);
    if (!problems.contains(problem))
        problems.append(problem);
    return true;
}

template<typename Holder>
void JsonWriter::typedValue(quint32 datatype, const Holder &h, const QString &where)
{
    if (scalarValue(m_json, datatype, h))
        return;
    problems.append(tr("%1: unknown datatype %2").arg(where).arg(datatype));
    rawValue(m_json, h);
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

void JsonWriter::metrics(const google::protobuf::RepeatedPtrField<pb::Payload_Metric> &list,
                         int depth)
{
    QSet<QString> keys;
    m_json.beginObject();
    for (const pb::Payload_Metric &m : list) {
        const QString base = metricKey(m);
        QString key = base;
        for (int n = 2; keys.contains(key); ++n)
            key = base + QLatin1Char('#') + QString::number(n);
        keys.insert(key);
        m_json.key(key);
        metric(m, base, depth);
    }
    m_json.endObject();
}

void JsonWriter::metric(const pb::Payload_Metric &m, const QString &name, int depth)
{
    m_json.beginObject();
    if (m.has_alias()) {
        m_json.keyLiteral("alias");
        m_json.unsignedInteger(m.alias());
    }
    m_json.keyLiteral("datatype");
    datatype(m.datatype());
    m_json.keyLiteral("value");
    if (m.is_null())
        m_json.null();
    else
        metricValue(m, name, depth);
    if (m.has_timestamp()) {
        m_json.keyLiteral("timestamp");
        m_json.unsignedInteger(m.timestamp());
    }
    m_json.keyLiteral("isNull");
    m_json.boolean(m.is_null());
    m_json.keyLiteral("isHistorical");
    m_json.boolean(m.is_historical());
    m_json.keyLiteral("isTransient");
    m_json.boolean(m.is_transient());
    if (m.has_properties()) {
        m_json.keyLiteral("properties");
        propertySet(m.properties(), depth + 1);
    }
    if (m.has_metadata()) {
        m_json.keyLiteral("metadata");
        metaData(m.metadata());
    }
    m_json.endObject();
}

void JsonWriter::metricValue(const pb::Payload_Metric &m, const QString &name, int depth)
{
    const quint32 type = m.datatype();
    if (isArrayDatatype(type)) {
        QString error;
        if (const auto values = unpackArray(type, bytesOf(m.bytes_value()), &error)) {
            m_json.value(*values);
        } else {
            problems.append(tr("%1: %2").arg(name, error));
            base64(m_json, m.bytes_value());
        }
        return;
    }
    switch (type) {
    case pb::Bytes:
    case pb::File:
        base64(m_json, m.bytes_value());
        return;
    case pb::DataSet:
        dataSet(m.dataset_value());
        return;
    case pb::Template:
        if (tooDeep(depth + 1))
            m_json.null();
        else
            templateValue(m.template_value(), depth + 1);
        return;
    default:
        typedValue(type, m, name);
        return;
    }
}

void JsonWriter::dataSet(const pb::Payload_DataSet &d)
{
    m_json.beginObject();
    m_json.keyLiteral("columns");
    m_json.beginArray();
    for (const std::string &c : d.columns())
        m_json.string(bytesOf(c));
    m_json.endArray();
    m_json.keyLiteral("types");
    m_json.beginArray();
    for (quint32 t : d.types())
        datatype(t);
    m_json.endArray();
    m_json.keyLiteral("rows");
    m_json.beginArray();
    for (const pb::Payload_DataSet_Row &r : d.rows()) {
        m_json.beginArray();
        for (int i = 0; i < r.elements_size(); ++i) {
            const quint32 type = i < d.types_size() ? d.types(i) : quint32(pb::Unknown);
            typedValue(type, r.elements(i), tr("dataset column %1").arg(i));
        }
        m_json.endArray();
    }
    m_json.endArray();
    m_json.endObject();
}

void JsonWriter::templateValue(const pb::Payload_Template &t, int depth)
{
    m_json.beginObject();
    if (t.has_template_ref()) {
        m_json.keyLiteral("templateRef");
        m_json.string(bytesOf(t.template_ref()));
    }
    m_json.keyLiteral("isDefinition");
    m_json.boolean(t.is_definition());
    if (t.has_version()) {
        m_json.keyLiteral("version");
        m_json.string(bytesOf(t.version()));
    }
    m_json.keyLiteral("metrics");
    metrics(t.metrics(), depth);
    m_json.keyLiteral("parameters");
    m_json.beginObject();
    for (const pb::Payload_Template_Parameter &p : t.parameters()) {
        m_json.key(bytesOf(p.name()));
        m_json.beginObject();
        m_json.keyLiteral("type");
        datatype(p.type());
        m_json.keyLiteral("value");
        typedValue(p.type(), p, QString::fromStdString(p.name()));
        m_json.endObject();
    }
    m_json.endObject();
    m_json.endObject();
}

void JsonWriter::propertySet(const pb::Payload_PropertySet &s, int depth)
{
    m_json.beginObject();
    if (!tooDeep(depth)) {
        for (int i = 0; i < s.keys_size() && i < s.values_size(); ++i) {
            const pb::Payload_PropertyValue &v = s.values(i);
            m_json.key(bytesOf(s.keys(i)));
            m_json.beginObject();
            m_json.keyLiteral("type");
            datatype(v.type());
            m_json.keyLiteral("value");
            propertyValue(v, depth);
            m_json.endObject();
        }
    }
    m_json.endObject();
}

void JsonWriter::propertyValue(const pb::Payload_PropertyValue &v, int depth)
{
    if (v.is_null()) {
        m_json.null();
    } else if (v.type() == pb::PropertySet) {
        propertySet(v.propertyset_value(), depth + 1);
    } else if (v.type() == pb::PropertySetList) {
        m_json.beginArray();
        for (const pb::Payload_PropertySet &s : v.propertysets_value().propertyset())
            propertySet(s, depth + 1);
        m_json.endArray();
    } else {
        typedValue(v.type(), v, tr("property"));
    }
}

void JsonWriter::metaData(const pb::Payload_MetaData &m)
{
    m_json.beginObject();
    if (m.has_is_multi_part()) {
        m_json.keyLiteral("isMultiPart");
        m_json.boolean(m.is_multi_part());
    }
    const std::pair<const char *, const std::string *> texts[] = {
        {"contentType", m.has_content_type() ? &m.content_type() : nullptr},
        {"fileName", m.has_file_name() ? &m.file_name() : nullptr},
        {"fileType", m.has_file_type() ? &m.file_type() : nullptr},
        {"md5", m.has_md5() ? &m.md5() : nullptr},
        {"description", m.has_description() ? &m.description() : nullptr},
    };
    for (const auto &[key, text] : texts) {
        if (text) {
            m_json.key(key);
            m_json.string(bytesOf(*text));
        }
    }
    if (m.has_size()) {
        m_json.keyLiteral("size");
        m_json.unsignedInteger(m.size());
    }
    if (m.has_seq()) {
        m_json.keyLiteral("seq");
        m_json.unsignedInteger(m.seq());
    }
    m_json.endObject();
}

void JsonWriter::payload(const pb::Payload &p)
{
    m_json.beginObject();
    if (p.has_timestamp()) {
        m_json.keyLiteral("timestamp");
        m_json.unsignedInteger(p.timestamp());
    }
    if (p.has_seq()) {
        m_json.keyLiteral("seq");
        m_json.unsignedInteger(p.seq());
    }
    if (p.has_uuid()) {
        m_json.keyLiteral("uuid");
        m_json.string(bytesOf(p.uuid()));
    }
    if (p.has_body()) {
        m_json.keyLiteral("body");
        base64(m_json, p.body());
    }
    m_json.keyLiteral("metrics");
    metrics(p.metrics(), 0);
    m_json.endObject();
}

bool parse(QByteArrayView payload, pb::Payload *out)
{
    return payload.size() <= std::numeric_limits<int>::max()
        && out->ParseFromArray(payload.data(), int(payload.size()));
}

// A payload parsed into an arena whose first block is on the stack: a DDATA's metrics are then
// not a heap allocation and free each (those were half the cost of reading its state).
class ArenaPayload
{
public:
    ArenaPayload()
        : m_arena(options(m_block))
        , m_payload(google::protobuf::Arena::CreateMessage<pb::Payload>(&m_arena))
    {
    }
    bool parse(QByteArrayView payload) { return Sparkplug::parse(payload, m_payload); }
    const pb::Payload &payload() const { return *m_payload; }

private:
    static google::protobuf::ArenaOptions options(char *block)
    {
        google::protobuf::ArenaOptions options;
        options.initial_block = block;
        options.initial_block_size = BlockSize;
        return options;
    }

    static constexpr size_t BlockSize = 8192;
    alignas(std::max_align_t) char m_block[BlockSize];
    google::protobuf::Arena m_arena;
    pb::Payload *m_payload;
};

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
    ArenaPayload parsed;
    if (!parsed.parse(payload))
        return DecodedPayload::failure(
            tr("not a Sparkplug B payload: the protobuf does not parse"));
    if (summary)
        *summary = summaryOf(parsed.payload());
    JsonWriter writer(aliasNames);
    writer.reserve(256 + 8 * payload.size()); // the text is several times the protobuf
    writer.payload(parsed.payload());
    return {DecodedPayload::Status::Decoded, writer.take(),
            writer.problems.join(QLatin1String("; ")), -1};
}

std::optional<Summary> summarize(QByteArrayView payload, QString *error)
{
    ArenaPayload parsed;
    if (!parsed.parse(payload)) {
        if (error)
            *error = tr("not a Sparkplug B payload: the protobuf does not parse");
        return std::nullopt;
    }
    return summaryOf(parsed.payload());
}

} // namespace mqttscope::Sparkplug

// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/protobufschemas.h"

#include "decode/jsonstream.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include <google/protobuf/compiler/importer.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/unknown_field_set.h>
#include <google/protobuf/util/json_util.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

namespace mqttscope {

namespace pb = google::protobuf;
using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcProtobuf, "mqttscope.decode.protobuf")

namespace {

// protobuf's parser writes to stderr on its own ("[libprotobuf ERROR] String field ... contains
// invalid UTF-8"); the decode already says what failed and where, so its words go to a category.
void logToCategory(pb::LogLevel, const char *file, int line, const std::string &message)
{
    qCDebug(lcProtobuf, "%s:%d: %s", file, line, message.c_str());
}

// As deep as PayloadDecoder::MaxDepth: deeper payloads are hostile rather than useful.
constexpr int MaxDepth = 64;

// Texts passed in as QT_TRANSLATE_NOOP so that lupdate finds them.
QString translated(const char *text)
{
    return QCoreApplication::translate("ProtobufSchemas", text);
}

class ProblemCollector : public pb::compiler::MultiFileErrorCollector
{
public:
    QList<ProtobufSchemas::Problem> *problems = nullptr;

    void AddError(const std::string &filename, int line, int column,
                  const std::string &message) override
    {
        if (problems)
            problems->append({QString::fromStdString(filename), line + 1, column + 1,
                              QString::fromStdString(message)});
    }
};

void collectTypes(const pb::Descriptor *type, std::set<QString> *names)
{
    // A map field's entry type is protoc's own (`…CountersEntry`), never a message on the wire.
    if (type->options().map_entry())
        return;
    names->insert(QString::fromStdString(type->full_name()));
    for (int i = 0; i < type->nested_type_count(); ++i)
        collectTypes(type->nested_type(i), names);
}

void collectTypes(const pb::FileDescriptor *file, std::set<QString> *names)
{
    for (int i = 0; i < file->message_type_count(); ++i)
        collectTypes(file->message_type(i), names);
    for (int i = 0; i < file->dependency_count(); ++i)
        collectTypes(file->dependency(i), names);
}

// Walks a DynamicMessage by reflection into JSON text; false when nested too deep.
class JsonWalk
{
public:
    explicit JsonWalk(JsonStream *out)
        : m_out(*out)
    {
    }
    bool message(const pb::Message &message, int depth);

private:
    void field(const pb::Message &message, const pb::FieldDescriptor *field, int depth);
    void map(const pb::Message &message, const pb::FieldDescriptor *field, int depth);
    void value(const pb::Message &message, const pb::FieldDescriptor *field, int index, int depth);
    void mapKey(const pb::Message &entry, const pb::FieldDescriptor *key);
    void unknown(const pb::UnknownFieldSet &fields, int depth);
    void unknownValue(const pb::UnknownField &field, int depth);
    void bytes(const std::string &data);
    void floatNumber(float number);
    bool wellKnownTime(const pb::Message &message);

    JsonStream &m_out;
    bool m_tooDeep = false;
};

bool JsonWalk::message(const pb::Message &message, int depth)
{
    if (depth > MaxDepth) {
        m_tooDeep = true;
        m_out.null();
        return false;
    }
    if (wellKnownTime(message))
        return true;
    const pb::Reflection *reflection = message.GetReflection();
    std::vector<const pb::FieldDescriptor *> fields;
    reflection->ListFields(message, &fields);
    m_out.beginObject();
    for (const pb::FieldDescriptor *f : fields) {
        const std::string &name = f->is_extension() ? "[" + f->full_name() + "]" : f->name();
        m_out.key(QByteArrayView(name.data(), qsizetype(name.size())));
        field(message, f, depth);
    }
    const pb::UnknownFieldSet &unknownFields = reflection->GetUnknownFields(message);
    if (!unknownFields.empty()) {
        m_out.key(QByteArrayView("$unknown"));
        unknown(unknownFields, depth);
    }
    m_out.endObject();
    return !m_tooDeep;
}

void JsonWalk::field(const pb::Message &message, const pb::FieldDescriptor *f, int depth)
{
    if (f->is_map()) {
        map(message, f, depth);
        return;
    }
    if (!f->is_repeated()) {
        value(message, f, -1, depth);
        return;
    }
    m_out.beginArray();
    const int count = message.GetReflection()->FieldSize(message, f);
    for (int i = 0; i < count; ++i)
        value(message, f, i, depth);
    m_out.endArray();
}

void JsonWalk::map(const pb::Message &message, const pb::FieldDescriptor *f, int depth)
{
    const pb::Reflection *reflection = message.GetReflection();
    const pb::FieldDescriptor *key = f->message_type()->FindFieldByNumber(1);
    const pb::FieldDescriptor *mapped = f->message_type()->FindFieldByNumber(2);
    m_out.beginObject();
    const int count = reflection->FieldSize(message, f);
    for (int i = 0; i < count; ++i) {
        const pb::Message &entry = reflection->GetRepeatedMessage(message, f, i);
        mapKey(entry, key);
        value(entry, mapped, -1, depth + 1);
    }
    m_out.endObject();
}

// The fraction of a second as proto3's JSON mapping writes it: none, or 3, 6 or 9 digits.
QString secondsFraction(qint32 nanos)
{
    if (nanos == 0)
        return {};
    const int digits = nanos % 1000000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
    const int divisor = digits == 3 ? 1000000 : digits == 6 ? 1000 : 1;
    return u'.' + QString::number(std::abs(nanos) / divisor).rightJustified(digits, u'0');
}

// google.protobuf.Timestamp and Duration as proto3's JSON mapping writes them
// ("2026-12-02T13:20:52.792Z", "1.500s"): the form people read, and what other tools show.
bool JsonWalk::wellKnownTime(const pb::Message &message)
{
    const pb::Descriptor *type = message.GetDescriptor();
    const bool timestamp = type->full_name() == "google.protobuf.Timestamp";
    if (!timestamp && type->full_name() != "google.protobuf.Duration")
        return false;
    const pb::FieldDescriptor *secondsField = type->FindFieldByName("seconds");
    const pb::FieldDescriptor *nanosField = type->FindFieldByName("nanos");
    if (!secondsField || !nanosField)
        return false;
    const pb::Reflection *reflection = message.GetReflection();
    const qint64 seconds = reflection->GetInt64(message, secondsField);
    const qint32 nanos = reflection->GetInt32(message, nanosField);
    QString text;
    if (timestamp) {
        text = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
        text.insert(text.size() - 1, secondsFraction(nanos)); // before the 'Z'
    } else {
        const bool negative = seconds < 0 || nanos < 0;
        text = (negative ? u"-"_s : QString()) + QString::number(std::abs(seconds))
            + secondsFraction(nanos) + u's';
    }
    m_out.string(text);
    return true;
}

void JsonWalk::mapKey(const pb::Message &entry, const pb::FieldDescriptor *key)
{
    const pb::Reflection *r = entry.GetReflection();
    using C = pb::FieldDescriptor;
    switch (key->cpp_type()) {
    case C::CPPTYPE_INT32:
        m_out.key(QByteArray::number(r->GetInt32(entry, key)));
        return;
    case C::CPPTYPE_INT64:
        m_out.key(QByteArray::number(r->GetInt64(entry, key)));
        return;
    case C::CPPTYPE_UINT32:
        m_out.key(QByteArray::number(r->GetUInt32(entry, key)));
        return;
    case C::CPPTYPE_UINT64:
        m_out.key(QByteArray::number(r->GetUInt64(entry, key)));
        return;
    case C::CPPTYPE_BOOL:
        m_out.key(QByteArrayView(r->GetBool(entry, key) ? "true" : "false"));
        return;
    default: {
        const std::string text = r->GetString(entry, key);
        m_out.key(QByteArrayView(text.data(), qsizetype(text.size())));
    }
    }
}

// One value of a field: index -1 for a singular field, else the element of a repeated one.
void JsonWalk::value(const pb::Message &message, const pb::FieldDescriptor *f, int index, int depth)
{
    const pb::Reflection *r = message.GetReflection();
    const bool one = index < 0;
    using C = pb::FieldDescriptor;
    switch (f->cpp_type()) {
    case C::CPPTYPE_INT32:
        m_out.integer(one ? r->GetInt32(message, f) : r->GetRepeatedInt32(message, f, index));
        return;
    case C::CPPTYPE_INT64:
        m_out.integer(one ? r->GetInt64(message, f) : r->GetRepeatedInt64(message, f, index));
        return;
    case C::CPPTYPE_UINT32:
        m_out.integer(one ? r->GetUInt32(message, f) : r->GetRepeatedUInt32(message, f, index));
        return;
    case C::CPPTYPE_UINT64:
        m_out.unsignedInteger(one ? r->GetUInt64(message, f)
                                  : r->GetRepeatedUInt64(message, f, index));
        return;
    case C::CPPTYPE_DOUBLE:
        m_out.number(one ? r->GetDouble(message, f) : r->GetRepeatedDouble(message, f, index));
        return;
    case C::CPPTYPE_FLOAT:
        floatNumber(one ? r->GetFloat(message, f) : r->GetRepeatedFloat(message, f, index));
        return;
    case C::CPPTYPE_BOOL:
        m_out.boolean(one ? r->GetBool(message, f) : r->GetRepeatedBool(message, f, index));
        return;
    case C::CPPTYPE_ENUM: {
        const int number =
            one ? r->GetEnumValue(message, f) : r->GetRepeatedEnumValue(message, f, index);
        if (const pb::EnumValueDescriptor *known = f->enum_type()->FindValueByNumber(number))
            m_out.string(QByteArrayView(known->name().data(), qsizetype(known->name().size())));
        else
            m_out.integer(number); // a value newer than the schema
        return;
    }
    case C::CPPTYPE_STRING: {
        const std::string text =
            one ? r->GetString(message, f) : r->GetRepeatedString(message, f, index);
        if (f->type() == C::TYPE_BYTES)
            bytes(text);
        else
            m_out.string(QByteArrayView(text.data(), qsizetype(text.size())));
        return;
    }
    case C::CPPTYPE_MESSAGE:
        this->message(one ? r->GetMessage(message, f) : r->GetRepeatedMessage(message, f, index),
                      depth + 1);
        return;
    }
}

void JsonWalk::unknown(const pb::UnknownFieldSet &fields, int depth)
{
    if (depth > MaxDepth) {
        m_tooDeep = true;
        m_out.null();
        return;
    }
    // Grouped by number, in the order the numbers first appear.
    std::vector<int> order;
    std::map<int, std::vector<const pb::UnknownField *>> byNumber;
    for (int i = 0; i < fields.field_count(); ++i) {
        const pb::UnknownField &field = fields.field(i);
        auto &list = byNumber[field.number()];
        if (list.empty())
            order.push_back(field.number());
        list.push_back(&field);
    }
    m_out.beginObject();
    for (int number : order) {
        m_out.key(QByteArray::number(number));
        m_out.beginArray();
        for (const pb::UnknownField *field : byNumber[number])
            unknownValue(*field, depth);
        m_out.endArray();
    }
    m_out.endObject();
}

void JsonWalk::unknownValue(const pb::UnknownField &field, int depth)
{
    switch (field.type()) {
    case pb::UnknownField::TYPE_VARINT:
        m_out.unsignedInteger(field.varint());
        return;
    case pb::UnknownField::TYPE_FIXED32:
        m_out.unsignedInteger(field.fixed32());
        return;
    case pb::UnknownField::TYPE_FIXED64:
        m_out.unsignedInteger(field.fixed64());
        return;
    case pb::UnknownField::TYPE_LENGTH_DELIMITED:
        bytes(field.length_delimited());
        return;
    case pb::UnknownField::TYPE_GROUP:
        unknown(field.group(), depth + 1);
        return;
    }
}

void JsonWalk::bytes(const std::string &data)
{
    m_out.string(QByteArray::fromRawData(data.data(), qsizetype(data.size())).toBase64());
}

void JsonWalk::floatNumber(float number)
{
    // The float's own shortest text, not the double it widens to (0.1f, not 0.10000000149...).
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer - 1, number).ptr;
    *end = '\0';
    m_out.number(std::isfinite(number) ? std::strtod(buffer, nullptr) : double(number));
}

struct ScanError
{
    QString text;
    qsizetype offset = -1;
};

// Where a payload that protobuf refused breaks: walks tags and lengths, entering the fields
// the schema says are messages. Empty text when the wire format itself is sound.
class WireScan
{
public:
    explicit WireScan(QByteArrayView payload)
        : m_data(payload)
    {
    }
    ScanError scan(const pb::Descriptor *type, qsizetype begin, qsizetype end, int depth);

private:
    bool varint(qsizetype *at, qsizetype end, quint64 *value) const;
    ScanError delimited(const pb::Descriptor *type, int number, qsizetype fieldStart, qsizetype *at,
                        qsizetype end, int depth);
    static ScanError error(const char *text, int number, qsizetype offset);

    QByteArrayView m_data;
};

bool WireScan::varint(qsizetype *at, qsizetype end, quint64 *value) const
{
    *value = 0;
    for (int shift = 0; shift < 64 && *at < end; shift += 7) {
        const auto byte = quint8(m_data[(*at)++]);
        *value |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

ScanError WireScan::error(const char *text, int number, qsizetype offset)
{
    return {translated(text).arg(number).arg(offset), offset};
}

// A length-delimited field at *at (after its tag): its length, and what the schema says it holds.
ScanError WireScan::delimited(const pb::Descriptor *type, int number, qsizetype fieldStart,
                              qsizetype *at, qsizetype end, int depth)
{
    quint64 length = 0;
    if (!varint(at, end, &length))
        return error(QT_TRANSLATE_NOOP("ProtobufSchemas",
                                       "field %1 at byte %2: the length runs past the end"),
                     number, fieldStart);
    if (length > quint64(end - *at))
        return {
            QCoreApplication::translate(
                "ProtobufSchemas", "field %1 at byte %2: length %3 runs past the end (%4 bytes)")
                .arg(number)
                .arg(fieldStart)
                .arg(length)
                .arg(end - *at),
            fieldStart};
    const qsizetype begin = *at;
    *at += qsizetype(length);
    const pb::FieldDescriptor *field = type ? type->FindFieldByNumber(number) : nullptr;
    if (!field)
        return {};
    if (field->type() == pb::FieldDescriptor::TYPE_MESSAGE && depth < MaxDepth)
        return scan(field->message_type(), begin, *at, depth + 1);
    // proto3 refuses text fields that are not UTF-8 (proto2 takes them as they come).
    if (field->type() == pb::FieldDescriptor::TYPE_STRING
        && field->file()->syntax() == pb::FileDescriptor::SYNTAX_PROTO3
        && !m_data.sliced(begin, *at - begin).isValidUtf8())
        return error(QT_TRANSLATE_NOOP("ProtobufSchemas",
                                       "field %1 at byte %2: the text is not valid UTF-8"),
                     number, fieldStart);
    return {};
}

ScanError WireScan::scan(const pb::Descriptor *type, qsizetype begin, qsizetype end, int depth)
{
    qsizetype at = begin;
    while (at < end) {
        const qsizetype fieldStart = at;
        quint64 tag = 0;
        if (!varint(&at, end, &tag))
            return {QCoreApplication::translate("ProtobufSchemas",
                                                "byte %1: the field tag runs past the end")
                        .arg(fieldStart),
                    fieldStart};
        const int number = int(tag >> 3);
        if (number == 0 || tag >> 3 > 0x1fffffff)
            return error(QT_TRANSLATE_NOOP("ProtobufSchemas",
                                           "field %1 at byte %2: not a valid field number"),
                         number, fieldStart);
        quint64 length = 0;
        switch (tag & 7) {
        case 0:
            if (!varint(&at, end, &length))
                return error(QT_TRANSLATE_NOOP("ProtobufSchemas",
                                               "field %1 at byte %2: the number runs past the end"),
                             number, fieldStart);
            break;
        case 1:
        case 5: {
            const qsizetype size = (tag & 7) == 1 ? 8 : 4;
            if (end - at < size)
                return error(QT_TRANSLATE_NOOP(
                                 "ProtobufSchemas",
                                 "field %1 at byte %2: the fixed-size value runs past the end"),
                             number, fieldStart);
            at += size;
            break;
        }
        case 2: {
            ScanError broken = delimited(type, number, fieldStart, &at, end, depth);
            if (!broken.text.isEmpty())
                return broken;
            break;
        }
        case 3:
        case 4:
            break; // groups: their fields follow as ordinary tags
        default:
            return error(
                QT_TRANSLATE_NOOP("ProtobufSchemas", "field %1 at byte %2: unknown wire type"),
                number, fieldStart);
        }
    }
    return {};
}

DecodedPayload parseFailure(const pb::Message &message, QByteArrayView payload)
{
    ScanError where = WireScan(payload).scan(message.GetDescriptor(), 0, payload.size(), 0);
    if (!where.text.isEmpty())
        return DecodedPayload::failure(where.text, where.offset);
    if (!message.IsInitialized())
        return DecodedPayload::failure(
            QCoreApplication::translate("ProtobufSchemas", "required fields are missing: %1")
                .arg(QString::fromStdString(message.InitializationErrorString())));
    return DecodedPayload::failure(
        QCoreApplication::translate("ProtobufSchemas", "not a valid %1 message")
            .arg(QString::fromStdString(message.GetDescriptor()->full_name())));
}

} // namespace

QString ProtobufSchemas::Problem::text() const
{
    if (line <= 0)
        return QStringLiteral("%1: %2").arg(file, message);
    return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(message);
}

struct ProtobufSchemas::Private
{
    pb::compiler::DiskSourceTree tree;
    ProblemCollector collector;
    pb::compiler::Importer importer{&tree, &collector};
    pb::DynamicMessageFactory factory{importer.pool()};
    QStringList types;

    const pb::Descriptor *type(const QString &name) const
    {
        return importer.pool()->FindMessageTypeByName(name.toStdString());
    }
};

ProtobufSchemas::ProtobufSchemas(std::unique_ptr<Private> d)
    : d(std::move(d))
{
}
ProtobufSchemas::~ProtobufSchemas() = default;

std::shared_ptr<const ProtobufSchemas> ProtobufSchemas::load(const QStringList &protoFiles,
                                                             const QStringList &importPaths,
                                                             QList<Problem> *problems)
{
    static const bool logged = (pb::SetLogHandler(&logToCategory), true);
    Q_UNUSED(logged);
    QList<Problem> ignored;
    QList<Problem> &out = problems ? *problems : ignored;
    auto d = std::make_unique<Private>();
    d->collector.problems = &out;
    for (const QString &path : importPaths)
        d->tree.MapPath("", QDir::cleanPath(path).toStdString());
    for (const QString &file : protoFiles)
        d->tree.MapPath("", QFileInfo(file).absolutePath().toStdString());
    // Last, so that the user's own files win: the well-known types (google/protobuf/*.proto).
    d->tree.MapPath("", MQTTSCOPE_PROTOBUF_INCLUDE_DIR);
    std::set<QString> names;
    for (const QString &file : protoFiles) {
        std::string virtualFile;
        std::string shadowing;
        const auto mapped = d->tree.DiskFileToVirtualFile(
            QFileInfo(file).absoluteFilePath().toStdString(), &virtualFile, &shadowing);
        if (mapped != pb::compiler::DiskSourceTree::SUCCESS) {
            out.append({file, 0, 0,
                        mapped == pb::compiler::DiskSourceTree::SHADOWED
                            ? QCoreApplication::translate(
                                  "ProtobufSchemas", "hidden by another file of the same name: %1")
                                  .arg(QString::fromStdString(shadowing))
                            : QCoreApplication::translate("ProtobufSchemas", "cannot be read")});
            continue;
        }
        if (const pb::FileDescriptor *compiled = d->importer.Import(virtualFile))
            collectTypes(compiled, &names);
    }
    d->collector.problems = nullptr;
    d->types = QStringList(names.begin(), names.end());
    return std::shared_ptr<const ProtobufSchemas>(new ProtobufSchemas(std::move(d)));
}

QStringList ProtobufSchemas::messageTypes() const
{
    return d->types;
}

bool ProtobufSchemas::hasMessageType(const QString &type) const
{
    return d->type(type) != nullptr;
}

DecodedPayload ProtobufSchemas::decode(const QString &messageType, QByteArrayView payload) const
{
    const pb::Descriptor *type = d->type(messageType);
    if (!type)
        return DecodedPayload::failure(
            QCoreApplication::translate("ProtobufSchemas",
                                        "the message type %1 is not in the schemas")
                .arg(messageType));
    std::unique_ptr<pb::Message> message(d->factory.GetPrototype(type)->New());
    if (!message->ParseFromArray(payload.data(), int(payload.size())))
        return parseFailure(*message, payload);
    JsonStream out;
    out.reserve(payload.size() * 3 + 16);
    if (!JsonWalk(&out).message(*message, 0))
        return DecodedPayload::failure(
            QCoreApplication::translate("ProtobufSchemas", "nested deeper than %1 levels")
                .arg(MaxDepth));
    return {DecodedPayload::Status::Decoded, out.take(), {}, -1};
}

std::optional<QByteArray> ProtobufSchemas::encode(const QString &messageType, QByteArrayView json,
                                                  QString *error) const
{
    const pb::Descriptor *type = d->type(messageType);
    if (!type) {
        if (error)
            *error = QCoreApplication::translate("ProtobufSchemas",
                                                 "the message type %1 is not in the schemas")
                         .arg(messageType);
        return std::nullopt;
    }
    std::unique_ptr<pb::Message> message(d->factory.GetPrototype(type)->New());
    const auto status = pb::util::JsonStringToMessage(std::string(json.data(), size_t(json.size())),
                                                      message.get(), pb::util::JsonParseOptions());
    if (!status.ok()) {
        if (error)
            *error = QString::fromUtf8(status.message().data(), qsizetype(status.message().size()));
        return std::nullopt;
    }
    const std::string bytes = message->SerializeAsString();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

} // namespace mqttscope

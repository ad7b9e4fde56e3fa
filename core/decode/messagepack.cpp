// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/messagepack.h"

#include "decode/jsonstream.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <msgpack.hpp>

#include <cmath>

namespace mqttscope::MessagePack {

namespace {

constexpr int MaxDepth = 64; // as PayloadDecoder::MaxDepth; deeper input fails
constexpr qint8 TimestampExt = -1;

QString translate(const char *text)
{
    return QCoreApplication::translate("MessagePack", text);
}

// The unpacker refuses deeper nesting itself, so the walk below cannot recurse further.
msgpack::unpack_limit limits()
{
    return msgpack::unpack_limit(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
                                 MaxDepth);
}

QByteArray bytes(const char *data, quint32 size)
{
    return QByteArray(data, qsizetype(size));
}

void writeTimestamp(JsonStream &out, QByteArrayView data)
{
    qint64 seconds = 0;
    qint64 nanoseconds = 0;
    const auto *raw = reinterpret_cast<const uchar *>(data.data());
    if (data.size() == 4) {
        seconds = qFromBigEndian<quint32>(raw);
    } else if (data.size() == 8) {
        const quint64 value = qFromBigEndian<quint64>(raw);
        nanoseconds = qint64(value >> 34);
        seconds = qint64(value & 0x3ffffffffULL);
    } else if (data.size() == 12) {
        nanoseconds = qFromBigEndian<quint32>(raw);
        seconds = qFromBigEndian<qint64>(raw + 4);
    } else {
        return;
    }
    const QDateTime time =
        QDateTime::fromMSecsSinceEpoch(seconds * 1000 + nanoseconds / 1000000, Qt::UTC);
    out.key(QByteArrayView("time"));
    out.string(time.toString(Qt::ISODateWithMs));
}

void write(JsonStream &out, const msgpack::object &object);

// JSON keys are strings; any other key is written as its own JSON text.
void writeKey(JsonStream &out, const msgpack::object &key)
{
    if (key.type == msgpack::type::STR) {
        out.key(QByteArrayView(key.via.str.ptr, key.via.str.size));
        return;
    }
    JsonStream text;
    write(text, key);
    out.key(QByteArrayView(text.take()));
}

void writeTagged(JsonStream &out, const char *tag, QByteArrayView data)
{
    out.beginObject();
    out.key(QByteArrayView(tag));
    out.string(QByteArrayView(QByteArray(data.data(), data.size()).toBase64()));
    out.endObject();
}

void writeExt(JsonStream &out, const msgpack::object_ext &ext)
{
    const QByteArrayView data(ext.data(), ext.size);
    out.beginObject();
    out.key(QByteArrayView("$ext"));
    out.integer(ext.type());
    out.key(QByteArrayView("data"));
    out.string(QByteArrayView(bytes(ext.data(), ext.size).toBase64()));
    if (ext.type() == TimestampExt)
        writeTimestamp(out, data);
    out.endObject();
}

void write(JsonStream &out, const msgpack::object &object)
{
    switch (object.type) {
    case msgpack::type::NIL:
        out.null();
        break;
    case msgpack::type::BOOLEAN:
        out.boolean(object.via.boolean);
        break;
    case msgpack::type::POSITIVE_INTEGER:
        out.unsignedInteger(object.via.u64);
        break;
    case msgpack::type::NEGATIVE_INTEGER:
        out.integer(object.via.i64);
        break;
    case msgpack::type::FLOAT32:
    case msgpack::type::FLOAT64:
        out.number(object.via.f64);
        break;
    case msgpack::type::STR:
        out.string(QByteArrayView(object.via.str.ptr, object.via.str.size));
        break;
    case msgpack::type::BIN:
        writeTagged(out, "$bin", QByteArrayView(object.via.bin.ptr, object.via.bin.size));
        break;
    case msgpack::type::EXT:
        writeExt(out, object.via.ext);
        break;
    case msgpack::type::ARRAY:
        out.beginArray();
        for (quint32 i = 0; i < object.via.array.size; ++i)
            write(out, object.via.array.ptr[i]);
        out.endArray();
        break;
    case msgpack::type::MAP:
        out.beginObject();
        for (quint32 i = 0; i < object.via.map.size; ++i) {
            writeKey(out, object.via.map.ptr[i].key);
            write(out, object.via.map.ptr[i].val);
        }
        out.endObject();
        break;
    }
}

} // namespace

DecodedPayload toJson(QByteArrayView payload)
{
    std::size_t offset = 0;
    try {
        const msgpack::object_handle handle = msgpack::unpack(
            payload.data(), std::size_t(payload.size()), offset, nullptr, nullptr, limits());
        if (offset != std::size_t(payload.size())) {
            return DecodedPayload::failure(
                translate("%1 bytes after the MessagePack value").arg(payload.size() - offset),
                qsizetype(offset));
        }
        JsonStream out;
        out.reserve(payload.size() * 2);
        write(out, handle.get());
        return {DecodedPayload::Status::Decoded, out.take(), {}, -1};
    } catch (const msgpack::insufficient_bytes &) {
        return DecodedPayload::failure(
            translate("the MessagePack value ends early, after %1 bytes").arg(payload.size()),
            payload.size());
    } catch (const msgpack::depth_size_overflow &) {
        return DecodedPayload::failure(translate("nested deeper than %1 levels").arg(MaxDepth));
    } catch (const std::exception &error) {
        return DecodedPayload::failure(
            translate("not MessagePack: %1").arg(QString::fromUtf8(error.what())),
            qsizetype(offset));
    }
}

namespace {

using Packer = msgpack::packer<msgpack::sbuffer>;

void pack(Packer &packer, const QJsonValue &value, int depth);

void packBytes(Packer &packer, const QByteArray &data)
{
    packer.pack_bin(quint32(data.size()));
    packer.pack_bin_body(data.constData(), quint32(data.size()));
}

// The tagged objects toJson writes for bin and ext become those types again.
bool packTagged(Packer &packer, const QJsonObject &object)
{
    if (object.size() == 1 && object.contains(QStringLiteral("$bin"))) {
        packBytes(
            packer,
            QByteArray::fromBase64(object.value(QStringLiteral("$bin")).toString().toLatin1()));
        return true;
    }
    if (object.contains(QStringLiteral("$ext")) && object.contains(QStringLiteral("data"))) {
        const QByteArray data =
            QByteArray::fromBase64(object.value(QStringLiteral("data")).toString().toLatin1());
        packer.pack_ext(std::size_t(data.size()),
                        qint8(object.value(QStringLiteral("$ext")).toInt()));
        packer.pack_ext_body(data.constData(), quint32(data.size()));
        return true;
    }
    return false;
}

void packNumber(Packer &packer, double number)
{
    double whole = 0;
    if (std::modf(number, &whole) == 0.0 && std::abs(number) < 9.2e18)
        packer.pack_int64(qint64(number));
    else
        packer.pack_double(number);
}

void pack(Packer &packer, const QJsonValue &value, int depth)
{
    if (depth > MaxDepth)
        throw std::runtime_error("too deep");
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        packer.pack_nil();
        break;
    case QJsonValue::Bool:
        value.toBool() ? packer.pack_true() : packer.pack_false();
        break;
    case QJsonValue::Double:
        packNumber(packer, value.toDouble());
        break;
    case QJsonValue::String:
        packer.pack(value.toString().toStdString());
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        packer.pack_array(quint32(array.size()));
        for (const QJsonValue &item : array)
            pack(packer, item, depth + 1);
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (packTagged(packer, object))
            break;
        packer.pack_map(quint32(object.size()));
        for (auto it = object.begin(); it != object.end(); ++it) {
            packer.pack(it.key().toStdString());
            pack(packer, it.value(), depth + 1);
        }
        break;
    }
    }
}

} // namespace

std::optional<QByteArray> fromJson(QByteArrayView json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(json.data(), json.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = translate("not JSON at character %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    msgpack::sbuffer buffer;
    Packer packer(buffer);
    try {
        pack(packer,
             document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()), 0);
    } catch (const std::exception &) {
        if (error)
            *error = translate("nested deeper than %1 levels").arg(MaxDepth);
        return std::nullopt;
    }
    return QByteArray(buffer.data(), qsizetype(buffer.size()));
}

} // namespace mqttscope::MessagePack

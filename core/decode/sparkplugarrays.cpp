// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/sparkplugarrays.h"

#include <QCoreApplication>
#include <QtEndian>

#include <cstring>

namespace mqttscope::Sparkplug {

namespace {

enum : quint32 {
    Int8Array = 22,
    Int16Array,
    Int32Array,
    Int64Array,
    UInt8Array,
    UInt16Array,
    UInt32Array,
    UInt64Array,
    FloatArray,
    DoubleArray,
    BooleanArray,
    StringArray,
    DateTimeArray,
};

int elementWidth(quint32 datatype)
{
    switch (datatype) {
    case Int8Array:
    case UInt8Array:
        return 1;
    case Int16Array:
    case UInt16Array:
        return 2;
    case Int32Array:
    case UInt32Array:
    case FloatArray:
        return 4;
    default:
        return 8;
    }
}

QJsonValue element(quint32 datatype, const char *at)
{
    switch (datatype) {
    case Int8Array:
        return qint8(*at);
    case UInt8Array:
        return quint8(*at);
    case Int16Array:
        return qFromLittleEndian<qint16>(at);
    case UInt16Array:
        return qFromLittleEndian<quint16>(at);
    case Int32Array:
        return qFromLittleEndian<qint32>(at);
    case UInt32Array:
        return qint64(qFromLittleEndian<quint32>(at));
    case FloatArray: {
        const quint32 bits = qFromLittleEndian<quint32>(at);
        float value;
        std::memcpy(&value, &bits, sizeof value);
        return double(value);
    }
    case DoubleArray: {
        const quint64 bits = qFromLittleEndian<quint64>(at);
        double value;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }
    case UInt64Array: {
        const quint64 value = qFromLittleEndian<quint64>(at);
        return value <= quint64(std::numeric_limits<qint64>::max()) ? QJsonValue(qint64(value))
                                                                    : QJsonValue(double(value));
    }
    default: // Int64Array, DateTimeArray (ms since the epoch)
        return qFromLittleEndian<qint64>(at);
    }
}

std::optional<QJsonArray> unpackBooleans(QByteArrayView bytes, QString *error)
{
    if (bytes.size() < 4) {
        *error = QCoreApplication::translate("Sparkplug", "a BooleanArray needs a 4-byte count");
        return std::nullopt;
    }
    const quint32 count = qFromLittleEndian<quint32>(bytes.data());
    if ((qint64(count) + 7) / 8 > bytes.size() - 4) {
        *error =
            QCoreApplication::translate("Sparkplug", "a BooleanArray of %1 values has %2 bytes")
                .arg(count)
                .arg(bytes.size() - 4);
        return std::nullopt;
    }
    QJsonArray values;
    for (quint32 i = 0; i < count; ++i)
        values.append(bool(quint8(bytes[4 + i / 8]) & (0x80 >> (i % 8))));
    return values;
}

QJsonArray unpackStrings(QByteArrayView bytes)
{
    QJsonArray values;
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype end = bytes.indexOf('\0', start);
        if (end < 0)
            end = bytes.size(); // the last string's NUL is missing: keep it anyway
        values.append(QString::fromUtf8(bytes.sliced(start, end - start)));
        start = end + 1;
    }
    return values;
}

} // namespace

bool isArrayDatatype(quint32 datatype)
{
    return datatype >= Int8Array && datatype <= DateTimeArray;
}

std::optional<QJsonArray> unpackArray(quint32 datatype, QByteArrayView bytes, QString *error)
{
    if (datatype == BooleanArray)
        return unpackBooleans(bytes, error);
    if (datatype == StringArray)
        return unpackStrings(bytes);
    const int width = elementWidth(datatype);
    if (bytes.size() % width != 0) {
        *error = QCoreApplication::translate("Sparkplug",
                                             "%1 bytes are not a whole number of %2-byte elements")
                     .arg(bytes.size())
                     .arg(width);
        return std::nullopt;
    }
    QJsonArray values;
    for (qsizetype at = 0; at < bytes.size(); at += width)
        values.append(element(datatype, bytes.data() + at));
    return values;
}

} // namespace mqttscope::Sparkplug

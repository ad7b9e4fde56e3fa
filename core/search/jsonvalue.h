// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace mqttscope {

// One step of a path into a JSON document: an object key, or an array index when index >= 0.
struct JsonPathStep
{
    QByteArray key; // UTF-8
    int index = -1;

    friend bool operator==(const JsonPathStep &, const JsonPathStep &) = default;
};
using JsonPath = QList<JsonPathStep>;

// The value found at a path: its type and, for scalars, what it holds. An array's scalar
// elements are kept too (for "contains").
struct JsonValue
{
    enum class Type { Missing, Null, Bool, Number, String, Array, Object };

    Type type = Type::Missing;
    bool boolean = false;
    double number = 0;
    QByteArray text; // a string, unescaped (UTF-8)
    QList<JsonValue> elements; // an array's scalar elements, in order

    static JsonValue of(Type type)
    {
        JsonValue value;
        value.type = type;
        return value;
    }
    bool equals(const JsonValue &other) const; // same type and value (scalars only)
};

// The value at `path` in the JSON document `json`, found in one pass without building the
// document. Missing when the path leads nowhere or `json` is not one well-formed JSON value
// (the whole document is checked, not only up to the value). A key that appears twice in an
// object: the last one counts, as for QJsonDocument.
JsonValue findJsonValue(QByteArrayView json, const JsonPath &path);

} // namespace mqttscope

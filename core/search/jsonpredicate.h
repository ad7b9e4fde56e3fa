// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/jsonvalue.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace mqttscope {

// Conditions on fields of a JSON payload, all of which must hold, written as the user types
// them: `battery < 20`, `status == "error"`, `a.b[2].c >= 1.5 and x != null`.
//
//   predicate  := condition (("and" | "&&") condition)*
//   condition  := path op value
//   path       := ["$."] step ("." step | "[" index "]")*   a step is a name or "a quoted name"
//   op         := == | != | < | <= | > | >= | contains
//   value      := number | "string" (JSON escapes) | true | false | null
//
// A condition on a field the payload does not have never holds (`x != null` means "x is there
// and not null"). == and != compare type and value; < <= > >= compare numbers, or strings byte
// by byte; `contains` holds for a string containing the text or an array with an element equal
// to the value. A payload that is not JSON matches nothing.
class JsonPredicate
{
public:
    enum class Op { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, Contains };
    struct Condition
    {
        JsonPath path;
        Op op = Op::Equal;
        JsonValue value;
    };
    struct ParseError
    {
        int position = -1; // index of the character in the text where it went wrong; -1: none
        QString message; // translated, e.g. "expected a value after '<'"
        bool isError() const { return position >= 0; }
    };

    JsonPredicate() = default; // no conditions: holds for every payload
    // An empty `text` gives no conditions; otherwise `error` says where the text went wrong.
    static JsonPredicate parse(const QString &text, ParseError *error);

    bool isEmpty() const { return m_conditions.isEmpty(); }
    const QList<Condition> &conditions() const { return m_conditions; }
    bool matches(QByteArrayView payload) const;
    // The object keys the payload must contain, each as it appears in JSON ("\"battery\""):
    // a prefilter for a substring search that SQL can do.
    QList<QByteArray> requiredKeys() const;

    static bool holds(const Condition &condition, const JsonValue &field);

private:
    QList<Condition> m_conditions;
};

} // namespace mqttscope

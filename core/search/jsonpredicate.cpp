// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/jsonpredicate.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JsonPredicate", text);
}

bool isNameChar(QChar c)
{
    return !c.isNull() && !c.isSpace() && !u".[]<>=!\"&()"_s.contains(c);
}

// Reads the text left to right; the first problem stops it with its position.
class PredicateParser
{
public:
    explicit PredicateParser(const QString &text)
        : m_text(text)
    {
    }

    QList<JsonPredicate::Condition> run(JsonPredicate::ParseError *error)
    {
        QList<JsonPredicate::Condition> conditions;
        skipSpace();
        while (!failed()) {
            conditions.append(condition());
            skipSpace();
            if (failed() || atEnd())
                break;
            if (!connective())
                fail(tr("expected 'and' or the end after a condition"));
            skipSpace();
        }
        if (error)
            *error = m_error;
        return failed() ? QList<JsonPredicate::Condition>{} : conditions;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(int ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : QChar();
    }
    bool failed() const { return m_error.isError(); }
    void fail(const QString &message)
    {
        if (!failed())
            m_error = {int(m_pos), message};
    }
    void skipSpace()
    {
        while (!atEnd() && peek().isSpace())
            ++m_pos;
    }
    bool consume(QStringView word)
    {
        if (QStringView(m_text).mid(m_pos).startsWith(word)) {
            m_pos += word.size();
            return true;
        }
        return false;
    }

    bool connective()
    {
        if (consume(u"&&"))
            return true;
        if (QStringView(m_text).mid(m_pos).startsWith(u"and", Qt::CaseInsensitive)
            && !isNameChar(peek(3))) {
            m_pos += 3;
            return true;
        }
        return false;
    }

    JsonPredicate::Condition condition()
    {
        JsonPredicate::Condition c;
        c.path = path();
        skipSpace();
        c.op = op();
        skipSpace();
        const qsizetype valueStart = m_pos;
        c.value = value();
        if (!failed() && c.op == JsonPredicate::Op::Contains
            && c.value.type == JsonValue::Type::Null) {
            m_pos = valueStart;
            fail(tr("'contains' needs a string, number or boolean"));
        }
        return c;
    }

    JsonPath path()
    {
        JsonPath steps;
        consume(u"$."); // the JSONPath root, accepted and ignored
        if (atEnd() || (!isNameChar(peek()) && peek() != u'"' && peek() != u'['))
            fail(tr("expected a field name, such as battery or a.b[2].c"));
        for (bool first = true; !failed(); first = false) {
            if (peek() == u'[') {
                steps.append(index());
            } else if (first || consume(u".")) {
                steps.append({name(), -1});
            } else {
                break;
            }
        }
        return steps;
    }

    QByteArray name()
    {
        if (peek() == u'"') {
            const JsonValue quoted = stringValue();
            return quoted.text;
        }
        const qsizetype start = m_pos;
        while (!atEnd() && isNameChar(peek()))
            ++m_pos;
        if (m_pos == start)
            fail(tr("expected a field name after '.'"));
        return m_text.mid(start, m_pos - start).toUtf8();
    }

    JsonPathStep index()
    {
        ++m_pos; // '['
        const qsizetype start = m_pos;
        while (!atEnd() && peek().isDigit())
            ++m_pos;
        bool ok = false;
        const int value = m_text.mid(start, m_pos - start).toInt(&ok);
        if (!ok) {
            m_pos = start;
            fail(tr("expected an array index (0, 1, …) after '['"));
        } else if (!consume(u"]")) {
            fail(tr("expected ']' after the index"));
        }
        return {{}, value};
    }

    JsonPredicate::Op op()
    {
        using Op = JsonPredicate::Op;
        static const struct
        {
            QStringView text;
            Op op;
        } ops[] = {{u"==", Op::Equal},          {u"!=", Op::NotEqual}, {u"<=", Op::LessOrEqual},
                   {u">=", Op::GreaterOrEqual}, {u"<", Op::Less},      {u">", Op::Greater}};
        for (const auto &entry : ops) {
            if (consume(entry.text))
                return entry.op;
        }
        if (QStringView(m_text).mid(m_pos).startsWith(u"contains", Qt::CaseInsensitive)) {
            m_pos += 8;
            return Op::Contains;
        }
        if (peek() == u'=')
            fail(tr("'=' is not a comparison: write '=='"));
        else
            fail(tr("expected a comparison: ==, !=, <, <=, >, >= or contains"));
        return Op::Equal;
    }

    JsonValue value()
    {
        if (atEnd()) {
            fail(tr("expected a value (a number, \"text\", true, false or null)"));
            return {};
        }
        if (peek() == u'"')
            return stringValue();
        for (const auto &[word, type, boolean] :
             {std::tuple{u"true"_s, JsonValue::Type::Bool, true},
              std::tuple{u"false"_s, JsonValue::Type::Bool, false},
              std::tuple{u"null"_s, JsonValue::Type::Null, false}}) {
            if (QStringView(m_text).mid(m_pos).startsWith(word) && !isNameChar(peek(word.size()))) {
                m_pos += word.size();
                JsonValue v = JsonValue::of(type);
                v.boolean = boolean;
                return v;
            }
        }
        return numberValue();
    }

    JsonValue numberValue()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && (peek().isDigit() || u"+-.eE"_s.contains(peek())))
            ++m_pos;
        bool ok = false;
        JsonValue v = JsonValue::of(JsonValue::Type::Number);
        v.number = m_text.mid(start, m_pos - start).toDouble(&ok);
        if (!ok || !std::isfinite(v.number)) {
            m_pos = start;
            fail(tr("expected a value (a number, \"text\", true, false or null); "
                    "text goes in double quotes"));
        }
        return v;
    }

    // A double-quoted string with JSON escapes, read by the same scanner as payloads.
    JsonValue stringValue()
    {
        const qsizetype start = m_pos;
        qsizetype end = start + 1;
        while (end < m_text.size() && m_text[end] != u'"')
            end += m_text[end] == u'\\' ? 2 : 1;
        if (end >= m_text.size()) {
            fail(tr("the text has no closing '\"'"));
            return {};
        }
        m_pos = end + 1;
        JsonValue v = findJsonValue(m_text.mid(start, m_pos - start).toUtf8(), {});
        if (v.type != JsonValue::Type::String) {
            m_pos = start;
            fail(tr("the text in quotes has a bad escape (\\\", \\\\, \\n, \\u00e9 …)"));
        }
        return v;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    JsonPredicate::ParseError m_error;
};

} // namespace

JsonPredicate JsonPredicate::parse(const QString &text, ParseError *error)
{
    JsonPredicate predicate;
    ParseError problem;
    if (!text.trimmed().isEmpty())
        predicate.m_conditions = PredicateParser(text).run(&problem);
    if (error)
        *error = problem;
    return predicate;
}

bool JsonPredicate::holds(const Condition &condition, const JsonValue &field)
{
    const JsonValue &wanted = condition.value;
    if (field.type == JsonValue::Type::Missing)
        return false;
    const bool bothNumbers =
        field.type == JsonValue::Type::Number && wanted.type == JsonValue::Type::Number;
    const bool bothStrings =
        field.type == JsonValue::Type::String && wanted.type == JsonValue::Type::String;
    const int order = bothNumbers
        ? (field.number < wanted.number ? -1 : field.number > wanted.number)
        : bothStrings ? field.text.compare(wanted.text)
                      : 0;
    switch (condition.op) {
    case Op::Equal:
        return field.equals(wanted);
    case Op::NotEqual:
        return !field.equals(wanted);
    case Op::Less:
        return (bothNumbers || bothStrings) && order < 0;
    case Op::LessOrEqual:
        return (bothNumbers || bothStrings) && order <= 0;
    case Op::Greater:
        return (bothNumbers || bothStrings) && order > 0;
    case Op::GreaterOrEqual:
        return (bothNumbers || bothStrings) && order >= 0;
    case Op::Contains:
        if (field.type == JsonValue::Type::String)
            return wanted.type == JsonValue::Type::String && field.text.contains(wanted.text);
        return std::any_of(field.elements.begin(), field.elements.end(),
                           [&wanted](const JsonValue &e) { return e.equals(wanted); });
    }
    return false;
}

bool JsonPredicate::matches(QByteArrayView payload) const
{
    for (const Condition &condition : m_conditions) {
        if (!holds(condition, findJsonValue(payload, condition.path)))
            return false;
    }
    return true;
}

QList<QByteArray> JsonPredicate::requiredKeys() const
{
    QList<QByteArray> keys;
    for (const Condition &condition : m_conditions) {
        for (const JsonPathStep &step : condition.path) {
            // A key written with escapes in the payload would not be found by its plain text:
            // only keys with nothing JSON escapes count.
            const bool plain = std::all_of(step.key.begin(), step.key.end(), [](char c) {
                return uchar(c) >= 0x20 && c != '"' && c != '\\' && c != '/';
            });
            if (step.index < 0 && plain && !keys.contains('"' + step.key + '"'))
                keys.append('"' + step.key + '"');
        }
    }
    return keys;
}

} // namespace mqttscope

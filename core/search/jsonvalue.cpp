// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/jsonvalue.h"

#include <charconv>
#include <cmath>

namespace mqttscope {
namespace {

// A recursive-descent reader that validates the whole document and keeps only the value at
// the path: no allocation for what it skips.
class JsonScanner
{
public:
    JsonScanner(QByteArrayView json, const JsonPath &path)
        : m_p(json.data())
        , m_end(json.data() + json.size())
        , m_path(path)
    {
    }

    JsonValue run()
    {
        skipSpace();
        if (!value(0, true))
            return {};
        skipSpace();
        return m_p == m_end ? m_found : JsonValue{};
    }

private:
    static constexpr int MaxDepth = 512; // deeper documents are refused, not a stack overflow

    bool atTarget(int step, bool onPath) const { return onPath && step == m_path.size(); }

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }

    bool literal(const char *word)
    {
        for (; *word; ++word, ++m_p) {
            if (m_p == m_end || *m_p != *word)
                return false;
        }
        return true;
    }

    bool value(int step, bool onPath, JsonValue *element = nullptr)
    {
        if (m_p == m_end)
            return false;
        JsonValue *target = atTarget(step, onPath) ? &m_found : element;
        switch (*m_p) {
        case '{':
            return object(step, onPath, target);
        case '[':
            return array(step, onPath, target);
        case '"':
            return string(target ? &target->text : nullptr) && set(target, JsonValue::Type::String);
        case 't':
            return literal("true") && setBool(target, true);
        case 'f':
            return literal("false") && setBool(target, false);
        case 'n':
            return literal("null") && set(target, JsonValue::Type::Null);
        default:
            return number(target);
        }
    }

    static bool set(JsonValue *target, JsonValue::Type type)
    {
        if (target)
            target->type = type;
        return true;
    }
    static bool setBool(JsonValue *target, bool value)
    {
        if (target)
            target->boolean = value;
        return set(target, JsonValue::Type::Bool);
    }

    bool object(int step, bool onPath, JsonValue *target)
    {
        if (++m_depth > MaxDepth)
            return false;
        ++m_p; // '{'
        if (target)
            *target = JsonValue::of(JsonValue::Type::Object);
        const bool descend = onPath && step < m_path.size() && m_path[step].index < 0;
        skipSpace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            --m_depth;
            return true;
        }
        for (;;) {
            bool keyMatches = false;
            if (!key(descend ? &m_path[step].key : nullptr, &keyMatches))
                return false;
            skipSpace();
            if (m_p == m_end || *m_p++ != ':')
                return false;
            skipSpace();
            if (!value(step + 1, keyMatches))
                return false;
            skipSpace();
            if (m_p == m_end)
                return false;
            if (*m_p == '}') {
                ++m_p;
                --m_depth;
                return true;
            }
            if (*m_p++ != ',')
                return false;
            skipSpace();
        }
    }

    bool array(int step, bool onPath, JsonValue *target)
    {
        if (++m_depth > MaxDepth)
            return false;
        ++m_p; // '['
        if (target)
            *target = JsonValue::of(JsonValue::Type::Array);
        const bool descend = onPath && step < m_path.size() && m_path[step].index >= 0;
        skipSpace();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            --m_depth;
            return true;
        }
        for (int index = 0;; ++index) {
            JsonValue element;
            const bool onElementPath = descend && m_path[step].index == index;
            if (!value(step + 1, onElementPath, target ? &element : nullptr))
                return false;
            if (target && element.type != JsonValue::Type::Array
                && element.type != JsonValue::Type::Object)
                target->elements.append(std::move(element));
            skipSpace();
            if (m_p == m_end)
                return false;
            if (*m_p == ']') {
                ++m_p;
                --m_depth;
                return true;
            }
            if (*m_p++ != ',')
                return false;
            skipSpace();
        }
    }

    // An object key; `matches` says whether it equals `wanted` (when given).
    bool key(const QByteArray *wanted, bool *matches)
    {
        if (m_p == m_end || *m_p != '"')
            return false;
        const char *start = m_p + 1;
        QByteArray decoded;
        const bool hadEscape = !noEscapeUntilQuote(start);
        if (!string(wanted && hadEscape ? &decoded : nullptr))
            return false;
        if (wanted) {
            *matches =
                hadEscape ? decoded == *wanted : QByteArrayView(start, m_p - 1 - start) == *wanted;
        }
        return true;
    }

    bool noEscapeUntilQuote(const char *p) const
    {
        for (; p < m_end && *p != '"'; ++p) {
            if (*p == '\\')
                return false;
        }
        return true;
    }

    static int hexDigit(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool hex4(char16_t *unit)
    {
        if (m_end - m_p < 4)
            return false;
        int value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexDigit(*m_p++);
            if (digit < 0)
                return false;
            value = value * 16 + digit;
        }
        *unit = char16_t(value);
        return true;
    }

    bool escape(QByteArray *out)
    {
        if (m_p == m_end)
            return false;
        const char c = *m_p++;
        static constexpr char from[] = "\"\\/bfnrt";
        static constexpr char to[] = "\"\\/\b\f\n\r\t";
        for (int i = 0; from[i]; ++i) {
            if (c == from[i]) {
                if (out)
                    out->append(to[i]);
                return true;
            }
        }
        if (c != 'u')
            return false;
        char16_t units[2] = {};
        if (!hex4(&units[0]))
            return false;
        int count = 1;
        if (QChar::isHighSurrogate(units[0]) && m_end - m_p >= 6 && m_p[0] == '\\'
            && m_p[1] == 'u') {
            m_p += 2;
            if (!hex4(&units[1]))
                return false;
            count = 2;
        }
        if (out)
            out->append(QStringView(units, count).toUtf8());
        return true;
    }

    bool string(QByteArray *out)
    {
        ++m_p; // '"'
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (uchar(c) < 0x20)
                return false;
            if (c == '\\') {
                ++m_p;
                if (!escape(out))
                    return false;
                continue;
            }
            const char *run = m_p;
            while (m_p < m_end && *m_p != '"' && *m_p != '\\' && uchar(*m_p) >= 0x20)
                ++m_p;
            if (out)
                out->append(run, m_p - run);
        }
        return false;
    }

    bool digits()
    {
        const char *start = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        return m_p > start;
    }

    bool number(JsonValue *target)
    {
        const char *start = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p < m_end && *m_p == '0')
            ++m_p;
        else if (!digits())
            return false;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (!digits())
                return false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (!digits())
                return false;
        }
        if (target) {
            target->type = JsonValue::Type::Number;
            std::from_chars(start, m_p, target->number); // out of range: ±inf or 0, kept
        }
        return true;
    }

    const char *m_p;
    const char *m_end;
    const JsonPath &m_path;
    int m_depth = 0;
    JsonValue m_found;
};

} // namespace

bool JsonValue::equals(const JsonValue &other) const
{
    if (type != other.type)
        return false;
    switch (type) {
    case Type::Null:
        return true;
    case Type::Bool:
        return boolean == other.boolean;
    case Type::Number:
        return number == other.number;
    case Type::String:
        return text == other.text;
    case Type::Missing:
    case Type::Array:
    case Type::Object:
        return false;
    }
    return false;
}

JsonValue findJsonValue(QByteArrayView json, const JsonPath &path)
{
    return JsonScanner(json, path).run();
}

} // namespace mqttscope

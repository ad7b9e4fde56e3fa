// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/jsonsyntax.h"

namespace mqttscope::Json {

namespace {

// A recursive descent over the bytes; each method consumes one production and says whether it
// was well formed.
class Checker
{
public:
    explicit Checker(QByteArrayView text)
        : m_at(text.data())
        , m_end(text.data() + text.size())
    {
    }

    bool document()
    {
        skipSpace();
        if (!value(0))
            return false;
        skipSpace();
        return m_at == m_end;
    }

private:
    bool atEnd() const { return m_at == m_end; }
    char peek() const { return atEnd() ? '\0' : *m_at; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++m_at;
        return true;
    }
    void skipSpace()
    {
        while (!atEnd() && (*m_at == ' ' || *m_at == '\t' || *m_at == '\n' || *m_at == '\r'))
            ++m_at;
    }
    bool digits()
    {
        const char *start = m_at;
        while (!atEnd() && *m_at >= '0' && *m_at <= '9')
            ++m_at;
        return m_at > start;
    }
    bool literal(QByteArrayView word)
    {
        if (qsizetype(m_end - m_at) < word.size() || QByteArrayView(m_at, word.size()) != word)
            return false;
        m_at += word.size();
        return true;
    }

    bool value(int depth)
    {
        switch (peek()) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool object(int depth)
    {
        ++m_at; // '{'
        skipSpace();
        if (depth > MaxDepth)
            return false;
        if (take('}'))
            return true;
        do {
            skipSpace();
            if (peek() != '"' || !string())
                return false;
            skipSpace();
            if (!take(':'))
                return false;
            skipSpace();
            if (!value(depth))
                return false;
            skipSpace();
        } while (take(','));
        return take('}');
    }

    bool array(int depth)
    {
        ++m_at; // '['
        skipSpace();
        if (depth > MaxDepth)
            return false;
        if (take(']'))
            return true;
        do {
            skipSpace();
            if (!value(depth))
                return false;
            skipSpace();
        } while (take(','));
        return take(']');
    }

    bool string()
    {
        ++m_at; // '"'
        while (!atEnd()) {
            const unsigned char c = static_cast<unsigned char>(*m_at++);
            if (c == '"')
                return true;
            if (c < 0x20)
                return false;
            if (c == '\\' && !escape())
                return false;
        }
        return false;
    }

    bool escape()
    {
        if (atEnd())
            return false;
        const char c = *m_at++;
        if (c != 'u')
            return c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r'
                || c == 't';
        for (int i = 0; i < 4; ++i, ++m_at) {
            const char h = peek();
            if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F')))
                return false;
        }
        return true;
    }

    // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    bool number()
    {
        take('-');
        if (!take('0') && !(peek() >= '1' && peek() <= '9' && digits()))
            return false;
        if (take('.') && !digits())
            return false;
        if (take('e') || take('E')) {
            if (!take('+'))
                take('-');
            if (!digits())
                return false;
        }
        return true;
    }

    const char *m_at;
    const char *m_end;
};

} // namespace

bool isWellFormed(QByteArrayView text)
{
    return text.isValidUtf8() && Checker(text).document();
}

} // namespace mqttscope::Json

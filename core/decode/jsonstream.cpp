// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/jsonstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace mqttscope {

void JsonStream::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first)
        m_out.push_back(',');
    m_first = false;
}

void JsonStream::open(char bracket)
{
    separate();
    m_out.push_back(bracket);
    m_enclosing.push_back(m_first);
    m_first = true;
}

void JsonStream::close(char bracket)
{
    m_out.push_back(bracket);
    m_first = m_enclosing.back();
    m_enclosing.pop_back();
}

void JsonStream::key(QByteArrayView utf8)
{
    separate();
    quoted(utf8);
    m_out.push_back(':');
    m_afterKey = true;
}

void JsonStream::null()
{
    separate();
    m_out.append("null", 4);
}

void JsonStream::boolean(bool value)
{
    separate();
    m_out.append(value ? "true" : "false");
}

void JsonStream::integer(qint64 value)
{
    separate();
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    m_out.append(buffer, size_t(end - buffer));
}

void JsonStream::unsignedInteger(quint64 value)
{
    if (value <= quint64(std::numeric_limits<qint64>::max()))
        integer(qint64(value));
    else
        number(double(value));
}

void JsonStream::number(double value)
{
    if (!std::isfinite(value)) {
        null();
        return;
    }
    separate();
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    m_out.append(buffer, size_t(end - buffer));
}

void JsonStream::string(QByteArrayView utf8)
{
    separate();
    quoted(utf8);
}

namespace {

// The bytes a JSON string escapes: controls, the quote and the backslash.
constexpr std::array<bool, 256> escapedBytes = [] {
    std::array<bool, 256> table{};
    for (int u = 0; u < 0x20; ++u)
        table[u] = true;
    table['"'] = table['\\'] = true;
    return table;
}();

} // namespace

void JsonStream::quoted(QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    m_out.push_back('"');
    const size_t start = m_out.size();
    qsizetype run = 0; // the start of the bytes that need no escape, appended as one
    unsigned char highBits = 0; // any byte >= 0x80: not ASCII, so check the UTF-8
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto u = static_cast<unsigned char>(utf8[i]);
        highBits |= u;
        if (!escapedBytes[u])
            continue;
        append(utf8.sliced(run, i - run));
        if (u < 0x20) {
            const char escaped[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 15]};
            m_out.append(escaped, sizeof escaped);
        } else {
            const char escaped[] = {'\\', char(u)};
            m_out.append(escaped, sizeof escaped);
        }
        run = i + 1;
    }
    if ((highBits & 0x80)
        && !utf8.isValidUtf8()) { // rare: write it again with the bad bytes replaced
        m_out.resize(start - 1);
        quoted(QString::fromUtf8(utf8).toUtf8());
        return;
    }
    append(utf8.sliced(run));
    m_out.push_back('"');
}

void JsonStream::value(const QJsonValue &value)
{
    separate();
    // QJsonDocument takes objects and arrays only: wrap, then drop the brackets.
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    append(QByteArrayView(text).sliced(1, text.size() - 2));
}

QByteArray JsonStream::take()
{
    QByteArray text(m_out.data(), qsizetype(m_out.size()));
    m_out.clear();
    return text;
}

} // namespace mqttscope

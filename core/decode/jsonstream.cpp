// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/jsonstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
    if (!m_first.empty()) {
        if (!m_first.back())
            m_out.append(',');
        m_first.back() = false;
    }
}

void JsonStream::open(char bracket)
{
    separate();
    m_out.append(bracket);
    m_first.push_back(true);
}

void JsonStream::close(char bracket)
{
    m_out.append(bracket);
    m_first.pop_back();
}

void JsonStream::key(QByteArrayView utf8)
{
    separate();
    quoted(utf8);
    m_out.append(':');
    m_afterKey = true;
}

void JsonStream::null()
{
    separate();
    m_out.append("null");
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
    m_out.append(buffer, end - buffer);
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
    m_out.append(buffer, end - buffer);
}

void JsonStream::string(QByteArrayView utf8)
{
    separate();
    quoted(utf8);
}

void JsonStream::quoted(QByteArrayView utf8)
{
    if (!utf8.isValidUtf8()) {
        const QByteArray replaced = QString::fromUtf8(utf8).toUtf8();
        quoted(replaced);
        return;
    }
    static const char hex[] = "0123456789abcdef";
    m_out.append('"');
    qsizetype run = 0; // the start of the bytes that need no escape, appended as one
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto u = static_cast<unsigned char>(utf8[i]);
        if (u >= 0x20 && u != '"' && u != '\\')
            continue;
        m_out.append(utf8.data() + run, i - run);
        if (u < 0x20) {
            const char escaped[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 15]};
            m_out.append(escaped, sizeof escaped);
        } else {
            const char escaped[] = {'\\', char(u)};
            m_out.append(escaped, sizeof escaped);
        }
        run = i + 1;
    }
    m_out.append(utf8.data() + run, utf8.size() - run);
    m_out.append('"');
}

void JsonStream::value(const QJsonValue &value)
{
    separate();
    // QJsonDocument takes objects and arrays only: wrap, then drop the brackets.
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    m_out.append(text.mid(1, text.size() - 2));
}

} // namespace mqttscope

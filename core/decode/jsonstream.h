// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <string>
#include <vector>

namespace mqttscope {

// Compact JSON text written as it goes, for decoders on the message path: building QJsonObjects
// and serializing them cost four times the decoding itself. Commas are placed by the writer;
// strings are escaped (invalid UTF-8 replaced, as QJsonDocument would). The text grows in a
// std::string: QByteArray's appends are out of line and were a third of a Sparkplug decode.
class JsonStream
{
public:
    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    void key(QByteArrayView utf8);
    void key(QStringView text) { key(QByteArrayView(text.toUtf8())); }
    // A key the program spells ("datatype"), which needs no escaping: written without a scan.
    template<qsizetype N>
    void keyLiteral(const char (&ascii)[N])
    {
        separate();
        m_out.push_back('"');
        m_out.append(ascii, N - 1);
        m_out.append("\":", 2);
        m_afterKey = true;
    }

    void null();
    void boolean(bool value);
    void integer(qint64 value);
    void unsignedInteger(quint64 value); // beyond qint64 as a double, as JSON readers take it
    void number(double value); // shortest round trip; NaN and infinities as null
    void string(QByteArrayView utf8);
    void string(QStringView text) { string(QByteArrayView(text.toUtf8())); }
    void value(const QJsonValue &value); // for the rare parts built as QJson (arrays)

    void reserve(qsizetype bytes) { m_out.reserve(size_t(bytes)); }
    QByteArray take();

private:
    void open(char bracket);
    void close(char bracket);
    void separate(); // the comma before a value or key, unless first or after a key
    void quoted(QByteArrayView utf8);
    void append(QByteArrayView bytes) { m_out.append(bytes.data(), size_t(bytes.size())); }

    std::string m_out;
    std::vector<char> m_enclosing; // per open object/array: m_first of the one around it
    bool m_first = true; // nothing written yet in the innermost open object/array
    bool m_afterKey = false;
};

} // namespace mqttscope

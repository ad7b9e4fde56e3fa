// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <vector>

namespace mqttscope {

// Compact JSON text written as it goes, for decoders on the message path: building QJsonObjects
// and serializing them cost four times the decoding itself. Commas are placed by the writer;
// strings are escaped (invalid UTF-8 replaced, as QJsonDocument would).
class JsonStream
{
public:
    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    void key(QByteArrayView utf8);
    void key(QStringView text) { key(QByteArrayView(text.toUtf8())); }

    void null();
    void boolean(bool value);
    void integer(qint64 value);
    void unsignedInteger(quint64 value); // beyond qint64 as a double, as JSON readers take it
    void number(double value); // shortest round trip; NaN and infinities as null
    void string(QByteArrayView utf8);
    void string(QStringView text) { string(QByteArrayView(text.toUtf8())); }
    void value(const QJsonValue &value); // for the rare parts built as QJson (arrays)

    void reserve(qsizetype bytes) { m_out.reserve(bytes); }
    QByteArray take() { return std::move(m_out); }

private:
    void open(char bracket);
    void close(char bracket);
    void separate(); // the comma before a value or key, unless first or after a key
    void quoted(QByteArrayView utf8);

    QByteArray m_out;
    std::vector<bool> m_first; // per open object/array: nothing written in it yet
    bool m_afterKey = false;
};

} // namespace mqttscope

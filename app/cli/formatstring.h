// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/payloaddecoder.h"
#include "protocol/message.h"

#include <QByteArray>
#include <QList>

#include <memory>

namespace mqttscope::cli {

// mosquitto_sub's -F format string, parsed once and applied to each message.
//   %t topic, %p payload, %q QoS, %r retain, %l payload length, %m packet id (0 at QoS 0),
//   %x/%X payload in hex, %I ISO-8601 local time, %U Unix time with
//   nanoseconds, %j/%J JSON as mosquitto_sub prints it, %%; ours (mosquitto_sub has no %d):
//   %d the payload decoded as JSON (Sparkplug B, --decode); MQTT 5: %A topic alias, %C content
//   type, %D correlation data, %E message expiry, %F payload format, %P user properties,
//   %R response topic, %S subscription identifier; flags '-' and '0', width and .precision as
//   mosquitto_sub takes them. @X is strftime's %X (@N nanoseconds, @@ '@'), and \n \t \r \v \a
//   \e \0 \\ are escapes.
class FormatString
{
public:
    explicit FormatString(const QByteArray &format = {});

    // Appends the message as the format says (no end of line). A %J payload that is not JSON
    // adds a line to *errors, as mosquitto_sub prints it to stderr.
    void append(const Message &message, qint64 receivedMsecsSinceEpoch, QByteArray &out,
                QByteArray *errors) const;
    // What %d reads with: the topic's schema encoding decodes the payload; a topic without one
    // prints the payload as it is, one that fails prints nothing and a line to *errors.
    void setDecoder(std::shared_ptr<const PayloadDecoder> decoder);

private:
    struct Field
    {
        char kind = 0; // 0 = literal text, '%' field, '@' strftime, 'N' nanoseconds
        char conversion = 0;
        bool leftAlign = false;
        char pad = ' ';
        int width = 0;
        int precision = -1;
        QByteArray literal;
    };

    static Field percentField(const QByteArray &format, qsizetype *i);
    static Field strftimeField(char conversion);

    void appendField(const Field &field, const Message &message, qint64 receivedMsecs,
                     QByteArray &out, QByteArray *errors) const;
    static void appendMessageField(const Field &field, const Message &message, qint64 receivedMsecs,
                                   QByteArray &out, QByteArray *errors);
    void appendDecodedField(const Field &field, const Message &message, QByteArray &out,
                            QByteArray *errors) const;
    static void appendPropertyField(const Field &field, const Properties &properties,
                                    QByteArray &out);

    QList<Field> m_fields;
    std::shared_ptr<const PayloadDecoder> m_decoder;
};

} // namespace mqttscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/decodedpayload.h"
#include "protocol/message.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QIODevice;

namespace mqttscope {

// Writes messages to a file one after the other, in one of two formats:
//
// JSON lines: one object per line, exactly the format of `mqttscope-cli sub --json`
//   (MessageJson: time, topic, qos, retain, dup, properties, payload or payload_base64).
// CSV (RFC 4180, UTF-8, header row):
//   time,topic,qos,retain,dup,size,payload_encoding,payload,properties
//   time as in the JSON lines; retain and dup are 0/1; payload_encoding says whether payload
//   is the text ("utf8": valid UTF-8 without control characters other than tab, CR and LF) or
//   "base64" (any other payload, or every one with PayloadEncoding::Base64), so the bytes can
//   always be recovered; properties is the JSON lines' "properties" object, compact, or empty.
// With a decoder, what it reads is written too, as `sub --json --decode` does: a "decoded" field
// (the JSON) or "decodeError" in a JSON line, a last CSV column "decoded" (the JSON, or empty).
class MessageWriter
{
public:
    enum class Format { JsonLines, Csv };
    enum class PayloadEncoding { Auto, Base64 }; // for CSV; JSON lines choose as sub --json does

    using Decoder = std::function<DecodedPayload(const Message &)>;
    MessageWriter(QIODevice &device, Format format,
                  PayloadEncoding encoding = PayloadEncoding::Auto, Decoder decoder = {});
    ~MessageWriter(); // flushes

    // `timeMsecs`: the receive time, milliseconds since the epoch.
    void write(const Message &message, qint64 timeMsecs);
    // Writes what is buffered; false, with error() saying why, when the device refused.
    bool flush();
    qint64 count() const { return m_count; }
    QString error() const { return m_error; }

    // Adds "decoded" (or "decodeError") to a complete JSON line object; nothing when NotDecoded.
    static void appendDecodedField(QByteArray &line, const DecodedPayload &decoded);

private:
    void appendCsv(const Message &message, qint64 timeMsecs);

    QIODevice &m_device;
    Format m_format;
    PayloadEncoding m_encoding;
    Decoder m_decoder;
    QByteArray m_buffer;
    qint64 m_count = 0;
    QString m_error;
};

} // namespace mqttscope

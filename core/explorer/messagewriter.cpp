// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/messagewriter.h"

#include "explorer/payloadformat.h"
#include "recording/jsontext.h"
#include "recording/messagejson.h"

#include <QIODevice>

namespace mqttscope {
namespace {

constexpr qsizetype FlushBytes = 256 * 1024;

void appendCsvField(QByteArray &out, QByteArrayView field)
{
    const bool quote =
        field.contains(',') || field.contains('"') || field.contains('\n') || field.contains('\r');
    if (!quote) {
        out.append(field);
        return;
    }
    out.append('"');
    for (const char c : field) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

} // namespace

MessageWriter::MessageWriter(QIODevice &device, Format format, PayloadEncoding encoding,
                             Decoder decoder)
    : m_device(device)
    , m_format(format)
    , m_encoding(encoding)
    , m_decoder(std::move(decoder))
{
    if (format == Format::Csv) {
        m_buffer.append("time,topic,qos,retain,dup,size,payload_encoding,payload,properties");
        m_buffer.append(m_decoder ? ",decoded\r\n" : "\r\n");
    }
}

MessageWriter::~MessageWriter()
{
    flush();
}

void MessageWriter::write(const Message &message, qint64 timeMsecs)
{
    if (m_format == Format::JsonLines) {
        MessageJson::appendLine(message, timeMsecs, m_buffer);
        if (m_decoder)
            appendDecodedField(m_buffer, m_decoder(message));
        m_buffer.append('\n');
    } else {
        appendCsv(message, timeMsecs);
    }
    ++m_count;
    if (m_buffer.size() >= FlushBytes)
        flush();
}

void MessageWriter::appendCsv(const Message &message, qint64 timeMsecs)
{
    const bool text =
        m_encoding == PayloadEncoding::Auto && Payload::looksLikeText(message.payload);
    MessageJson::appendUtcTime(timeMsecs, m_buffer);
    m_buffer.append(',');
    appendCsvField(m_buffer, message.topic);
    m_buffer.append(',').append(char('0' + message.qos));
    m_buffer.append(message.retain ? ",1" : ",0").append(message.dup ? ",1," : ",0,");
    m_buffer.append(QByteArray::number(message.payload.size()));
    m_buffer.append(text ? ",utf8," : ",base64,");
    appendCsvField(m_buffer, text ? message.payload : message.payload.toBase64());
    m_buffer.append(',');
    appendCsvField(m_buffer, MessageJson::propertiesToJson(message.properties));
    if (m_decoder) {
        m_buffer.append(',');
        appendCsvField(m_buffer, m_decoder(message).json);
    }
    m_buffer.append("\r\n");
}

// The line's object is complete when this runs: its closing brace makes way for the field.
void MessageWriter::appendDecodedField(QByteArray &line, const DecodedPayload &decoded)
{
    if (decoded.status == DecodedPayload::Status::NotDecoded)
        return;
    line.chop(1);
    if (decoded.decoded()) {
        line.append(",\"decoded\":");
        line.append(decoded.json);
    } else {
        line.append(",\"decodeError\":");
        JsonText::appendString(line, decoded.error.toUtf8());
    }
    line.append('}');
}

bool MessageWriter::flush()
{
    if (!m_buffer.isEmpty() && m_error.isEmpty()) {
        if (m_device.write(m_buffer) != m_buffer.size())
            m_error = m_device.errorString();
    }
    m_buffer.clear();
    return m_error.isEmpty();
}

} // namespace mqttscope

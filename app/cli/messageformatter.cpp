// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageformatter.h"

#include "explorer/messagewriter.h"
#include "recording/messagejson.h"

#include <QDateTime>

#include <cstring>
#include <initializer_list>

namespace mqttscope::cli {

namespace {

// Appends the parts with one capacity check and plain copies: QByteArray::append per part costs
// a call, a detach check and a capacity check each, which at millions of lines a second is
// more than the copying.
void appendParts(QByteArray &out, std::initializer_list<QByteArrayView> parts)
{
    qsizetype total = 0;
    for (const QByteArrayView part : parts)
        total += part.size();
    const qsizetype start = out.size();
    out.resize(start + total);
    char *at = out.data() + start;
    for (const QByteArrayView part : parts) {
        std::memcpy(at, part.data(), size_t(part.size()));
        at += part.size();
    }
}

} // namespace

MessageFormatter::MessageFormatter(OutputMode mode, const QByteArray &format, bool appendNewline)
    : m_mode(mode)
    , m_format(mode == OutputMode::Format ? format : QByteArray())
    , m_appendNewline(appendNewline)
{
}

void MessageFormatter::append(const Message &message, QByteArray &out, QByteArray *errors) const
{
    const QByteArrayView newline = m_appendNewline ? QByteArrayView("\n") : QByteArrayView();
    switch (m_mode) {
    case OutputMode::Payload:
        if (!message.payload.isEmpty())
            appendParts(out, {message.payload, newline});
        return;
    case OutputMode::Verbose:
        if (message.payload.isEmpty()) {
            if (m_appendNewline)
                appendParts(out, {message.topic, " (null)\n"});
            return;
        }
        appendParts(out, {message.topic, " ", message.payload, newline});
        return;
    case OutputMode::Format:
    case OutputMode::Json: {
        const qint64 received = message.receivedMsecsSinceEpoch
            ? message.receivedMsecsSinceEpoch
            : QDateTime::currentMSecsSinceEpoch();
        if (m_mode == OutputMode::Format)
            m_format.append(message, received, out, errors);
        else
            MessageJson::appendLine(message, received, out);
        if (m_mode == OutputMode::Json && m_decoder)
            appendDecoded(message, out);
        break;
    }
    }
    out.append(newline);
}

void MessageFormatter::setDecoder(std::shared_ptr<const PayloadDecoder> decoder)
{
    m_format.setDecoder(decoder);
    m_decoder = std::move(decoder);
}

void MessageFormatter::appendDecoded(const Message &message, QByteArray &out) const
{
    MessageWriter::appendDecodedField(out, m_decoder->decode(message.topic, message.payload));
}

} // namespace mqttscope::cli

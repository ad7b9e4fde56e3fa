// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageformatter.h"

#include "jsonmessagewriter.h"

#include <QDateTime>

namespace mqttscope::cli {

MessageFormatter::MessageFormatter(OutputMode mode, const QByteArray &format, bool appendNewline)
    : m_mode(mode)
    , m_format(mode == OutputMode::Format ? format : QByteArray())
    , m_appendNewline(appendNewline)
{
}

void MessageFormatter::append(const Message &message, QByteArray &out, QByteArray *errors) const
{
    switch (m_mode) {
    case OutputMode::Payload:
        if (message.payload.isEmpty())
            return;
        out.append(message.payload);
        break;
    case OutputMode::Verbose:
        if (message.payload.isEmpty()) {
            if (m_appendNewline)
                out.append(message.topic).append(" (null)\n", 8);
            return;
        }
        out.append(message.topic).append(' ').append(message.payload);
        break;
    case OutputMode::Format:
    case OutputMode::Json: {
        const qint64 received = message.receivedMsecsSinceEpoch
                ? message.receivedMsecsSinceEpoch
                : QDateTime::currentMSecsSinceEpoch();
        if (m_mode == OutputMode::Format)
            m_format.append(message, received, out, errors);
        else
            JsonMessageWriter::append(message, received, out);
        break;
    }
    }
    if (m_appendNewline)
        out.append('\n');
}

} // namespace mqttscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formatstring.h"
#include "subcommandoptions.h"

#include "decode/payloaddecoder.h"
#include "protocol/message.h"

#include <QByteArray>

#include <memory>

namespace mqttscope::cli {

// Prints received messages the way `sub` was asked to: payload only, -v, -F or --json, each
// followed by a newline unless -N. Byte for byte what mosquitto_sub prints for the first three
// (an empty payload prints nothing, or "topic (null)" with -v). Appends to a buffer so that
// thousands of messages cost one write; the -v and payload paths never convert to QString.
class MessageFormatter
{
public:
    MessageFormatter(OutputMode mode, const QByteArray &format, bool appendNewline);

    // `errors` receives lines for stderr (e.g. %J with a payload that is not JSON).
    void append(const Message &message, QByteArray &out, QByteArray *errors = nullptr) const;
    // With --json, messages whose topic has a schema encoding (--decode, Sparkplug B) get
    // "decoded": the payload as JSON, or "decodeError": why it could not be read; -F's %d
    // prints the same JSON.
    void setDecoder(std::shared_ptr<const PayloadDecoder> decoder);

private:
    void appendDecoded(const Message &message, QByteArray &out) const;

    std::shared_ptr<const PayloadDecoder> m_decoder;
    OutputMode m_mode;
    FormatString m_format;
    bool m_appendNewline;
};

} // namespace mqttscope::cli

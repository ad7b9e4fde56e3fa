// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "payloadinput.h"
#include "profiles/placeholders.h"
#include "profiles/savedmessage.h"
#include "protocol/message.h"

#include <memory>
#include <optional>

namespace mqttscope {

class ProtobufSchemas;

// How a SavedMessage meets the publish form: its format key ("text", "json", "hex", "base64")
// as the form's PayloadInputFormat, its bytes as the form's text, and the message it sends.
namespace SavedMessageForm {

PayloadInputFormat format(const QString &key); // Text for an unknown key
QString formatKey(PayloadInputFormat format); // File is saved as the bytes it read: see below
// The text the payload editor shows for `payload` in `format` (hex in pairs, base64 padded).
QString payloadText(const QByteArray &payload, PayloadInputFormat format);
// The format key for bytes read from a file: "text" when they are UTF-8, else "base64".
QString keyForFileBytes(const QByteArray &bytes);
// The message a send publishes: placeholders of topic and payload expanded with `counter`.
Message compose(const SavedMessage &saved, quint64 counter, const PlaceholderSources &sources);
// The bytes sent for a composed payload: encoded as saved.encodeAs says (with the connection's
// .proto files), or as they are; nullopt with *error when the JSON does not encode.
std::optional<QByteArray> encode(const SavedMessage &saved, const QByteArray &composed,
                                 const std::shared_ptr<const ProtobufSchemas> &schemas,
                                 QString *error);

} // namespace SavedMessageForm
} // namespace mqttscope

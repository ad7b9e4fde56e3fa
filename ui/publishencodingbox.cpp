// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishencodingbox.h"

#include "decode/formatrule.h"
#include "decode/payloadencoder.h"

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

PublishEncodingBox::PublishEncodingBox(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(u"publishEncodeAs"_s);
    setToolTip(tr("What is sent: the payload as typed, or the JSON typed encoded as MessagePack "
                  "or a Protobuf message type of this connection's .proto files"));
    // Long message type names are elided rather than widening the panel (the list shows them).
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(14);
    fill({});
}

void PublishEncodingBox::setSchemas(std::shared_ptr<const ProtobufSchemas> schemas)
{
    const QString keep = choiceKey();
    m_schemas = std::move(schemas);
    fill(keep);
}

void PublishEncodingBox::fill(const QString &keep)
{
    QSignalBlocker blocker(this);
    clear();
    addItem(tr("As typed"), QString());
    addItem(tr("MessagePack"), Encoding::key(PayloadEncoding::MessagePack));
    if (m_schemas) {
        for (const QString &type : m_schemas->messageTypes())
            addProtobufItem(type, true);
    }
    blocker.unblock();
    setChoiceKey(keep);
}

void PublishEncodingBox::addProtobufItem(const QString &type, bool known)
{
    const QString key = Encoding::key(PayloadEncoding::Protobuf) + u':' + type;
    addItem(known ? tr("Protobuf %1").arg(type)
                  : tr("Protobuf %1 (not in the .proto files)").arg(type),
            key);
}

QString PublishEncodingBox::choiceKey() const
{
    return currentData().toString();
}

void PublishEncodingBox::setChoiceKey(const QString &key)
{
    int index = findData(key);
    if (index < 0) {
        const std::optional<FormatRule> format = FormatRule::formatFromArgument(key, nullptr);
        if (!format || format->encoding != PayloadEncoding::Protobuf) {
            setCurrentIndex(0);
            return;
        }
        addProtobufItem(format->messageType, false);
        index = count() - 1;
    }
    setCurrentIndex(index);
}

std::optional<QByteArray> PublishEncodingBox::encode(const QByteArray &typed, QString *error,
                                                     qsizetype *errorOffset) const
{
    const QString key = choiceKey();
    if (key.isEmpty())
        return typed;
    const std::optional<PayloadEncoder> encoder =
        PayloadEncoder::fromArgument(key, m_schemas, error);
    if (!encoder)
        return std::nullopt;
    QString why;
    const std::optional<QByteArray> bytes = encoder->encode(typed, &why, errorOffset);
    if (!bytes)
        *error = tr("Not encoded as %1: %2").arg(currentText(), why);
    return bytes;
}

} // namespace mqttscope

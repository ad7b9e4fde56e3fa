// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/decodedpayload.h"
#include "decode/formatrule.h"
#include "decode/protobufschemas.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <memory>

namespace mqttscope {

// A connection's format table applied to payloads. Immutable once built and safe to share
// between threads (the worker, the views and a search job hold the same one).
class PayloadDecoder
{
public:
    // Payloads larger than this are not decoded in the views (a message says so, the bytes
    // stay); deeper nesting than MaxDepth fails rather than recursing on.
    static constexpr qsizetype MaxDecodeBytes = 16 * 1024 * 1024;
    static constexpr int MaxDepth = 64;

    PayloadDecoder() = default; // no rules: Sparkplug B on spBv1.0/ topics only
    PayloadDecoder(QList<FormatRule> rules, std::shared_ptr<const ProtobufSchemas> schemas);

    // The encoding for a topic: the first rule whose filter matches, else Sparkplug B for
    // "spBv1.0/..." topics, else Auto. `messageType` gets the rule's Protobuf type.
    PayloadEncoding encodingFor(QByteArrayView topic, QString *messageType = nullptr) const;
    // The payload through the topic's encoding; NotDecoded when that is not a schema encoding.
    DecodedPayload decode(QByteArrayView topic, QByteArrayView payload) const;
    // The payload through a given encoding, as the payload view's format combo asks for it.
    // `aliasNames` names the Sparkplug B metrics a DATA message sends by alias only (the names
    // its BIRTH gave them); other encodings ignore it.
    DecodedPayload decodeAs(PayloadEncoding encoding, QByteArrayView payload,
                            const QString &messageType = {},
                            const QHash<quint64, QString> &aliasNames = {}) const;

    const QList<FormatRule> &rules() const { return m_rules; }
    const std::shared_ptr<const ProtobufSchemas> &schemas() const { return m_schemas; }

private:
    QList<FormatRule> m_rules;
    QList<QByteArray> m_filters; // the rules' filters as UTF-8, matched per message
    std::shared_ptr<const ProtobufSchemas> m_schemas;
};

} // namespace mqttscope

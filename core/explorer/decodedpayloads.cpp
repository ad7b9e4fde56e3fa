// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/decodedpayloads.h"

#include "decode/payloaddecoder.h"
#include "decode/sparkplugaliasbook.h"
#include "explorer/payloadpreview.h"
#include "explorer/topicstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(value.toDouble()); // 6 digits: a cell, not the value's record
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return u"[\u2026]"_s;
    case QJsonValue::Object:
        return u"{\u2026}"_s;
    default:
        return u"null"_s;
    }
}

// Sparkplug's JSON leads with timestamps and per-metric fields, so its first characters would
// show no value at all: the summary names each metric with its value.
QString sparkplugPreview(const QByteArray &json, int maxChars)
{
    const QJsonObject payload = QJsonDocument::fromJson(json).object();
    const QJsonObject metrics = payload.value("metrics"_L1).toObject();
    QStringList parts;
    for (auto it = metrics.constBegin(); it != metrics.constEnd() && parts.size() < maxChars; ++it)
        parts.append(it.key() + u'=' + scalarText(it.value().toObject().value("value"_L1)));
    QString text = parts.join(u", "_s);
    const QJsonValue seq = payload.value("seq"_L1);
    if (!seq.isUndefined()) {
        const QString prefix =
            QCoreApplication::translate("DecodedPayloads", "seq %1").arg(qint64(seq.toDouble()));
        text = text.isEmpty() ? prefix : prefix + u": "_s + text;
    }
    return Payload::preview(text.toUtf8(), maxChars);
}

} // namespace

DecodedPayloads::DecodedPayloads(const TopicStore &store)
    : m_store(store)
    , m_decoder(std::make_shared<const PayloadDecoder>())
    , m_cache(CacheBytes)
{
}

DecodedPayloads::~DecodedPayloads() = default;

void DecodedPayloads::setDecoder(std::shared_ptr<const PayloadDecoder> decoder)
{
    m_decoder = decoder ? std::move(decoder) : std::make_shared<const PayloadDecoder>();
    clear();
}

PayloadEncoding DecodedPayloads::encodingOf(TopicNodeId node) const
{
    const auto known = m_encodings.constFind(node);
    if (known != m_encodings.cend())
        return *known;
    const PayloadEncoding encoding = m_decoder->encodingFor(m_store.topic(node));
    m_encodings.insert(node, encoding);
    return encoding;
}

bool DecodedPayloads::decodes(TopicNodeId node) const
{
    return Encoding::decodesToJson(encodingOf(node));
}

DecodedPayload DecodedPayloads::decode(TopicNodeId node, const QByteArray &payload,
                                       qint64 receivedMsecs) const
{
    if (payload.isEmpty() || !decodes(node))
        return {};
    const Key key{quintptr(payload.constData()), node};
    if (const Entry *cached = m_cache.object(key))
        return cached->decoded;
    DecodedPayload decoded = decode(m_store.topic(node), payload, receivedMsecs);
    const qsizetype cost = payload.size() + decoded.json.size();
    if (cost <= CacheBytes)
        m_cache.insert(key, new Entry{payload, decoded}, cost);
    return decoded;
}

DecodedPayload DecodedPayloads::decode(const Message &message) const
{
    const qint64 received =
        message.receivedMsecsSinceEpoch > 0 ? message.receivedMsecsSinceEpoch : Latest;
    return decode(message.topic, message.payload, received);
}

DecodedPayload DecodedPayloads::decode(const QByteArray &topic, const QByteArray &payload,
                                       qint64 receivedMsecs) const
{
    const PayloadDecoder &decoder = *m_decoder;
    QString messageType;
    const PayloadEncoding encoding = decoder.encodingFor(topic, &messageType);
    if (payload.isEmpty() || !Encoding::decodesToJson(encoding))
        return {};
    const bool named = encoding == PayloadEncoding::SparkplugB && m_aliases;
    return decoder.decodeAs(encoding, payload, messageType,
                            named ? m_aliases->aliasesFor(topic, receivedMsecs)
                                  : QHash<quint64, QString>());
}

QByteArray DecodedPayloads::text(TopicNodeId node, const QByteArray &payload,
                                 qint64 receivedMsecs) const
{
    DecodedPayload decoded = decode(node, payload, receivedMsecs);
    return decoded.decoded() ? std::move(decoded.json) : payload;
}

QByteArray DecodedPayloads::text(const Message &message) const
{
    DecodedPayload decoded = decode(message);
    return decoded.decoded() ? std::move(decoded.json) : message.payload;
}

QString DecodedPayloads::preview(TopicNodeId node, const QByteArray &payload, int maxChars,
                                 qint64 receivedMsecs) const
{
    const DecodedPayload decoded = decode(node, payload, receivedMsecs);
    if (!decoded.decoded())
        return Payload::preview(payload, maxChars);
    if (encodingOf(node) == PayloadEncoding::SparkplugB)
        return sparkplugPreview(decoded.json, maxChars);
    return Payload::preview(decoded.json, maxChars);
}

void DecodedPayloads::clear()
{
    m_encodings.clear();
    m_cache.clear();
}

void DecodedPayloads::setSparkplugAliases(const SparkplugAliasBook *aliases)
{
    m_aliases = aliases;
    forgetDecoded();
}

void DecodedPayloads::forgetDecoded()
{
    m_cache.clear();
}

} // namespace mqttscope

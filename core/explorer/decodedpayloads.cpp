// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/decodedpayloads.h"

#include "decode/payloaddecoder.h"
#include "decode/sparkplugpayload.h"
#include "explorer/payloadpreview.h"
#include "explorer/topicstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

// The BIRTH that named the aliases of a DATA or command topic (Sparkplug 3.0, 6.4.5: aliases
// are defined in the NBIRTH and DBIRTH): spBv1.0/G/DDATA/E/D -> spBv1.0/G/DBIRTH/E/D.
QByteArray birthTopic(QByteArrayView topic)
{
    if (!topic.startsWith("spBv1.0/"))
        return {};
    QList<QByteArray> levels = topic.toByteArray().split('/');
    if (levels.size() < 4)
        return {};
    QByteArray &type = levels[2];
    if (type == "NDATA" || type == "NCMD")
        type = "NBIRTH";
    else if (type == "DDATA" || type == "DCMD")
        type = "DBIRTH";
    else
        return {};
    return levels.join('/');
}

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
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

DecodedPayload DecodedPayloads::decode(TopicNodeId node, const QByteArray &payload) const
{
    if (payload.isEmpty() || !decodes(node))
        return {};
    const Key key{quintptr(payload.constData()), node};
    if (const Entry *cached = m_cache.object(key))
        return cached->decoded;
    DecodedPayload decoded = decode(m_store.topic(node), payload);
    const qsizetype cost = payload.size() + decoded.json.size();
    if (cost <= CacheBytes)
        m_cache.insert(key, new Entry{payload, decoded}, cost);
    return decoded;
}

DecodedPayload DecodedPayloads::decode(const QByteArray &topic, const QByteArray &payload) const
{
    const PayloadDecoder &decoder = *m_decoder;
    QString messageType;
    const PayloadEncoding encoding = decoder.encodingFor(topic, &messageType);
    if (payload.isEmpty() || !Encoding::decodesToJson(encoding))
        return {};
    return decoder.decodeAs(encoding, payload, messageType,
                            encoding == PayloadEncoding::SparkplugB ? aliasNames(topic)
                                                                    : QHash<quint64, QString>());
}

QByteArray DecodedPayloads::text(TopicNodeId node, const QByteArray &payload) const
{
    DecodedPayload decoded = decode(node, payload);
    return decoded.decoded() ? std::move(decoded.json) : payload;
}

QByteArray DecodedPayloads::text(const QByteArray &topic, const QByteArray &payload) const
{
    DecodedPayload decoded = decode(topic, payload);
    return decoded.decoded() ? std::move(decoded.json) : payload;
}

QString DecodedPayloads::preview(TopicNodeId node, const QByteArray &payload, int maxChars) const
{
    const DecodedPayload decoded = decode(node, payload);
    if (!decoded.decoded())
        return Payload::preview(payload, maxChars);
    if (encodingOf(node) == PayloadEncoding::SparkplugB)
        return sparkplugPreview(decoded.json, maxChars);
    return Payload::preview(decoded.json, maxChars);
}

QHash<quint64, QString> DecodedPayloads::aliasNames(QByteArrayView topic) const
{
    const QByteArray birth = birthTopic(topic);
    const TopicNodeId node = birth.isEmpty() ? TopicStore::InvalidId : m_store.find(birth);
    if (node == TopicStore::InvalidId)
        return {};
    const QByteArray &payload = m_store.latestPayload(node);
    auto known = m_births.find(node);
    if (known == m_births.end() || !known->payload.isSharedWith(payload)) {
        QString error;
        const std::optional<Sparkplug::Summary> summary = Sparkplug::summarize(payload, &error);
        known = m_births.insert(
            node, {payload, summary ? summary->aliasNames : QHash<quint64, QString>()});
    }
    return known->names;
}

void DecodedPayloads::clear()
{
    m_encodings.clear();
    m_cache.clear();
    m_births.clear();
}

} // namespace mqttscope

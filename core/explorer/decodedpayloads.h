// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/decodedpayload.h"
#include "decode/payloadencoding.h"
#include "explorer/topicstorechanges.h"
#include "protocol/message.h"

#include <QByteArray>
#include <QCache>
#include <QHash>

#include <limits>
#include <memory>

namespace mqttscope {

class PayloadDecoder;
class SparkplugAliasBook;
class TopicStore;

// A connection's payloads as its PayloadDecoder reads them, for the views that show, diff, plot
// and export them: the decoded JSON where the topic's encoding is a schema one (Sparkplug B,
// Protobuf, MessagePack), the bytes themselves elsewhere. Decoding is on demand, for what is
// shown; results are cached per message (the cache holds the payload it was made from, so a
// payload's address names that message while it is cached) up to a byte budget, so a flood
// costs nothing until a view asks. A Sparkplug DATA or command message sent by alias is read
// with the names of the BIRTHs before it, from the connection's SparkplugAliasBook.
// Not thread-safe: the GUI thread's (a search copies the decoder and the book).
class DecodedPayloads
{
public:
    static constexpr qsizetype CacheBytes = 64 * 1024 * 1024;
    // A receive time after every BIRTH: the names in force now, for the latest message.
    static constexpr qint64 Latest = std::numeric_limits<qint64>::max();

    explicit DecodedPayloads(const TopicStore &store);
    ~DecodedPayloads();
    DecodedPayloads(const DecodedPayloads &) = delete;
    DecodedPayloads &operator=(const DecodedPayloads &) = delete;

    // Null: the default decoder (Sparkplug B on spBv1.0/ topics only). Forgets what is cached.
    void setDecoder(std::shared_ptr<const PayloadDecoder> decoder);
    // Never null; shared with whoever reads on another thread (a search).
    std::shared_ptr<const PayloadDecoder> decoder() const { return m_decoder; }
    // The connection's BIRTH aliases (not owned; null: metrics sent by alias stay "alias:<n>").
    void setSparkplugAliases(const SparkplugAliasBook *aliases);
    const SparkplugAliasBook *sparkplugAliases() const { return m_aliases; }
    // After the book learnt BIRTHs: what was decoded before them is read again.
    void forgetDecoded();

    // How the decoder reads `node`'s payloads; decodes() when that is through a schema.
    PayloadEncoding encodingOf(TopicNodeId node) const;
    bool decodes(TopicNodeId node) const;
    // `payload` (a message of `node` received at `receivedMsecs`) through the decoder;
    // NotDecoded where no schema applies, Failed past PayloadDecoder::MaxDecodeBytes.
    DecodedPayload decode(TopicNodeId node, const QByteArray &payload,
                          qint64 receivedMsecs = Latest) const;
    // The same for a message not (or not yet) in the store, uncached: a plotted batch, an export.
    DecodedPayload decode(const Message &message) const;
    // What the views read: the decoded JSON when decoding succeeds, else the payload.
    QByteArray text(TopicNodeId node, const QByteArray &payload,
                    qint64 receivedMsecs = Latest) const;
    QByteArray text(const Message &message) const;
    // A one-line summary for a table cell (see Payload::preview()): a decoded Sparkplug B payload
    // as its metrics' values ("seq 4: Pressure=1.2, Temperature=21.5"), other decoded ones as
    // their JSON, the rest by their bytes.
    QString preview(TopicNodeId node, const QByteArray &payload, int maxChars,
                    qint64 receivedMsecs = Latest) const;

    void clear(); // after the store was cleared

private:
    struct Entry
    {
        QByteArray payload; // keeps the address the entry is found by alive
        DecodedPayload decoded;
    };
    using Key = std::pair<quintptr, TopicNodeId>;

    DecodedPayload decode(const QByteArray &topic, const QByteArray &payload,
                          qint64 receivedMsecs) const;

    const TopicStore &m_store;
    std::shared_ptr<const PayloadDecoder> m_decoder;
    const SparkplugAliasBook *m_aliases = nullptr;
    mutable QHash<TopicNodeId, PayloadEncoding> m_encodings;
    mutable QCache<Key, Entry> m_cache;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/historysnapshot.h"

#include "decode/payloaddecoder.h"
#include "explorer/explorerdata.h"
#include "search/searchcontrol.h"
#include "search/searchmatcher.h"
#include "search/searchsink.h"

#include <QElapsedTimer>

#include <algorithm>
#include <vector>

namespace mqttscope {

bool HistorySnapshot::takeSlice(const ExplorerData &data, const SearchMatcher &matcher,
                                int budgetMsecs)
{
    const TopicStore &store = data.store();
    const MessageHistory &history = data.history();
    if (!m_decoder) {
        m_decoder = data.decoded().decoder();
        if (const SparkplugAliasBook *aliases = data.decoded().sparkplugAliases())
            m_aliases = *aliases; // implicitly shared tables: a copy costs little
    }
    const PayloadDecoder &decoder = *m_decoder;
    QElapsedTimer clock;
    clock.start();
    constexpr int NodesBetweenClockReads = 256;
    while (m_next < store.nodeIdLimit()) {
        const TopicNodeId node = m_next++;
        if (store.isAlive(node) && history.count(node) > 0) {
            QByteArray name = store.topic(node);
            if (matcher.matchesTopic(name)) {
                Topic topic;
                topic.encoding = decoder.encodingFor(name, &topic.messageType);
                topic.name = std::move(name);
                topic.entries = history.entries(node);
                m_entryCount += topic.entries.size();
                m_topics.append(std::move(topic));
            }
        }
        if (node % NodesBetweenClockReads == 0 && clock.elapsed() >= budgetMsecs)
            break;
    }
    return m_next >= store.nodeIdLimit();
}

int HistorySnapshot::percentTaken(const ExplorerData &data) const
{
    const TopicNodeId limit = data.store().nodeIdLimit();
    return limit <= 1 ? 100 : int(qint64(std::min(m_next, limit)) * 100 / limit);
}

QByteArray HistorySnapshot::searchedText(const Topic &topic, const HistoryEntry &entry) const
{
    if (!Encoding::decodesToJson(topic.encoding) || entry.payload.isEmpty())
        return entry.payload;
    const bool named = topic.encoding == PayloadEncoding::SparkplugB && m_aliases;
    DecodedPayload decoded = m_decoder->decodeAs(
        topic.encoding, entry.payload, topic.messageType,
        named ? m_aliases->aliasesFor(topic.name, entry.receivedMsecs) : QHash<quint64, QString>());
    return decoded.decoded() ? std::move(decoded.json) : entry.payload;
}

void HistorySnapshot::search(const SearchMatcher &matcher, SearchSink &sink,
                             SearchControl &control) const
{
    // Matches are found topic by topic and handed on in order of arrival across topics.
    struct Match
    {
        quint64 sequence;
        qsizetype topic;
        qsizetype entry;
    };
    std::vector<Match> matches;
    qint64 searched = 0;
    constexpr int CheckEvery = 4096;
    for (qsizetype t = 0; t < m_topics.size() && !control.cancelled(); ++t) {
        const QList<HistoryEntry> &entries = m_topics[t].entries;
        for (qsizetype e = 0; e < entries.size(); ++e) {
            const HistoryEntry &entry = entries[e];
            if (matcher.matchesTime(entry.receivedMsecs * 1000)
                && matcher.matchesContent(searchedText(m_topics[t], entry), *entry.properties))
                matches.push_back({entry.sequence, t, e});
            if (++searched % CheckEvery == 0) {
                if (control.cancelled())
                    break;
                control.report(searched, m_entryCount);
            }
        }
    }
    std::sort(matches.begin(), matches.end(),
              [](const Match &a, const Match &b) { return a.sequence < b.sequence; });
    for (const Match &match : matches) {
        const Topic &topic = m_topics[match.topic];
        const HistoryEntry &e = topic.entries[match.entry];
        const bool decoded = Encoding::decodesToJson(topic.encoding) && sink.wantsDecoded();
        const QByteArray text = decoded ? searchedText(topic, e) : QByteArray();
        sink.add({qint64(e.sequence), e.receivedMsecs * 1000, topic.name, e.payload, e.qos,
                  e.retain, e.dup, *e.properties, text});
    }
    control.report(1, 1);
}

} // namespace mqttscope

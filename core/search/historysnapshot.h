// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/payloadencoding.h"
#include "decode/sparkplugaliasbook.h"
#include "explorer/historyentry.h"
#include "explorer/topicstorechanges.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <optional>

namespace mqttscope {

class ExplorerData;
class PayloadDecoder;
struct SearchControl;
class SearchMatcher;
class SearchSink;

// A copy of a live history's messages for a search on another thread: entries share their
// payloads and properties with the history, so a copy costs the entry only. Taken in slices
// on the thread that owns the history, each at most a given time, so the GUI keeps drawing;
// a message that arrives while the slices are taken is in the copy when its topic comes later.
// The payload part of the query matches what the connection's decoder reads: the decoded JSON of
// a decoded topic's message (decoded on the search's thread), else the bytes.
class HistorySnapshot
{
public:
    struct Topic
    {
        QByteArray name;
        QList<HistoryEntry> entries; // oldest first
        // How its payloads are decoded: Auto (and the others) for not at all.
        PayloadEncoding encoding = PayloadEncoding::Auto;
        QString messageType;
    };

    // Copies the topics from where the last slice stopped, those matching `matcher`'s topic
    // filter only, until `budgetMsecs` have passed. True when every topic has been copied.
    bool takeSlice(const ExplorerData &data, const SearchMatcher &matcher, int budgetMsecs);
    // How far the copy got, 0..100.
    int percentTaken(const ExplorerData &data) const;

    const QList<Topic> &topics() const { return m_topics; }
    qint64 entryCount() const { return m_entryCount; }

    // Feeds `sink` every entry that matches, in order of arrival; reports progress to
    // `control` and stops early when it asks.
    void search(const SearchMatcher &matcher, SearchSink &sink, SearchControl &control) const;

private:
    QByteArray searchedText(const Topic &topic, const HistoryEntry &entry) const;

    // The connection's, from the first slice.
    std::shared_ptr<const PayloadDecoder> m_decoder;
    std::optional<SparkplugAliasBook> m_aliases;
    TopicNodeId m_next = 1; // the next node id to look at (the root has no messages)
    QList<Topic> m_topics;
    qint64 m_entryCount = 0;
};

} // namespace mqttscope

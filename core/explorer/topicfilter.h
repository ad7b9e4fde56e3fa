// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/topicmatchset.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace re2 {
class RE2;
}

namespace mqttscope {

class CaseFoldedSearch;
class ExpressionPrefilter;
class TopicStore;

// The topic tree's filter box. Four ways to match a node:
// - Substring: the topic name contains the text, ignoring case (so everything below a
//   matching level matches too);
// - Wildcard: the topic name matches an MQTT topic filter with '+' and '#';
// - RegularExpression: the topic name matches the expression anywhere, ignoring case (RE2
//   syntax on the UTF-8 bytes: linear time, so a user's pattern cannot hang the window, and
//   constructs that need backtracking, such as backreferences, are refused);
// - PayloadText: the latest payload contains the text (ASCII letters ignore case).
// match() evaluates a whole store with no per-node allocation, so a million topics answer in
// ten to twenty milliseconds: one pass over the node array split over the cores (a wildcard
// filter walks down from the root instead, visiting only the levels it names); update()
// extends a result to new nodes.
class TopicFilter
{
public:
    enum class Mode { Substring, Wildcard, RegularExpression, PayloadText };

    TopicFilter() = default; // matches everything
    TopicFilter(Mode mode, const QString &pattern);

    Mode mode() const { return m_mode; }
    QString pattern() const { return m_pattern; }
    bool isEmpty() const { return m_pattern.isEmpty(); }
    // Why the pattern cannot be used (bad wildcard filter or expression); empty when it can.
    QString problem() const { return m_problem; }

    TopicMatchSet match(const TopicStore &store) const;
    bool matches(const TopicStore &store, TopicNodeId node) const;
    // Brings `set` up to date: evaluates nodes created since it was computed and, for
    // PayloadText, the `updated` ones (a node whose new payload stops matching stays shown
    // until the filter is applied again, so rows do not vanish under the user's pointer).
    // Appends to `revealed` the nodes evaluated before that became visible now.
    void update(const TopicStore &store, TopicMatchSet &set, const QList<TopicNodeId> &updated,
                QList<TopicNodeId> *revealed) const;
    // Takes `node` and everything below it out of `set` before the store removes them, so the
    // match count stays true; their ancestors stay shown until the filter is applied again.
    static void forget(const TopicStore &store, TopicMatchSet &set, TopicNodeId node);

private:
    void matchSubstring(const TopicStore &store, TopicMatchSet &set, TopicNodeId begin,
                        TopicNodeId end) const;
    void matchWildcard(const TopicStore &store, TopicMatchSet &set) const;
    void matchRegularExpression(const TopicStore &store, TopicMatchSet &set, TopicNodeId begin,
                                TopicNodeId end) const;
    void matchPayload(const TopicStore &store, TopicMatchSet &set, TopicNodeId begin,
                      TopicNodeId end) const;
    void markMatch(const TopicStore &store, TopicMatchSet &set, TopicNodeId node,
                   TopicNodeId evaluatedBefore, QList<TopicNodeId> *revealed) const;

    Mode m_mode = Mode::Substring;
    QString m_pattern;
    QString m_problem;
    QByteArray m_needle; // case-folded UTF-8 for Substring and PayloadText, the filter for Wildcard
    std::shared_ptr<const CaseFoldedSearch> m_search; // for Substring and PayloadText
    std::shared_ptr<const re2::RE2> m_expression; // for RegularExpression
    std::shared_ptr<const ExpressionPrefilter> m_prefilter; // for RegularExpression
};

} // namespace mqttscope

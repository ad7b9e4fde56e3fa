// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/topicfilter.h"

#include "explorer/casefoldedsearch.h"
#include "explorer/topicstore.h"
#include "protocol/topic.h"

#include <QCoreApplication>
#include <QVarLengthArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return quint8(c) < 0x80; });
}

// Feeds a topic level: ASCII is folded by the automaton itself, anything else is case-folded
// first (rare, and then it costs one conversion).
quint32 feedLevel(const CaseFoldedSearch &search, quint32 state, QByteArrayView level)
{
    if (isAscii(level))
        return search.feed(state, level);
    return search.feed(state, CaseFoldedSearch::fold(QString::fromUtf8(level)));
}

} // namespace

TopicFilter::TopicFilter(Mode mode, const QString &pattern)
    : m_mode(mode)
    , m_pattern(pattern)
{
    switch (mode) {
    case Mode::Substring:
    case Mode::PayloadText:
        m_needle = CaseFoldedSearch::fold(pattern);
        m_search = std::make_shared<const CaseFoldedSearch>(m_needle);
        break;
    case Mode::Wildcard:
        m_needle = pattern.toUtf8();
        if (!pattern.isEmpty())
            m_problem = Topic::filterProblem(m_needle);
        break;
    case Mode::RegularExpression:
        m_expression = QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
        if (!m_expression.isValid()) {
            m_problem = QCoreApplication::translate("TopicFilter", "%1 at offset %2")
                            .arg(m_expression.errorString())
                            .arg(m_expression.patternErrorOffset());
        } else {
            m_expression.optimize();
        }
        break;
    }
}

TopicMatchSet TopicFilter::match(const TopicStore &store) const
{
    TopicMatchSet set;
    set.m_flags.assign(store.nodeIdLimit(), 0);
    if (!m_problem.isEmpty())
        return set;
    if (isEmpty()) {
        for (TopicNodeId id = 1; id < store.nodeIdLimit(); ++id) {
            if (store.isAlive(id))
                set.m_flags[id] = TopicMatchSet::Match;
        }
    } else {
        switch (m_mode) {
        case Mode::Substring:
            matchSubstring(store, set);
            break;
        case Mode::Wildcard:
            matchWildcard(store, set);
            break;
        case Mode::RegularExpression:
            matchRegularExpression(store, set);
            break;
        case Mode::PayloadText:
            matchPayload(store, set);
            break;
        }
    }

    // Children have higher ids than their parents: one backward pass lights every ancestor.
    for (TopicNodeId id = store.nodeIdLimit(); id-- > 1;) {
        quint8 &flags = set.m_flags[id];
        if (flags & TopicMatchSet::Match) {
            ++set.m_matchCount;
            flags |= TopicMatchSet::Visible;
        }
        if (flags & TopicMatchSet::Visible)
            set.m_flags[store.parent(id)] |= TopicMatchSet::Visible;
    }
    set.m_flags[TopicStore::RootId] &= ~TopicMatchSet::Match;
    return set;
}

void TopicFilter::matchSubstring(const TopicStore &store, TopicMatchSet &set) const
{
    // The automaton state after each node's topic name, carried from parent to child, so each
    // level is read once however many topics share it.
    const CaseFoldedSearch &search = *m_search;
    std::vector<quint32> states(store.nodeIdLimit(), CaseFoldedSearch::Start);
    for (TopicNodeId id = 1; id < store.nodeIdLimit(); ++id) {
        if (!store.isAlive(id))
            continue;
        const TopicNodeId parent = store.parent(id);
        if (set.m_flags[parent] & TopicMatchSet::Match) {
            set.m_flags[id] = TopicMatchSet::Match;
            continue;
        }
        quint32 state = CaseFoldedSearch::Start;
        if (parent != TopicStore::RootId)
            state = search.feed(states[parent], "/");
        state = feedLevel(search, state, store.level(id));
        states[id] = state;
        if (search.isMatch(state))
            set.m_flags[id] = TopicMatchSet::Match;
    }
}

void TopicFilter::matchWildcard(const TopicStore &store, TopicMatchSet &set) const
{
    const QList<QByteArray> levels = m_needle.split('/');
    auto skipsSystemTopic = [&store](TopicNodeId parent, TopicNodeId child) {
        // Wildcards in the first level do not match topics starting with '$' [MQTT-4.7.2-1].
        return parent == TopicStore::RootId && store.level(child).startsWith('$');
    };

    struct Step
    {
        TopicNodeId node;
        qsizetype level;
    };
    std::vector<Step> pending{{TopicStore::RootId, 0}};
    std::vector<TopicNodeId> subtree;
    while (!pending.empty()) {
        const Step step = pending.back();
        pending.pop_back();
        if (step.level == levels.size()) {
            set.m_flags[step.node] = TopicMatchSet::Match;
            continue;
        }
        const QByteArray &level = levels[step.level];
        if (level == QByteArrayView("#", 1)) {
            // "a/#" matches "a" itself and everything below it [MQTT-4.7.1-2].
            set.m_flags[step.node] = TopicMatchSet::Match;
            subtree.clear();
            for (const TopicNodeId child : store.children(step.node)) {
                if (!skipsSystemTopic(step.node, child))
                    subtree.push_back(child);
            }
            while (!subtree.empty()) {
                const TopicNodeId node = subtree.back();
                subtree.pop_back();
                set.m_flags[node] = TopicMatchSet::Match;
                const std::vector<TopicNodeId> &children = store.children(node);
                subtree.insert(subtree.end(), children.begin(), children.end());
            }
        } else if (level == QByteArrayView("+", 1)) {
            for (const TopicNodeId child : store.children(step.node)) {
                if (!skipsSystemTopic(step.node, child))
                    pending.push_back({child, step.level + 1});
            }
        } else {
            const TopicNodeId child = store.findChild(step.node, level);
            if (child != TopicStore::InvalidId)
                pending.push_back({child, step.level + 1});
        }
    }
}

void TopicFilter::matchRegularExpression(const TopicStore &store, TopicMatchSet &set) const
{
    // In id order, which is memory order: a depth-first walk would jump across the node array
    // (siblings are created far apart) and miss the cache on every node. Each name is rebuilt
    // from its few ancestors, which stay hot, into one reused buffer.
    QString path;
    QVarLengthArray<TopicNodeId, 16> chain;
    for (TopicNodeId id = 1; id < store.nodeIdLimit(); ++id) {
        if (!store.isAlive(id))
            continue;
        chain.clear();
        for (TopicNodeId node = id; node != TopicStore::RootId; node = store.parent(node))
            chain.append(node);
        path.clear();
        for (auto it = chain.crbegin(); it != chain.crend(); ++it) {
            if (it != chain.crbegin())
                path += u'/';
            const QByteArrayView level = store.level(*it);
            if (isAscii(level))
                path += QLatin1StringView(level);
            else
                path += QString::fromUtf8(level);
        }
        if (m_expression.match(QStringView(path)).hasMatch())
            set.m_flags[id] = TopicMatchSet::Match;
    }
}

void TopicFilter::matchPayload(const TopicStore &store, TopicMatchSet &set) const
{
    // Memory bound: the payloads are a million separate allocations, so fetch ahead.
    constexpr TopicNodeId Ahead = 8;
    const TopicNodeId limit = store.nodeIdLimit();
    for (TopicNodeId id = 1; id < limit; ++id) {
        if (id + Ahead < limit)
            __builtin_prefetch(store.latestPayload(id + Ahead).constData());
        if (store.hasMessage(id) && m_search->contains(store.latestPayload(id)))
            set.m_flags[id] = TopicMatchSet::Match;
    }
}

bool TopicFilter::matches(const TopicStore &store, TopicNodeId node) const
{
    if (node == TopicStore::RootId || !store.isAlive(node) || !m_problem.isEmpty())
        return false;
    if (isEmpty())
        return true;
    switch (m_mode) {
    case Mode::Substring:
        return m_search->isMatch(feedLevel(*m_search, CaseFoldedSearch::Start, store.topic(node)));
    case Mode::Wildcard:
        return Topic::matches(m_needle, store.topic(node));
    case Mode::RegularExpression:
        return m_expression.match(QString::fromUtf8(store.topic(node))).hasMatch();
    case Mode::PayloadText:
        if (!store.hasMessage(node))
            return false;
        return m_search->contains(store.latestPayload(node));
    }
    return false;
}

void TopicFilter::update(const TopicStore &store, TopicMatchSet &set,
                         const QList<TopicNodeId> &updated, QList<TopicNodeId> *revealed) const
{
    const TopicNodeId evaluatedBefore = set.evaluatedLimit();
    set.m_flags.resize(store.nodeIdLimit(), 0);
    for (TopicNodeId id = evaluatedBefore; id < store.nodeIdLimit(); ++id) {
        if (matches(store, id))
            markMatch(store, set, id, evaluatedBefore, revealed);
    }
    if (m_mode != Mode::PayloadText)
        return;
    for (const TopicNodeId id : updated) {
        if (id < evaluatedBefore && !set.isMatch(id) && matches(store, id))
            markMatch(store, set, id, evaluatedBefore, revealed);
    }
}

void TopicFilter::forget(const TopicStore &store, TopicMatchSet &set, TopicNodeId node)
{
    store.visitSubtree(node, [&set](TopicNodeId id) {
        if (id >= set.evaluatedLimit())
            return; // created after the set was computed: never counted
        if (set.m_flags[id] & TopicMatchSet::Match)
            --set.m_matchCount;
        set.m_flags[id] = 0;
    });
}

void TopicFilter::markMatch(const TopicStore &store, TopicMatchSet &set, TopicNodeId node,
                            TopicNodeId evaluatedBefore, QList<TopicNodeId> *revealed) const
{
    set.m_flags[node] |= TopicMatchSet::Match;
    ++set.m_matchCount;
    for (TopicNodeId id = node; !(set.m_flags[id] & TopicMatchSet::Visible);
         id = store.parent(id)) {
        set.m_flags[id] |= TopicMatchSet::Visible;
        if (id == TopicStore::RootId)
            break;
        if (revealed && id < evaluatedBefore)
            revealed->append(id);
    }
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/topicfilter.h"

#include "explorer/casefoldedsearch.h"
#include "explorer/expressionprefilter.h"
#include "explorer/topicstore.h"
#include "protocol/topic.h"

#include <QCoreApplication>
#include <QVarLengthArray>

#include <re2/re2.h>

#include <algorithm>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

// A topic level's bytes as the needle's search sees them: ASCII is folded by the search itself,
// anything else is case-folded first (rare, and then it costs one conversion).
template<typename Search>
auto searchLevel(QByteArrayView level, const Search &search)
{
    if (CaseFoldedSearch::isAscii(level))
        return search(level);
    return search(QByteArrayView(CaseFoldedSearch::fold(QString::fromUtf8(level))));
}

quint32 feedLevel(const CaseFoldedSearch &search, quint32 state, QByteArrayView level)
{
    return searchLevel(level, [&](QByteArrayView bytes) { return search.feed(state, bytes); });
}

// The search's state to feed a child's level from (after its parent's whole name and the '/'),
// computed when a child asks for it and then kept: only nodes with children are asked, and
// leaves far outnumber them, so the automaton reads few levels and the leaves get the fast scan.
// One per slice: slices share nothing they write.
class NameStates
{
public:
    // What a level that is not ASCII does: case-folded first (the substring filter), or it
    // counts as a match for its subtree (the expression prefilter, which only knows ASCII).
    enum class NonAscii { Fold, Matches };

    NameStates(const TopicStore &store, const CaseFoldedSearch &search, TopicNodeId end,
               NonAscii nonAscii)
        : m_store(store)
        , m_search(search)
        , m_nonAscii(nonAscii)
        , m_below(end, Unknown)
    {
    }

    quint32 below(TopicNodeId parent)
    {
        if (parent == TopicStore::RootId)
            return CaseFoldedSearch::Start;
        const quint32 state = m_below[parent];
        return state != Unknown ? state : compute(parent);
    }

private:
    // Feeds the levels from the nearest ancestor already known down to `parent`.
    quint32 compute(TopicNodeId parent)
    {
        TopicNodeId top = parent;
        for (; m_store.parent(top) != TopicStore::RootId && m_below[m_store.parent(top)] == Unknown;
             top = m_store.parent(top))
            m_chain.append(top);
        m_chain.append(top);
        for (auto it = m_chain.crbegin(); it != m_chain.crend(); ++it) {
            const QByteArrayView level = m_store.level(*it);
            const quint32 after =
                m_nonAscii == NonAscii::Matches && !CaseFoldedSearch::isAscii(level)
                ? m_search.matchState()
                : feedLevel(m_search, below(m_store.parent(*it)), level);
            m_below[*it] = m_search.feed(after, "/");
        }
        m_chain.clear();
        return m_below[parent];
    }

    static constexpr quint32 Unknown = 0xffffffffu;
    const TopicStore &m_store;
    const CaseFoldedSearch &m_search;
    NonAscii m_nonAscii;
    std::vector<quint32> m_below; // by node id
    QVarLengthArray<TopicNodeId, 16> m_chain;
};

// A node's topic name in a reused buffer, written from its level back to the root so that no
// list of ancestors is kept.
class NameBuffer
{
public:
    QByteArrayView nameOf(const TopicStore &store, TopicNodeId node)
    {
        for (;;) {
            qsizetype start = qsizetype(m_bytes.size());
            for (TopicNodeId id = node;; id = store.parent(id)) {
                const QByteArrayView level = store.level(id);
                if (start < level.size() + 1)
                    break; // does not fit: grow and start again
                start -= level.size();
                std::copy(level.begin(), level.end(), m_bytes.begin() + start);
                if (store.parent(id) == TopicStore::RootId)
                    return QByteArrayView(m_bytes.data() + start, m_bytes.size() - start);
                m_bytes[std::size_t(--start)] = '/';
            }
            m_bytes.resize(m_bytes.size() * 2);
        }
    }

private:
    std::vector<char> m_bytes = std::vector<char>(256);
};

// Runs `work(begin, end)` over [1, limit) in one slice per core. Slices write disjoint entries
// of the match flags and only read the store, so they need no locking; below a size where
// starting threads costs more than it saves, the caller's thread does it all.
template<typename Work>
void splitOverCores(TopicNodeId limit, const Work &work)
{
    constexpr TopicNodeId MinimumSlice = 65536;
    const TopicNodeId cores = qBound(1u, std::thread::hardware_concurrency(), 8u);
    const TopicNodeId slices = qBound<TopicNodeId>(1, limit / MinimumSlice, cores);
    const TopicNodeId step = (limit + slices - 1) / slices;
    std::vector<std::jthread> helpers;
    for (TopicNodeId begin = 1 + step; begin < limit; begin += step)
        helpers.emplace_back(
            [&work, begin, end = std::min(limit, begin + step)] { work(begin, end); });
    work(1, std::min(limit, 1 + step));
}

std::shared_ptr<const re2::RE2> compileExpression(const QString &pattern, QString *problem)
{
    re2::RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    const QByteArray utf8 = pattern.toUtf8();
    auto expression =
        std::make_shared<const re2::RE2>(re2::StringPiece(utf8.constData(), utf8.size()), options);
    if (!expression->ok()) {
        *problem = QCoreApplication::translate("TopicFilter", "%1: %2")
                       .arg(QString::fromStdString(expression->error()),
                            QString::fromStdString(expression->error_arg()));
    }
    return expression;
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
        m_expression = compileExpression(pattern, &m_problem);
        m_prefilter = std::make_shared<const ExpressionPrefilter>(*m_expression);
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
            splitOverCores(store.nodeIdLimit(), [&](TopicNodeId begin, TopicNodeId end) {
                matchSubstring(store, set, begin, end);
            });
            break;
        case Mode::Wildcard:
            matchWildcard(store, set);
            break;
        case Mode::RegularExpression:
            splitOverCores(store.nodeIdLimit(), [&](TopicNodeId begin, TopicNodeId end) {
                matchRegularExpression(store, set, begin, end);
            });
            break;
        case Mode::PayloadText:
            splitOverCores(store.nodeIdLimit(), [&](TopicNodeId begin, TopicNodeId end) {
                matchPayload(store, set, begin, end);
            });
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

void TopicFilter::matchSubstring(const TopicStore &store, TopicMatchSet &set, TopicNodeId begin,
                                 TopicNodeId end) const
{
    // A node matches when the needle is in its name: in an ancestor's part (the state below
    // the parent is then the match state), across the '/', or in its own level.
    const CaseFoldedSearch &search = *m_search;
    NameStates names(store, search, end, NameStates::NonAscii::Fold);
    for (TopicNodeId id = begin; id < end; ++id) {
        if (!store.isAlive(id))
            continue;
        const quint32 state = names.below(store.parent(id));
        if (searchLevel(store.level(id),
                        [&](QByteArrayView level) { return search.containsAfter(state, level); }))
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

void TopicFilter::matchRegularExpression(const TopicStore &store, TopicMatchSet &set,
                                         TopicNodeId begin, TopicNodeId end) const
{
    // In id order, which is memory order: a depth-first walk would jump across the node array
    // (siblings are created far apart) and miss the cache on every node. The prefilter's atoms
    // are looked for level by level, as the substring filter does, and only the names holding
    // one are rebuilt (from their few ancestors, which stay hot) for RE2.
    // Each slice compiles its own copy: RE2 locks its DFA cache on every search, and slices
    // sharing one would bounce that lock between the cores.
    const re2::RE2 expression(m_expression->pattern(), m_expression->options());
    std::vector<NameStates> atoms;
    atoms.reserve(m_prefilter->atoms().size());
    for (const CaseFoldedSearch &atom : m_prefilter->atoms())
        atoms.emplace_back(store, atom, end, NameStates::NonAscii::Matches);
    const auto mayMatch = [&](TopicNodeId id) {
        const QByteArrayView level = store.level(id);
        if (atoms.empty() || !CaseFoldedSearch::isAscii(level))
            return true;
        for (std::size_t i = 0; i < atoms.size(); ++i) {
            if (m_prefilter->atoms()[i].containsAfter(atoms[i].below(store.parent(id)), level))
                return true;
        }
        return false;
    };
    NameBuffer buffer;
    for (TopicNodeId id = begin; id < end; ++id) {
        if (!store.isAlive(id) || !mayMatch(id))
            continue;
        const QByteArrayView name = buffer.nameOf(store, id);
        if (re2::RE2::PartialMatch(re2::StringPiece(name.data(), std::size_t(name.size())),
                                   expression))
            set.m_flags[id] = TopicMatchSet::Match;
    }
}

void TopicFilter::matchPayload(const TopicStore &store, TopicMatchSet &set, TopicNodeId begin,
                               TopicNodeId end) const
{
    // Memory bound: the payloads are a million separate allocations, so fetch ahead.
    constexpr TopicNodeId Ahead = 8;
    for (TopicNodeId id = begin; id < end; ++id) {
        if (id + Ahead < end)
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
    case Mode::RegularExpression: {
        const QByteArray topic = store.topic(node);
        return m_prefilter->mayMatch(topic)
            && re2::RE2::PartialMatch(re2::StringPiece(topic.constData(), topic.size()),
                                      *m_expression);
    }
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

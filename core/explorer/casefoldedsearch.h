// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <vector>

namespace mqttscope {

// Finds a case-folded UTF-8 needle in bytes, folding ASCII letters of the haystack on the fly,
// with a KMP automaton: one table lookup per byte, no allocation, and the state can be carried
// from a topic level to its children so a whole tree is searched level by level.
class CaseFoldedSearch
{
public:
    explicit CaseFoldedSearch(const QByteArray &foldedNeedle);

    static constexpr quint32 Start = 0;
    bool isMatch(quint32 state) const { return state == m_matchState; }
    // Feeds bytes from `state`; stops early once matched (the match state is final).
    quint32 feed(quint32 state, QByteArrayView bytes) const
    {
        for (const char c : bytes) {
            state = m_table[std::size_t(state) * 256 + quint8(c)];
            if (state == m_matchState)
                break;
        }
        return state;
    }
    bool contains(QByteArrayView haystack) const { return isMatch(feed(Start, haystack)); }

    // The needle form: Unicode case folding, in UTF-8.
    static QByteArray fold(QStringView text) { return text.toString().toCaseFolded().toUtf8(); }

private:
    std::vector<quint32> m_table; // (state, raw byte) -> state
    quint32 m_matchState;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/casefoldedsearch.h"

namespace mqttscope {

namespace {
quint8 foldAscii(quint8 c)
{
    return c >= 'A' && c <= 'Z' ? quint8(c + ('a' - 'A')) : c;
}
} // namespace

CaseFoldedSearch::CaseFoldedSearch(const QByteArray &foldedNeedle)
    : m_matchState(quint32(foldedNeedle.size()))
{
    const std::size_t states = std::size_t(m_matchState) + 1;
    // The automaton over folded bytes, KMP style: X is the state reached by the longest proper
    // border of the needle's prefix.
    std::vector<quint32> folded(states * 256, 0);
    if (m_matchState > 0) {
        folded[quint8(foldedNeedle[0])] = 1;
        quint32 border = 0;
        for (quint32 j = 1; j < m_matchState; ++j) {
            for (int c = 0; c < 256; ++c)
                folded[j * 256 + c] = folded[border * 256 + c];
            folded[j * 256 + quint8(foldedNeedle[j])] = j + 1;
            border = folded[border * 256 + quint8(foldedNeedle[j])];
        }
    }
    for (int c = 0; c < 256; ++c)
        folded[std::size_t(m_matchState) * 256 + c] = m_matchState;

    m_table.resize(states * 256);
    for (std::size_t s = 0; s < states; ++s) {
        for (int c = 0; c < 256; ++c)
            m_table[s * 256 + c] = folded[s * 256 + foldAscii(quint8(c))];
    }
}

} // namespace mqttscope

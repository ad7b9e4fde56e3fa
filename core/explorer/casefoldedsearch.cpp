// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/casefoldedsearch.h"

#include <QtAlgorithms>
#include <QtEndian>

#include <algorithm>

namespace mqttscope {

namespace {

quint8 foldAscii(quint8 c)
{
    return c >= 'A' && c <= 'Z' ? quint8(c + ('a' - 'A')) : c;
}

constexpr quint64 EachByte = 0x0101010101010101ull;
constexpr quint64 HighBits = EachByte << 7;

quint64 foldMaskOf(quint8 c)
{
    return c >= 'a' && c <= 'z' ? 0x20 * EachByte : 0;
}

quint64 eightBytesAt(const char *bytes)
{
    return qFromLittleEndian<quint64>(bytes);
}

// Where the word `index` of a needle of `length` (at least 8) bytes starts.
qsizetype wordStart(std::size_t index, qsizetype length)
{
    return std::min(qsizetype(index * 8), length - 8);
}

} // namespace

CaseFoldedSearch::CaseFoldedSearch(const QByteArray &foldedNeedle)
    : m_needle(foldedNeedle)
    , m_matchState(quint32(foldedNeedle.size()))
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
        m_firstValue = quint8(foldedNeedle.front()) * EachByte;
        m_firstMask = foldMaskOf(quint8(foldedNeedle.front()));
        m_lastValue = quint8(foldedNeedle.back()) * EachByte;
        m_lastMask = foldMaskOf(quint8(foldedNeedle.back()));
    }
    if (foldedNeedle.size() >= 8) {
        for (std::size_t i = 0; i * 8 < std::size_t(foldedNeedle.size()); ++i) {
            const char *word = foldedNeedle.constData() + wordStart(i, foldedNeedle.size());
            quint64 mask = 0;
            for (int b = 0; b < 8; ++b)
                mask |= (foldMaskOf(quint8(word[b])) & 0xff) << (8 * b);
            m_words.push_back(eightBytesAt(word));
            m_wordMasks.push_back(mask);
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

bool CaseFoldedSearch::equalsAt(const char *haystack) const
{
    if (m_words.empty()) {
        for (qsizetype j = 0; j < m_needle.size(); ++j) {
            if (foldAscii(quint8(haystack[j])) != quint8(m_needle[j]))
                return false;
        }
        return true;
    }
    for (std::size_t i = 0; i < m_words.size(); ++i) {
        if ((eightBytesAt(haystack + wordStart(i, m_needle.size())) | m_wordMasks[i]) != m_words[i])
            return false;
    }
    return true;
}

bool CaseFoldedSearch::contains(QByteArrayView haystack) const
{
    const qsizetype length = m_needle.size();
    if (length == 0)
        return true;
    const char *bytes = haystack.data();
    const qsizetype lastStart = haystack.size() - length;
    if (lastStart < 7) {
        for (qsizetype start = 0; start <= lastStart; ++start) {
            if ((quint8(bytes[start]) | quint8(m_firstMask)) == quint8(m_firstValue)
                && (quint8(bytes[start + length - 1]) | quint8(m_lastMask)) == quint8(m_lastValue)
                && equalsAt(bytes + start))
                return true;
        }
        return false;
    }
    // Eight start positions a step, the last step overlapping the one before: a byte of
    // `candidates` is zero where both the first and the last needle byte agree. The zero-byte
    // test may also flag a byte above a true zero; equalsAt() sorts those out.
    for (qsizetype step = 0;; step += 8) {
        const qsizetype start = std::min(step, lastStart - 7);
        const quint64 candidates = ((eightBytesAt(bytes + start) | m_firstMask) ^ m_firstValue)
            | ((eightBytesAt(bytes + start + length - 1) | m_lastMask) ^ m_lastValue);
        for (quint64 zero = (candidates - EachByte) & ~candidates & HighBits; zero;
             zero &= zero - 1) {
            if (equalsAt(bytes + start + qCountTrailingZeroBits(zero) / 8))
                return true;
        }
        if (step + 7 >= lastStart)
            return false;
    }
}

bool CaseFoldedSearch::containsAcross(quint32 state, QByteArrayView bytes) const
{
    // While the state is longer than the bytes fed so far, the partial match began before
    // them; once it is not, the state is what the bytes alone give, so the scan decides.
    for (qsizetype fed = 0; state > quint32(fed); ++fed) {
        if (state == m_matchState)
            return true;
        if (fed == bytes.size())
            return false;
        state = m_table[std::size_t(state) * 256 + quint8(bytes[fed])];
    }
    return contains(bytes);
}

} // namespace mqttscope

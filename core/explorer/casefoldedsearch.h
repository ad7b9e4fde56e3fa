// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <QtEndian>

#include <vector>

namespace mqttscope {

// Finds a case-folded UTF-8 needle in bytes, folding ASCII letters of the haystack on the fly
// (other bytes compare as they are), without allocating.
// - contains() scans eight start positions per step for the needle's first and last byte and
//   compares only where both agree: no dependent chain of lookups, so a payload costs a few
//   nanoseconds.
// - feed() runs a KMP automaton, one table lookup per byte, whose state can be carried from a
//   topic level to its children so a whole tree is searched level by level; containsAfter()
//   uses it only while a partial match still reaches back before the bytes.
class CaseFoldedSearch
{
public:
    explicit CaseFoldedSearch(const QByteArray &foldedNeedle);

    static constexpr quint32 Start = 0;
    quint32 matchState() const { return m_matchState; } // final: feeding more keeps it
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
    bool contains(QByteArrayView haystack) const;
    // Whether the needle occurs in the text that led to `state` followed by `bytes`.
    bool containsAfter(quint32 state, QByteArrayView bytes) const
    {
        return state == Start ? contains(bytes) : containsAcross(state, bytes);
    }

    // The needle form: Unicode case folding, in UTF-8.
    static QByteArray fold(QStringView text) { return text.toString().toCaseFolded().toUtf8(); }
    // Whether folding ASCII letters is all the folding `bytes` need. Inline: it runs on every
    // level of a million topics.
    static bool isAscii(QByteArrayView bytes)
    {
        const char *data = bytes.data();
        const qsizetype size = bytes.size();
        if (size < 8) {
            quint8 any = 0;
            for (qsizetype i = 0; i < size; ++i)
                any |= quint8(data[i]);
            return any < 0x80;
        }
        // Whole words, the last one overlapping the one before it.
        quint64 any = qFromLittleEndian<quint64>(data + size - 8);
        for (qsizetype i = 0; i + 8 <= size; i += 8)
            any |= qFromLittleEndian<quint64>(data + i);
        return !(any & 0x8080808080808080ull);
    }

private:
    bool containsAcross(quint32 state, QByteArrayView bytes) const;
    bool equalsAt(const char *haystack) const;

    QByteArray m_needle;
    // The needle in words of eight bytes (the last one overlapping the one before), with their
    // fold masks, for comparing eight bytes at a time.
    std::vector<quint64> m_words;
    std::vector<quint64> m_wordMasks;
    std::vector<quint32> m_table; // (state, raw byte) -> state
    quint32 m_matchState;
    // The scan's first and last needle byte in each of eight lanes: `mask` is 0x20 for a
    // lowercase ASCII letter, so that (byte | mask) == value is exactly "folds to it".
    quint64 m_firstValue = 0;
    quint64 m_firstMask = 0;
    quint64 m_lastValue = 0;
    quint64 m_lastMask = 0;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/linediff.h"

#include <vector>

namespace mqttscope {

namespace {

// Myers' forward search with one saved frontier per edit distance, then a walk back through the
// frontiers. `a` and `b` are the differing middles, their common ends already stripped.
bool myersDiff(const QStringList &a, const QStringList &b, int maxEdits, QList<DiffLine> *out)
{
    const int n = int(a.size());
    const int m = int(b.size());
    const int max = qMin(n + m, maxEdits);
    const int offset = max + 1;
    std::vector<int> v(2 * max + 3, 0);
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        trace.push_back(v);
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                ? v[offset + k + 1]
                : v[offset + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0)
        return false;

    // Walk back from (n, m), collecting lines in reverse.
    QList<DiffLine> reversed;
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &previous = trace[d];
        const int k = x - y;
        const bool down =
            k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1]);
        const int previousK = down ? k + 1 : k - 1;
        const int previousX = previous[offset + previousK];
        const int previousY = previousX - previousK;
        while (x > previousX && y > previousY) {
            reversed.append({DiffLine::Same, a[--x]});
            --y;
        }
        if (down)
            reversed.append({DiffLine::Added, b[--y]});
        else
            reversed.append({DiffLine::Removed, a[--x]});
    }
    while (x > 0 && y > 0) {
        reversed.append({DiffLine::Same, a[--x]});
        --y;
    }
    // Within each run of changes, show removals before additions.
    for (qsizetype i = reversed.size() - 1; i >= 0;) {
        if (reversed[i].kind == DiffLine::Same) {
            out->append(reversed[i--]);
            continue;
        }
        qsizetype start = i;
        while (i >= 0 && reversed[i].kind != DiffLine::Same)
            --i;
        for (qsizetype j = start; j > i; --j)
            if (reversed[j].kind == DiffLine::Removed)
                out->append(reversed[j]);
        for (qsizetype j = start; j > i; --j)
            if (reversed[j].kind == DiffLine::Added)
                out->append(reversed[j]);
    }
    return true;
}

} // namespace

QList<DiffLine> diffLines(const QStringList &before, const QStringList &after, int maxEdits)
{
    QList<DiffLine> result;
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix
           && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;

    for (qsizetype i = 0; i < prefix; ++i)
        result.append({DiffLine::Same, before[i]});
    const QStringList middleBefore = before.mid(prefix, before.size() - prefix - suffix);
    const QStringList middleAfter = after.mid(prefix, after.size() - prefix - suffix);
    if (!myersDiff(middleBefore, middleAfter, maxEdits, &result)) {
        for (const QString &line : middleBefore)
            result.append({DiffLine::Removed, line});
        for (const QString &line : middleAfter)
            result.append({DiffLine::Added, line});
    }
    for (qsizetype i = after.size() - suffix; i < after.size(); ++i)
        result.append({DiffLine::Same, after[i]});
    return result;
}

} // namespace mqttscope

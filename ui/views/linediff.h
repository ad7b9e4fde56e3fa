// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace mqttscope {

struct DiffLine
{
    enum Kind { Same, Removed, Added };
    Kind kind;
    QString text;
    friend bool operator==(const DiffLine &, const DiffLine &) = default;
};

// A shortest line diff (Myers 1986, "An O(ND) difference algorithm") from `before` to `after`:
// every line of both in order, removals of a changed stretch before its additions. Work is
// bounded: when more than maxEdits lines differ, the differing middle is reported as removed
// and added wholesale rather than spending quadratic time on it.
QList<DiffLine> diffLines(const QStringList &before, const QStringList &after, int maxEdits = 1000);

} // namespace mqttscope

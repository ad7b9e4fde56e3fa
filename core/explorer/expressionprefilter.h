// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/casefoldedsearch.h"

#include <QByteArrayView>

#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace mqttscope {

// Rules out, cheaply, names a regular expression cannot match: RE2's FilteredRE2 lists the
// literal strings ("atoms") the expression needs, e.g. "device4" for `device4[0-9]*7$`, and an
// ASCII name holding none of them is not worth an RE2 search. When the expression needs no
// literal of a useful length (`.`, `[0-9]+`), there are no atoms and everything may match.
// The atoms are lowercased by Unicode's rules; folding only ASCII letters is the same thing on
// ASCII text only (`k` also matches the Kelvin sign U+212A), so other text always may match.
class ExpressionPrefilter
{
public:
    explicit ExpressionPrefilter(const re2::RE2 &expression);

    bool filters() const { return !m_atoms.empty(); }
    const std::vector<CaseFoldedSearch> &atoms() const { return m_atoms; }
    bool mayMatch(QByteArrayView utf8) const;

private:
    std::vector<CaseFoldedSearch> m_atoms;
};

} // namespace mqttscope

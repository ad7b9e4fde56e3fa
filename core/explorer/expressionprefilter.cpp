// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/expressionprefilter.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>

namespace mqttscope {

namespace {

// Shorter atoms are in most names anyway; more would cost more to look for than RE2 does.
constexpr int MinimumAtomLength = 3;
constexpr std::size_t MaximumAtoms = 4;

} // namespace

ExpressionPrefilter::ExpressionPrefilter(const re2::RE2 &expression)
{
    if (!expression.ok())
        return;
    re2::FilteredRE2 filtered(MinimumAtomLength);
    int id = 0;
    if (filtered.Add(expression.pattern(), expression.options(), &id) != re2::RE2::NoError)
        return;
    std::vector<std::string> atoms;
    filtered.Compile(&atoms);
    // Passing with no atom found means the expression is not filtered at all. Otherwise its
    // filter is an AND/OR tree of atoms, false when none is found, so "any atom" is a safe
    // (if looser) test.
    std::vector<int> unfiltered;
    filtered.AllPotentials({}, &unfiltered);
    if (!unfiltered.empty() || atoms.size() > MaximumAtoms)
        return;
    for (const std::string &atom : atoms)
        m_atoms.emplace_back(QByteArray(atom.data(), qsizetype(atom.size())));
}

bool ExpressionPrefilter::mayMatch(QByteArrayView utf8) const
{
    if (m_atoms.empty() || !CaseFoldedSearch::isAscii(utf8))
        return true;
    for (const CaseFoldedSearch &atom : m_atoms) {
        if (atom.contains(utf8))
            return true;
    }
    return false;
}

} // namespace mqttscope

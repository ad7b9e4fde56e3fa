// SPDX-License-Identifier: GPL-3.0-or-later
#include "optionreader.h"

#include <cstdio>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {

OptionReader::OptionReader(QStringList arguments, const char *program, const char *synopsis)
    : m_arguments(std::move(arguments))
    , m_program(program)
    , m_synopsis(synopsis)
{
}

bool OptionReader::next()
{
    return ++m_index < m_arguments.size();
}

QString OptionReader::value()
{
    if (m_index + 1 >= m_arguments.size())
        fail(name() + u" needs a value"_s);
    return m_arguments.at(++m_index);
}

void OptionReader::rejectUnknown() const
{
    fail(u"unknown argument "_s + name());
}

void OptionReader::fail(const QString &problem) const
{
    std::fprintf(stderr, "%s: %s\nusage: %s\n", m_program, qPrintable(problem), m_synopsis);
    std::exit(2);
}

} // namespace mqttscope::bench

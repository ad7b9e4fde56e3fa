// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace mqttscope::bench {

// A benchmark's command line read one option at a time, with the same answer to every mistake:
// "<program>: <problem>" and the usage line on stderr, exit status 2.
//
//   OptionReader args(app.arguments(), "coldstart", "coldstart [--starts N] [--json]");
//   while (args.next()) {
//       if (args.is("--starts"_L1)) starts = args.value().toInt();
//       else if (args.is("--json"_L1)) json = true;
//       else args.rejectUnknown();
//   }
class OptionReader
{
public:
    // `arguments` as QCoreApplication::arguments() gives them (the program first);
    // `synopsis` is the usage line after "usage: ".
    OptionReader(QStringList arguments, const char *program, const char *synopsis);

    // Moves to the next option; false after the last.
    bool next();
    const QString &name() const { return m_arguments.at(m_index); }
    bool is(QLatin1StringView option) const { return name() == option; }
    // The argument after the option (consumed); fails with "<option> needs a value" without one.
    QString value();
    [[noreturn]] void rejectUnknown() const;
    [[noreturn]] void fail(const QString &problem) const;

private:
    QStringList m_arguments;
    const char *m_program;
    const char *m_synopsis;
    qsizetype m_index = 0;
};

} // namespace mqttscope::bench

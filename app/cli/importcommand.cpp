// SPDX-License-Identifier: GPL-3.0-or-later
#include "importcommand.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace mqttscope::cli {
namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("mqttscope::cli::ImportCommand", text, nullptr, n);
}

void printError(const QString &text)
{
    const QByteArray bytes = (text + u'\n').toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

} // namespace

int importMessages(const SubcommandOptions &options)
{
    QFile input;
    const bool fromStdin = options.importFile == QLatin1StringView("-");
    const bool opened = fromStdin
        ? input.open(stdin, QIODevice::ReadOnly)
        : (input.setFileName(options.importFile), input.open(QIODevice::ReadOnly));
    if (!opened) {
        printError(tr("Cannot read %1: %2").arg(options.importFile, input.errorString()));
        return 1;
    }
    const MessageImport::Report report =
        MessageImport::run(input, options.importOutput, options.importFormat);
    if (const QString problems = MessageImport::describe(report); !problems.isEmpty())
        printError(problems);
    if (!report.error.isEmpty()) {
        printError(report.error);
        return 1;
    }
    const QString format = report.format == MessageImport::Format::JsonLines
        ? tr("JSON lines")
        : tr("mosquitto_sub -v lines");
    printError(tr("Imported %n message(s) into %1 (%2).", int(report.imported))
                   .arg(options.importOutput, format));
    return 0;
}

} // namespace mqttscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
// mqttscope-cli: `sub` and `pub`, drop-ins for mosquitto_sub and mosquitto_pub, `replay` and
// `import`.
#include "argumentparser.h"
#include "helptext.h"
#include "importcommand.h"
#include "publishcommand.h"
#include "replaycommand.h"
#include "subscribecommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope::cli;

namespace {

int signalPipe[2] = {-1, -1};

void forwardSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

int usageError(const QStringList &arguments, const QString &error)
{
    const QString command = arguments.value(0);
    const QString help = command == "sub"_L1 || command == "pub"_L1 || command == "replay"_L1
            || command == "import"_L1
        ? u"mqttscope-cli %1 --help"_s.arg(command)
        : u"mqttscope-cli --help"_s;
    print(stderr, u"Error: %1\nUse '%2' to see usage.\n"_s.arg(error, help));
    return 1;
}

// SIGINT and SIGTERM end the run the way -C does: a clean DISCONNECT, output flushed, status 0
// (replay: the summary of what was sent, status 1).
void finishOnSignals(ClientCommand *command)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, command);
    QObject::connect(notifier, &QSocketNotifier::activated, command, [command, notifier] {
        char byte;
        [[maybe_unused]] const auto read = ::read(signalPipe[0], &byte, 1);
        notifier->setEnabled(false);
        command->interrupt();
    });
    std::signal(SIGINT, forwardSignal);
    std::signal(SIGTERM, forwardSignal);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"mqttscope-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MQTTSCOPE_VERSION));

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    QString error;
    const std::optional<SubcommandOptions> options = ArgumentParser::parse(arguments, &error);
    if (!options) {
        if (arguments.isEmpty()) {
            print(stderr, HelpText::overview());
            return 1;
        }
        return usageError(arguments, error);
    }
    switch (options->subcommand) {
    case Subcommand::Version:
        print(stdout, u"mqttscope-cli %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return 0;
    case Subcommand::Help: {
        const QString command = arguments.value(0);
        print(stdout,
              command == "sub"_L1          ? HelpText::usage(Subcommand::Sub)
                  : command == "pub"_L1    ? HelpText::usage(Subcommand::Pub)
                  : command == "replay"_L1 ? HelpText::usage(Subcommand::Replay)
                  : command == "import"_L1 ? HelpText::usage(Subcommand::Import)
                                           : HelpText::overview());
        return 0;
    }
    case Subcommand::Import:
        return importMessages(*options);
    case Subcommand::Sub:
    case Subcommand::Pub:
    case Subcommand::Replay:
        break;
    }

    // The core's log lines are for -d; otherwise stderr carries only the one line of a failure.
    if (!options->debug)
        QLoggingCategory::setFilterRules(u"mqttscope.*=false"_s);

    std::unique_ptr<ClientCommand> command;
    if (options->subcommand == Subcommand::Sub) {
        command = std::make_unique<SubscribeCommand>(*options);
    } else if (options->subcommand == Subcommand::Replay) {
        auto replay = std::make_unique<ReplayCommand>(*options);
        if (!replay->prepare(&error)) {
            print(stderr, error + u'\n');
            return 1;
        }
        command = std::move(replay);
    } else {
        auto publish = std::make_unique<PublishCommand>(*options);
        if (!publish->prepare(&error)) {
            print(stderr, error + u'\n');
            return 1;
        }
        command = std::move(publish);
    }
    QObject::connect(command.get(), &ClientCommand::finished, &app, &QCoreApplication::exit);
    finishOnSignals(command.get());
    command->start();
    return app.exec();
}

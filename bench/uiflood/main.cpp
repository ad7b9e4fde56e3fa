// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop window under load, on the offscreen platform unless QT_QPA_PLATFORM says otherwise:
//
//   uiflood --mode flood [--rate 50000] [--seconds 30] [--topics 100000] [--keepalive 2]
//           [--expand DEPTH] [--record] [--prefix P] [--sparkplug]
//   uiflood --mode ceiling [--rate 50000] [--seconds 5] [--topics 100000] [--max-rate 2000000]
//           [--max-steps 12] [--budget 300]
//   uiflood --mode bigpayload [--payload 1048576] [--rate 100] [--seconds 30] [--diff]
//   uiflood --mode scale [--topics 1000000] [--payload 64]
//   uiflood --mode idle [--seconds 10] [--topics 0] [--start-page]
//   uiflood --mode reopen --file RECORDING [--seconds 10]
//   common: [--payload BYTES] [--version 311|5] [--loadserver PATH] [--json]
//
// flood: the GUI thread's responsiveness under a steady stream (under --prefix spBv1.0/<g>/DDATA
// every message is a Sparkplug message the connection's tracker reads), messages lost, keepalive
// timing; scale: distinct topics into the tree, memory, filter times; idle: CPU and wakeups while
// connected and nothing arrives (--start-page: with no connection open); ceiling: the highest
// steady flood rate the window takes (floods of --seconds from --rate up, see
// ceilingscenario.cpp); bigpayload: GUI lateness and RSS while big JSON payloads arrive on the
// selected topic; reopen: a recording opened, seeked and played in a recording tab. With
// --record, flood also records everything and counts what the file misses; with --sparkplug the
// stream is Sparkplug B DDATA (the connection's Sparkplug state feed reads it all). Each result is
// one line (a JSON object with --json, read by bench/run_bench.py). The load comes from
// mqttscope-loadserver, started as a child process.

#include "optionreader.h"
#include "scenarios.h"

#include <QApplication>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>

#include <cstdio>

using namespace mqttscope;
using namespace mqttscope::bench;
using namespace Qt::Literals::StringLiterals;

namespace {

void print(const QJsonObject &row, bool json)
{
    if (json) {
        std::printf("%s\n", QJsonDocument(row).toJson(QJsonDocument::Compact).constData());
    } else {
        QStringList cells;
        for (auto it = row.begin(); it != row.end(); ++it) {
            const QJsonValue v = it.value();
            cells.append(it.key() + u'='
                         + (v.isDouble()
                                ? QString::number(v.toDouble(), 'f', v.toDouble() < 100 ? 3 : 0)
                                : v.toVariant().toString()));
        }
        std::printf("%s\n", qPrintable(cells.join(u"  "_s)));
    }
    std::fflush(stdout);
}

// What makes a run fail even in a smoke test, where no speed is judged: it could not run, or
// the window lost messages or the connection.
QString problemOf(const QJsonObject &row)
{
    if (row.contains(u"error"_s))
        return row.value(u"error"_s).toString();
    // A ceiling step is meant to fail at some rate: its verdict says how, and is no problem.
    if (row.value(u"dropped"_s).toDouble() != 0 && !row.contains(u"verdict"_s))
        return u"%1 messages were lost"_s.arg(row.value(u"dropped"_s).toDouble());
    if (row.value(u"missing_in_file"_s).toDouble() != 0)
        return u"%1 messages are missing from the recording"_s.arg(
            row.value(u"missing_in_file"_s).toDouble());
    if (row.contains(u"complete"_s) && !row.value(u"complete"_s).toBool())
        return u"not all topics arrived"_s;
    if (row.contains(u"connected"_s) && !row.value(u"connected"_s).toBool())
        return u"the connection dropped while idle"_s;
    return {};
}

// What the command line asks for: the scenario, its options with the mode's own defaults where
// none were given, and how to print.
struct Command
{
    QString mode;
    ScenarioOptions options;
    bool json = false;
};

VersionChoice versionNamed(const QString &name, const OptionReader &args)
{
    if (name == "311"_L1)
        return VersionChoice::V311;
    if (name != "5"_L1)
        args.fail(u"--version is 311 or 5"_s);
    return VersionChoice::V5;
}

// Each mode's own defaults for the options the command line did not give.
void applyModeDefaults(Command &command, const QSet<QString> &given)
{
    ScenarioOptions &options = command.options;
    const auto unless = [&](const char *option, auto &field, auto value) {
        if (!given.contains(QLatin1StringView(option)))
            field = value;
    };
    if (command.mode == "ceiling"_L1) {
        unless("--seconds", options.seconds, 5);
    } else if (command.mode == "bigpayload"_L1) {
        unless("--rate", options.rate, 100);
        unless("--payload", options.payload, 1024 * 1024);
    } else if (command.mode == "scale"_L1) {
        unless("--topics", options.topics, 1'000'000);
    } else if (command.mode == "idle"_L1) {
        unless("--topics", options.topics, 0);
    }
}

Command parse(OptionReader &args)
{
    Command command;
    ScenarioOptions &options = command.options;
    options.loadServer = QStringLiteral(MQTTSCOPE_LOADSERVER);
    QSet<QString> given;
    while (args.next()) {
        given.insert(args.name());
        if (args.is("--mode"_L1)) {
            command.mode = args.value();
        } else if (args.is("--rate"_L1)) {
            options.rate = args.value().toDouble();
        } else if (args.is("--seconds"_L1)) {
            options.seconds = args.value().toDouble();
        } else if (args.is("--topics"_L1)) {
            options.topics = args.value().toInt();
        } else if (args.is("--payload"_L1)) {
            options.payload = args.value().toInt();
        } else if (args.is("--prefix"_L1)) {
            options.prefix = args.value();
        } else if (args.is("--expand"_L1)) {
            options.expandDepth = args.value().toInt();
        } else if (args.is("--file"_L1)) {
            options.recordingFile = args.value();
        } else if (args.is("--sparkplug"_L1)) {
            options.sparkplug = true;
        } else if (args.is("--record"_L1)) {
            options.record = true;
        } else if (args.is("--diff"_L1)) {
            options.showDiff = true;
        } else if (args.is("--max-rate"_L1)) {
            options.ceilingMaxRate = args.value().toDouble();
        } else if (args.is("--max-steps"_L1)) {
            options.ceilingSteps = args.value().toInt();
        } else if (args.is("--budget"_L1)) {
            options.ceilingBudgetSeconds = args.value().toDouble();
        } else if (args.is("--start-page"_L1)) {
            options.startPage = true;
        } else if (args.is("--keepalive"_L1)) {
            options.keepAlive = args.value().toInt();
        } else if (args.is("--version"_L1)) {
            options.version = versionNamed(args.value(), args);
        } else if (args.is("--loadserver"_L1)) {
            options.loadServer = args.value();
        } else if (args.is("--json"_L1)) {
            command.json = true;
        } else {
            args.rejectUnknown();
        }
    }
    applyModeDefaults(command, given);
    return command;
}

QList<QJsonObject> run(const Command &command, const OptionReader &args)
{
    const QString &mode = command.mode;
    const ScenarioOptions &options = command.options;
    if (mode == "flood"_L1)
        return runFlood(options);
    if (mode == "ceiling"_L1)
        return runCeiling(options);
    if (mode == "bigpayload"_L1)
        return runBigPayload(options);
    if (mode == "scale"_L1)
        return runScale(options);
    if (mode == "idle"_L1)
        return runIdle(options);
    if (mode != "reopen"_L1)
        args.fail(u"--mode is flood, ceiling, bigpayload, scale, idle or reopen"_s);
    if (options.recordingFile.isEmpty())
        args.fail(u"--mode reopen needs --file RECORDING"_s);
    return runReopen(options);
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The window saves its layout and profiles: into a folder that goes with the run.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"mqttscope-bench"_s);
    QCoreApplication::setApplicationName(u"uiflood"_s);

    OptionReader args(app.arguments(), "uiflood",
                      "uiflood --mode flood|ceiling|bigpayload|scale|idle|reopen [--rate N] "
                      "[--seconds S] [--topics T] [--payload B] [--prefix P] [--keepalive S] "
                      "[--expand DEPTH] [--record] [--sparkplug] [--max-rate N] [--max-steps N] "
                      "[--budget S] [--diff] [--start-page] [--file RECORDING] [--version 311|5] "
                      "[--loadserver PATH] [--json]");
    const Command command = parse(args);
    const QList<QJsonObject> rows = run(command, args);
    bool failed = false;
    for (const QJsonObject &row : std::as_const(rows)) {
        print(row, command.json);
        if (const QString problem = problemOf(row); !problem.isEmpty()) {
            std::fprintf(stderr, "uiflood: %s: %s\n", qPrintable(row.value(u"name"_s).toString()),
                         qPrintable(problem));
            failed = true;
        }
    }
    return failed ? 1 : 0;
}

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

#include "scenarios.h"

#include <QApplication>
#include <QJsonDocument>
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

[[noreturn]] void usage(const QString &problem)
{
    std::fprintf(
        stderr,
        "uiflood: %s\nusage: uiflood --mode flood|ceiling|bigpayload|scale|idle|reopen [--rate N] "
        "[--seconds S] "
        "[--topics T] [--payload B] [--prefix P] [--keepalive S] [--expand DEPTH] [--record] "
        "[--sparkplug] [--max-rate N] [--max-steps N] [--budget S] [--diff] [--start-page] "
        "[--file RECORDING] [--version 311|5] "
        "[--loadserver PATH] [--json]\n",
        qPrintable(problem));
    std::exit(2);
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

    ScenarioOptions options;
    options.loadServer = QStringLiteral(MQTTSCOPE_LOADSERVER);
    QString mode;
    bool json = false;
    bool topicsGiven = false;
    bool secondsGiven = false;
    bool rateGiven = false;
    bool payloadGiven = false;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args[i];
        const auto value = [&] {
            if (i + 1 >= args.size())
                usage(arg + u" needs a value"_s);
            return args[++i];
        };
        if (arg == "--mode"_L1) {
            mode = value();
        } else if (arg == "--rate"_L1) {
            options.rate = value().toDouble();
            rateGiven = true;
        } else if (arg == "--seconds"_L1) {
            options.seconds = value().toDouble();
            secondsGiven = true;
        } else if (arg == "--topics"_L1) {
            options.topics = value().toInt();
            topicsGiven = true;
        } else if (arg == "--payload"_L1) {
            options.payload = value().toInt();
            payloadGiven = true;
        } else if (arg == "--prefix"_L1) {
            options.prefix = value();
        } else if (arg == "--expand"_L1) {
            options.expandDepth = value().toInt();
        } else if (arg == "--file"_L1) {
            options.recordingFile = value();
        } else if (arg == "--sparkplug"_L1) {
            options.sparkplug = true;
        } else if (arg == "--record"_L1) {
            options.record = true;
        } else if (arg == "--diff"_L1) {
            options.showDiff = true;
        } else if (arg == "--max-rate"_L1) {
            options.ceilingMaxRate = value().toDouble();
        } else if (arg == "--max-steps"_L1) {
            options.ceilingSteps = value().toInt();
        } else if (arg == "--budget"_L1) {
            options.ceilingBudgetSeconds = value().toDouble();
        } else if (arg == "--start-page"_L1) {
            options.startPage = true;
        } else if (arg == "--keepalive"_L1) {
            options.keepAlive = value().toInt();
        } else if (arg == "--version"_L1) {
            const QString v = value();
            options.version = v == "311"_L1 ? VersionChoice::V311
                : v == "5"_L1               ? VersionChoice::V5
                                            : VersionChoice::Auto;
            if (options.version == VersionChoice::Auto)
                usage(u"--version is 311 or 5"_s);
        } else if (arg == "--loadserver"_L1) {
            options.loadServer = value();
        } else if (arg == "--json"_L1) {
            json = true;
        } else {
            usage(u"unknown argument "_s + arg);
        }
    }

    QList<QJsonObject> rows;
    if (mode == "flood"_L1) {
        rows = runFlood(options);
    } else if (mode == "ceiling"_L1) {
        if (!secondsGiven)
            options.seconds = 5;
        rows = runCeiling(options);
    } else if (mode == "bigpayload"_L1) {
        options.rate = rateGiven ? options.rate : 100;
        options.payload = payloadGiven ? options.payload : 1024 * 1024;
        rows = runBigPayload(options);
    } else if (mode == "scale"_L1) {
        if (!topicsGiven)
            options.topics = 1'000'000;
        rows = runScale(options);
    } else if (mode == "idle"_L1) {
        if (!topicsGiven)
            options.topics = 0;
        rows = runIdle(options);
    } else if (mode == "reopen"_L1) {
        if (options.recordingFile.isEmpty())
            usage(u"--mode reopen needs --file RECORDING"_s);
        rows = runReopen(options);
    } else {
        usage(u"--mode is flood, ceiling, bigpayload, scale, idle or reopen"_s);
    }
    bool failed = false;
    for (const QJsonObject &row : std::as_const(rows)) {
        print(row, json);
        if (const QString problem = problemOf(row); !problem.isEmpty()) {
            std::fprintf(stderr, "uiflood: %s: %s\n", qPrintable(row.value(u"name"_s).toString()),
                         qPrintable(problem));
            failed = true;
        }
    }
    return failed ? 1 : 0;
}

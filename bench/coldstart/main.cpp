// SPDX-License-Identifier: GPL-3.0-or-later
// Cold start of the real desktop app, exec to the first painted frame of its window:
//
//   coldstart [--profiles 1000] [--starts 10] [--platform offscreen|xcb] [--app PATH]
//             [--timeout-ms 30000] [--json]
//   coldstart --write-home DIR [--profiles 1000]
//
// Writes a configuration with --profiles saved connections (bench/coldstart/profilefixture.h)
// into a fresh HOME, starts `mqttscope` there --starts times (after one start that warms the
// file cache, not counted) with MQTTSCOPE_REPORT_FIRST_PAINT set, and reports the median and
// the maximum of exec to first paint and the app's CPU time by then; the same with no profiles
// (the peer: what the profiles cost), and `mqttscope --version` (linking and QApplication,
// no window). For xcb, run it under xvfb-run. One line per row (JSON with --json, read by
// bench/run_bench.py). --write-home only writes the configuration into DIR (as HOME) and exits,
// for a profiler's run of the app there:
//   HOME=DIR XDG_CONFIG_HOME=DIR/.config MQTTSCOPE_REPORT_FIRST_PAINT=exit
//   QT_QPA_PLATFORM=offscreen valgrind --tool=callgrind build/app/gui/mqttscope

#include "appstart.h"
#include "optionreader.h"
#include "profilefixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace mqttscope::bench;
using namespace Qt::Literals::StringLiterals;

namespace {

struct Options
{
    int profiles = 1000;
    int starts = 10;
    QString platform = u"offscreen"_s;
    QString app = QStringLiteral(MQTTSCOPE_APP);
    int timeoutMs = 30000;
    bool json = false;
    QString writeHome; // only write the configuration there
};

Options parse(const QStringList &arguments)
{
    Options options;
    OptionReader args(arguments, "coldstart",
                      "coldstart [--profiles N] [--starts N] [--platform P] [--app PATH] "
                      "[--timeout-ms MS] [--json] [--write-home DIR]");
    while (args.next()) {
        if (args.is("--profiles"_L1))
            options.profiles = args.value().toInt();
        else if (args.is("--starts"_L1))
            options.starts = std::max(1, args.value().toInt());
        else if (args.is("--platform"_L1))
            options.platform = args.value();
        else if (args.is("--app"_L1))
            options.app = args.value();
        else if (args.is("--timeout-ms"_L1))
            options.timeoutMs = args.value().toInt();
        else if (args.is("--json"_L1))
            options.json = true;
        else if (args.is("--write-home"_L1))
            options.writeHome = args.value();
        else
            args.rejectUnknown();
    }
    return options;
}

void print(const QJsonObject &row, bool json)
{
    if (json) {
        std::printf("%s\n", QJsonDocument(row).toJson(QJsonDocument::Compact).constData());
    } else {
        QStringList cells;
        for (auto it = row.begin(); it != row.end(); ++it)
            cells.append(it.key() + u'=' + it.value().toVariant().toString());
        std::printf("%s\n", qPrintable(cells.join(u"  "_s)));
    }
    std::fflush(stdout);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double maximum(const QList<double> &values)
{
    return *std::max_element(values.begin(), values.end());
}

// The app's environment in `home`: the caller's (its D-Bus session, its display) with the
// configuration, cache and data folders of the fixture.
QProcessEnvironment environmentIn(const QString &home, const Options &options)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    env.insert(u"XDG_CACHE_HOME"_s, home + u"/.cache"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, options.platform);
    env.insert(u"MQTTSCOPE_REPORT_FIRST_PAINT"_s, u"1"_s);
    return env;
}

QJsonObject measureStarts(const QString &home, int profiles, const Options &options)
{
    QJsonObject row{
        {u"name"_s, u"cold start, %1 profiles (%2)"_s.arg(profiles).arg(options.platform)},
        {u"profiles"_s, profiles},
        {u"platform"_s, options.platform}};
    const AppStart app(options.app, environmentIn(home, options));
    QList<double> wall, cpu, mainThreadCpu, sinceStart;
    QString error;
    for (int i = 0; i <= options.starts; ++i) { // the first one warms the file cache
        const std::optional<StartTimes> times = app.untilFirstPaint({}, options.timeoutMs, &error);
        if (!times) {
            row.insert(u"error"_s, error);
            return row;
        }
        if (i == 0)
            continue;
        wall.append(times->execToPaintMs);
        cpu.append(times->cpuMs);
        mainThreadCpu.append(times->mainThreadCpuMs);
        sinceStart.append(times->sinceStartMs);
    }
    row.insert(u"starts"_s, options.starts);
    row.insert(u"median_ms"_s, median(wall));
    row.insert(u"max_ms"_s, maximum(wall));
    row.insert(u"cpu_ms"_s, median(cpu));
    row.insert(u"cpu_max_ms"_s, maximum(cpu));
    row.insert(u"main_thread_cpu_ms"_s, median(mainThreadCpu));
    row.insert(u"app_since_start_ms"_s, median(sinceStart));
    return row;
}

QJsonObject measureVersion(const QString &home, const Options &options)
{
    QJsonObject row{{u"name"_s, u"--version (%1)"_s.arg(options.platform)},
                    {u"platform"_s, options.platform}};
    const AppStart app(options.app, environmentIn(home, options));
    QList<double> wall;
    QString error;
    for (int i = 0; i <= options.starts; ++i) {
        const double ms = app.untilExit({u"--version"_s}, options.timeoutMs, &error);
        if (ms < 0) {
            row.insert(u"error"_s, error);
            return row;
        }
        if (i > 0)
            wall.append(ms);
    }
    row.insert(u"starts"_s, options.starts);
    row.insert(u"median_ms"_s, median(wall));
    row.insert(u"max_ms"_s, maximum(wall));
    return row;
}

} // namespace

// Where the configuration with the profiles goes: a folder of this run, or --write-home's.
QString fullHome(const QTemporaryDir &folder, int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (QByteArrayView(argv[i]) == "--write-home")
            return QDir(QFile::decodeName(argv[i + 1])).absolutePath();
    }
    return folder.path() + u"/full"_s;
}

int main(int argc, char **argv)
{
    QTemporaryDir folder;
    const QString full = fullHome(folder, argc, argv);
    const QString empty = folder.path() + u"/empty"_s;
    QDir().mkpath(full + u"/.config/mqttscope"_s);
    QDir().mkpath(empty + u"/.config"_s);
    // The fixture's settings are written by this process's QSettings, as the app's would be.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(full + u"/.config"_s));
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"mqttscope"_s);
    QCoreApplication::setApplicationName(u"mqttscope"_s);
    const Options options = parse(app.arguments());

    QString error;
    if (!ProfileFixture::write(full + u"/.config"_s, options.profiles, &error)) {
        std::fprintf(stderr, "coldstart: %s\n", qPrintable(error));
        return 1;
    }
    if (!options.writeHome.isEmpty())
        return 0;
    QList<QJsonObject> rows{measureStarts(full, options.profiles, options)};
    if (options.profiles > 0)
        rows.append(measureStarts(empty, 0, options));
    rows.append(measureVersion(empty, options));
    bool failed = false;
    for (const QJsonObject &row : std::as_const(rows)) {
        print(row, options.json);
        if (row.contains(u"error"_s)) {
            std::fprintf(stderr, "coldstart: %s: %s\n", qPrintable(row.value(u"name"_s).toString()),
                         qPrintable(row.value(u"error"_s).toString()));
            failed = true;
        }
    }
    return failed ? 1 : 0;
}

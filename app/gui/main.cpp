// SPDX-License-Identifier: GPL-3.0-or-later
// mqttscope: the desktop explorer. `mqttscope [URL]`, `--url URL`, `--profile NAME`,
// `--record FILE`, `mqttscope RECORDING` (a file opens as a recording).
#include "appearance.h"
#include "firstpaintreport.h"
#include "connectiontab.h"
#include "decode/formatrule.h"
#include "mainwindow.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <cstdio>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

// Qt's own strings (dialog buttons, ...) and ours, in the system's language. Ours are built into
// the binary; a translation installed next to it or in the data folder overrides that, so a
// translator can try a new .qm without rebuilding.
void installTranslators(QApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), u"qtbase"_s, u"_"_s,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);

    const QStringList folders{
        QCoreApplication::applicationDirPath() + u"/translations"_s,
        QCoreApplication::applicationDirPath() + u"/../share/mqttscope/translations"_s,
        u":/i18n"_s,
    };
    auto *ours = new QTranslator(&app);
    for (const QString &folder : folders) {
        if (ours->load(QLocale(), u"mqttscope"_s, u"_"_s, folder)) {
            QCoreApplication::installTranslator(ours);
            return;
        }
    }
    // No catalogue for this language: English, whose plural forms ("1 match", "4 matches")
    // need one too.
    if (ours->load(u"mqttscope_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ours);
}

// --help and --version print and exit: they must work in a terminal without a display too
// (help2man, scripts), where the default platform plugin would abort.
void allowHeadlessInformation(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        return;
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
}

// How the connection opened from a URL reads payloads: --decode, --proto, --proto-path.
struct PayloadFormats
{
    QList<mqttscope::FormatRule> rules;
    QStringList protoFiles;
    QStringList protoImportPaths;

    void applyTo(mqttscope::ConnectionProfile &profile) const
    {
        profile.formatRules = rules;
        profile.protoFiles = protoFiles;
        profile.protoImportPaths = protoImportPaths;
    }
};

// The options of `mqttscope`, on top of --help and --version.
struct CommandLine
{
    QCommandLineOption url{
        u"url"_s,
        QCoreApplication::translate("main",
                                    "Connect at once to <url>: "
                                    "mqtt[s]://|ws[s]://[user[:pass]@]host[:port]/path"),
        u"url"_s};
    QCommandLineOption profile{
        u"profile"_s,
        QCoreApplication::translate("main", "Open the saved connection named <name>."), u"name"_s};
    QCommandLineOption name{
        u"connection-name"_s, // not --name: Qt takes that one (X11)
        QCoreApplication::translate("main", "Call the connection opened from a URL <name>."),
        u"name"_s};
    QCommandLineOption record{
        u"record"_s,
        QCoreApplication::translate("main",
                                    "Record the connection opened by --url or --profile to "
                                    "<file>, as its Record button does."),
        u"file"_s};
    QCommandLineOption decode{
        u"decode"_s,
        QCoreApplication::translate(
            "main",
            "In the connection opened from a URL, decode topics matching <filter> as <format> "
            "(text, json, hex, base64, cbor, image, sparkplug, protobuf:<type>, msgpack); "
            "repeatable, the first match wins."),
        u"filter=format[:type]"_s};
    QCommandLineOption proto{
        u"proto"_s,
        QCoreApplication::translate("main",
                                    "A .proto file whose message types --decode can name; "
                                    "repeatable."),
        u"file"_s};
    QCommandLineOption protoPath{
        u"proto-path"_s,
        QCoreApplication::translate("main",
                                    "A folder where imports of the .proto files are found; "
                                    "repeatable."),
        u"dir"_s};

    // The --decode, --proto and --proto-path a URL's connection gets; nullopt (with the reason
    // printed) when a rule does not parse.
    std::optional<PayloadFormats> payloadFormats(const QCommandLineParser &parser) const
    {
        PayloadFormats formats;
        const QStringList rules = parser.values(decode);
        for (const QString &argument : rules) {
            QString error;
            const auto rule = mqttscope::FormatRule::fromArgument(argument, &error);
            if (!rule) {
                std::fputs(
                    qPrintable(
                        QCoreApplication::translate("main", "Invalid --decode: %1").arg(error)
                        + u'\n'),
                    stderr);
                return std::nullopt;
            }
            formats.rules.append(*rule);
        }
        const auto absolute = [](const QStringList &paths) {
            QStringList result;
            for (const QString &path : paths)
                result.append(QFileInfo(path).absoluteFilePath());
            return result;
        };
        formats.protoFiles = absolute(parser.values(proto));
        formats.protoImportPaths = absolute(parser.values(protoPath));
        return formats;
    }

    void parse(QCommandLineParser &parser, const QApplication &app) const
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "A fast native MQTT 3.1.1/5.0 explorer."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({record, url, name, profile, decode, proto, protoPath});
        parser.addPositionalArgument(
            u"url"_s,
            QCoreApplication::translate("main",
                                        "A broker URL to connect to, as with --url, or a "
                                        "recording file to open."),
            u"[url|file]"_s);
        parser.process(app);
    }
};

void warnCannotOpen(QWidget *window, const QString &what, const QString &error)
{
    QMessageBox::warning(
        window, u"mqttscope"_s,
        QCoreApplication::translate("main", "Cannot open %1: %2").arg(what, error));
}

// Opens the recordings, URLs and saved connections named on the command line; returns the
// connection tabs opened.
QList<mqttscope::ConnectionTab *> openArguments(mqttscope::MainWindow &window,
                                                const mqttscope::ProfileStore &profiles,
                                                const QCommandLineParser &parser,
                                                const CommandLine &options,
                                                const PayloadFormats &formats)
{
    QString error;
    QList<mqttscope::ConnectionTab *> opened;
    QStringList urls = parser.values(options.url);
    const QStringList positional = parser.positionalArguments();
    for (const QString &argument : positional) {
        if (!QFileInfo::exists(argument))
            urls.append(argument);
        else if (!window.openRecording(argument, &error))
            warnCannotOpen(&window, argument, error);
    }
    for (const QString &url : std::as_const(urls)) {
        auto profile = window.profileFromUrl(url, &error, parser.value(options.name));
        if (!profile) {
            warnCannotOpen(&window, url, error);
            continue;
        }
        formats.applyTo(*profile);
        opened.append(window.openProfile(*profile));
    }
    const QStringList names = parser.values(options.profile);
    for (const QString &name : names) {
        if (const auto profile = profiles.profileNamed(name))
            opened.append(window.openProfile(*profile));
        else
            QMessageBox::warning(
                &window, u"mqttscope"_s,
                QCoreApplication::translate("main", "There is no saved connection named \"%1\".")
                    .arg(name));
    }
    return opened;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    allowHeadlessInformation(argc, argv);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"mqttscope"_s);
    QCoreApplication::setApplicationName(u"mqttscope"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MQTTSCOPE_VERSION));
    QGuiApplication::setDesktopFileName(u"io.github.mqttscope.mqttscope"_s);
    QGuiApplication::setWindowIcon(QIcon::fromTheme(u"io.github.mqttscope.mqttscope"_s));
    installTranslators(app);

    QCommandLineParser parser;
    const CommandLine options;
    options.parse(parser, app);
    const std::optional<PayloadFormats> formats = options.payloadFormats(parser);
    if (!formats)
        return 1;

    QString error;
    if (!mqttscope::moveLegacyProfilesFile(mqttscope::legacyProfilesFilePath(),
                                           mqttscope::defaultProfilesFilePath(), &error))
        QMessageBox::warning(nullptr, u"mqttscope"_s, error);
    mqttscope::ProfileStore profiles;
    if (!profiles.load(&error))
        QMessageBox::warning(nullptr, u"mqttscope"_s, error);
    mqttscope::SecretStore secrets;

    // Light or dark as the desktop prefers or the user chose, before the window first paints.
    mqttscope::Appearance appearance;
    mqttscope::MainWindow window(&profiles, &secrets, &appearance);
    mqttscope::FirstPaintReport::installIfAsked(&window, sinceMain);
    window.show();

    const QList<mqttscope::ConnectionTab *> opened =
        openArguments(window, profiles, parser, options, *formats);
    // The tab shows why when it cannot record.
    if (parser.isSet(options.record) && !opened.isEmpty())
        opened.first()->startRecording(parser.value(options.record), {}, &error);
    return app.exec();
}

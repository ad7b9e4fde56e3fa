// SPDX-License-Identifier: GPL-3.0-or-later
// mqttscope-cli's argument parsing and output formatting, without a broker: the flags must mean
// what they mean to mosquitto_sub/mosquitto_pub, and the output must be byte-exact.
#include "argumentparser.h"
#include "helptext.h"
#include "messageformatter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::cli;

Q_DECLARE_METATYPE(mqttscope::Properties)
Q_DECLARE_METATYPE(mqttscope::Message)
Q_DECLARE_METATYPE(mqttscope::TransportKind)
Q_DECLARE_METATYPE(mqttscope::ProxyKind)
Q_DECLARE_METATYPE(mqttscope::VersionChoice)

namespace {

SubcommandOptions parseOk(const QStringList &arguments)
{
    QString error;
    const std::optional<SubcommandOptions> options = ArgumentParser::parse(arguments, &error);
    if (!options)
        qWarning("unexpected parse error: %s", qPrintable(error));
    return options.value_or(SubcommandOptions());
}

Message message(const QByteArray &topic, const QByteArray &payload, quint8 qos = 0,
                bool retain = false, const Properties &properties = {})
{
    Message m;
    m.topic = topic;
    m.payload = payload;
    m.qos = qos;
    m.retain = retain;
    m.properties = properties;
    m.receivedMsecsSinceEpoch = 1714564800123; // 2024-05-01T12:00:00.123Z
    return m;
}

QByteArray format(OutputMode mode, const Message &m, const QByteArray &formatString = {},
                  bool newline = true)
{
    QByteArray out;
    MessageFormatter(mode, formatString, newline).append(m, out);
    return out;
}

const Subcommand subcommands[] = {Subcommand::Sub, Subcommand::Pub, Subcommand::Replay,
                                  Subcommand::Import};

QString commandName(Subcommand subcommand)
{
    return subcommand == Subcommand::Sub   ? u"sub"_s
        : subcommand == Subcommand::Pub    ? u"pub"_s
        : subcommand == Subcommand::Replay ? u"replay"_s
                                           : u"import"_s;
}

QStringList names(const OptionSpec &option)
{
    QStringList names;
    if (!option.shortName.isEmpty())
        names.append(option.shortName);
    if (!option.longName.isEmpty())
        names.append(option.longName);
    return names;
}

// The names of the options of `subcommand`.
QSet<QString> namesIn(Subcommand subcommand)
{
    QSet<QString> all;
    for (const OptionSpec &option : ArgumentParser::options()) {
        if (option.appliesTo(subcommand)) {
            for (const QString &name : names(option))
                all.insert(name);
        }
    }
    return all;
}

// A valid value for each metavar of the table.
QStringList sampleValues(QLatin1StringView metavar)
{
    static const QHash<QString, QStringList> samples = {
        {u"HOST"_s, {u"broker"_s}},
        {u"PORT"_s, {u"1884"_s}},
        {u"URL"_s, {u"mqtt://broker/t"_s}},
        {u"PROXY_URL"_s, {u"socks5h://user:pw@proxy:1080"_s}},
        {u"auto|mqttv5|mqttv311|mqttv31"_s, {u"mqttv5"_s}},
        {u"ID"_s, {u"me"_s}},
        {u"P"_s, {u"p"_s}},
        {u"USER"_s, {u"user"_s}},
        {u"PASSWORD"_s, {u"pw"_s}},
        {u"SEC"_s, {u"30"_s}},
        {u"SECONDS"_s, {u"5"_s}},
        {u"0|1|2"_s, {u"1"_s}},
        {u"COMMAND IDENTIFIER VALUE"_s, {u"CONNECT"_s, u"receive-maximum"_s, u"10"_s}},
        {u"T"_s, {u"will/topic"_s}},
        {u"Q"_s, {u"1"_s}},
        {u"FILE"_s, {u"file.pem"_s}},
        {u"DIR"_s, {u"certs"_s}},
        {u"PASS"_s, {u"secret"_s}},
        {u"PROTOCOL"_s, {u"mqtt"_s}},
        {u"N"_s, {u"3"_s}},
        {u"FILTER"_s, {u"a/#"_s}},
        {u"FILTER=FORMAT[:TYPE]"_s, {u"a/#=msgpack"_s}},
        {u"FORMAT[:TYPE]"_s, {u"msgpack"_s}},
        {u"F"_s, {u"a/b"_s}},
        {u"COUNT"_s, {u"2"_s}},
        {u"FORMAT"_s, {u"%t"_s}},
        {u"TOPIC"_s, {u"a"_s}},
        {u"TEXT"_s, {u"hello"_s}},
        {u"SIZE"_s, {u"500M"_s}},
        {u"stop|drop-oldest"_s, {u"drop-oldest"_s}},
        {u"X"_s, {u"10"_s}},
        {u"RECORDING"_s, {u"out.mqttrec"_s}},
        {u"auto|json|mosquitto"_s, {u"json"_s}},
        {u"FROM=TO"_s, {u"prod/=test/"_s}},
    };
    return samples.value(metavar);
}

// The option names a text mentions: "-t", "--will-topic" (not "mqttscope-cli" or "-1").
QSet<QString> optionTokens(const QString &text)
{
    static const QRegularExpression token(u"(?<![\\w-])--?[A-Za-z][\\w-]*"_s);
    QSet<QString> tokens;
    for (const QRegularExpressionMatch &match : token.globalMatch(text))
        tokens.insert(match.captured());
    return tokens;
}

QString sourceFile(const QString &path)
{
    QFile file(qEnvironmentVariable("MQTTSCOPE_SOURCE_DIR") + u'/' + path);
    if (!file.open(QIODevice::ReadOnly))
        qWarning("cannot read %s (is MQTTSCOPE_SOURCE_DIR set?)", qPrintable(file.fileName()));
    return QString::fromUtf8(file.readAll());
}

// A `local NAME="words"` list of the bash completion.
QSet<QString> completionWords(const QString &completion, const QString &name)
{
    const QRegularExpression list(u"local %1=\"([^\"]*)\""_s.arg(name));
    const QStringList words =
        list.match(completion).captured(1).split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    return QSet<QString>(words.cbegin(), words.cend());
}

} // namespace

class tst_CliArgs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void invalidArguments_data();
    void invalidArguments();
    void connection_data();
    void connection();
    void session_data();
    void session();
    void properties_data();
    void properties();
    void urls_data();
    void urls();
    void proxyUrls_data();
    void proxyUrls();
    void subOptions();
    void pubSources_data();
    void pubSources();
    void pubEncode();
    void will();
    void replayOptions();
    void importOptions();

    void everyOptionParses();
    void optionNamesAreUnique();
    void unknownOptionsAreRejected();
    void helpDocumentsEveryOption();
    void completionListsEveryOption();
    void manPageListsEveryOption();

    void plainAndVerbose_data();
    void plainAndVerbose();
    void formatString_data();
    void formatString();
    void json_data();
    void json();
    void mosquittoJson();
    void decodedField();
};

void tst_CliArgs::invalidArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    const auto row = [](const char *name, const QStringList &arguments, const QString &error) {
        QTest::newRow(name) << arguments << error;
    };
    row("no command", {}, u"No command given"_s);
    row("unknown command", {u"subscribe"_s}, u"Unknown command 'subscribe'"_s);
    row("unknown option", {u"sub"_s, u"-t"_s, u"a"_s, u"--bogus"_s},
        u"Unknown option '--bogus'."_s);
    row("pub option in sub", {u"sub"_s, u"-t"_s, u"a"_s, u"-m"_s, u"x"_s},
        u"Unknown option '-m'."_s);
    row("record budget not a size",
        {u"sub"_s, u"-t"_s, u"a"_s, u"--record"_s, u"f"_s, u"--record-budget"_s, u"5X"_s},
        u"Invalid size \"5X\""_s);
    row("record budget negative",
        {u"sub"_s, u"-t"_s, u"a"_s, u"--record"_s, u"f"_s, u"--record-budget"_s, u"-1"_s},
        u"Invalid size \"-1\""_s);
    row("record when full unknown",
        {u"sub"_s, u"-t"_s, u"a"_s, u"--record"_s, u"f"_s, u"--record-when-full"_s, u"wrap"_s},
        u"Invalid --record-when-full \"wrap\": stop or drop-oldest."_s);
    row("record budget without a file", {u"sub"_s, u"-t"_s, u"a"_s, u"--record-budget"_s, u"1G"_s},
        u"--record-budget and --record-when-full need --record FILE."_s);
    row("replay without a file", {u"replay"_s, u"--as-fast"_s},
        u"You must give the recording file to replay."_s);
    row("replay two files", {u"replay"_s, u"a.mqttrec"_s, u"b.mqttrec"_s},
        u"Only one recording can be replayed at once: 'b.mqttrec'."_s);
    row("replay speed zero", {u"replay"_s, u"--speed"_s, u"0"_s, u"f"_s},
        u"Invalid --speed given: 0"_s);
    row("replay speed not a number", {u"replay"_s, u"--speed"_s, u"fast"_s, u"f"_s},
        u"Invalid --speed given: fast"_s);
    row("replay speed and as fast", {u"replay"_s, u"--speed"_s, u"2"_s, u"--as-fast"_s, u"f"_s},
        u"--speed and --as-fast cannot be used together."_s);
    row("replay rewrite without =", {u"replay"_s, u"--rewrite"_s, u"prod/"_s, u"f"_s},
        u"Invalid --rewrite given: 'prod/'"_s);
    row("replay rewrite wildcard", {u"replay"_s, u"--rewrite"_s, u"prod/=t/#"_s, u"f"_s},
        u"Invalid --rewrite given: 'prod/=t/#'"_s);
    row("sub option in replay", {u"replay"_s, u"-t"_s, u"a"_s, u"f"_s}, u"Unknown option '-t'."_s);
    row("import without a file", {u"import"_s, u"-o"_s, u"r"_s},
        u"You must give the file to import (or - for standard input)."_s);
    row("import without --output", {u"import"_s, u"f"_s},
        u"You must give the recording to create with --output."_s);
    row("import two files", {u"import"_s, u"a"_s, u"b"_s, u"-o"_s, u"r"_s},
        u"Only one file can be imported at once: 'b'."_s);
    row("import bad format", {u"import"_s, u"f"_s, u"-o"_s, u"r"_s, u"--format"_s, u"csv"_s},
        u"Invalid --format given: csv (auto, json or mosquitto)."_s);
    row("connection option in import", {u"import"_s, u"-h"_s, u"broker"_s, u"f"_s, u"-o"_s, u"r"_s},
        u"Unknown option '-h'."_s);
    row("sub option in pub", {u"pub"_s, u"-t"_s, u"a"_s, u"-m"_s, u"x"_s, u"-C"_s, u"1"_s},
        u"Unknown option '-C'."_s);
    row("missing value", {u"sub"_s, u"-t"_s}, u"-t argument given but no value specified."_s);
    row("qos 3", {u"sub"_s, u"-t"_s, u"a"_s, u"-q"_s, u"3"_s}, u"Invalid QoS given: 3"_s);
    row("port 0", {u"sub"_s, u"-t"_s, u"a"_s, u"-p"_s, u"0"_s}, u"Invalid port given: 0"_s);
    row("port 65536", {u"sub"_s, u"-t"_s, u"a"_s, u"-p"_s, u"65536"_s},
        u"Invalid port given: 65536"_s);
    row("keepalive 4", {u"sub"_s, u"-t"_s, u"a"_s, u"-k"_s, u"4"_s},
        u"Invalid keepalive given, it must be between 5 and 65535 inclusive."_s);
    row("version 7", {u"sub"_s, u"-t"_s, u"a"_s, u"-V"_s, u"7"_s}, u"Invalid protocol version"_s);
    row("count 0", {u"sub"_s, u"-t"_s, u"a"_s, u"-C"_s, u"0"_s}, u"Invalid message count \"0\"."_s);
    row("timeout 0", {u"sub"_s, u"-t"_s, u"a"_s, u"-W"_s, u"0"_s}, u"Invalid timeout \"0\"."_s);
    row("expiry not a number", {u"sub"_s, u"-t"_s, u"a"_s, u"-x"_s, u"abc"_s},
        u"session-expiry-interval not a number."_s);
    row("no topic", {u"sub"_s, u"-v"_s}, u"You must specify a topic to subscribe to."_s);
    // [MQTT-4.7.1-2] '#' must be last, [MQTT-4.7.1-3] '+' must fill its level.
    row("bad filter #", {u"sub"_s, u"-t"_s, u"a/#/b"_s}, u"Invalid subscription topic 'a/#/b'"_s);
    row("bad filter +", {u"sub"_s, u"-t"_s, u"a+"_s}, u"Invalid subscription topic 'a+'"_s);
    row("bad filter-out", {u"sub"_s, u"-t"_s, u"a"_s, u"-T"_s, u"#/x"_s},
        u"Invalid filter topic '#/x'"_s);
    // [MQTT-3.3.2-2] a topic name has no wildcards.
    row("wildcard publish", {u"pub"_s, u"-t"_s, u"a/#"_s, u"-m"_s, u"x"_s},
        u"Invalid publish topic 'a/#'"_s);
    row("pub without message", {u"pub"_s, u"-t"_s, u"a"_s},
        u"Both topic and message must be supplied."_s);
    row("pub without topic", {u"pub"_s, u"-m"_s, u"x"_s},
        u"Both topic and message must be supplied."_s);
    row("two sources", {u"pub"_s, u"-t"_s, u"a"_s, u"-m"_s, u"x"_s, u"-n"_s},
        u"Only one type of message can be sent at once."_s);
    row("repeat 0", {u"pub"_s, u"-t"_s, u"a"_s, u"-m"_s, u"x"_s, u"--repeat"_s, u"0"_s},
        u"--repeat argument must be >0."_s);
    row("repeat delay negative",
        {u"pub"_s, u"-t"_s, u"a"_s, u"-m"_s, u"x"_s, u"--repeat-delay"_s, u"-1"_s},
        u"--repeat-delay argument must be >=0.0."_s);
    row("-c without id", {u"sub"_s, u"-t"_s, u"a"_s, u"-c"_s},
        u"You must provide a client id if you are using the -c option."_s);
    row("-i and -I", {u"sub"_s, u"-t"_s, u"a"_s, u"-i"_s, u"x"_s, u"-I"_s, u"y"_s},
        u"-i and -I argument cannot be used together."_s);
    row("cert without key", {u"sub"_s, u"-t"_s, u"a"_s, u"--cert"_s, u"c.pem"_s},
        u"Both certfile and keyfile must be provided"_s);
    row("will qos without topic", {u"sub"_s, u"-t"_s, u"a"_s, u"--will-qos"_s, u"1"_s},
        u"no will topic given"_s);
    row("json and -F", {u"sub"_s, u"-t"_s, u"a"_s, u"--json"_s, u"-F"_s, u"%t"_s},
        u"--json and -F cannot be used together."_s);
    row("-R and --retained-only", {u"sub"_s, u"-t"_s, u"a"_s, u"-R"_s, u"--retained-only"_s},
        u"-R and --retained-only cannot be used together."_s);
    row("3.1.1 password without user",
        {u"sub"_s, u"-t"_s, u"a"_s, u"-V"_s, u"311"_s, u"-P"_s, u"pw"_s},
        u"A password without a username"_s);
    row("bad url scheme", {u"sub"_s, u"-L"_s, u"http://host/t"_s},
        u"Invalid URL 'http://host/t'"_s);
    row("bad url port", {u"sub"_s, u"-L"_s, u"mqtt://host:99999/t"_s}, u"Invalid URL"_s);
    row("property unknown command",
        {u"sub"_s, u"-t"_s, u"a"_s, u"-D"_s, u"FOO"_s, u"content-type"_s, u"x"_s},
        u"Invalid command given in --property argument."_s);
    row("property unknown name",
        {u"sub"_s, u"-t"_s, u"a"_s, u"-D"_s, u"CONNECT"_s, u"foo"_s, u"1"_s},
        u"Invalid property name given in --property argument."_s);
    row("property wrong packet",
        {u"sub"_s, u"-t"_s, u"a"_s, u"-D"_s, u"CONNECT"_s, u"content-type"_s, u"x"_s},
        u"content-type property not allowed for CONNECT in --property argument."_s);
    row("property out of range",
        {u"sub"_s, u"-t"_s, u"a"_s, u"-D"_s, u"CONNECT"_s, u"receive-maximum"_s, u"70000"_s},
        u"Invalid value '70000' for receive-maximum"_s);
    row("property not a number",
        {u"sub"_s, u"-t"_s, u"a"_s, u"-D"_s, u"CONNECT"_s, u"receive-maximum"_s, u"x"_s},
        u"Invalid value 'x' for receive-maximum"_s);
    // [MQTT-3.3.4-6] a client never sends a subscription identifier in PUBLISH.
    row("subscription id in publish",
        {u"pub"_s, u"-t"_s, u"a"_s, u"-m"_s, u"x"_s, u"-D"_s, u"PUBLISH"_s,
         u"subscription-identifier"_s, u"3"_s},
        u"not allowed for PUBLISH"_s);
    // [MQTT-3.8.2.1.2]-style range: a subscription identifier of 0 is a protocol error.
    row("subscription id 0",
        {u"sub"_s, u"-t"_s, u"a"_s, u"-D"_s, u"SUBSCRIBE"_s, u"subscription-identifier"_s, u"0"_s},
        u"Invalid value '0'"_s);
    row("user property missing value",
        {u"pub"_s, u"-t"_s, u"a"_s, u"-m"_s, u"x"_s, u"-D"_s, u"PUBLISH"_s, u"user-property"_s,
         u"k"_s},
        u"-D argument given but no value specified."_s);
    row("server-only property",
        {u"sub"_s, u"-t"_s, u"a"_s, u"-D"_s, u"CONNECT"_s, u"maximum-qos"_s, u"1"_s},
        u"maximum-qos property not allowed for CONNECT"_s);
    row("puback properties",
        {u"pub"_s, u"-t"_s, u"a"_s, u"-m"_s, u"x"_s, u"-D"_s, u"PUBACK"_s, u"user-property"_s,
         u"k"_s, u"v"_s},
        u"PUBACK properties are not supported"_s);
    const QStringList sub = {u"sub"_s, u"-t"_s, u"a"_s};
    row("proxy scheme", sub + QStringList{u"--proxy"_s, u"socks4://p:1080"_s},
        u"Invalid proxy URL 'socks4://p:1080': Unknown proxy scheme: socks4"_s);
    row("proxy socks5", sub + QStringList{u"--proxy"_s, u"socks5://p:1080"_s}, u"use socks5h://"_s);
    row("proxy port", sub + QStringList{u"--proxy"_s, u"http://p:99999"_s},
        u"Not a proxy URL: http://p:99999"_s);
    row("proxy without value", sub + QStringList{u"--proxy"_s}, u"--proxy"_s);
}

void tst_CliArgs::invalidArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!ArgumentParser::parse(arguments, &actual));
    QVERIFY2(actual.contains(error), qPrintable(actual));
}

void tst_CliArgs::connection_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<TransportKind>("kind");
    QTest::addColumn<VersionChoice>("version");

    const QStringList sub = {u"sub"_s, u"-t"_s, u"a"_s};
    QTest::newRow("defaults: localhost:1883, -V auto")
        << sub << u"localhost"_s << 1883 << TransportKind::Tcp << VersionChoice::Auto;
    QTest::newRow("-h -p") << sub + QStringList{u"-h"_s, u"broker"_s, u"-p"_s, u"1884"_s}
                           << u"broker"_s << 1884 << TransportKind::Tcp << VersionChoice::Auto;
    QTest::newRow("long forms") << sub + QStringList{u"--host"_s, u"b"_s, u"--port"_s, u"2000"_s}
                                << u"b"_s << 2000 << TransportKind::Tcp << VersionChoice::Auto;
    QTest::newRow("--cafile: tls on 8883")
        << sub + QStringList{u"--cafile"_s, u"ca.pem"_s} << u"localhost"_s << 8883
        << TransportKind::Tls << VersionChoice::Auto;
    QTest::newRow("-p 8883 alone: tls") << sub + QStringList{u"-p"_s, u"8883"_s} << u"localhost"_s
                                        << 8883 << TransportKind::Tls << VersionChoice::Auto;
    QTest::newRow("--tls-use-os-certs")
        << sub + QStringList{u"--tls-use-os-certs"_s} << u"localhost"_s << 8883
        << TransportKind::Tls << VersionChoice::Auto;
    const std::pair<const char *, VersionChoice> versions[] = {
        {"mqttv31", VersionChoice::V31},   {"31", VersionChoice::V31},
        {"mqttv311", VersionChoice::V311}, {"311", VersionChoice::V311},
        {"mqttv5", VersionChoice::V5},     {"5", VersionChoice::V5},
        {"auto", VersionChoice::Auto}};
    for (const auto &[name, version] : versions) {
        QTest::addRow("-V %s", name) << sub + QStringList{u"-V"_s, QString::fromLatin1(name)}
                                     << u"localhost"_s << 1883 << TransportKind::Tcp << version;
    }
    QTest::newRow("-D makes it v5")
        << sub + QStringList{u"-D"_s, u"CONNECT"_s, u"receive-maximum"_s, u"10"_s} << u"localhost"_s
        << 1883 << TransportKind::Tcp << VersionChoice::V5;
    QTest::newRow("-D keeps an explicit -V")
        << sub
            + QStringList{u"-V"_s, u"311"_s, u"-D"_s, u"CONNECT"_s, u"receive-maximum"_s, u"10"_s}
        << u"localhost"_s << 1883 << TransportKind::Tcp << VersionChoice::V311;
}

void tst_CliArgs::connection()
{
    QFETCH(QStringList, arguments);
    const SubcommandOptions options = parseOk(arguments);
    QCOMPARE(options.subcommand, Subcommand::Sub);
    QTEST(options.client.endpoint.host, "host");
    QTEST(int(options.client.endpoint.port), "port");
    QTEST(options.client.endpoint.kind, "kind");
    QTEST(options.client.version, "version");
}

void tst_CliArgs::session_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<bool>("cleanStart");
    QTest::addColumn<qint64>("sessionExpiry"); // -1 = absent
    QTest::addColumn<int>("keepAlive");

    const QStringList sub = {u"sub"_s, u"-t"_s, u"a"_s};
    constexpr qint64 never = std::numeric_limits<quint32>::max();
    QTest::newRow("defaults") << sub << QString() << true << qint64(-1) << 60;
    QTest::newRow("-i -k") << sub + QStringList{u"-i"_s, u"me"_s, u"-k"_s, u"30"_s} << u"me"_s
                           << true << qint64(-1) << 30;
    QTest::newRow("-I prefix + pid")
        << sub + QStringList{u"-I"_s, u"pre-"_s}
        << u"pre-%1"_s.arg(QCoreApplication::applicationPid()) << true << qint64(-1) << 60;
    QTest::newRow("-c: never expires")
        << sub + QStringList{u"-c"_s, u"-i"_s, u"me"_s} << u"me"_s << false << never << 60;
    QTest::newRow("-c -x 300") << sub + QStringList{u"-c"_s, u"-i"_s, u"me"_s, u"-x"_s, u"300"_s}
                               << u"me"_s << false << qint64(300) << 60;
    QTest::newRow("-x -1") << sub + QStringList{u"-i"_s, u"me"_s, u"-x"_s, u"-1"_s} << u"me"_s
                           << true << never << 60;
    QTest::newRow("-x 0") << sub + QStringList{u"-x"_s, u"0"_s} << QString() << true << qint64(0)
                          << 60;
}

void tst_CliArgs::session()
{
    QFETCH(QStringList, arguments);
    const SubcommandOptions options = parseOk(arguments);
    QTEST(options.client.clientId, "clientId");
    QTEST(options.client.cleanStart, "cleanStart");
    const std::optional<quint32> expiry = options.client.connectProperties.sessionExpiryInterval;
    QTEST(expiry ? qint64(*expiry) : qint64(-1), "sessionExpiry");
    QTEST(int(options.client.keepAliveSeconds), "keepAlive");
}

void tst_CliArgs::properties_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("packet");
    QTest::addColumn<Properties>("expected");

    const QStringList pub = {u"pub"_s, u"-t"_s, u"a"_s, u"-m"_s, u"x"_s};
    const auto d = [](const QString &command, const QString &identifier, const QString &value) {
        return QStringList{u"-D"_s, command, identifier, value};
    };
    Properties p;
    p.receiveMaximum = 10;
    p.maximumPacketSize = 100000;
    p.userProperties = {{u"k1"_s, u"v1"_s}, {u"k1"_s, u"v2"_s}};
    QTest::newRow("CONNECT") << pub + d(u"CONNECT"_s, u"receive-maximum"_s, u"10"_s)
            + d(u"connect"_s, u"maximum-packet-size"_s, u"100000"_s)
            + QStringList{u"-D"_s, u"CONNECT"_s, u"user-property"_s, u"k1"_s, u"v1"_s}
            + QStringList{u"-D"_s, u"CONNECT"_s, u"user-property"_s, u"k1"_s, u"v2"_s}
                             << u"connect"_s << p;
    p = {};
    p.contentType = u"text/plain"_s;
    p.responseTopic = u"reply/here"_s;
    p.correlationData = "abc";
    p.messageExpiryInterval = 3600;
    p.payloadFormatIndicator = 1;
    p.topicAlias = 5;
    QTest::newRow("PUBLISH") << pub + d(u"PUBLISH"_s, u"content-type"_s, u"text/plain"_s)
            + d(u"PUBLISH"_s, u"response-topic"_s, u"reply/here"_s)
            + d(u"PUBLISH"_s, u"correlation-data"_s, u"abc"_s)
            + d(u"PUBLISH"_s, u"message-expiry-interval"_s, u"3600"_s)
            + d(u"PUBLISH"_s, u"payload-format-indicator"_s, u"1"_s)
            + d(u"PUBLISH"_s, u"topic-alias"_s, u"5"_s)
                             << u"publish"_s << p;
    p = {};
    p.willDelayInterval = 30;
    p.contentType = u"w"_s;
    QTest::newRow("WILL") << pub + QStringList{u"--will-topic"_s, u"w/t"_s}
            + d(u"WILL"_s, u"will-delay-interval"_s, u"30"_s)
            + d(u"WILL"_s, u"content-type"_s, u"w"_s)
                          << u"will"_s << p;
    p = {};
    p.sessionExpiryInterval = 0;
    p.reasonString = u"bye"_s;
    QTest::newRow("DISCONNECT") << pub + d(u"DISCONNECT"_s, u"session-expiry-interval"_s, u"0"_s)
            + d(u"DISCONNECT"_s, u"reason-string"_s, u"bye"_s)
                                << u"disconnect"_s << p;
    p = {};
    p.subscriptionIdentifiers = {42};
    QTest::newRow("SUBSCRIBE") << QStringList{u"sub"_s, u"-t"_s, u"a"_s}
            + d(u"SUBSCRIBE"_s, u"subscription-identifier"_s, u"42"_s)
                               << u"subscribe"_s << p;
    p = {};
    p.userProperties = {{u"u"_s, u"1"_s}};
    QTest::newRow("UNSUBSCRIBE") << QStringList{u"sub"_s,         u"-U"_s,
                                                u"a"_s,           u"-D"_s,
                                                u"UNSUBSCRIBE"_s, u"user-property"_s,
                                                u"u"_s,           u"1"_s}
                                 << u"unsubscribe"_s << p;
}

void tst_CliArgs::properties()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, packet);
    const SubcommandOptions o = parseOk(arguments);
    const Properties actual = packet == "connect"_L1 ? o.client.connectProperties
        : packet == "publish"_L1                     ? o.publishProperties
        : packet == "subscribe"_L1                   ? o.subscribeProperties
        : packet == "unsubscribe"_L1                 ? o.unsubscribeProperties
        : packet == "disconnect"_L1                  ? o.disconnectProperties
                                                     : o.client.will.value_or(Will()).properties;
    QTEST(actual, "expected");
}

void tst_CliArgs::urls_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<TransportKind>("kind");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QStringList>("topics");

    const QString wsPath = u"/mqtt"_s;
    QTest::newRow("mqtt with topic")
        << QStringList{u"sub"_s, u"-L"_s, u"mqtt://broker/a/b"_s} << TransportKind::Tcp
        << u"broker"_s << 1883 << wsPath << QString() << QString() << QStringList{u"a/b"_s};
    QTest::newRow("mqtts, user, port")
        << QStringList{u"sub"_s, u"--url"_s, u"mqtts://u:p@broker:8884/t"_s} << TransportKind::Tls
        << u"broker"_s << 8884 << wsPath << u"u"_s << u"p"_s << QStringList{u"t"_s};
    QTest::newRow("mqtts default port")
        << QStringList{u"sub"_s, u"-L"_s, u"mqtts://broker/t"_s} << TransportKind::Tls
        << u"broker"_s << 8883 << wsPath << QString() << QString() << QStringList{u"t"_s};
    QTest::newRow("ws path") << QStringList{u"sub"_s, u"-L"_s, u"ws://broker:9001/ws"_s, u"-t"_s,
                                            u"a"_s}
                             << TransportKind::WebSocket << u"broker"_s << 9001 << u"/ws"_s
                             << QString() << QString() << QStringList{u"a"_s};
    QTest::newRow("wss default port")
        << QStringList{u"sub"_s, u"-L"_s, u"wss://user@broker/mqtt"_s, u"-t"_s, u"a"_s}
        << TransportKind::SecureWebSocket << u"broker"_s << 443 << u"/mqtt"_s << u"user"_s
        << QString() << QStringList{u"a"_s};
    QTest::newRow("ws + --cafile = wss")
        << QStringList{u"sub"_s, u"--cafile"_s, u"ca.pem"_s, u"-L"_s, u"ws://b:9001/mqtt"_s,
                       u"-t"_s,  u"a"_s}
        << TransportKind::SecureWebSocket << u"b"_s << 9001 << u"/mqtt"_s << QString() << QString()
        << QStringList{u"a"_s};
    QTest::newRow("pub topic from url")
        << QStringList{u"pub"_s, u"-L"_s, u"mqtt://127.0.0.1:1885/x/y"_s, u"-m"_s, u"hi"_s}
        << TransportKind::Tcp << u"127.0.0.1"_s << 1885 << wsPath << QString() << QString()
        << QStringList{u"x/y"_s};
}

void tst_CliArgs::urls()
{
    QFETCH(QStringList, arguments);
    const SubcommandOptions o = parseOk(arguments);
    QTEST(o.client.endpoint.kind, "kind");
    QTEST(o.client.endpoint.host, "host");
    QTEST(int(o.client.endpoint.port), "port");
    QTEST(o.client.endpoint.path, "path");
    QTEST(o.client.username.value_or(QString()), "username");
    QTEST(QString::fromUtf8(o.client.password.value_or(QByteArray())), "password");
    QTEST(o.topics, "topics");
}

// --proxy as mosquitto 2 takes it, with http:// for CONNECT proxies as well.
void tst_CliArgs::proxyUrls_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<ProxyKind>("kind");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");

    const QStringList sub = {u"sub"_s, u"-t"_s, u"a"_s};
    QTest::newRow("none") << sub << ProxyKind::None << QString() << 0 << QString() << QString();
    QTest::newRow("socks5h, user, password")
        << sub + QStringList{u"--proxy"_s, u"socks5h://al%40ice:p%3Aw@proxy:1081"_s}
        << ProxyKind::Socks5 << u"proxy"_s << 1081 << u"al@ice"_s << u"p:w"_s;
    QTest::newRow("socks5h default port")
        << sub + QStringList{u"--proxy"_s, u"socks5h://proxy"_s} << ProxyKind::Socks5 << u"proxy"_s
        << 1080 << QString() << QString();
    QTest::newRow("http default port, IPv6")
        << sub + QStringList{u"--proxy"_s, u"http://u:p@[::1]"_s} << ProxyKind::Http << u"::1"_s
        << 8080 << u"u"_s << u"p"_s;
    QTest::newRow("kept by a later -L")
        << QStringList{u"pub"_s, u"--proxy"_s,         u"http://proxy:3128"_s,
                       u"-L"_s,  u"mqtt://broker/t"_s, u"-m"_s,
                       u"x"_s}
        << ProxyKind::Http << u"proxy"_s << 3128 << QString() << QString();
}

void tst_CliArgs::proxyUrls()
{
    QFETCH(QStringList, arguments);
    const ProxySettings proxy = parseOk(arguments).client.endpoint.proxy;
    QTEST(proxy.kind, "kind");
    QTEST(proxy.host, "host");
    QTEST(int(proxy.port), "port");
    QTEST(proxy.username, "username");
    QTEST(QString::fromUtf8(proxy.password), "password");
}

void tst_CliArgs::subOptions()
{
    const SubcommandOptions o = parseOk({u"sub"_s,
                                         u"-t"_s,
                                         u"a/#"_s,
                                         u"-t"_s,
                                         u"b"_s,
                                         u"-T"_s,
                                         u"a/x"_s,
                                         u"-U"_s,
                                         u"c"_s,
                                         u"-q"_s,
                                         u"2"_s,
                                         u"-C"_s,
                                         u"5"_s,
                                         u"-W"_s,
                                         u"9"_s,
                                         u"-E"_s,
                                         u"-R"_s,
                                         u"-N"_s,
                                         u"-v"_s,
                                         u"--remove-retained"_s,
                                         u"--retain-as-published"_s,
                                         u"-d"_s,
                                         u"--insecure"_s,
                                         u"--tls-alpn"_s,
                                         u"mqtt"_s,
                                         u"--cafile"_s,
                                         u"ca.pem"_s,
                                         u"--pkcs12"_s,
                                         u"c.p12"_s,
                                         u"--key-passphrase"_s,
                                         u"pw"_s});
    QCOMPARE(o.topics, (QStringList{u"a/#"_s, u"b"_s}));
    QCOMPARE(o.filterOut, QStringList{u"a/x"_s});
    QCOMPARE(o.unsubscribeTopics, QStringList{u"c"_s});
    QCOMPARE(o.qos, 2);
    QCOMPARE(o.messageCount, 5);
    QCOMPARE(o.timeoutSeconds, 9);
    QVERIFY(o.exitAfterSubscribe && o.skipRetained && !o.appendNewline && o.removeRetained
            && o.retainAsPublished && o.debug);
    QCOMPARE(o.output, OutputMode::Verbose);
    const TlsOptions &tls = o.client.endpoint.tls;
    QVERIFY(tls.skipHostNameCheck);
    QVERIFY(!tls.insecure); // mosquitto's --insecure skips the host name check only
    QCOMPARE(tls.alpn, QList<QByteArray>{"mqtt"});
    QCOMPARE(tls.caFile, u"ca.pem"_s);
    QCOMPARE(tls.pkcs12File, u"c.p12"_s);
    QCOMPARE(tls.pkcs12Passphrase, "pw");

    // -F overrides -v, as in mosquitto_sub; --json is a mode of its own.
    QCOMPARE(parseOk({u"sub"_s, u"-t"_s, u"a"_s, u"-v"_s, u"-F"_s, u"%t"_s}).output,
             OutputMode::Format);
    QCOMPARE(parseOk({u"sub"_s, u"-t"_s, u"a"_s, u"-F"_s, u"%t"_s, u"-v"_s}).output,
             OutputMode::Format);
    QCOMPARE(parseOk({u"sub"_s, u"-t"_s, u"a"_s, u"--json"_s}).output, OutputMode::Json);
    QCOMPARE(parseOk({u"sub"_s, u"--help"_s}).subcommand, Subcommand::Help);
    QCOMPARE(parseOk({u"--version"_s}).subcommand, Subcommand::Version);

    // --record and its budget: binary units, with or without a B.
    const SubcommandOptions recording =
        parseOk({u"sub"_s, u"-t"_s, u"a"_s, u"--record"_s, u"r.mqttrec"_s, u"--record-budget"_s,
                 u"2G"_s, u"--record-when-full"_s, u"drop-oldest"_s});
    QCOMPARE(recording.recordFile, u"r.mqttrec"_s);
    QCOMPARE(recording.recording.byteBudget, qint64(2) << 30);
    QCOMPARE(recording.recording.whenFull, RecordingOptions::WhenFull::DropOldest);
    const auto budget = [](const QString &size) {
        return parseOk(
                   {u"sub"_s, u"-t"_s, u"a"_s, u"--record"_s, u"r"_s, u"--record-budget"_s, size})
            .recording.byteBudget;
    };
    QCOMPARE(budget(u"500M"_s), qint64(500) << 20);
    QCOMPARE(budget(u"64kb"_s), qint64(64) << 10);
    QCOMPARE(budget(u"1048576"_s), qint64(1048576));
    QCOMPARE(budget(u"0"_s), qint64(0));
    QCOMPARE(parseOk({u"sub"_s, u"-t"_s, u"a"_s}).recordFile, QString());
}

void tst_CliArgs::pubSources_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<MessageSource>("source");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("-m") << QStringList{u"-m"_s, u"h\u00e9"_s} << MessageSource::Argument
                        << "h\xc3\xa9"_ba;
    QTest::newRow("-f") << QStringList{u"-f"_s, u"x.bin"_s} << MessageSource::File << QByteArray();
    QTest::newRow("-l") << QStringList{u"-l"_s} << MessageSource::StdinLines << QByteArray();
    QTest::newRow("-n") << QStringList{u"-n"_s} << MessageSource::Null << QByteArray();
    QTest::newRow("-s") << QStringList{u"-s"_s} << MessageSource::StdinWhole << QByteArray();
}

void tst_CliArgs::pubSources()
{
    QFETCH(QStringList, arguments);
    const SubcommandOptions o =
        parseOk(QStringList{u"pub"_s, u"-t"_s, u"t"_s, u"-r"_s, u"-q"_s, u"1"_s, u"--repeat"_s,
                            u"3"_s, u"--repeat-delay"_s, u"0.5"_s}
                + arguments);
    QTEST(o.source, "source");
    QTEST(o.message, "message");
    QVERIFY(o.retain);
    QCOMPARE(o.qos, 1);
    QCOMPARE(o.repeatCount, 3);
    QCOMPARE(o.repeatDelaySeconds, 0.5);
}

void tst_CliArgs::pubEncode()
{
    const QStringList pub{u"pub"_s, u"-t"_s, u"t"_s, u"-m"_s, u"{}"_s};
    const SubcommandOptions protobuf = parseOk(
        pub
        + QStringList{u"--encode"_s, u"protobuf:fleet.v1.Position"_s, u"--proto"_s, u"a.proto"_s,
                      u"--proto"_s, u"b.proto"_s, u"--proto-path"_s, u"inc"_s});
    QCOMPARE(protobuf.encodeAs, PayloadEncoding::Protobuf);
    QCOMPARE(protobuf.encodeMessageType, u"fleet.v1.Position"_s);
    QCOMPARE(protobuf.protoFiles, QStringList({u"a.proto"_s, u"b.proto"_s}));
    QCOMPARE(protobuf.protoImportPaths, QStringList{u"inc"_s});
    QCOMPARE(parseOk(pub + QStringList{u"--encode"_s, u"MsgPack"_s}).encodeAs,
             PayloadEncoding::MessagePack);
    QCOMPARE(parseOk(pub).encodeAs, PayloadEncoding::Auto); // as typed

    const auto refused = [](const QStringList &arguments) {
        QString error;
        return ArgumentParser::parse(arguments, &error) ? QString() : error;
    };
    QVERIFY(refused(pub + QStringList{u"--encode"_s, u"protobuf"_s}).contains(u"protobuf:"_s));
    QVERIFY(refused(pub + QStringList{u"--encode"_s, u"json"_s}).contains(u"msgpack"_s));
    QVERIFY(refused(pub + QStringList{u"--encode"_s, u"yaml"_s}).contains(u"yaml"_s));
    QVERIFY(refused({u"pub"_s, u"-t"_s, u"t"_s, u"-n"_s, u"--encode"_s, u"msgpack"_s})
                .contains(u"-n"_s));
}

void tst_CliArgs::will()
{
    const SubcommandOptions o = parseOk(
        {u"sub"_s, u"-t"_s, u"a"_s, u"--will-topic"_s, u"w"_s, u"--will-payload"_s, u"gone"_s,
         u"--will-qos"_s, u"2"_s, u"--will-retain"_s, u"-u"_s, u"user"_s, u"-P"_s, u"pass"_s});
    QVERIFY(o.client.will);
    QCOMPARE(o.client.will->topic, "w");
    QCOMPARE(o.client.will->payload, "gone");
    QCOMPARE(o.client.will->qos, 2);
    QVERIFY(o.client.will->retain);
    QCOMPARE(o.client.username, u"user"_s);
    QCOMPARE(o.client.password, "pass");
}

void tst_CliArgs::importOptions()
{
    const SubcommandOptions plain =
        parseOk({u"import"_s, u"sensors.txt"_s, u"-o"_s, u"s.mqttrec"_s});
    QCOMPARE(plain.subcommand, Subcommand::Import);
    QCOMPARE(plain.importFile, u"sensors.txt"_s);
    QCOMPARE(plain.importOutput, u"s.mqttrec"_s);
    QCOMPARE(plain.importFormat, MessageImport::Format::Auto);
    const SubcommandOptions stdinJson =
        parseOk({u"import"_s, u"--output"_s, u"s.mqttrec"_s, u"--format"_s, u"json"_s, u"-"_s});
    QCOMPARE(stdinJson.importFile, u"-"_s);
    QCOMPARE(stdinJson.importFormat, MessageImport::Format::JsonLines);
    QCOMPARE(
        parseOk({u"import"_s, u"f"_s, u"-o"_s, u"r"_s, u"--format"_s, u"mosquitto"_s}).importFormat,
        MessageImport::Format::MosquittoVerbose);
    QCOMPARE(parseOk({u"import"_s, u"--help"_s}).subcommand, Subcommand::Help);
}

void tst_CliArgs::replayOptions()
{
    const SubcommandOptions plain = parseOk({u"replay"_s, u"capture.mqttrec"_s});
    QCOMPARE(plain.subcommand, Subcommand::Replay);
    QCOMPARE(plain.replayFile, u"capture.mqttrec"_s);
    QCOMPARE(plain.replay.pace, ReplayOptions::Pace::Recorded);
    QCOMPARE(plain.replay.speed, 1.0);
    // Without -q, -r, --no-retain or -D PUBLISH: everything as recorded.
    QVERIFY(!plain.replay.qos && !plain.replay.retain && !plain.replay.properties);
    QVERIFY(plain.replay.replayReceived && !plain.replay.replayPublished);

    const SubcommandOptions o =
        parseOk({u"replay"_s, u"-h"_s, u"broker"_s, u"--speed"_s, u"0.5"_s, u"-q"_s, u"2"_s,
                 u"--rewrite"_s, u"prod/=test/"_s, u"--published"_s, u"--no-retain"_s, u"-D"_s,
                 u"PUBLISH"_s, u"user-property"_s, u"replayed"_s, u"yes"_s, u"capture.mqttrec"_s});
    QCOMPARE(o.client.endpoint.host, u"broker"_s);
    QCOMPARE(o.replay.speed, 0.5);
    QCOMPARE(o.replay.qos, quint8(2));
    QCOMPARE(o.replay.retain, false);
    QCOMPARE(o.replay.rewriteFrom, "prod/");
    QCOMPARE(o.replay.rewriteTo, "test/");
    QVERIFY(o.replay.replayPublished);
    QVERIFY(o.replay.properties);
    QCOMPARE(o.replay.properties->userProperties, (QList<UserProperty>{{u"replayed"_s, u"yes"_s}}));
    QCOMPARE(o.client.version, VersionChoice::V5); // -D makes a 5.0 client, as for pub

    const SubcommandOptions fast =
        parseOk({u"replay"_s, u"--as-fast"_s, u"-r"_s, u"--rewrite"_s, u"=r/"_s, u"f"_s});
    QCOMPARE(fast.replay.pace, ReplayOptions::Pace::AsFast);
    QCOMPARE(fast.replay.retain, true);
    QCOMPARE(fast.replay.rewriteFrom, "");
    QCOMPARE(fast.replay.rewriteTo, "r/");
}

void tst_CliArgs::everyOptionParses()
{
    for (const OptionSpec &option : ArgumentParser::options()) {
        const QStringList values = sampleValues(option.metavar);
        QVERIFY2(!option.takesValue() || !values.isEmpty(),
                 qPrintable(u"no sample value for the metavar %1"_s.arg(option.metavar)));
        for (Subcommand subcommand : subcommands) {
            if (!option.appliesTo(subcommand))
                continue;
            for (const QString &name : names(option)) {
                const QStringList given{commandName(subcommand), name};
                QString error;
                // With its value: no complaint about the option itself (others may come from
                // the checks at the end, e.g. a missing topic).
                ArgumentParser::parse(given + values, &error);
                QVERIFY2(!error.contains("Unknown option"_L1) && !error.contains("no value"_L1),
                         qPrintable(name + u": "_s + error));
                // Without: a value-taking option misses it, a flag leaves the next one alone.
                error.clear();
                const std::optional<SubcommandOptions> parsed =
                    ArgumentParser::parse(given + QStringList{u"--bogus"_s}, &error);
                if (option.takesValue()) {
                    QVERIFY2(!ArgumentParser::parse(given, &error), qPrintable(name));
                    QCOMPARE(error, u"%1 argument given but no value specified."_s.arg(name));
                } else if (!parsed) {
                    QCOMPARE(error, u"Unknown option '--bogus'."_s);
                } else {
                    QVERIFY2(parsed->subcommand == Subcommand::Help
                                 || parsed->subcommand == Subcommand::Version,
                             qPrintable(name));
                }
            }
        }
    }
}

void tst_CliArgs::optionNamesAreUnique()
{
    for (Subcommand subcommand : subcommands) {
        QSet<QString> seen;
        for (const OptionSpec &option : ArgumentParser::options()) {
            if (!option.appliesTo(subcommand))
                continue;
            QVERIFY(!names(option).isEmpty());
            for (const QString &name : names(option)) {
                QVERIFY2(!seen.contains(name), qPrintable(name));
                seen.insert(name);
            }
        }
    }
}

void tst_CliArgs::unknownOptionsAreRejected()
{
    for (const OptionSpec &option : ArgumentParser::options()) {
        for (Subcommand subcommand : subcommands) {
            for (const QString &name : names(option)) {
                QStringList wrong{name + u'x', u'-' + name};
                if (!option.appliesTo(subcommand) && !ArgumentParser::findOption(name, subcommand))
                    wrong.append(name); // e.g. -m in sub
                for (const QString &argument : std::as_const(wrong)) {
                    QString error;
                    QVERIFY(!ArgumentParser::parse({commandName(subcommand), argument}, &error));
                    QCOMPARE(error, u"Unknown option '%1'."_s.arg(argument));
                }
            }
        }
    }
}

// The help text keeps its hand-made layout (and its translations); the table decides what it
// must say: every option with the name and metavar of the table, and no other option.
void tst_CliArgs::helpDocumentsEveryOption()
{
    const QString overview = HelpText::overview();
    QSet<QString> everyName;
    for (Subcommand subcommand : subcommands) {
        const QString usage = HelpText::usage(subcommand);
        const QString help = overview + usage;
        const QSet<QString> tokens = optionTokens(help);
        for (const OptionSpec &option : ArgumentParser::options()) {
            if (!option.appliesTo(subcommand))
                continue;
            const QString name = option.longName.isEmpty() ? option.shortName : option.longName;
            if (!option.documented) {
                QVERIFY2(!tokens.contains(name), qPrintable(name));
                continue;
            }
            QVERIFY2(tokens.contains(name), qPrintable(name));
            if (option.takesValue()) {
                QVERIFY2(help.contains(name + u' ' + option.metavar),
                         qPrintable(name + u' ' + option.metavar));
            }
            if (!option.shortName.isEmpty() && !option.longName.isEmpty()) {
                QVERIFY2(help.contains(option.shortName + u", "_s + option.longName),
                         qPrintable(option.shortName));
            }
        }
        const QSet<QString> tableNames = namesIn(subcommand);
        for (const QString &token : optionTokens(usage))
            QVERIFY2(tableNames.contains(token),
                     qPrintable(commandName(subcommand) + u' ' + token));
        everyName += tableNames;
    }
    for (const QString &token : optionTokens(overview))
        QVERIFY2(everyName.contains(token), qPrintable(token));
}

void tst_CliArgs::completionListsEveryOption()
{
    const QString completion = sourceFile(u"packaging/completion/mqttscope-cli"_s);
    QVERIFY(!completion.isEmpty());
    const QSet<QString> common = completionWords(completion, u"common"_s);
    const QSet<QString> only[] = {completionWords(completion, u"sub_only"_s),
                                  completionWords(completion, u"pub_only"_s),
                                  completionWords(completion, u"replay_only"_s),
                                  completionWords(completion, u"import_only"_s)};
    QVERIFY(!common.isEmpty() && !only[0].isEmpty() && !only[1].isEmpty() && !only[2].isEmpty()
            && !only[3].isEmpty());
    for (int i = 0; i < 4; ++i) {
        const Subcommand subcommand = subcommands[i];
        for (const OptionSpec &option : ArgumentParser::options()) {
            if (!option.appliesTo(subcommand) || !option.documented)
                continue;
            const QSet<QString> &list = option.scope == OptionScope::All ? common : only[i];
            QVERIFY2(list.contains(option.name()), qPrintable(option.name()));
        }
        const QSet<QString> tableNames = namesIn(subcommand);
        // import takes no connection: the common words are not offered for it.
        const QSet<QString> offered = subcommand == Subcommand::Import ? only[i] : common + only[i];
        for (const QString &word : offered)
            QVERIFY2(tableNames.contains(word), qPrintable(commandName(subcommand) + u' ' + word));
    }
    // The options after which the completion offers no option names take a value: each arm
    // of `case $prev in` up to its ')'.
    const qsizetype cases = completion.indexOf("case $prev in"_L1);
    QVERIFY(cases >= 0);
    const QString prevCases = completion.mid(cases, completion.indexOf("esac"_L1, cases) - cases);
    QSet<const OptionSpec *> valueTaken;
    for (const QString &arm : prevCases.split(";;"_L1)) {
        for (const QString &token : optionTokens(arm.left(arm.indexOf(u')')))) {
            const OptionSpec *forSub = ArgumentParser::findOption(token, Subcommand::Sub);
            const OptionSpec *forPub = ArgumentParser::findOption(token, Subcommand::Pub);
            const OptionSpec *forReplay = ArgumentParser::findOption(token, Subcommand::Replay);
            const OptionSpec *forImport = ArgumentParser::findOption(token, Subcommand::Import);
            QVERIFY2(forSub || forPub || forReplay || forImport, qPrintable(token));
            for (const OptionSpec *option : {forSub, forPub, forReplay, forImport}) {
                if (option) {
                    QVERIFY2(option->takesValue(), qPrintable(token));
                    valueTaken.insert(option); // -t is a row for each subcommand
                }
            }
        }
    }
    // And the other way: after every option that takes a value, no option names are offered.
    for (const OptionSpec &option : ArgumentParser::options()) {
        if (option.documented && option.takesValue())
            QVERIFY2(valueTaken.contains(&option), qPrintable(option.name()));
    }
}

void tst_CliArgs::manPageListsEveryOption()
{
    QString manPage = sourceFile(u"packaging/man/mqttscope-cli.1.in"_s);
    QVERIFY(!manPage.isEmpty());
    manPage.replace(QRegularExpression(u"\\\\f[BIRP]"_s), u" "_s).replace(u"\\-"_s, u"-"_s);
    const QSet<QString> tokens = optionTokens(manPage);
    QSet<QString> everyName;
    for (const OptionSpec &option : ArgumentParser::options()) {
        for (const QString &name : names(option))
            everyName.insert(name);
        if (option.documented)
            QVERIFY2(tokens.contains(option.name()), qPrintable(option.name()));
    }
    for (const QString &token : tokens)
        QVERIFY2(everyName.contains(token), qPrintable(token));
}

void tst_CliArgs::plainAndVerbose_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<bool>("newline");
    QTest::addColumn<QByteArray>("payloadOnly");
    QTest::addColumn<QByteArray>("verbose");
    // What mosquitto_sub 2.0.11 prints, checked by hand against it.
    QTest::newRow("text") << message("a/b", "hello") << true << "hello\n"_ba
                          << "a/b hello\n"_ba;
    QTest::newRow("empty payload") << message("a/b", "") << true << ""_ba
                                   << "a/b (null)\n"_ba;
    QTest::newRow("empty payload -N") << message("a/b", "") << false << ""_ba
                                      << ""_ba;
    QTest::newRow("binary") << message("b", "x\x00\xff\n"_ba) << true << "x\x00\xff\n\n"_ba
                            << "b x\x00\xff\n\n"_ba;
    QTest::newRow("-N") << message("t", "p") << false << "p"_ba
                        << "t p"_ba;
    QTest::newRow("utf-8 topic") << message("caf\xc3\xa9/\xe2\x82\xac", "1") << true << "1\n"_ba
                                 << "caf\xc3\xa9/\xe2\x82\xac 1\n"_ba;
}

void tst_CliArgs::plainAndVerbose()
{
    QFETCH(Message, message);
    QFETCH(bool, newline);
    QTEST(format(OutputMode::Payload, message, {}, newline), "payloadOnly");
    QTEST(format(OutputMode::Verbose, message, {}, newline), "verbose");
}

void tst_CliArgs::formatString_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<Message>("message");
    QTest::addColumn<QByteArray>("expected");

    Properties props;
    props.contentType = u"ct"_s;
    props.correlationData = "cd";
    props.messageExpiryInterval = 100;
    props.payloadFormatIndicator = 1;
    props.responseTopic = u"rt"_s;
    props.subscriptionIdentifiers = {7};
    props.userProperties = {{u"k"_s, u"v"_s}, {u"k2"_s, u"v2"_s}};
    const Message m = message("j/1", "a\"b\\c", 1, true, props);
    const Message plain = message("t", "xyz");
    // Expected bytes as mosquitto_sub 2.0.11 prints them for the same message (TZ=UTC).
    QTest::newRow("topic qos retain") << "%t|%q|%r|%l|%m"_ba << m << "j/1|1|1|5|0\n"_ba;
    Message withId = m;
    withId.packetId = 513; // the id it came with at QoS 1
    QTest::newRow("packet id") << "%m|%-5m|"_ba << withId << "513|513  |\n"_ba;
    QTest::newRow("payload, hex") << "%p|%x|%X"_ba << message("h", "\x01\xab")
                                  << "\x01\xab|01ab|01AB\n"_ba;
    QTest::newRow("widths") << "[%5t|%-5t|%.1t|%05l|%-5l|%10p|%-3p]"_ba << message("j/1", "a\"b\\c")
                            << "[  j/1|j/1  |j|00005|5    |     a\"b\\c|a\"b]\n"_ba;
    QTest::newRow("v5 properties")
        << "%C|%D|%E|%F|%R|%S|%P"_ba << m << "ct|cd|100|1|rt|7|k:v k2:v2\n"_ba;
    QTest::newRow("absent properties") << "[%C|%E|%R|%3S]"_ba << plain << "[|||   ]\n"_ba;
    QTest::newRow("escapes") << "%t\\t%p\\n\\\\\\0!"_ba << plain << "t\txyz\n\\\0!\n"_ba;
    QTest::newRow("percent and at") << "100%% @@ %"_ba << plain << "100% @ %\n"_ba;
    QTest::newRow("trailing at") << "%t@"_ba << plain << "t\n"_ba;
    QTest::newRow("trailing backslash") << "%t\\"_ba << plain << "t\n"_ba;
    QTest::newRow("unknown escape and conversion") << "[\\q%k]"_ba << plain << "[]\n"_ba;
    QTest::newRow("all escapes") << "\\a\\e\\r\\v"_ba << plain << "\a\033\r\v\n"_ba;
    QTest::newRow("iso time") << "%I"_ba << plain << "2024-05-01T12:00:00+0000\n"_ba;
    QTest::newRow("unix time") << "%U"_ba << plain << "1714564800.123000000\n"_ba;
    QTest::newRow("strftime") << "@Y-@m-@d @H:@M:@S.@N"_ba << plain
                              << "2024-05-01 12:00:00.123000000\n"_ba;
}

void tst_CliArgs::formatString()
{
    QFETCH(QByteArray, format);
    QFETCH(Message, message);
    QTEST(::format(OutputMode::Format, message, format), "expected");
}

void tst_CliArgs::json_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<QString>("payload"); // expected "payload", when UTF-8
    QTest::addColumn<QByteArray>("base64Bytes"); // expected decoded "payload_base64" otherwise

    QTest::newRow("text") << message("a/b", "hello \"world\"\n") << u"hello \"world\"\n"_s
                          << QByteArray();
    QTest::newRow("utf-8") << message("t", "gr\xc3\xbc\xc3\x9f \xe2\x82\xac")
                           << u"gr\u00fc\u00df \u20ac"_s << QByteArray();
    QTest::newRow("empty") << message("t", "") << QString() << QByteArray();
    QTest::newRow("binary") << message("t", "\x00\x01\xff\xfe"_ba) << QString()
                            << "\x00\x01\xff\xfe"_ba;
    QTest::newRow("overlong utf-8 is binary")
        << message("t", "\xc0\xaf"_ba) << QString() << "\xc0\xaf"_ba;
}

void tst_CliArgs::json()
{
    QFETCH(Message, message);
    QFETCH(QString, payload);
    QFETCH(QByteArray, base64Bytes);
    message.qos = 2;
    message.dup = true;
    message.properties.edit().userProperties = {{u"k"_s, u"1"_s}, {u"k"_s, u"2"_s}};
    message.properties.edit().correlationData = "\xff"_ba;
    message.properties.edit().contentType = u"text/plain"_s;
    message.properties.edit().subscriptionIdentifiers = {3, 4};

    const QByteArray line = format(OutputMode::Json, message);
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1); // one object per line, newlines in strings escaped
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(line, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(object.value("time"_L1).toString(), u"2024-05-01T12:00:00.123Z"_s);
    QCOMPARE(object.value("topic"_L1).toString(), QString::fromUtf8(message.topic));
    QCOMPARE(object.value("qos"_L1).toInt(), 2);
    QCOMPARE(object.value("retain"_L1).toBool(true), false);
    QCOMPARE(object.value("dup"_L1).toBool(), true);
    const QJsonObject properties = object.value("properties"_L1).toObject();
    QCOMPARE(properties.value("content-type"_L1).toString(), u"text/plain"_s);
    QCOMPARE(properties.value("correlation-data-base64"_L1).toString(), u"/w=="_s);
    QCOMPARE(properties.value("subscription-identifier"_L1).toArray(), (QJsonArray{3, 4}));
    QCOMPARE(properties.value("user-property"_L1).toArray(),
             (QJsonArray{QJsonArray{u"k"_s, u"1"_s}, QJsonArray{u"k"_s, u"2"_s}}));
    if (base64Bytes.isNull()) {
        QVERIFY(!object.contains("payload_base64"_L1));
        QCOMPARE(object.value("payload"_L1).toString(), payload);
    } else {
        QVERIFY(!object.contains("payload"_L1));
        QCOMPARE(QByteArray::fromBase64(object.value("payload_base64"_L1).toString().toLatin1()),
                 base64Bytes);
    }
}

void tst_CliArgs::mosquittoJson()
{
    // %j as mosquitto_sub 2.0.11 prints it (TZ=UTC), and %J with a JSON / non-JSON payload.
    Properties props;
    props.contentType = u"ct"_s;
    props.userProperties = {{u"k"_s, u"v"_s}};
    QCOMPARE(
        format(OutputMode::Format, message("j/1", "a\"b\\c", 0, false, props), "%j"),
        "{\"tst\":\"2024-05-01T12:00:00.123000Z+0000\",\"topic\":\"j/1\",\"qos\":0,\"retain\":0,"
        "\"payloadlen\":5,\"properties\":{\"user-properties\":{\"k\":\"v\"},\"content-type\":"
        "\"ct\"},"
        "\"payload\":\"a\\\"b\\\\c\"}\n"_ba);
    QCOMPARE(
        format(OutputMode::Format, message("j/3", "{\"a\":1}", 0, true), "%J"),
        "{\"tst\":\"2024-05-01T12:00:00.123000Z+0000\",\"topic\":\"j/3\",\"qos\":0,\"retain\":1,"
        "\"payloadlen\":7,\"payload\":{\"a\":1}}\n"_ba);
    QByteArray out;
    QByteArray errors;
    MessageFormatter(OutputMode::Format, "%J", true).append(message("j/2", "nope"), out, &errors);
    QCOMPARE(out, "\n"_ba);
    QCOMPARE(errors, "Error: Message payload is not valid JSON on topic j/2.\n"_ba);
}

// -F %d: the decoded JSON on a topic with a schema encoding (Sparkplug B on spBv1.0/ without a
// rule), the payload as it is on others, and a line for stderr when decoding fails.
void tst_CliArgs::decodedField()
{
    MessageFormatter formatter(OutputMode::Format, "%t=%d|%-12.6d|", true);
    formatter.setDecoder(std::make_shared<PayloadDecoder>(
        QList<FormatRule>{{u"m/#"_s, PayloadEncoding::MessagePack, {}}}, nullptr));
    QByteArray out;
    QByteArray errors;
    formatter.append(message("m/1", "\x82\xa1\x61\x01\xa1\x62\xc3"_ba), out,
                     &errors); // {a:1,b:true}
    formatter.append(message("plain", "text"), out, &errors);
    formatter.append(message("m/2", "\xc1"_ba), out, &errors); // 0xc1: never used
    QCOMPARE(out,
             "m/1={\"a\":1,\"b\":true}|{\"a\":1      |\n"
             "plain=text|text        |\n"
             "m/2=||\n"_ba);
    QVERIFY2(errors.startsWith("Error: Message payload could not be decoded on topic m/2: "),
             errors.constData());
    QCOMPARE(errors.count('\n'), 2); // one line per %d
    // Without a decoder (no --decode, no Sparkplug topic): the payload.
    QCOMPARE(::format(OutputMode::Format, message("t", "x"), "%d"), "x\n"_ba);
}

QTEST_GUILESS_MAIN(tst_CliArgs)
#include "tst_cliargs.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The options of `mqttscope-cli sub|pub|replay|import`, one row each: names, subcommands, value,
// and what the option sets. mosquitto_sub/_pub's names, ranges and error words; helptext.cpp
// documents the rows (tests/auto/cliargs checks that it does, and the completion and the man page
// too).
#include "argumentparser.h"

#include "decode/payloadencoder.h"

#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::cli {
namespace {

constexpr auto All = OptionScope::All;
constexpr auto Sub = OptionScope::Sub;
constexpr auto Pub = OptionScope::Pub;
constexpr auto Replay = OptionScope::Replay;
constexpr auto Import = OptionScope::Import;
constexpr qint64 intMax = std::numeric_limits<int>::max();

// "500M", "2G", "64k", "1048576": bytes, with a binary unit (K, M, G, T) or none.
std::optional<qint64> parseByteSize(const QString &text)
{
    static constexpr std::pair<char, int> units[] = {{'K', 10}, {'M', 20}, {'G', 30}, {'T', 40}};
    QString digits = text.trimmed().toUpper();
    if (digits.endsWith(u'B'))
        digits.chop(1);
    int shift = 0;
    for (const auto &[unit, bits] : units) {
        if (digits.endsWith(QLatin1Char(unit))) {
            digits.chop(1);
            shift = bits;
        }
    }
    bool ok = false;
    const qint64 number = digits.toLongLong(&ok);
    if (!ok || number < 0 || number > (std::numeric_limits<qint64>::max() >> shift))
        return std::nullopt;
    return number << shift;
}

} // namespace

// The handlers are lambdas in a static member's initializer, so they may set the parser's
// private state.
const OptionSpec ArgumentParser::s_options[] = {
    // Connection
    {"-h"_L1, "--host"_L1, All, "HOST"_L1,
     [](ArgumentParser &p, const QString &host) { p.client().endpoint.host = host; }},
    {"-p"_L1, "--port"_L1, All, "PORT"_L1,
     [](ArgumentParser &p, const QString &port) {
         p.m_portGiven = true;
         p.setNumber(port, 1, 65535, tr("Invalid port given: %1"),
                     p.client().endpoint.port);
     }},
    {"-L"_L1, "--url"_L1, All, "URL"_L1,
     [](ArgumentParser &p, const QString &url) { p.applyUrl(url); }},
    {{}, "--proxy"_L1, All, "PROXY_URL"_L1,
     [](ArgumentParser &p, const QString &url) { p.setProxy(url); }},
    {"-V"_L1, "--protocol-version"_L1, All, "auto|mqttv5|mqttv311|mqttv31"_L1,
     [](ArgumentParser &p, const QString &version) { p.setVersion(version); }},
    {"-i"_L1, "--id"_L1, All, "ID"_L1,
     [](ArgumentParser &p, const QString &id) {
         p.client().clientId = id;
         p.m_idGiven = true;
     }},
    {"-I"_L1, "--id-prefix"_L1, All, "P"_L1,
     [](ArgumentParser &p, const QString &prefix) { p.m_idPrefix = prefix; }},
    {"-u"_L1, "--username"_L1, All, "USER"_L1,
     [](ArgumentParser &p, const QString &username) { p.client().username = username; }},
    {"-P"_L1, "--pw"_L1, All, "PASSWORD"_L1,
     [](ArgumentParser &p, const QString &password) { p.client().password = password.toUtf8(); }},
    {"-k"_L1, "--keepalive"_L1, All, "SEC"_L1,
     [](ArgumentParser &p, const QString &seconds) {
         p.setNumber(
             seconds, 5, 65535,
             tr("Invalid keepalive given, it must be between 5 and 65535 inclusive."),
             p.client().keepAliveSeconds);
     }},
    {"-c"_L1, "--disable-clean-session"_L1, All, {},
     [](ArgumentParser &p, const QString &) { p.client().cleanStart = false; }},
    {"-x"_L1, {}, All, "SECONDS"_L1,
     [](ArgumentParser &p, const QString &seconds) { p.setSessionExpiry(seconds); }},
    {"-q"_L1, "--qos"_L1, All, "0|1|2"_L1,
     [](ArgumentParser &p, const QString &qos) {
         p.setNumber(qos, 0, 2, tr("Invalid QoS given: %1"), p.m_options.qos);
         p.m_qosGiven = true;
     }},
    {"-D"_L1, "--property"_L1, All, "COMMAND IDENTIFIER VALUE"_L1,
     [](ArgumentParser &p, const QString &command) { p.applyProperty(command); }},
    {{}, "--will-topic"_L1, All, "T"_L1,
     [](ArgumentParser &p, const QString &topic) { p.m_willTopic = topic; }},
    {{}, "--will-payload"_L1, All, "P"_L1,
     [](ArgumentParser &p, const QString &payload) { p.m_willPayload = payload.toUtf8(); }},
    {{}, "--will-qos"_L1, All, "Q"_L1,
     [](ArgumentParser &p, const QString &qos) {
         p.setNumber(qos, 0, 2, tr("Invalid will QoS %1."), p.m_willQos);
     }},
    {{}, "--will-retain"_L1, All, {},
     [](ArgumentParser &p, const QString &) { p.m_willRetain = true; }},
    {"-d"_L1, "--debug"_L1, All, {},
     [](ArgumentParser &p, const QString &) { p.m_options.debug = true; }},
    // Accepted for mosquitto compatibility: we always disable Nagle, and print errors anyway.
    {{}, "--nodelay"_L1, All, {}, [](ArgumentParser &, const QString &) {}, false},
    {{}, "--quiet"_L1, All, {}, [](ArgumentParser &, const QString &) {}, false},

    // TLS
    {{}, "--cafile"_L1, All, "FILE"_L1,
     [](ArgumentParser &p, const QString &file) { p.setTlsFile(&TlsOptions::caFile, file); }},
    {{}, "--capath"_L1, All, "DIR"_L1,
     [](ArgumentParser &p, const QString &dir) { p.setTlsFile(&TlsOptions::caPath, dir); }},
    {{}, "--tls-use-os-certs"_L1, All, {},
     [](ArgumentParser &p, const QString &) {
         p.m_tlsRequested = true; // an empty caFile means the OS trust store
     }},
    {{}, "--cert"_L1, All, "FILE"_L1,
     [](ArgumentParser &p, const QString &file) { p.setTlsFile(&TlsOptions::certFile, file); }},
    {{}, "--key"_L1, All, "FILE"_L1,
     [](ArgumentParser &p, const QString &file) { p.tls().keyFile = file; }},
    {{}, "--key-passphrase"_L1, All, "PASS"_L1,
     [](ArgumentParser &p, const QString &passphrase) {
         p.tls().keyPassphrase = passphrase.toUtf8();
         p.tls().pkcs12Passphrase = p.tls().keyPassphrase;
     }},
    {{}, "--pkcs12"_L1, All, "FILE"_L1,
     [](ArgumentParser &p, const QString &file) { p.setTlsFile(&TlsOptions::pkcs12File, file); }},
    {{}, "--insecure"_L1, All, {},
     [](ArgumentParser &p, const QString &) {
         // As mosquitto: the chain is still verified, only the host name is not checked.
         p.tls().skipHostNameCheck = true;
     }},
    {{}, "--tls-alpn"_L1, All, "PROTOCOL"_L1,
     [](ArgumentParser &p, const QString &protocol) { p.tls().alpn.append(protocol.toUtf8()); }},

    // Delivery
    {{}, "--max-inflight"_L1, All, "N"_L1,
     [](ArgumentParser &p, const QString &count) {
         p.setNumber(
             count, 0, 65535,
             tr("Invalid --max-inflight given, it must be between 0 and 65535 inclusive."),
             p.client().maximumInflight);
     }},

    // Both end the parsing (see run()).
    {{}, "--help"_L1, All, {},
     [](ArgumentParser &p, const QString &) { p.m_options.subcommand = Subcommand::Help; }},
    {{}, "--version"_L1, All, {},
     [](ArgumentParser &p, const QString &) { p.m_options.subcommand = Subcommand::Version; }},

    // sub
    {"-t"_L1, "--topic"_L1, Sub, "FILTER"_L1,
     [](ArgumentParser &p, const QString &filter) { p.m_options.topics.append(filter); }},
    {"-T"_L1, "--filter-out"_L1, Sub, "F"_L1,
     [](ArgumentParser &p, const QString &filter) { p.m_options.filterOut.append(filter); }},
    {"-U"_L1, "--unsubscribe"_L1, Sub, "F"_L1,
     [](ArgumentParser &p, const QString &filter) {
         p.m_options.unsubscribeTopics.append(filter);
     }},
    {"-C"_L1, {}, Sub, "COUNT"_L1,
     [](ArgumentParser &p, const QString &count) {
         p.setNumber(count, 1, intMax, tr("Invalid message count \"%1\"."),
                     p.m_options.messageCount);
     }},
    {"-W"_L1, {}, Sub, "SECONDS"_L1,
     [](ArgumentParser &p, const QString &seconds) {
         p.setNumber(seconds, 1, intMax / 1000, tr("Invalid timeout \"%1\"."),
                     p.m_options.timeoutSeconds);
     }},
    {"-E"_L1, {}, Sub, {},
     [](ArgumentParser &p, const QString &) { p.m_options.exitAfterSubscribe = true; }},
    {"-R"_L1, {}, Sub, {},
     [](ArgumentParser &p, const QString &) { p.m_options.skipRetained = true; }},
    {{}, "--retained-only"_L1, Sub, {},
     [](ArgumentParser &p, const QString &) { p.m_options.retainedOnly = true; }},
    {{}, "--remove-retained"_L1, Sub, {},
     [](ArgumentParser &p, const QString &) { p.m_options.removeRetained = true; }},
    {{}, "--retain-as-published"_L1, Sub, {},
     [](ArgumentParser &p, const QString &) { p.m_options.retainAsPublished = true; }},
    {"-v"_L1, "--verbose"_L1, Sub, {},
     [](ArgumentParser &p, const QString &) { p.setOutput(OutputMode::Verbose); }},
    {"-F"_L1, {}, Sub, "FORMAT"_L1,
     [](ArgumentParser &p, const QString &format) {
         p.m_options.format = format.toUtf8();
         p.setOutput(OutputMode::Format);
     }},
    {"-N"_L1, {}, Sub, {},
     [](ArgumentParser &p, const QString &) { p.m_options.appendNewline = false; }},
    {{}, "--json"_L1, Sub, {},
     [](ArgumentParser &p, const QString &) { p.setOutput(OutputMode::Json); }},
    {{}, "--decode"_L1, Sub, "FILTER=FORMAT[:TYPE]"_L1,
     [](ArgumentParser &p, const QString &argument) {
         QString error;
         if (std::optional<FormatRule> rule = FormatRule::fromArgument(argument, &error))
             p.m_options.formatRules.append(std::move(*rule));
         else
             p.fail(tr("Invalid --decode: %1").arg(error));
     }},
    {{}, "--proto"_L1, Sub, "FILE"_L1,
     [](ArgumentParser &p, const QString &file) { p.m_options.protoFiles.append(file); }},
    {{}, "--proto-path"_L1, Sub, "DIR"_L1,
     [](ArgumentParser &p, const QString &dir) { p.m_options.protoImportPaths.append(dir); }},
    {{}, "--record"_L1, Sub, "FILE"_L1,
     [](ArgumentParser &p, const QString &file) { p.m_options.recordFile = file; }},
    {{}, "--record-budget"_L1, Sub, "SIZE"_L1,
     [](ArgumentParser &p, const QString &size) {
         if (const std::optional<qint64> bytes = parseByteSize(size))
             p.m_options.recording.byteBudget = *bytes;
         else
             p.fail(tr("Invalid size \"%1\": give bytes, or a number and K, M, G or T (500M, 2G).")
                        .arg(size));
     }},
    {{}, "--record-when-full"_L1, Sub, "stop|drop-oldest"_L1,
     [](ArgumentParser &p, const QString &choice) {
         if (choice == "stop"_L1)
             p.m_options.recording.whenFull = RecordingOptions::WhenFull::Stop;
         else if (choice == "drop-oldest"_L1)
             p.m_options.recording.whenFull = RecordingOptions::WhenFull::DropOldest;
         else
             p.fail(tr("Invalid --record-when-full \"%1\": stop or drop-oldest.").arg(choice));
     }},

    // pub
    {"-t"_L1, "--topic"_L1, Pub, "TOPIC"_L1,
     [](ArgumentParser &p, const QString &topic) { p.m_options.topics.append(topic); }},
    {"-m"_L1, "--message"_L1, Pub, "TEXT"_L1,
     [](ArgumentParser &p, const QString &message) {
         p.m_options.message = message.toUtf8();
         p.setSource(MessageSource::Argument);
     }},
    {"-f"_L1, "--file"_L1, Pub, "FILE"_L1,
     [](ArgumentParser &p, const QString &file) {
         p.m_options.file = file;
         p.setSource(MessageSource::File);
     }},
    {"-n"_L1, "--null-message"_L1, Pub, {},
     [](ArgumentParser &p, const QString &) { p.setSource(MessageSource::Null); }},
    {"-l"_L1, "--stdin-line"_L1, Pub, {},
     [](ArgumentParser &p, const QString &) { p.setSource(MessageSource::StdinLines); }},
    {"-s"_L1, "--stdin-file"_L1, Pub, {},
     [](ArgumentParser &p, const QString &) { p.setSource(MessageSource::StdinWhole); }},
    {"-r"_L1, "--retain"_L1, Pub, {},
     [](ArgumentParser &p, const QString &) { p.m_options.retain = true; }},
    {{}, "--repeat"_L1, Pub, "N"_L1,
     [](ArgumentParser &p, const QString &count) {
         p.setNumber(count, 1, intMax, tr("--repeat argument must be >0."),
                     p.m_options.repeatCount);
     }},
    {{}, "--repeat-delay"_L1, Pub, "SECONDS"_L1,
     [](ArgumentParser &p, const QString &seconds) {
         bool ok = false;
         p.m_options.repeatDelaySeconds = seconds.toDouble(&ok);
         if (!ok || p.m_options.repeatDelaySeconds < 0)
             p.fail(tr("--repeat-delay argument must be >=0.0."));
     }},

    {{}, "--encode"_L1, Pub, "FORMAT[:TYPE]"_L1,
     [](ArgumentParser &p, const QString &argument) {
         QString error;
         const std::optional<FormatRule> format = FormatRule::formatFromArgument(argument, &error);
         if (!format) {
             p.fail(tr("Invalid --encode: %1").arg(error));
         } else if (!PayloadEncoder::encodes(format->encoding)
                    || (format->encoding == PayloadEncoding::Protobuf
                        && format->messageType.isEmpty())) {
             p.fail(tr("Invalid --encode \"%1\": protobuf:package.Message or msgpack.")
                        .arg(argument));
         } else {
             p.m_options.encodeAs = format->encoding;
             p.m_options.encodeMessageType = format->messageType;
         }
     }},
    {{}, "--proto"_L1, Pub, "FILE"_L1,
     [](ArgumentParser &p, const QString &file) { p.m_options.protoFiles.append(file); }},
    {{}, "--proto-path"_L1, Pub, "DIR"_L1,
     [](ArgumentParser &p, const QString &dir) { p.m_options.protoImportPaths.append(dir); }},

    // replay (FILE, the recording, is the one argument that is not an option)
    {{}, "--speed"_L1, Replay, "X"_L1,
     [](ArgumentParser &p, const QString &speed) { p.setSpeed(speed); }},
    {{}, "--as-fast"_L1, Replay, {},
     [](ArgumentParser &p, const QString &) {
         p.m_options.replay.pace = ReplayOptions::Pace::AsFast;
     }},
    {{}, "--rewrite"_L1, Replay, "FROM=TO"_L1,
     [](ArgumentParser &p, const QString &rule) { p.setRewrite(rule); }},
    {"-r"_L1, "--retain"_L1, Replay, {},
     [](ArgumentParser &p, const QString &) { p.m_options.replay.retain = true; }},
    {{}, "--no-retain"_L1, Replay, {},
     [](ArgumentParser &p, const QString &) { p.m_options.replay.retain = false; }},
    {{}, "--published"_L1, Replay, {},
     [](ArgumentParser &p, const QString &) { p.m_options.replay.replayPublished = true; }},

    // import (FILE, what to read, is the one argument that is not an option; no connection)
    {{}, "--help"_L1, Import, {},
     [](ArgumentParser &p, const QString &) { p.m_options.subcommand = Subcommand::Help; }},
    {"-o"_L1, "--output"_L1, Import, "RECORDING"_L1,
     [](ArgumentParser &p, const QString &file) { p.m_options.importOutput = file; }},
    {{}, "--format"_L1, Import, "auto|json|mosquitto"_L1,
     [](ArgumentParser &p, const QString &format) { p.setImportFormat(format); }},
};

std::span<const OptionSpec> ArgumentParser::options()
{
    return s_options;
}

} // namespace mqttscope::cli

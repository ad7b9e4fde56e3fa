// SPDX-License-Identifier: GPL-3.0-or-later
#include "argumentparser.h"

#include "propertyargument.h"

#include "protocol/topic.h"
#include "transport/endpoint.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::cli {
namespace {

// MQTT 3.1 allows client ids of 1 to 23 characters and no empty id, so 3.1 needs one made up,
// like mosquitto's "mosq-" followed by random characters.
QString generatedClientId()
{
    static constexpr char alphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString id = u"mqttscope-"_s;
    while (id.size() < 23)
        id.append(
            QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))]));
    return id;
}

// -x: seconds, or -1 or the infinity sign (as mosquitto takes them) for a session that never
// expires.
std::optional<quint32> sessionExpirySeconds(const QString &value)
{
    if (value == "-1"_L1 || value == u"\u221E"_s)
        return std::numeric_limits<quint32>::max();
    bool ok = false;
    const qulonglong seconds = value.toULongLong(&ok);
    if (!ok || seconds > std::numeric_limits<quint32>::max())
        return std::nullopt;
    return quint32(seconds);
}

} // namespace

std::optional<SubcommandOptions> ArgumentParser::parse(const QStringList &arguments, QString *error)
{
    ArgumentParser parser(arguments);
    if (parser.run())
        return parser.m_options;
    if (error)
        *error = parser.m_error;
    return std::nullopt;
}

const OptionSpec *ArgumentParser::findOption(QStringView argument, Subcommand subcommand)
{
    for (const OptionSpec &option : options()) {
        if (option.appliesTo(subcommand) && option.matches(argument))
            return &option;
    }
    return nullptr;
}

// The context lupdate files these strings under: the enclosing namespace (or class).
QString ArgumentParser::tr(const char *text)
{
    return QCoreApplication::translate("mqttscope::cli::ArgumentParser", text);
}

ArgumentParser::ArgumentParser(const QStringList &arguments)
    : m_arguments(arguments)
{
}

bool ArgumentParser::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool ArgumentParser::run()
{
    if (m_arguments.isEmpty())
        return fail(tr("No command given: use 'sub', 'pub', 'replay' or 'import'."));
    const QString &command = m_arguments.constFirst();
    if (command == "sub"_L1) {
        m_options.subcommand = Subcommand::Sub;
    } else if (command == "pub"_L1) {
        m_options.subcommand = Subcommand::Pub;
    } else if (command == "replay"_L1) {
        m_options.subcommand = Subcommand::Replay;
    } else if (command == "import"_L1) {
        m_options.subcommand = Subcommand::Import;
    } else if (command == "--help"_L1 || command == "help"_L1) {
        m_options.subcommand = Subcommand::Help;
        return true;
    } else if (command == "--version"_L1) {
        m_options.subcommand = Subcommand::Version;
        return true;
    } else {
        return fail(
            tr("Unknown command '%1': use 'sub', 'pub', 'replay' or 'import'.").arg(command));
    }
    for (m_index = 1; m_index < m_arguments.size(); ++m_index) {
        if (!parseOne(m_arguments.at(m_index)))
            return false;
        // --help and --version end the parsing: what follows them does not matter.
        if (m_options.subcommand == Subcommand::Help || m_options.subcommand == Subcommand::Version)
            return true;
    }
    return finish();
}

bool ArgumentParser::parseOne(const QString &argument)
{
    if (m_options.subcommand == Subcommand::Replay && !argument.startsWith(u'-'))
        return takeRecordingFile(argument);
    if (m_options.subcommand == Subcommand::Import
        && (!argument.startsWith(u'-') || argument == u'-'))
        return takeImportFile(argument);
    const OptionSpec *option = findOption(argument, m_options.subcommand);
    if (!option)
        return fail(tr("Unknown option '%1'.").arg(argument));
    m_option = argument;
    QString value;
    if (option->takesValue() && !takeValue(&value))
        return false;
    option->handler(*this, value);
    return m_error.isEmpty();
}

bool ArgumentParser::takeValue(QString *value)
{
    if (m_index + 1 >= m_arguments.size())
        return fail(tr("%1 argument given but no value specified.").arg(m_option));
    *value = m_arguments.at(++m_index);
    return true;
}

void ArgumentParser::setTlsFile(QString TlsOptions::*field, const QString &path)
{
    tls().*field = path;
    m_tlsRequested = true;
}

void ArgumentParser::setVersion(const QString &value)
{
    static constexpr std::pair<QLatin1StringView, VersionChoice> names[] = {
        {"mqttv31"_L1, VersionChoice::V31},   {"31"_L1, VersionChoice::V31},
        {"mqttv311"_L1, VersionChoice::V311}, {"311"_L1, VersionChoice::V311},
        {"mqttv5"_L1, VersionChoice::V5},     {"5"_L1, VersionChoice::V5},
        {"auto"_L1, VersionChoice::Auto},
    };
    for (const auto &[name, version] : names) {
        if (value == name) {
            client().version = version;
            m_versionGiven = true;
            return;
        }
    }
    fail(tr("Invalid protocol version argument given: %1").arg(value));
}

void ArgumentParser::setSessionExpiry(const QString &value)
{
    const std::optional<quint32> seconds = sessionExpirySeconds(value);
    if (!seconds) {
        fail(tr("session-expiry-interval not a number."));
        return;
    }
    client().connectProperties.sessionExpiryInterval = seconds;
    m_sessionExpiryGiven = true;
}

// -v, -F and --json: -F overrides -v, as in mosquitto_sub, and --json is a mode of its own.
void ArgumentParser::setOutput(OutputMode output)
{
    const OutputMode current = m_options.output;
    if ((output == OutputMode::Format && current == OutputMode::Json)
        || (output == OutputMode::Json && current == OutputMode::Format)) {
        fail(tr("--json and -F cannot be used together."));
    } else if (output != OutputMode::Verbose || current == OutputMode::Payload) {
        m_options.output = output;
    }
}

bool ArgumentParser::takeRecordingFile(const QString &argument)
{
    if (!m_options.replayFile.isEmpty())
        return fail(tr("Only one recording can be replayed at once: '%1'.").arg(argument));
    m_options.replayFile = argument;
    return true;
}

bool ArgumentParser::takeImportFile(const QString &argument)
{
    if (!m_options.importFile.isEmpty())
        return fail(tr("Only one file can be imported at once: '%1'.").arg(argument));
    m_options.importFile = argument;
    return true;
}

void ArgumentParser::setImportFormat(const QString &format)
{
    if (format == "auto"_L1)
        m_options.importFormat = MessageImport::Format::Auto;
    else if (format == "json"_L1)
        m_options.importFormat = MessageImport::Format::JsonLines;
    else if (format == "mosquitto"_L1)
        m_options.importFormat = MessageImport::Format::MosquittoVerbose;
    else
        fail(tr("Invalid --format given: %1 (auto, json or mosquitto).").arg(format));
}

void ArgumentParser::setSpeed(const QString &value)
{
    bool ok = false;
    const double speed = value.toDouble(&ok);
    if (!ok || !(speed > 0) || speed > 1e6)
        fail(tr("Invalid --speed given: %1 (a factor above 0, e.g. 0.5 or 10).").arg(value));
    m_options.replay.speed = speed;
    m_speedGiven = true;
}

// --rewrite FROM=TO: the topic prefix FROM becomes TO; an empty FROM puts TO before every topic.
void ArgumentParser::setRewrite(const QString &rule)
{
    const qsizetype equals = rule.indexOf(u'=');
    const QString from = rule.left(equals);
    const QString to = rule.mid(equals + 1);
    if (equals < 0 || from.contains(u'+') || from.contains(u'#') || to.contains(u'+')
        || to.contains(u'#')) {
        fail(tr("Invalid --rewrite given: '%1' (FROM=TO, topic prefixes without '+' or '#').")
                 .arg(rule));
        return;
    }
    m_options.replay.rewriteFrom = from.toUtf8();
    m_options.replay.rewriteTo = to.toUtf8();
}

void ArgumentParser::setSource(MessageSource source)
{
    if (m_options.source != MessageSource::None)
        fail(tr("Only one type of message can be sent at once."));
    else
        m_options.source = source;
}

// -D COMMAND IDENTIFIER VALUE, or -D COMMAND user-property NAME VALUE; the parser has taken
// COMMAND.
void ArgumentParser::applyProperty(const QString &command)
{
    QString identifier;
    QStringList values(1);
    if (!takeValue(&identifier) || !takeValue(&values.first()))
        return;
    if (PropertyArgument::takesPair(identifier)) {
        values.append(QString());
        if (!takeValue(&values.last()))
            return;
    }
    const QString problem = PropertyArgument::apply(command, identifier, values, m_options);
    if (!problem.isEmpty())
        fail(problem);
    else
        m_hasProperties = true;
}

void ArgumentParser::applyUrl(const QString &url)
{
    QString problem;
    const std::optional<EndpointUrl> parsed = parseEndpointUrl(url, &problem);
    if (!parsed) {
        fail(tr("Invalid URL '%1': %2").arg(url, problem));
        return;
    }
    Endpoint &endpoint = m_options.client.endpoint;
    const TlsOptions tls = endpoint.tls; // --cafile & co. given before -L still apply
    const ProxySettings proxy = endpoint.proxy; // and --proxy
    endpoint = parsed->endpoint;
    endpoint.tls = tls;
    endpoint.proxy = proxy;
    if (parsed->username)
        m_options.client.username = parsed->username;
    if (parsed->password)
        m_options.client.password = parsed->password;
    if (!parsed->topic.isEmpty())
        m_options.topics.append(parsed->topic);
    m_urlGiven = true;
    m_portGiven = true; // the URL's port, or its scheme's default
}

void ArgumentParser::setProxy(const QString &url)
{
    QString problem;
    if (std::optional<ProxySettings> proxy = parseProxyUrl(url, &problem))
        m_options.client.endpoint.proxy = std::move(*proxy);
    else
        fail(tr("Invalid proxy URL '%1': %2").arg(url, problem));
}

bool ArgumentParser::finish()
{
    if (m_options.subcommand == Subcommand::Import)
        return finishImport(); // no connection
    if (!finishEndpoint() || !finishSession() || !finishWill())
        return false;
    switch (m_options.subcommand) {
    case Subcommand::Sub:
        return finishSub();
    case Subcommand::Pub:
        return finishPub();
    case Subcommand::Replay:
        return finishReplay();
    case Subcommand::Import:
    case Subcommand::Help:
    case Subcommand::Version:
        break;
    }
    return true;
}

bool ArgumentParser::finishEndpoint()
{
    Endpoint &endpoint = m_options.client.endpoint;
    const TlsOptions &tls = endpoint.tls;
    if (tls.certFile.isEmpty() != tls.keyFile.isEmpty())
        return fail(tr("Both certfile and keyfile must be provided if one of them is set."));
    // As mosquitto: port 8883 without any TLS option still means TLS with the OS trust store.
    if (!m_urlGiven && m_portGiven && endpoint.port == 8883)
        m_tlsRequested = true;
    if (m_tlsRequested && endpoint.kind == TransportKind::Tcp)
        endpoint.kind = TransportKind::Tls;
    else if (m_tlsRequested && endpoint.kind == TransportKind::WebSocket)
        endpoint.kind = TransportKind::SecureWebSocket;
    if (!m_portGiven)
        endpoint.port = Endpoint::defaultPort(endpoint.kind);
    return true;
}

bool ArgumentParser::finishSession()
{
    ClientOptions &client = m_options.client;
    if (m_idGiven && !m_idPrefix.isEmpty())
        return fail(tr("-i and -I argument cannot be used together."));
    if (!m_idPrefix.isEmpty())
        client.clientId = m_idPrefix + QString::number(QCoreApplication::applicationPid());
    // [MQTT-3.1.3-7] an empty client id needs a clean session.
    if (!client.cleanStart && client.clientId.isEmpty())
        return fail(tr("You must provide a client id if you are using the -c option."));
    if (!client.cleanStart && !m_sessionExpiryGiven)
        client.connectProperties.sessionExpiryInterval = std::numeric_limits<quint32>::max();
    if (m_sessionExpiryGiven && client.connectProperties.sessionExpiryInterval
        && *client.connectProperties.sessionExpiryInterval != 0 && client.clientId.isEmpty()) {
        return fail(tr("You must provide a client id if you are using a session expiry interval."));
    }
    if (m_hasProperties && !m_versionGiven)
        client.version = VersionChoice::V5; // -D makes a v5 client, as in mosquitto
    if (client.version == VersionChoice::V31 && client.clientId.isEmpty())
        client.clientId = generatedClientId();
    const bool v3 = client.version == VersionChoice::V31 || client.version == VersionChoice::V311;
    if (v3 && client.password && !client.username) {
        return fail(tr("A password without a username is invalid with MQTT v3.1 or v3.1.1."));
    }
    return true;
}

bool ArgumentParser::finishWill()
{
    if (!m_willTopic) {
        if (!m_willPayload.isEmpty() || m_willQos >= 0 || m_willRetain)
            return fail(tr("Will payload, QoS or retain given, but no will topic given."));
        return true;
    }
    const QByteArray topic = m_willTopic->toUtf8();
    if (!Topic::nameProblem(topic).isEmpty())
        return fail(tr("Invalid will topic '%1', does it contain '+' or '#'?").arg(*m_willTopic));
    Will will;
    will.topic = topic;
    will.payload = m_willPayload;
    will.qos = quint8(qMax<qint64>(m_willQos, 0));
    will.retain = m_willRetain;
    will.properties = m_options.willProperties;
    m_options.client.will = will;
    return true;
}

bool ArgumentParser::finishSub()
{
    if (m_options.topics.isEmpty() && m_options.unsubscribeTopics.isEmpty())
        return fail(tr("You must specify a topic to subscribe to."));
    if (m_options.skipRetained && m_options.retainedOnly)
        return fail(tr("-R and --retained-only cannot be used together."));
    const RecordingOptions defaults;
    if (m_options.recordFile.isEmpty()
        && (m_options.recording.byteBudget != defaults.byteBudget
            || m_options.recording.whenFull != defaults.whenFull)) {
        return fail(tr("--record-budget and --record-when-full need --record FILE."));
    }
    const auto checkFilters = [this](const QStringList &filters, const QString &problem) {
        for (const QString &filter : filters) {
            if (!Topic::filterProblem(filter.toUtf8()).isEmpty())
                return fail(problem.arg(filter));
        }
        return true;
    };
    return checkFilters(
               m_options.topics,
               tr("Invalid subscription topic '%1', are all '+' and '#' wildcards correct?"))
        && checkFilters(m_options.filterOut,
                        tr("Invalid filter topic '%1', are all '+' and '#' wildcards correct?"))
        && checkFilters(
               m_options.unsubscribeTopics,
               tr("Invalid unsubscribe topic '%1', are all '+' and '#' wildcards correct?"));
}

bool ArgumentParser::finishPub()
{
    if (m_options.topics.isEmpty() || m_options.source == MessageSource::None)
        return fail(tr("Both topic and message must be supplied."));
    const QString &topic = m_options.topics.constFirst();
    // A topic alias may stand in for an empty topic name in 5.0 [MQTT-3.3.2-8].
    const bool aliasOnly = topic.isEmpty() && m_options.publishProperties.topicAlias;
    if (!aliasOnly && !Topic::nameProblem(topic.toUtf8()).isEmpty())
        return fail(tr("Invalid publish topic '%1', does it contain '+' or '#'?").arg(topic));
    if (m_options.encodeAs != PayloadEncoding::Auto && m_options.source == MessageSource::Null)
        return fail(tr("--encode needs a JSON message (-m, -f, -l or -s), not -n."));
    return true;
}

// -q, -D PUBLISH and the retain flags are overrides: without them a message goes out as recorded.
bool ArgumentParser::finishReplay()
{
    ReplayOptions &replay = m_options.replay;
    if (m_options.replayFile.isEmpty())
        return fail(tr("You must give the recording file to replay."));
    if (m_speedGiven && replay.pace == ReplayOptions::Pace::AsFast)
        return fail(tr("--speed and --as-fast cannot be used together."));
    if (m_qosGiven)
        replay.qos = m_options.qos;
    if (!m_options.publishProperties.isEmpty())
        replay.properties = m_options.publishProperties;
    return true;
}

bool ArgumentParser::finishImport()
{
    if (m_options.importFile.isEmpty())
        return fail(tr("You must give the file to import (or - for standard input)."));
    if (m_options.importOutput.isEmpty())
        return fail(tr("You must give the recording to create with --output."));
    return true;
}

} // namespace mqttscope::cli

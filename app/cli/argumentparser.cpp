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

QString tr(const char *text)
{
    return QCoreApplication::translate("ArgumentParser", text);
}

bool is(const QString &argument, QLatin1StringView shortName, QLatin1StringView longName = {})
{
    return argument == shortName || (!longName.isEmpty() && argument == longName);
}

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
        return fail(tr("No command given: use 'sub' or 'pub'."));
    const QString &command = m_arguments.constFirst();
    if (command == "sub"_L1) {
        m_options.subcommand = Subcommand::Sub;
    } else if (command == "pub"_L1) {
        m_options.subcommand = Subcommand::Pub;
    } else if (command == "--help"_L1 || command == "help"_L1) {
        m_options.subcommand = Subcommand::Help;
        return true;
    } else if (command == "--version"_L1) {
        m_options.subcommand = Subcommand::Version;
        return true;
    } else {
        return fail(tr("Unknown command '%1': use 'sub' or 'pub'.").arg(command));
    }
    for (m_index = 1; m_index < m_arguments.size(); ++m_index) {
        const QString &argument = m_arguments.at(m_index);
        if (argument == "--help"_L1) {
            m_options.subcommand = Subcommand::Help;
            return true;
        }
        if (argument == "--version"_L1) {
            m_options.subcommand = Subcommand::Version;
            return true;
        }
        if (!parseOne(argument))
            return false;
    }
    return finish();
}

bool ArgumentParser::parseOne(const QString &argument)
{
    using OptionGroup = bool (ArgumentParser::*)(const QString &, bool *);
    const OptionGroup commandGroup = m_options.subcommand == Subcommand::Sub
        ? &ArgumentParser::parseSubOption
        : &ArgumentParser::parsePubOption;
    for (OptionGroup group :
         {&ArgumentParser::parseConnectionOption, &ArgumentParser::parseTlsOption, commandGroup}) {
        bool handled = false;
        if (!(this->*group)(argument, &handled))
            return false;
        if (handled)
            return true;
    }
    return fail(tr("Unknown option '%1'.").arg(argument));
}

bool ArgumentParser::takeValue(const QString &option, QString *value)
{
    if (m_index + 1 >= m_arguments.size())
        return fail(tr("%1 argument given but no value specified.").arg(option));
    *value = m_arguments.at(++m_index);
    return true;
}

bool ArgumentParser::takeNumber(const QString &option, qint64 minimum, qint64 maximum,
                                const QString &problem, qint64 *value)
{
    QString text;
    if (!takeValue(option, &text))
        return false;
    bool ok = false;
    *value = text.toLongLong(&ok);
    if (!ok || *value < minimum || *value > maximum)
        return fail(problem.contains("%1"_L1) ? problem.arg(text) : problem);
    return true;
}

bool ArgumentParser::parseConnectionOption(const QString &argument, bool *handled)
{
    *handled = true;
    QString value;
    qint64 number = 0;
    ClientOptions &client = m_options.client;
    if (is(argument, "-h"_L1, "--host"_L1)) {
        if (!takeValue(argument, &value))
            return false;
        client.endpoint.host = value;
    } else if (is(argument, "-p"_L1, "--port"_L1)) {
        if (!takeNumber(argument, 1, 65535, tr("Invalid port given: %1"), &number))
            return false;
        client.endpoint.port = quint16(number);
        m_portGiven = true;
    } else if (is(argument, "-L"_L1, "--url"_L1)) {
        return takeValue(argument, &value) && applyUrl(value);
    } else if (is(argument, "-t"_L1, "--topic"_L1)) {
        if (!takeValue(argument, &value))
            return false;
        m_options.topics.append(value);
    } else if (is(argument, "-q"_L1, "--qos"_L1)) {
        if (!takeNumber(argument, 0, 2, tr("Invalid QoS given: %1"), &number))
            return false;
        m_options.qos = quint8(number);
    } else if (is(argument, "-V"_L1, "--protocol-version"_L1)) {
        if (!takeValue(argument, &value))
            return false;
        if (value == "mqttv31"_L1 || value == "31"_L1)
            client.version = VersionChoice::V31;
        else if (value == "mqttv311"_L1 || value == "311"_L1)
            client.version = VersionChoice::V311;
        else if (value == "mqttv5"_L1 || value == "5"_L1)
            client.version = VersionChoice::V5;
        else if (value == "auto"_L1)
            client.version = VersionChoice::Auto;
        else
            return fail(tr("Invalid protocol version argument given: %1").arg(value));
        m_versionGiven = true;
    } else if (is(argument, "-i"_L1, "--id"_L1)) {
        if (!takeValue(argument, &value))
            return false;
        client.clientId = value;
        m_idGiven = true;
    } else if (is(argument, "-I"_L1, "--id-prefix"_L1)) {
        if (!takeValue(argument, &m_idPrefix))
            return false;
    } else if (is(argument, "-u"_L1, "--username"_L1)) {
        if (!takeValue(argument, &value))
            return false;
        client.username = value;
    } else if (is(argument, "-P"_L1, "--pw"_L1)) {
        if (!takeValue(argument, &value))
            return false;
        client.password = value.toUtf8();
    } else if (is(argument, "-k"_L1, "--keepalive"_L1)) {
        if (!takeNumber(argument, 5, 65535,
                        tr("Invalid keepalive given, it must be between 5 and 65535 inclusive."),
                        &number)) {
            return false;
        }
        client.keepAliveSeconds = quint16(number);
    } else if (argument == "--max-inflight"_L1) {
        if (!takeNumber(
                argument, 0, 65535,
                tr("Invalid --max-inflight given, it must be between 0 and 65535 inclusive."),
                &number)) {
            return false;
        }
        client.maximumInflight = quint16(number);
    } else if (is(argument, "-c"_L1, "--disable-clean-session"_L1)) {
        client.cleanStart = false;
    } else if (argument == "-x"_L1) {
        if (!takeValue(argument, &value))
            return false;
        if (value == "-1"_L1 || value == u"\u221E"_s) {
            client.connectProperties.sessionExpiryInterval = std::numeric_limits<quint32>::max();
        } else {
            bool ok = false;
            const qulonglong seconds = value.toULongLong(&ok);
            if (!ok || seconds > std::numeric_limits<quint32>::max())
                return fail(tr("session-expiry-interval not a number."));
            client.connectProperties.sessionExpiryInterval = quint32(seconds);
        }
        m_sessionExpiryGiven = true;
    } else if (is(argument, "-d"_L1, "--debug"_L1)) {
        m_options.debug = true;
    } else if (is(argument, "-D"_L1, "--property"_L1)) {
        return parseProperty();
    } else if (argument == "--will-topic"_L1) {
        if (!takeValue(argument, &value))
            return false;
        m_willTopic = value;
    } else if (argument == "--will-payload"_L1) {
        if (!takeValue(argument, &value))
            return false;
        m_willPayload = value.toUtf8();
    } else if (argument == "--will-qos"_L1) {
        if (!takeNumber(argument, 0, 2, tr("Invalid will QoS %1."), &m_willQos))
            return false;
    } else if (argument == "--will-retain"_L1) {
        m_willRetain = true;
    } else if (argument == "--nodelay"_L1 || argument == "--quiet"_L1) {
        // Accepted for mosquitto compatibility: we always disable Nagle, and print errors anyway.
    } else {
        *handled = false;
    }
    return true;
}

bool ArgumentParser::parseTlsOption(const QString &argument, bool *handled)
{
    *handled = true;
    TlsOptions &tls = m_options.client.endpoint.tls;
    QString value;
    if (argument == "--cafile"_L1) {
        if (!takeValue(argument, &tls.caFile))
            return false;
        m_tlsRequested = true;
    } else if (argument == "--capath"_L1) {
        if (!takeValue(argument, &tls.caPath))
            return false;
        m_tlsRequested = true;
    } else if (argument == "--cert"_L1) {
        if (!takeValue(argument, &tls.certFile))
            return false;
        m_tlsRequested = true;
    } else if (argument == "--key"_L1) {
        if (!takeValue(argument, &tls.keyFile))
            return false;
    } else if (argument == "--key-passphrase"_L1) {
        if (!takeValue(argument, &value))
            return false;
        tls.keyPassphrase = value.toUtf8();
        tls.pkcs12Passphrase = tls.keyPassphrase;
    } else if (argument == "--pkcs12"_L1) {
        if (!takeValue(argument, &tls.pkcs12File))
            return false;
        m_tlsRequested = true;
    } else if (argument == "--insecure"_L1) {
        // As mosquitto: the chain is still verified, only the host name is not checked.
        tls.skipHostNameCheck = true;
    } else if (argument == "--tls-alpn"_L1) {
        if (!takeValue(argument, &value))
            return false;
        tls.alpn.append(value.toUtf8());
    } else if (argument == "--tls-use-os-certs"_L1) {
        m_tlsRequested = true; // an empty caFile means the OS trust store
    } else {
        *handled = false;
    }
    return true;
}

bool ArgumentParser::parseSubOption(const QString &argument, bool *handled)
{
    *handled = true;
    QString value;
    qint64 number = 0;
    constexpr qint64 intMax = std::numeric_limits<int>::max();
    if (is(argument, "-T"_L1, "--filter-out"_L1)) {
        if (!takeValue(argument, &value))
            return false;
        m_options.filterOut.append(value);
    } else if (is(argument, "-U"_L1, "--unsubscribe"_L1)) {
        if (!takeValue(argument, &value))
            return false;
        m_options.unsubscribeTopics.append(value);
    } else if (argument == "-C"_L1) {
        if (!takeNumber(argument, 1, intMax, tr("Invalid message count \"%1\"."), &number))
            return false;
        m_options.messageCount = int(number);
    } else if (argument == "-W"_L1) {
        if (!takeNumber(argument, 1, intMax / 1000, tr("Invalid timeout \"%1\"."), &number))
            return false;
        m_options.timeoutSeconds = int(number);
    } else if (argument == "-E"_L1) {
        m_options.exitAfterSubscribe = true;
    } else if (argument == "-R"_L1) {
        m_options.skipRetained = true;
    } else if (argument == "-N"_L1) {
        m_options.appendNewline = false;
    } else if (is(argument, "-v"_L1, "--verbose"_L1)) {
        if (m_options.output == OutputMode::Payload)
            m_options.output = OutputMode::Verbose;
    } else if (argument == "-F"_L1) {
        if (!takeValue(argument, &value))
            return false;
        if (m_options.output == OutputMode::Json)
            return fail(tr("--json and -F cannot be used together."));
        m_options.output = OutputMode::Format; // -F overrides -v, as in mosquitto_sub
        m_options.format = value.toUtf8();
    } else if (argument == "--json"_L1) {
        if (m_options.output == OutputMode::Format)
            return fail(tr("--json and -F cannot be used together."));
        m_options.output = OutputMode::Json;
    } else if (argument == "--retained-only"_L1) {
        m_options.retainedOnly = true;
    } else if (argument == "--remove-retained"_L1) {
        m_options.removeRetained = true;
    } else if (argument == "--retain-as-published"_L1) {
        m_options.retainAsPublished = true;
    } else {
        *handled = false;
    }
    return true;
}

bool ArgumentParser::setSource(MessageSource source)
{
    if (m_options.source != MessageSource::None)
        return fail(tr("Only one type of message can be sent at once."));
    m_options.source = source;
    return true;
}

bool ArgumentParser::parsePubOption(const QString &argument, bool *handled)
{
    *handled = true;
    QString value;
    qint64 number = 0;
    if (is(argument, "-m"_L1, "--message"_L1)) {
        if (!takeValue(argument, &value) || !setSource(MessageSource::Argument))
            return false;
        m_options.message = value.toUtf8();
    } else if (is(argument, "-f"_L1, "--file"_L1)) {
        if (!takeValue(argument, &m_options.file))
            return false;
        return setSource(MessageSource::File);
    } else if (is(argument, "-l"_L1, "--stdin-line"_L1)) {
        return setSource(MessageSource::StdinLines);
    } else if (is(argument, "-n"_L1, "--null-message"_L1)) {
        return setSource(MessageSource::Null);
    } else if (is(argument, "-s"_L1, "--stdin-file"_L1)) {
        return setSource(MessageSource::StdinWhole);
    } else if (is(argument, "-r"_L1, "--retain"_L1)) {
        m_options.retain = true;
    } else if (argument == "--repeat"_L1) {
        if (!takeNumber(argument, 1, std::numeric_limits<int>::max(),
                        tr("--repeat argument must be >0."), &number)) {
            return false;
        }
        m_options.repeatCount = int(number);
    } else if (argument == "--repeat-delay"_L1) {
        if (!takeValue(argument, &value))
            return false;
        bool ok = false;
        m_options.repeatDelaySeconds = value.toDouble(&ok);
        if (!ok || m_options.repeatDelaySeconds < 0)
            return fail(tr("--repeat-delay argument must be >=0.0."));
    } else {
        *handled = false;
    }
    return true;
}

bool ArgumentParser::parseProperty()
{
    const QString option = m_arguments.at(m_index);
    QString command;
    QString identifier;
    QStringList values(1);
    if (!takeValue(option, &command) || !takeValue(option, &identifier)
        || !takeValue(option, &values.first())) {
        return false;
    }
    if (PropertyArgument::takesPair(identifier)) {
        values.append(QString());
        if (!takeValue(option, &values.last()))
            return false;
    }
    const QString problem = PropertyArgument::apply(command, identifier, values, m_options);
    if (!problem.isEmpty())
        return fail(problem);
    m_hasProperties = true;
    return true;
}

bool ArgumentParser::applyUrl(const QString &url)
{
    QString problem;
    const std::optional<EndpointUrl> parsed = parseEndpointUrl(url, &problem);
    if (!parsed)
        return fail(tr("Invalid URL '%1': %2").arg(url, problem));
    Endpoint &endpoint = m_options.client.endpoint;
    const TlsOptions tls = endpoint.tls; // --cafile & co. given before -L still apply
    endpoint = parsed->endpoint;
    endpoint.tls = tls;
    if (parsed->username)
        m_options.client.username = parsed->username;
    if (parsed->password)
        m_options.client.password = parsed->password;
    if (!parsed->topic.isEmpty())
        m_options.topics.append(parsed->topic);
    m_urlGiven = true;
    m_portGiven = true; // the URL's port, or its scheme's default
    return true;
}

bool ArgumentParser::finish()
{
    return finishEndpoint() && finishSession() && finishWill()
        && (m_options.subcommand == Subcommand::Sub ? finishSub() : finishPub());
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
    return true;
}

} // namespace mqttscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/connectionprofile.h"

#include "profiles/sastokensource.h"

#include <QJsonArray>

#include <array>
#include <memory>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

constexpr std::array transportNames{
    std::pair{TransportKind::Tcp, "tcp"},
    std::pair{TransportKind::Tls, "tls"},
    std::pair{TransportKind::WebSocket, "ws"},
    std::pair{TransportKind::SecureWebSocket, "wss"},
};

constexpr std::array versionNames{
    std::pair{VersionChoice::Auto, "auto"},
    std::pair{VersionChoice::V31, "3.1"},
    std::pair{VersionChoice::V311, "3.1.1"},
    std::pair{VersionChoice::V5, "5.0"},
};

constexpr std::array retainHandlingNames{
    std::pair{RetainHandling::SendAtSubscribe, "send"},
    std::pair{RetainHandling::SendAtSubscribeIfNew, "send-if-new"},
    std::pair{RetainHandling::DoNotSend, "do-not-send"},
};

template<typename Enum, std::size_t N>
QString enumToName(const std::array<std::pair<Enum, const char *>, N> &names, Enum value)
{
    for (const auto &[e, name] : names) {
        if (e == value)
            return QString::fromLatin1(name);
    }
    return QString::fromLatin1(names.front().second);
}

template<typename Enum, std::size_t N>
Enum nameToEnum(const std::array<std::pair<Enum, const char *>, N> &names, const QJsonValue &value,
                Enum fallback)
{
    const QString text = value.toString();
    for (const auto &[e, name] : names) {
        if (text == QLatin1StringView(name))
            return e;
    }
    return fallback;
}

QJsonArray stringsToJson(const QStringList &strings)
{
    return QJsonArray::fromStringList(strings);
}

QStringList stringsFromJson(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        result.append(v.toString());
    return result;
}

QJsonArray formatRulesToJson(const QList<FormatRule> &rules)
{
    QJsonArray array;
    for (const FormatRule &rule : rules)
        array.append(rule.toJson());
    return array;
}

// A rule this version cannot read (a format from a newer one) is left out, not the profile.
QList<FormatRule> formatRulesFromJson(const QJsonValue &value)
{
    QList<FormatRule> rules;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (std::optional<FormatRule> rule = FormatRule::fromJson(item.toObject()))
            rules.append(std::move(*rule));
    }
    return rules;
}

QJsonArray userPropertiesToJson(const QList<UserProperty> &properties)
{
    QJsonArray array;
    for (const UserProperty &p : properties)
        array.append(QJsonArray{p.first, p.second});
    return array;
}

QList<UserProperty> userPropertiesFromJson(const QJsonValue &value)
{
    QList<UserProperty> result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        const QJsonArray pair = v.toArray();
        if (pair.size() == 2)
            result.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return result;
}

// Optional numbers are written only when present so "absent" survives a round trip.
template<typename T>
void putOptional(QJsonObject &json, QLatin1StringView key, const std::optional<T> &value)
{
    if (value)
        json.insert(key, qint64(*value));
}

template<typename T>
std::optional<T> takeOptional(const QJsonObject &json, QLatin1StringView key)
{
    const QJsonValue v = json.value(key);
    if (!v.isDouble())
        return std::nullopt;
    const qint64 n = v.toInteger(-1);
    if (n < 0 || n > qint64(std::numeric_limits<T>::max()))
        return std::nullopt;
    return T(n);
}

template<typename T>
T takeNumber(const QJsonObject &json, QLatin1StringView key, T fallback)
{
    return takeOptional<T>(json, key).value_or(fallback);
}

QJsonObject subscriptionToJson(const Subscription &s)
{
    return QJsonObject{
        {"filter"_L1, s.filter},
        {"qos"_L1, int(s.qos)},
        {"noLocal"_L1, s.noLocal},
        {"retainAsPublished"_L1, s.retainAsPublished},
        {"retainHandling"_L1, enumToName(retainHandlingNames, s.retainHandling)},
    };
}

Subscription subscriptionFromJson(const QJsonObject &json)
{
    Subscription s;
    s.filter = json.value("filter"_L1).toString();
    s.qos = quint8(qBound(0, json.value("qos"_L1).toInt(), 2));
    s.noLocal = json.value("noLocal"_L1).toBool();
    s.retainAsPublished = json.value("retainAsPublished"_L1).toBool();
    s.retainHandling = nameToEnum(retainHandlingNames, json.value("retainHandling"_L1),
                                  RetainHandling::SendAtSubscribe);
    return s;
}

QJsonObject willToJson(const ProfileWill &will)
{
    QJsonObject json{
        {"enabled"_L1, will.enabled},
        {"topic"_L1, will.topic},
        {"payload"_L1, QString::fromLatin1(will.payload.toBase64())},
        {"qos"_L1, int(will.qos)},
        {"retain"_L1, will.retain},
        {"contentType"_L1, will.contentType},
        {"payloadIsUtf8"_L1, will.payloadIsUtf8},
    };
    putOptional(json, "delayInterval"_L1, will.delayInterval);
    putOptional(json, "messageExpiryInterval"_L1, will.messageExpiryInterval);
    return json;
}

ProfileWill willFromJson(const QJsonObject &json)
{
    ProfileWill will;
    will.enabled = json.value("enabled"_L1).toBool();
    will.topic = json.value("topic"_L1).toString();
    will.payload = QByteArray::fromBase64(json.value("payload"_L1).toString().toLatin1());
    will.qos = quint8(qBound(0, json.value("qos"_L1).toInt(), 2));
    will.retain = json.value("retain"_L1).toBool();
    will.contentType = json.value("contentType"_L1).toString();
    will.payloadIsUtf8 = json.value("payloadIsUtf8"_L1).toBool();
    will.delayInterval = takeOptional<quint32>(json, "delayInterval"_L1);
    will.messageExpiryInterval = takeOptional<quint32>(json, "messageExpiryInterval"_L1);
    return will;
}

constexpr std::array proxyKindNames{
    std::pair{ProxyKind::None, "none"},
    std::pair{ProxyKind::System, "system"},
    std::pair{ProxyKind::Socks5, "socks5"},
    std::pair{ProxyKind::Http, "http"},
};

QJsonObject proxyToJson(const ProfileProxy &proxy)
{
    return QJsonObject{
        {"kind"_L1, enumToName(proxyKindNames, proxy.kind)},
        {"host"_L1, proxy.host},
        {"port"_L1, int(proxy.port)},
        {"username"_L1, proxy.username},
        {"hasPassword"_L1, proxy.hasPassword},
    };
}

ProfileProxy proxyFromJson(const QJsonObject &json)
{
    ProfileProxy proxy;
    proxy.kind = nameToEnum(proxyKindNames, json.value("kind"_L1), ProxyKind::None);
    proxy.host = json.value("host"_L1).toString();
    proxy.port = takeNumber<quint16>(json, "port"_L1, 0);
    proxy.username = json.value("username"_L1).toString();
    proxy.hasPassword = json.value("hasPassword"_L1).toBool();
    return proxy;
}

ProxySettings proxySettings(const ProfileProxy &proxy, const ProfileSecrets &secrets)
{
    ProxySettings settings;
    settings.kind = proxy.kind;
    settings.host = proxy.host;
    settings.port = proxy.port != 0 ? proxy.port : ProxySettings::defaultPort(proxy.kind);
    settings.username = proxy.username;
    if (proxy.needsPassword())
        settings.password = secrets.proxyPassword.value_or(QByteArray());
    return settings;
}

QJsonArray headersToJson(const QList<WebSocketHeader> &headers)
{
    QJsonArray array;
    for (const WebSocketHeader &h : headers) {
        // A secret's value never reaches the file, whatever the caller left in it.
        array.append(QJsonObject{{"name"_L1, h.name},
                                 {"value"_L1, h.secret ? QString() : h.value},
                                 {"secret"_L1, h.secret}});
    }
    return array;
}

QList<WebSocketHeader> headersFromJson(const QJsonValue &value)
{
    QList<WebSocketHeader> headers;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        WebSocketHeader h{o.value("name"_L1).toString(), o.value("value"_L1).toString(),
                          o.value("secret"_L1).toBool()};
        if (h.secret)
            h.value.clear();
        if (!h.name.isEmpty())
            headers.append(h);
    }
    return headers;
}

} // namespace

bool ConnectionProfile::needsSecrets() const
{
    return hasPassword || !keyFile.isEmpty() || !pkcs12File.isEmpty() || proxy.needsPassword()
        || sasTokenLifetimeSeconds > 0 || !secretHeaderNames().isEmpty();
}

QStringList ConnectionProfile::secretHeaderNames() const
{
    QStringList names;
    for (const WebSocketHeader &h : webSocketHeaders) {
        if (h.secret)
            names.append(h.name);
    }
    return names;
}

QList<Subscription> ConnectionProfile::defaultSubscriptions()
{
    // Retain as published (5.0): a retained message published while we watch keeps its flag, so
    // the tree marks it retained at once, not only after the next subscribe. 3.1.1 ignores it.
    return {Subscription{.filter = u"#"_s, .retainAsPublished = true},
            Subscription{.filter = u"$SYS/#"_s, .retainAsPublished = true}};
}

ClientOptions ConnectionProfile::toClientOptions(const ProfileSecrets &secrets) const
{
    ClientOptions options;
    options.endpoint.kind = transport;
    options.endpoint.host = host;
    options.endpoint.port = port;
    options.endpoint.path = webSocketPath;
    options.endpoint.proxy = proxySettings(proxy, secrets);
    for (const WebSocketHeader &h : webSocketHeaders) {
        const QByteArray value =
            h.secret ? secrets.webSocketHeaders.value(h.name) : h.value.toUtf8();
        options.endpoint.webSocketHeaders.append({h.name.toUtf8(), value});
    }
    TlsOptions &tls = options.endpoint.tls;
    tls.caFile = caFile;
    tls.certFile = certFile;
    tls.keyFile = keyFile;
    tls.pkcs12File = pkcs12File;
    tls.keyPassphrase = secrets.keyPassphrase;
    tls.pkcs12Passphrase = secrets.pkcs12Passphrase;
    tls.insecure = !verifyPeer;
    for (const QString &protocol : alpn)
        tls.alpn.append(protocol.toUtf8());

    options.version = version;
    options.clientId = clientId;
    options.cleanStart = cleanStart;
    options.keepAliveSeconds = keepAliveSeconds;
    if (!username.isEmpty())
        options.username = username;
    if (hasPassword)
        options.password = secrets.password;
    if (sasTokenLifetimeSeconds > 0) {
        // One source per connection: its reconnects share the token until it nears expiry.
        auto source = std::make_shared<SasTokenSource>(u"%1/devices/%2"_s.arg(host, clientId),
                                                       secrets.sasKey, sasTokenLifetimeSeconds);
        options.passwordAtConnect = [source] { return source->token(); };
    }

    if (will.enabled) {
        Will w;
        w.topic = will.topic.toUtf8();
        w.payload = will.payload;
        w.qos = will.qos;
        w.retain = will.retain;
        w.properties.willDelayInterval = will.delayInterval;
        w.properties.messageExpiryInterval = will.messageExpiryInterval;
        if (!will.contentType.isEmpty())
            w.properties.contentType = will.contentType;
        if (will.payloadIsUtf8)
            w.properties.payloadFormatIndicator = 1;
        options.will = w;
    }

    Properties &p = options.connectProperties;
    if (sessionExpiryInterval != 0)
        p.sessionExpiryInterval = sessionExpiryInterval;
    p.receiveMaximum = receiveMaximum;
    p.maximumPacketSize = maximumPacketSize;
    p.topicAliasMaximum = topicAliasMaximum;
    // Only what differs from the protocol default is sent (3.1.2.11.6/7).
    if (requestResponseInformation)
        p.requestResponseInformation = 1;
    if (!requestProblemInformation)
        p.requestProblemInformation = 0;
    p.userProperties = userProperties;

    options.reconnect.enabled = autoReconnect;
    options.maximumInflight = maximumInflight;
    return options;
}

ConnectionProfile ConnectionProfile::fromEndpointUrl(const EndpointUrl &url, const QString &name)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.transport = url.endpoint.kind;
    profile.host = url.endpoint.host;
    profile.port = url.endpoint.port;
    profile.webSocketPath = url.endpoint.path;
    profile.caFile = url.endpoint.tls.caFile;
    profile.verifyPeer = !url.endpoint.tls.insecure;
    profile.username = url.username.value_or(QString());
    profile.hasPassword = url.password.has_value();
    return profile;
}

QString ConnectionProfile::displayAddress() const
{
    switch (transport) {
    case TransportKind::WebSocket:
        return u"ws://%1:%2%3"_s.arg(host).arg(port).arg(webSocketPath);
    case TransportKind::SecureWebSocket:
        return u"wss://%1:%2%3"_s.arg(host).arg(port).arg(webSocketPath);
    case TransportKind::Tls:
        return u"mqtts://%1:%2"_s.arg(host).arg(port);
    case TransportKind::Tcp:
        break;
    }
    return u"mqtt://%1:%2"_s.arg(host).arg(port);
}

QJsonObject ConnectionProfile::toJson() const
{
    QJsonArray subscriptionArray;
    for (const Subscription &s : subscriptions)
        subscriptionArray.append(subscriptionToJson(s));

    QJsonObject json{
        {"id"_L1, id.toString(QUuid::WithoutBraces)},
        {"name"_L1, name},
        {"folder"_L1, folder},
        {"tags"_L1, stringsToJson(tags)},
        {"transport"_L1, enumToName(transportNames, transport)},
        {"host"_L1, host},
        {"port"_L1, int(port)},
        {"webSocketPath"_L1, webSocketPath},
        {"proxy"_L1, proxyToJson(proxy)},
        {"webSocketHeaders"_L1, headersToJson(webSocketHeaders)},
        {"version"_L1, enumToName(versionNames, version)},
        {"clientId"_L1, clientId},
        {"username"_L1, username},
        {"hasPassword"_L1, hasPassword},
        {"sasTokenLifetime"_L1, qint64(sasTokenLifetimeSeconds)},
        {"keepAlive"_L1, int(keepAliveSeconds)},
        {"cleanStart"_L1, cleanStart},
        {"sessionExpiryInterval"_L1, qint64(sessionExpiryInterval)},
        {"caFile"_L1, caFile},
        {"certFile"_L1, certFile},
        {"keyFile"_L1, keyFile},
        {"pkcs12File"_L1, pkcs12File},
        {"verifyPeer"_L1, verifyPeer},
        {"alpn"_L1, stringsToJson(alpn)},
        {"will"_L1, willToJson(will)},
        {"requestResponseInformation"_L1, requestResponseInformation},
        {"requestProblemInformation"_L1, requestProblemInformation},
        {"userProperties"_L1, userPropertiesToJson(userProperties)},
        {"subscriptions"_L1, subscriptionArray},
        {"autoReconnect"_L1, autoReconnect},
        {"maximumInflight"_L1, int(maximumInflight)},
        {"historyMessagesPerTopic"_L1, historyMessagesPerTopic},
        {"historyByteBudget"_L1, historyByteBudget},
        {"formatRules"_L1, formatRulesToJson(formatRules)},
        {"protoFiles"_L1, stringsToJson(protoFiles)},
        {"protoImportPaths"_L1, stringsToJson(protoImportPaths)},
        {"mutedTopics"_L1, stringsToJson(mutedTopics)},
    };
    putOptional(json, "receiveMaximum"_L1, receiveMaximum);
    putOptional(json, "maximumPacketSize"_L1, maximumPacketSize);
    putOptional(json, "topicAliasMaximum"_L1, topicAliasMaximum);
    return json;
}

ConnectionProfile ConnectionProfile::fromJson(const QJsonObject &json)
{
    ConnectionProfile p;
    const QUuid id = QUuid::fromString(json.value("id"_L1).toString());
    if (!id.isNull())
        p.id = id;
    p.name = json.value("name"_L1).toString();
    p.folder = json.value("folder"_L1).toString();
    p.tags = stringsFromJson(json.value("tags"_L1));
    p.transport = nameToEnum(transportNames, json.value("transport"_L1), p.transport);
    p.host = json.value("host"_L1).toString(p.host);
    p.port = takeNumber<quint16>(json, "port"_L1, Endpoint::defaultPort(p.transport));
    p.webSocketPath = json.value("webSocketPath"_L1).toString(p.webSocketPath);
    p.proxy = proxyFromJson(json.value("proxy"_L1).toObject());
    p.webSocketHeaders = headersFromJson(json.value("webSocketHeaders"_L1));
    p.version = nameToEnum(versionNames, json.value("version"_L1), p.version);
    p.clientId = json.value("clientId"_L1).toString();
    p.username = json.value("username"_L1).toString();
    p.hasPassword = json.value("hasPassword"_L1).toBool();
    p.sasTokenLifetimeSeconds = takeNumber<quint32>(json, "sasTokenLifetime"_L1, 0);
    p.keepAliveSeconds = takeNumber<quint16>(json, "keepAlive"_L1, p.keepAliveSeconds);
    p.maximumInflight = takeNumber<quint16>(json, "maximumInflight"_L1, p.maximumInflight);
    p.cleanStart = json.value("cleanStart"_L1).toBool(p.cleanStart);
    p.sessionExpiryInterval = takeNumber<quint32>(json, "sessionExpiryInterval"_L1, 0);
    p.caFile = json.value("caFile"_L1).toString();
    p.certFile = json.value("certFile"_L1).toString();
    p.keyFile = json.value("keyFile"_L1).toString();
    p.pkcs12File = json.value("pkcs12File"_L1).toString();
    p.verifyPeer = json.value("verifyPeer"_L1).toBool(true);
    p.alpn = stringsFromJson(json.value("alpn"_L1));
    p.will = willFromJson(json.value("will"_L1).toObject());
    p.receiveMaximum = takeOptional<quint16>(json, "receiveMaximum"_L1);
    p.maximumPacketSize = takeOptional<quint32>(json, "maximumPacketSize"_L1);
    p.topicAliasMaximum = takeOptional<quint16>(json, "topicAliasMaximum"_L1);
    p.requestResponseInformation = json.value("requestResponseInformation"_L1).toBool();
    p.requestProblemInformation = json.value("requestProblemInformation"_L1).toBool(true);
    p.userProperties = userPropertiesFromJson(json.value("userProperties"_L1));
    if (json.contains("subscriptions"_L1)) {
        p.subscriptions.clear();
        const QJsonArray array = json.value("subscriptions"_L1).toArray();
        for (const QJsonValue &v : array)
            p.subscriptions.append(subscriptionFromJson(v.toObject()));
    }
    p.autoReconnect = json.value("autoReconnect"_L1).toBool(true);
    p.historyMessagesPerTopic =
        json.value("historyMessagesPerTopic"_L1).toInt(p.historyMessagesPerTopic);
    p.historyByteBudget = json.value("historyByteBudget"_L1).toInteger(p.historyByteBudget);
    p.formatRules = formatRulesFromJson(json.value("formatRules"_L1));
    p.protoFiles = stringsFromJson(json.value("protoFiles"_L1));
    p.protoImportPaths = stringsFromJson(json.value("protoImportPaths"_L1));
    p.mutedTopics = stringsFromJson(json.value("mutedTopics"_L1));
    return p;
}

} // namespace mqttscope

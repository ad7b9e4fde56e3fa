// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientoptions.h"
#include "decode/formatrule.h"
#include "profiles/profilesecrets.h"
#include "profiles/websocketheader.h"
#include "protocol/packets.h"
#include "transport/endpoint.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace mqttscope {

// The last will as the user edits it; `enabled` keeps the fields while the will is switched off.
struct ProfileWill
{
    bool enabled = false;
    QString topic;
    QByteArray payload;
    quint8 qos = 0;
    bool retain = false;
    // 5.0 will properties
    std::optional<quint32> delayInterval;
    std::optional<quint32> messageExpiryInterval;
    QString contentType;
    bool payloadIsUtf8 = false;
    friend bool operator==(const ProfileWill &, const ProfileWill &) = default;
};

// The proxy as the user edits it; its password is a secret (ProfileSecrets::proxyPassword). Host,
// port and user name are kept while another kind is chosen.
struct ProfileProxy
{
    ProxyKind kind = ProxyKind::None;
    QString host;
    quint16 port = 0; // 0: the kind's default (ProxySettings::defaultPort)
    QString username;
    bool hasPassword = false; // kept in the keychain (or asked for at connect)

    bool needsPassword() const
    {
        return hasPassword && (kind == ProxyKind::Socks5 || kind == ProxyKind::Http);
    }
    friend bool operator==(const ProfileProxy &, const ProfileProxy &) = default;
};

// A saved connection: everything needed to reach and talk to one broker, except its secrets
// (password, key passphrases), which live in the OS keychain under `id` (see SecretStore) so
// that a profile can be written to disk or exported without leaking them.
struct ConnectionProfile
{
    QUuid id = QUuid::createUuid();
    QString name;
    QString folder;
    QStringList tags;

    TransportKind transport = TransportKind::Tcp;
    QString host = QStringLiteral("localhost");
    quint16 port = 1883;
    QString webSocketPath = defaultWebSocketPath();
    ProfileProxy proxy;
    QList<WebSocketHeader> webSocketHeaders;

    VersionChoice version = VersionChoice::Auto;
    QString clientId;
    QString username;
    bool hasPassword = false; // a password is kept in the keychain (or asked for at connect)
    // Azure IoT Hub: above 0, the password is a SAS token for `host/devices/clientId` made at
    // each connect from ProfileSecrets::sasKey, valid this long.
    quint32 sasTokenLifetimeSeconds = 0;
    quint16 keepAliveSeconds = 60;
    bool cleanStart = true;
    quint32 sessionExpiryInterval = 0;

    QString caFile;
    QString certFile;
    QString keyFile;
    QString pkcs12File;
    bool verifyPeer = true;
    QStringList alpn;

    ProfileWill will;

    // 5.0 CONNECT properties; absent ones are not sent.
    std::optional<quint16> receiveMaximum;
    std::optional<quint32> maximumPacketSize;
    std::optional<quint16> topicAliasMaximum;
    bool requestResponseInformation = false;
    bool requestProblemInformation = true;
    QList<UserProperty> userProperties;

    QList<Subscription> subscriptions = defaultSubscriptions();
    bool autoReconnect = true;
    quint16 maximumInflight = ClientOptions::defaultMaximumInflight; // 0 = no limit of ours

    // How payloads are read: the first rule whose filter matches a topic wins; the .proto files
    // (imports looked up in protoImportPaths) give the Protobuf message types.
    QList<FormatRule> formatRules;
    QStringList protoFiles;
    QStringList protoImportPaths;

    // Topic filters whose messages are only counted, not shown (the subscriptions stay).
    QStringList mutedTopics;

    // Message history retention of the connection's explorer.
    int historyMessagesPerTopic = 1000;
    qint64 historyByteBudget = qint64(512) * 1024 * 1024;

    static QString defaultWebSocketPath() { return QStringLiteral("/mqtt"); } // as brokers serve it
    static QList<Subscription>
    defaultSubscriptions(); // "#" and "$SYS/#" at QoS 0, retain as published

    // True when connecting needs something from the keychain (or a prompt).
    bool needsSecrets() const;
    // The names of the headers whose values are secrets.
    QStringList secretHeaderNames() const;
    // What the client needs to connect; secrets come from the keychain or a prompt.
    ClientOptions toClientOptions(const ProfileSecrets &secrets) const;
    // A profile for an URL given on the command line (`mqtt://user@host:1883`).
    static ConnectionProfile fromEndpointUrl(const EndpointUrl &url, const QString &name);

    // `host:port` or the WebSocket URL, for lists and tab tooltips.
    QString displayAddress() const;

    QJsonObject toJson() const;
    // Missing or invalid fields keep their defaults so that an older or hand-edited file loads.
    static ConnectionProfile fromJson(const QJsonObject &json);

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace mqttscope

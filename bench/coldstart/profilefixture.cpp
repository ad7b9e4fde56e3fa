// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilefixture.h"

#include "profiles/profilestore.h"
#include "recentconnections.h"

#include <QDateTime>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {
namespace {

constexpr int Folders = 12;

// The n-th of a mixed population: every kind of connection a user with many brokers keeps.
ConnectionProfile makeProfile(int n)
{
    ConnectionProfile profile;
    profile.name = u"Broker %1"_s.arg(n, 4, 10, QChar(u'0'));
    if (n % 5 != 0) // a fifth stay outside any folder
        profile.folder = u"Site %1"_s.arg(n % Folders);
    profile.tags = {u"plant-%1"_s.arg(n % 7), n % 2 ? u"production"_s : u"staging"_s};
    profile.host = u"broker-%1.example.net"_s.arg(n);
    profile.clientId = u"mqttscope-%1"_s.arg(n);
    profile.username = n % 3 ? u"operator"_s : QString();
    profile.hasPassword = n % 3 != 0; // a keychain reference: the secret is read at connect
    switch (n % 4) {
    case 1:
        profile.transport = TransportKind::Tls;
        profile.port = 8883;
        profile.caFile = u"/etc/ssl/certs/site-%1.pem"_s.arg(n % Folders);
        break;
    case 2:
        profile.transport = TransportKind::SecureWebSocket;
        profile.port = 443;
        profile.webSocketHeaders = {{u"Authorization"_s, {}, true}, {u"X-Site"_s, u"north"_s}};
        break;
    case 3:
        profile.version = VersionChoice::V5;
        profile.proxy = {ProxyKind::Socks5, u"proxy.example.net"_s, 1080, u"relay"_s, true};
        break;
    default:
        break;
    }
    profile.subscriptions = {{u"site/%1/#"_s.arg(n % Folders), 1}, {u"$SYS/#"_s, 0}};
    profile.mutedTopics = {u"site/+/heartbeat"_s};
    return profile;
}

} // namespace

bool ProfileFixture::write(const QString &configHome, int count, QString *error)
{
    ProfileStore store(configHome + u"/mqttscope/profiles.json"_s);
    QList<QUuid> recent;
    for (int n = 0; n < count; ++n) {
        const ConnectionProfile profile = makeProfile(n);
        store.upsert(profile);
        if (n % 3 == 0)
            recent.append(profile.id);
    }
    if (!store.save(error))
        return false;
    RecentConnections connections;
    const QDateTime now = QDateTime::currentDateTime();
    for (qsizetype i = 0; i < recent.size(); ++i)
        connections.markConnected(recent[i], now.addSecs(-3600 * i));
    connections.setLastSession(recent.mid(0, 2));
    QSettings settings;
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        *error = u"cannot write "_s + settings.fileName();
        return false;
    }
    return true;
}

} // namespace mqttscope::bench

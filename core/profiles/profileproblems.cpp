// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/profileproblems.h"

#include "protocol/topic.h"

#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

// The context lupdate files these strings under: the enclosing namespace (or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("mqttscope", text);
}

bool isTls(TransportKind kind)
{
    return kind == TransportKind::Tls || kind == TransportKind::SecureWebSocket;
}

bool isWebSocket(TransportKind kind)
{
    return kind == TransportKind::WebSocket || kind == TransportKind::SecureWebSocket;
}

void checkFile(QMap<ProfileField, QString> &problems, ProfileField field, const QString &path)
{
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    if (!info.exists())
        problems.insert(field, tr("The file %1 does not exist").arg(path));
    else if (!info.isFile() || !info.isReadable())
        problems.insert(field, tr("The file %1 cannot be read").arg(path));
}

void checkProxy(QMap<ProfileField, QString> &problems, const ProfileProxy &proxy)
{
    if (proxy.kind != ProxyKind::Socks5 && proxy.kind != ProxyKind::Http)
        return;
    const QString host = proxy.host.trimmed();
    if (host.isEmpty())
        problems.insert(ProfileField::ProxyHost, tr("A proxy needs its host name or address"));
    else if (host.contains(u' ') || host.contains(u'/'))
        problems.insert(ProfileField::ProxyHost, tr("A host name has no spaces or slashes"));
    if (proxy.hasPassword && proxy.username.isEmpty())
        problems.insert(ProfileField::ProxyUsername, tr("A proxy password needs a user name"));
}

} // namespace

QMap<ProfileField, QString> profileProblems(const ConnectionProfile &profile)
{
    QMap<ProfileField, QString> problems;
    if (profile.name.trimmed().isEmpty())
        problems.insert(ProfileField::Name, tr("A profile needs a name"));
    if (profile.host.trimmed().isEmpty())
        problems.insert(ProfileField::Host, tr("A host name or address is needed"));
    else if (profile.host.contains(u' ') || profile.host.contains(u'/'))
        problems.insert(ProfileField::Host, tr("A host name has no spaces or slashes"));
    if (isWebSocket(profile.transport) && !profile.webSocketPath.startsWith(u'/'))
        problems.insert(ProfileField::WebSocketPath, tr("The path starts with /"));
    checkProxy(problems, profile.proxy);

    if (profile.clientId.toUtf8().size() > 65535)
        problems.insert(ProfileField::ClientId, tr("A client id is at most 65535 bytes"));
    // [MQTT-3.1.3-8]: 3.1.1 refuses an empty client id without clean session; 5.0 assigns one.
    else if (profile.clientId.isEmpty() && !profile.cleanStart
             && profile.version != VersionChoice::V5)
        problems.insert(ProfileField::ClientId,
                        tr("An empty client id needs clean start: the broker would refuse it"));

    if (isTls(profile.transport)) {
        checkFile(problems, ProfileField::CaFile, profile.caFile);
        checkFile(problems, ProfileField::CertFile, profile.certFile);
        checkFile(problems, ProfileField::KeyFile, profile.keyFile);
        checkFile(problems, ProfileField::Pkcs12File, profile.pkcs12File);
        if (!profile.certFile.isEmpty() && profile.keyFile.isEmpty()
            && !problems.contains(ProfileField::KeyFile))
            problems.insert(ProfileField::KeyFile, tr("A client certificate needs its key file"));
    }

    if (profile.will.enabled) {
        const QString problem = Topic::nameProblem(profile.will.topic.toUtf8());
        if (!problem.isEmpty())
            problems.insert(ProfileField::WillTopic, problem);
    }

    for (const Subscription &s : profile.subscriptions) {
        const QString problem = Topic::filterProblem(s.filter.toUtf8());
        if (!problem.isEmpty()) {
            problems.insert(ProfileField::Subscriptions, u"%1: %2"_s.arg(s.filter, problem));
            break;
        }
    }
    return problems;
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentconnections.h"

#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

const auto LastConnectedGroup = "lastConnected"_L1; // + '/' + the profile id
const auto LastSessionKey = "session/openProfiles"_L1;

QString lastConnectedKey(const QUuid &profile)
{
    return LastConnectedGroup + (u'/' + profile.toString(QUuid::WithoutBraces));
}

} // namespace

QDateTime RecentConnections::lastConnected(const QUuid &profile) const
{
    return QSettings().value(lastConnectedKey(profile)).toDateTime();
}

QHash<QUuid, QDateTime> RecentConnections::lastConnectedTimes() const
{
    QSettings settings;
    settings.beginGroup(LastConnectedGroup);
    QHash<QUuid, QDateTime> times;
    const QStringList ids = settings.childKeys();
    for (const QString &id : ids) {
        if (const QUuid uuid(id); !uuid.isNull())
            times.insert(uuid, settings.value(id).toDateTime());
    }
    return times;
}

void RecentConnections::markConnected(const QUuid &profile, const QDateTime &when)
{
    QSettings().setValue(lastConnectedKey(profile), when);
}

QList<QUuid> RecentConnections::lastSession() const
{
    QList<QUuid> profiles;
    const QStringList saved = QSettings().value(LastSessionKey).toStringList();
    for (const QString &id : saved) {
        if (const QUuid uuid(id); !uuid.isNull())
            profiles.append(uuid);
    }
    return profiles;
}

void RecentConnections::setLastSession(const QList<QUuid> &profiles)
{
    QStringList ids;
    for (const QUuid &profile : profiles)
        ids.append(profile.toString(QUuid::WithoutBraces));
    QSettings().setValue(LastSessionKey, ids);
}

} // namespace mqttscope

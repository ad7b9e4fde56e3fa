// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/profilelocation.h"
#include "profiles/profileslog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

QString defaultProfilesFilePath()
{
    // QSettings names its folder after the organization, or the application when there is none.
    QString folder = QCoreApplication::organizationName();
    if (folder.isEmpty())
        folder = QCoreApplication::applicationName();
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u'/' + folder
        + "/profiles.json"_L1;
}

QString legacyProfilesFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + "/profiles.json"_L1;
}

bool moveLegacyProfilesFile(const QString &legacyPath, const QString &path, QString *error)
{
    if (legacyPath == path || !QFile::exists(legacyPath) || QFile::exists(path))
        return true;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile legacy(legacyPath);
    if (!legacy.rename(path)) {
        if (error)
            *error =
                QCoreApplication::translate("mqttscope::ProfileStore", "Cannot move %1 to %2: %3")
                    .arg(legacyPath, path, legacy.errorString());
        return false;
    }
    qCInfo(lcProfiles) << "moved the profiles from" << legacyPath << "to" << path;
    QDir().rmdir(QFileInfo(legacyPath).absolutePath()); // only when empty
    return true;
}

} // namespace mqttscope

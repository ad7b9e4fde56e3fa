// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/jsonfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace mqttscope {

JsonFile::Result JsonFile::read(const QString &path, const Wording &wording)
{
    QFile file(path);
    if (!file.exists())
        return {Problem::Missing, {}, {}};
    if (!file.open(QIODevice::ReadOnly))
        return {Problem::Unreadable, {}, wording.cannotRead.arg(path, file.errorString())};
    return parse(file.readAll(), wording);
}

JsonFile::Result JsonFile::parse(const QByteArray &json, const Wording &wording)
{
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (document.isNull()) {
        return {Problem::NotJson,
                {},
                wording.notJson.arg(parseError.errorString()).arg(parseError.offset)};
    }
    return {Problem::None, std::move(document), {}};
}

JsonFile::Result JsonFile::write(const QString &path, const QByteArray &json,
                                 const Wording &wording)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {Problem::Unwritable, {}, wording.cannotWrite.arg(path, file.errorString())};
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(json);
    if (!file.commit())
        return {Problem::Unwritable, {}, wording.cannotWrite.arg(path, file.errorString())};
    return {};
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/profilestore.h"
#include "profiles/profileslog.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {
constexpr int formatVersion = 1;
}

ProfileStore::ProfileStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath)
{
}

bool ProfileStore::load(QString *error)
{
    const JsonFile::Result read = JsonFile::read(m_filePath, wording());
    if (read.problem == JsonFile::Problem::Missing) {
        m_profiles.clear();
        emit profilesChanged();
        return true;
    }
    if (!read.ok()) {
        if (error)
            *error = read.error;
        return false;
    }
    auto parsed = fromDocument(read.document, error);
    if (!parsed)
        return false;
    m_profiles = *parsed;
    qCDebug(lcProfiles) << "loaded" << m_profiles.size() << "profiles from" << m_filePath;
    emit profilesChanged();
    return true;
}

bool ProfileStore::save(QString *error) const
{
    const JsonFile::Result written = JsonFile::write(m_filePath, toJson(m_profiles), wording());
    if (!written.ok() && error)
        *error = written.error;
    return written.ok();
}

JsonFile::Wording ProfileStore::wording()
{
    return {tr("Cannot read %1: %2"), tr("Not a JSON document: %1 at offset %2"),
            tr("Cannot write %1: %2")};
}

std::optional<ConnectionProfile> ProfileStore::profile(const QUuid &id) const
{
    for (const ConnectionProfile &p : m_profiles) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

std::optional<ConnectionProfile> ProfileStore::profileNamed(const QString &name) const
{
    for (const ConnectionProfile &p : m_profiles) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QStringList ProfileStore::folders() const
{
    QStringList result;
    for (const ConnectionProfile &p : m_profiles) {
        if (!p.folder.isEmpty() && !result.contains(p.folder))
            result.append(p.folder);
    }
    result.sort(Qt::CaseInsensitive);
    return result;
}

void ProfileStore::upsert(const ConnectionProfile &profile)
{
    auto it = std::find_if(m_profiles.begin(), m_profiles.end(),
                           [&](const ConnectionProfile &p) { return p.id == profile.id; });
    if (it != m_profiles.end())
        *it = profile;
    else
        m_profiles.append(profile);
    emit profilesChanged();
}

void ProfileStore::remove(const QUuid &id)
{
    if (m_profiles.removeIf([&](const ConnectionProfile &p) { return p.id == id; }) > 0)
        emit profilesChanged();
}

ConnectionProfile ProfileStore::duplicate(const QUuid &id)
{
    ConnectionProfile copy = profile(id).value_or(ConnectionProfile{});
    copy.id = QUuid::createUuid();
    copy.name = tr("%1 (copy)").arg(copy.name);
    upsert(copy);
    return copy;
}

QByteArray ProfileStore::toJson(const QList<ConnectionProfile> &profiles)
{
    QJsonArray array;
    for (const ConnectionProfile &p : profiles)
        array.append(p.toJson());
    const QJsonObject root{{"format"_L1, "mqttscope-profiles"_L1},
                           {"version"_L1, formatVersion},
                           {"profiles"_L1, array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<QList<ConnectionProfile>> ProfileStore::fromJson(const QByteArray &json,
                                                               QString *error)
{
    const JsonFile::Result parsed = JsonFile::parse(json, wording());
    if (!parsed.ok()) {
        if (error)
            *error = parsed.error;
        return std::nullopt;
    }
    return fromDocument(parsed.document, error);
}

std::optional<QList<ConnectionProfile>> ProfileStore::fromDocument(const QJsonDocument &document,
                                                                   QString *error)
{
    // A bare array of profiles is accepted as well as the wrapped document.
    const QJsonArray array =
        document.isArray() ? document.array() : document.object().value("profiles"_L1).toArray();
    if (document.isObject() && !document.object().contains("profiles"_L1)) {
        if (error)
            *error = tr("The document holds no \"profiles\" list");
        return std::nullopt;
    }
    QList<ConnectionProfile> profiles;
    for (const QJsonValue &v : array) {
        if (v.isObject())
            profiles.append(ConnectionProfile::fromJson(v.toObject()));
    }
    return profiles;
}

int ProfileStore::importJson(const QByteArray &json, QString *error)
{
    auto parsed = fromJson(json, error);
    if (!parsed)
        return -1;
    for (ConnectionProfile p : std::as_const(*parsed)) {
        if (profile(p.id))
            p.id = QUuid::createUuid();
        m_profiles.append(p);
    }
    emit profilesChanged();
    return int(parsed->size());
}

} // namespace mqttscope

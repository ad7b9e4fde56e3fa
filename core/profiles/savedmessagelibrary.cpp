// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/savedmessagelibrary.h"
#include "profiles/profilelocation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {
constexpr int formatVersion = 1;
const auto formatName = "mqttscope-saved-messages"_L1;
} // namespace

QString defaultSavedMessagesFilePath()
{
    return QFileInfo(defaultProfilesFilePath()).absolutePath() + "/saved-messages.json"_L1;
}

SavedMessageLibrary::SavedMessageLibrary(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath)
{
}

bool SavedMessageLibrary::load(QString *error)
{
    QFile file(m_filePath);
    if (!file.exists()) {
        m_messages.clear();
        emit messagesChanged();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    auto parsed = fromJson(file.readAll(), error);
    if (!parsed)
        return false;
    m_messages = *parsed;
    emit messagesChanged();
    return true;
}

bool SavedMessageLibrary::save(QString *error) const
{
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(toJson(m_messages));
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    return true;
}

QList<SavedMessage> SavedMessageLibrary::messagesFor(const QUuid &profile) const
{
    QList<SavedMessage> result;
    for (const SavedMessage &m : m_messages) {
        if (m.isSharedWith(profile))
            result.append(m);
    }
    return result;
}

QList<SavedMessage> SavedMessageLibrary::search(const QString &text, const QUuid &profile) const
{
    QList<SavedMessage> result = messagesFor(profile);
    if (text.isEmpty())
        return result;
    result.removeIf([&](const SavedMessage &m) {
        return !m.name.contains(text, Qt::CaseInsensitive)
            && !m.folder.contains(text, Qt::CaseInsensitive)
            && !m.topic.contains(text, Qt::CaseInsensitive)
            && !QString::fromUtf8(m.payload).contains(text, Qt::CaseInsensitive);
    });
    return result;
}

std::optional<SavedMessage> SavedMessageLibrary::message(const QUuid &id) const
{
    for (const SavedMessage &m : m_messages) {
        if (m.id == id)
            return m;
    }
    return std::nullopt;
}

QStringList SavedMessageLibrary::folders() const
{
    QStringList result;
    for (const SavedMessage &m : m_messages) {
        if (!m.folder.isEmpty() && !result.contains(m.folder))
            result.append(m.folder);
    }
    result.sort(Qt::CaseInsensitive);
    return result;
}

SavedMessage *SavedMessageLibrary::find(const QUuid &id)
{
    auto it = std::find_if(m_messages.begin(), m_messages.end(),
                           [&](const SavedMessage &m) { return m.id == id; });
    return it == m_messages.end() ? nullptr : &*it;
}

void SavedMessageLibrary::upsert(const SavedMessage &message)
{
    if (SavedMessage *existing = find(message.id))
        *existing = message;
    else
        m_messages.append(message);
    emit messagesChanged();
}

void SavedMessageLibrary::remove(const QUuid &id)
{
    if (m_messages.removeIf([&](const SavedMessage &m) { return m.id == id; }) > 0)
        emit messagesChanged();
}

void SavedMessageLibrary::rename(const QUuid &id, const QString &name)
{
    if (SavedMessage *m = find(id)) {
        m->name = name;
        emit messagesChanged();
    }
}

void SavedMessageLibrary::move(const QUuid &id, const QString &folder)
{
    if (SavedMessage *m = find(id)) {
        m->folder = folder;
        emit messagesChanged();
    }
}

quint64 SavedMessageLibrary::nextCounter(const QUuid &id)
{
    SavedMessage *m = find(id);
    return m ? ++m->counter : 0;
}

QByteArray SavedMessageLibrary::toJson(const QList<SavedMessage> &messages)
{
    QJsonArray array;
    for (const SavedMessage &m : messages)
        array.append(m.toJson());
    const QJsonObject root{
        {"format"_L1, formatName}, {"version"_L1, formatVersion}, {"messages"_L1, array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<QList<SavedMessage>> SavedMessageLibrary::fromJson(const QByteArray &json,
                                                                 QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (document.isNull()) {
        if (error)
            *error = tr("Not a JSON document: %1 at offset %2")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root.value("format"_L1).toString() != formatName || !root.value("messages"_L1).isArray()) {
        if (error)
            *error = tr("Not a saved-messages file: it holds no \"%1\" document").arg(formatName);
        return std::nullopt;
    }
    QList<SavedMessage> messages;
    for (const QJsonValue &v : root.value("messages"_L1).toArray()) {
        if (v.isObject())
            messages.append(SavedMessage::fromJson(v.toObject()));
    }
    return messages;
}

int SavedMessageLibrary::importJson(const QByteArray &json, QString *error)
{
    auto parsed = fromJson(json, error);
    if (!parsed)
        return -1;
    for (SavedMessage m : std::as_const(*parsed)) {
        if (find(m.id))
            m.id = QUuid::createUuid();
        m_messages.append(m);
    }
    emit messagesChanged();
    return int(parsed->size());
}

} // namespace mqttscope

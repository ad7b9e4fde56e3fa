// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/savedmessagelibrary.h"
#include "profiles/profilelocation.h"

#include <QFileInfo>
#include <QJsonArray>

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
    const JsonFile::Result read = JsonFile::read(m_filePath, wording());
    if (read.problem == JsonFile::Problem::Missing) {
        m_messages.clear();
        emit messagesChanged();
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
    m_messages = *parsed;
    emit messagesChanged();
    return true;
}

bool SavedMessageLibrary::save(QString *error) const
{
    const JsonFile::Result written = JsonFile::write(m_filePath, toJson(m_messages), wording());
    if (!written.ok() && error)
        *error = written.error;
    return written.ok();
}

JsonFile::Wording SavedMessageLibrary::wording()
{
    return {tr("Cannot read %1: %2"), tr("Not a JSON document: %1 at offset %2"),
            tr("Cannot write %1: %2")};
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
    const JsonFile::Result parsed = JsonFile::parse(json, wording());
    if (!parsed.ok()) {
        if (error)
            *error = parsed.error;
        return std::nullopt;
    }
    return fromDocument(parsed.document, error);
}

std::optional<QList<SavedMessage>> SavedMessageLibrary::fromDocument(const QJsonDocument &document,
                                                                     QString *error)
{
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

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/jsonfile.h"
#include "profiles/savedmessage.h"

#include <QObject>

#include <optional>

namespace mqttscope {

// saved-messages.json beside profiles.json (see defaultProfilesFilePath()).
QString defaultSavedMessagesFilePath();

// The saved-message library: every SavedMessage, shared and per profile, as one JSON document
// written atomically like the profile file (QSaveFile, owner-only). Exports use the same format.
class SavedMessageLibrary : public QObject
{
    Q_OBJECT
public:
    explicit SavedMessageLibrary(const QString &filePath = defaultSavedMessagesFilePath(),
                                 QObject *parent = nullptr);

    QString filePath() const { return m_filePath; }
    bool load(QString *error = nullptr); // a missing file is an empty library
    bool save(QString *error = nullptr) const;

    QList<SavedMessage> messages() const { return m_messages; }
    // The shared ones and those of `profile`, in library order.
    QList<SavedMessage> messagesFor(const QUuid &profile) const;
    // Of messagesFor(profile), those whose name, folder, topic or payload contain `text`
    // (case-insensitive); all of them for an empty text.
    QList<SavedMessage> search(const QString &text, const QUuid &profile) const;
    std::optional<SavedMessage> message(const QUuid &id) const;
    QStringList folders() const; // distinct, sorted

    void upsert(const SavedMessage &message); // replaces the one with the same id or appends
    void remove(const QUuid &id);
    void rename(const QUuid &id, const QString &name);
    void move(const QUuid &id, const QString &folder);
    // Increments the message's counter and returns the new value ({{counter}} of this send).
    quint64 nextCounter(const QUuid &id);

    static QByteArray toJson(const QList<SavedMessage> &messages);
    static std::optional<QList<SavedMessage>> fromJson(const QByteArray &json, QString *error);
    // Adds the messages of an exported document (taken ids get fresh ones); -1 with *error and
    // the library unchanged when the document is not one.
    int importJson(const QByteArray &json, QString *error);

signals:
    void messagesChanged();

private:
    static std::optional<QList<SavedMessage>> fromDocument(const QJsonDocument &document,
                                                           QString *error);
    static JsonFile::Wording wording();
    SavedMessage *find(const QUuid &id);

    QString m_filePath;
    QList<SavedMessage> m_messages;
};

} // namespace mqttscope

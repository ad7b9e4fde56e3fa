// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/placeholders.h"
#include "profiles/savedmessage.h"
#include "profiles/savedmessagelibrary.h"
#include "protocol/message.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QShortcut;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace mqttscope {

class ProtobufSchemas;

// The publish workbench: the saved-message library of this connection (the shared messages and
// its own), in folders, searchable. A message is sent with one click (Send, Ctrl+Enter in the
// list, or its own shortcut anywhere in the connection's tab), its placeholders filled in at
// that moment; the line under the list shows what the selected one would send now. Messages
// are created, edited, renamed, deleted, loaded into the publish form, imported and exported.
class SavedMessagesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SavedMessagesPanel(QWidget *parent = nullptr);

    void setLibrary(SavedMessageLibrary *library);
    SavedMessageLibrary *library() const { return m_library; }
    void setProfileId(const QUuid &profileId);
    // Where the messages' own shortcuts work: the connection's tab, whichever panel is shown.
    void setShortcutScope(QWidget *scope);
    void setPlaceholderSources(const PlaceholderSources &sources) { m_sources = sources; }
    // The connection's .proto files, for messages saved to be encoded as Protobuf.
    void setProtobufSchemas(std::shared_ptr<const ProtobufSchemas> schemas);

    // Opens the editor for `message` (new or not) and keeps what it saves.
    void edit(const SavedMessage &message);
    // Adds or replaces `message` and writes the library; false (said in the panel) on failure.
    bool store(const SavedMessage &message);
    void send(const QUuid &id);
    void rename(const QUuid &id, const QString &name);
    void remove(const QUuid &id);
    bool importFrom(const QString &path, QString *error);
    bool exportTo(const QString &path, QString *error) const; // the messages listed

    QUuid selectedId() const;
    void select(const QUuid &id);
    QString previewText() const;
    QString outcomeText() const;
    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *searchEdit() const { return m_search; }

    // The connection's answers about a send this panel asked for.
    void publishStarted(quint64 requestId, const QString &name);
    void publishFinished(quint64 requestId, bool ok, const QString &text);

signals:
    void publishRequested(const mqttscope::Message &message, const QString &name);
    void loadRequested(const mqttscope::SavedMessage &message);

private:
    QLayout *createButtons();
    void rebuild();
    QTreeWidgetItem *folderItem(const QString &folder, QHash<QString, QTreeWidgetItem *> *made);
    void rebuildShortcuts();
    void updatePreview();
    void updateButtons();
    void showMenu(const QPoint &position);
    void askToRename(const QUuid &id);
    void askToRemove(const QUuid &id);
    void askToImport();
    void askToExport();
    void writeLibrary();
    std::optional<SavedMessage> selected() const;
    QList<SavedMessage> listed() const;

    QPointer<SavedMessageLibrary> m_library;
    QUuid m_profileId;
    PlaceholderSources m_sources = PlaceholderSources::system();
    std::shared_ptr<const ProtobufSchemas> m_schemas;
    QWidget *m_shortcutScope = nullptr;
    QList<QShortcut *> m_shortcuts;
    QHash<quint64, QString> m_sending; // request id -> message name
    QLineEdit *m_search;
    QTreeWidget *m_tree;
    QLabel *m_preview;
    QLabel *m_outcome;
    QPushButton *m_send;
    QPushButton *m_load;
    QPushButton *m_edit;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QTimer *m_previewTimer;
};

} // namespace mqttscope

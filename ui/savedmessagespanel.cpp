// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedmessagespanel.h"

#include "savedmessagedialog.h"
#include "savedmessageform.h"
#include "profiles/savedmessagelibrary.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

constexpr int IdRole = Qt::UserRole + 1; // QUuid; absent on folder rows
constexpr int previewChars = 160;
const auto fileFilter =
    QT_TRANSLATE_NOOP("mqttscope::SavedMessagesPanel", "Saved messages (*.json);;All files (*)");

QString elided(const QString &text)
{
    QString oneLine = text;
    oneLine.replace(u'\n', u' ');
    return oneLine.size() > previewChars ? oneLine.left(previewChars) + u'…' : oneLine;
}

} // namespace

SavedMessagesPanel::SavedMessagesPanel(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_preview(new QLabel(this))
    , m_outcome(new QLabel(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_load(new QPushButton(tr("Load into form"), this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_rename(new QPushButton(tr("Rename…"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(u"savedMessagesPanel"_s);
    m_search->setObjectName(u"savedSearch"_s);
    m_search->setPlaceholderText(tr("Search names, folders, topics and payloads"));
    m_search->setClearButtonEnabled(true);
    m_tree->setObjectName(u"savedTree"_s);
    m_tree->setHeaderLabels({tr("Name"), tr("Topic"), tr("Shortcut")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_preview->setObjectName(u"savedPreview"_s);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcome->setObjectName(u"savedOutcome"_s);
    m_send->setObjectName(u"savedSend"_s);
    m_load->setObjectName(u"savedLoad"_s);
    m_edit->setObjectName(u"savedEdit"_s);
    m_rename->setObjectName(u"savedRename"_s);
    m_delete->setObjectName(u"savedDelete"_s);
    m_send->setToolTip(tr("Send the selected message (Ctrl+Enter)"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_preview);
    layout->addLayout(createButtons());
    layout->addWidget(m_outcome);

    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, m_tree);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] { send(selectedId()); });
    }
    connect(m_search, &QLineEdit::textChanged, this, &SavedMessagesPanel::rebuild);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &SavedMessagesPanel::updateButtons);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (const auto message = selected())
            emit loadRequested(*message);
    });
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &SavedMessagesPanel::showMenu);
    // The preview's {{timestamp}} keeps time while it is shown.
    m_previewTimer->setInterval(1000);
    connect(m_previewTimer, &QTimer::timeout, this, &SavedMessagesPanel::updatePreview);
    updateButtons();
}

QLayout *SavedMessagesPanel::createButtons()
{
    auto *create = new QPushButton(tr("New…"), this);
    auto *importButton = new QPushButton(tr("Import…"), this);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    create->setObjectName(u"savedNew"_s);
    importButton->setObjectName(u"savedImport"_s);
    exportButton->setObjectName(u"savedExport"_s);
    connect(create, &QPushButton::clicked, this, [this] {
        SavedMessage message;
        message.profileId = m_profileId;
        edit(message);
    });
    connect(importButton, &QPushButton::clicked, this, &SavedMessagesPanel::askToImport);
    connect(exportButton, &QPushButton::clicked, this, &SavedMessagesPanel::askToExport);
    connect(m_send, &QPushButton::clicked, this, [this] { send(selectedId()); });
    connect(m_load, &QPushButton::clicked, this, [this] {
        if (const auto message = selected())
            emit loadRequested(*message);
    });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (const auto message = selected())
            edit(*message);
    });
    connect(m_rename, &QPushButton::clicked, this, [this] { askToRename(selectedId()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { askToRemove(selectedId()); });

    auto *row = new QHBoxLayout;
    for (QPushButton *button : {m_send, m_load, m_edit, m_rename, m_delete})
        row->addWidget(button);
    row->addStretch();
    for (QPushButton *button : {create, importButton, exportButton})
        row->addWidget(button);
    return row;
}

void SavedMessagesPanel::setLibrary(SavedMessageLibrary *library)
{
    if (m_library)
        disconnect(m_library, nullptr, this, nullptr);
    m_library = library;
    if (library)
        connect(library, &SavedMessageLibrary::messagesChanged, this, &SavedMessagesPanel::rebuild);
    rebuild();
}

void SavedMessagesPanel::setProfileId(const QUuid &profileId)
{
    m_profileId = profileId;
    rebuild();
}

void SavedMessagesPanel::setShortcutScope(QWidget *scope)
{
    m_shortcutScope = scope;
    rebuildShortcuts();
}

QList<SavedMessage> SavedMessagesPanel::listed() const
{
    return m_library ? m_library->search(m_search->text(), m_profileId) : QList<SavedMessage>{};
}

QTreeWidgetItem *SavedMessagesPanel::folderItem(const QString &folder,
                                                QHash<QString, QTreeWidgetItem *> *made)
{
    if (folder.isEmpty())
        return m_tree->invisibleRootItem();
    if (QTreeWidgetItem *item = made->value(folder))
        return item;
    const qsizetype slash = folder.lastIndexOf(u'/');
    QTreeWidgetItem *parent = folderItem(slash < 0 ? QString() : folder.left(slash), made);
    auto *item = new QTreeWidgetItem(parent, {slash < 0 ? folder : folder.mid(slash + 1)});
    item->setIcon(0, style()->standardIcon(QStyle::SP_DirIcon));
    item->setExpanded(true);
    made->insert(folder, item);
    return item;
}

void SavedMessagesPanel::rebuild()
{
    const QUuid current = selectedId();
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> folders;
    for (const SavedMessage &m : listed()) {
        auto *item = new QTreeWidgetItem(
            folderItem(m.folder, &folders),
            {m.name, m.topic, QKeySequence(m.shortcut).toString(QKeySequence::NativeText)});
        item->setData(0, IdRole, m.id);
        item->setToolTip(0,
                         m.profileId.isNull() ? tr("Shared by every connection")
                                              : tr("Only for this connection"));
        item->setToolTip(1, m.topic);
    }
    m_tree->expandAll();
    select(current);
    rebuildShortcuts();
    updateButtons();
}

void SavedMessagesPanel::rebuildShortcuts()
{
    qDeleteAll(m_shortcuts);
    m_shortcuts.clear();
    if (!m_library || !m_shortcutScope)
        return;
    for (const SavedMessage &m : m_library->messagesFor(m_profileId)) {
        if (m.shortcut.isEmpty())
            continue;
        auto *shortcut = new QShortcut(QKeySequence(m.shortcut), m_shortcutScope);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, id = m.id] { send(id); });
        m_shortcuts.append(shortcut);
    }
}

QUuid SavedMessagesPanel::selectedId() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, IdRole).toUuid() : QUuid();
}

std::optional<SavedMessage> SavedMessagesPanel::selected() const
{
    const QUuid id = selectedId();
    return m_library && !id.isNull() ? m_library->message(id) : std::nullopt;
}

void SavedMessagesPanel::select(const QUuid &id)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, IdRole).toUuid() == id && !id.isNull()) {
            m_tree->setCurrentItem(*it);
            return;
        }
    }
}

void SavedMessagesPanel::updateButtons()
{
    const bool chosen = selected().has_value();
    for (QPushButton *button : {m_send, m_load, m_edit, m_rename, m_delete})
        button->setEnabled(chosen);
    updatePreview();
}

void SavedMessagesPanel::updatePreview()
{
    const auto message = selected();
    if (!message) {
        m_preview->setText(tr("Select a message to see what it sends."));
        m_previewTimer->stop();
        return;
    }
    const Message next = SavedMessageForm::compose(*message, message->counter + 1, m_sources);
    QString payload = elided(SavedMessageForm::payloadText(
        next.payload, SavedMessageForm::format(message->payloadFormat)));
    if (!message->encodeAs.isEmpty())
        payload = tr("%1, encoded as %2").arg(payload, message->encodeAs);
    m_preview->setText(tr("Sends: %1 · QoS %2%3 · %4")
                           .arg(QString::fromUtf8(next.topic))
                           .arg(next.qos)
                           .arg(next.retain ? tr(" · retained") : QString())
                           .arg(payload));
    const bool changing =
        Placeholders::contains(message->topic.toUtf8()) || Placeholders::contains(message->payload);
    if (changing && !m_previewTimer->isActive())
        m_previewTimer->start();
    else if (!changing)
        m_previewTimer->stop();
}

QString SavedMessagesPanel::previewText() const
{
    return m_preview->text();
}

QString SavedMessagesPanel::outcomeText() const
{
    return m_outcome->text();
}

void SavedMessagesPanel::edit(const SavedMessage &message)
{
    if (!m_library)
        return;
    SavedMessageDialog dialog(message, m_profileId, m_library->folders(), m_schemas, this);
    if (dialog.exec() == QDialog::Accepted && store(dialog.message()))
        select(dialog.message().id);
}

bool SavedMessagesPanel::store(const SavedMessage &message)
{
    if (!m_library)
        return false;
    m_library->upsert(message);
    writeLibrary();
    return true;
}

void SavedMessagesPanel::writeLibrary()
{
    QString error;
    if (!m_library->save(&error))
        m_outcome->setText(tr("The library was not saved: %1").arg(error));
}

void SavedMessagesPanel::setProtobufSchemas(std::shared_ptr<const ProtobufSchemas> schemas)
{
    m_schemas = std::move(schemas);
}

void SavedMessagesPanel::send(const QUuid &id)
{
    const auto message = m_library && !id.isNull() ? m_library->message(id) : std::nullopt;
    if (!message)
        return;
    Message composed = SavedMessageForm::compose(*message, message->counter + 1, m_sources);
    QString error;
    const auto bytes = SavedMessageForm::encode(*message, composed.payload, m_schemas, &error);
    if (!bytes) {
        m_outcome->setText(tr("%1 was not sent: %2").arg(message->name, error));
        return;
    }
    composed.payload = *bytes;
    m_library->nextCounter(id);
    writeLibrary(); // the counter survives a restart
    emit publishRequested(composed, message->name);
    updatePreview();
}

void SavedMessagesPanel::publishStarted(quint64 requestId, const QString &name)
{
    m_sending.insert(requestId, name);
    m_outcome->setText(tr("Sending %1…").arg(name));
}

void SavedMessagesPanel::publishFinished(quint64 requestId, bool ok, const QString &text)
{
    const auto it = m_sending.constFind(requestId);
    if (it == m_sending.cend())
        return;
    m_outcome->setText(ok ? tr("Sent %1: %2").arg(*it, text)
                          : tr("Sending %1 failed: %2").arg(*it, text));
    m_sending.erase(it);
}

void SavedMessagesPanel::rename(const QUuid &id, const QString &name)
{
    if (!m_library || name.trimmed().isEmpty())
        return;
    m_library->rename(id, name.trimmed());
    writeLibrary();
}

void SavedMessagesPanel::remove(const QUuid &id)
{
    if (!m_library)
        return;
    m_library->remove(id);
    writeLibrary();
}

void SavedMessagesPanel::askToRename(const QUuid &id)
{
    const auto message = m_library ? m_library->message(id) : std::nullopt;
    if (!message)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename saved message"), tr("Name:"),
                                               QLineEdit::Normal, message->name, &ok);
    if (ok)
        rename(id, name);
}

void SavedMessagesPanel::askToRemove(const QUuid &id)
{
    const auto message = m_library ? m_library->message(id) : std::nullopt;
    if (message
        && QMessageBox::question(this, tr("Delete saved message"),
                                 tr("Delete the saved message %1?").arg(message->name))
            == QMessageBox::Yes)
        remove(id);
}

void SavedMessagesPanel::showMenu(const QPoint &position)
{
    const QTreeWidgetItem *item = m_tree->itemAt(position);
    const QUuid id = item ? item->data(0, IdRole).toUuid() : QUuid();
    const auto message = m_library && !id.isNull() ? m_library->message(id) : std::nullopt;
    if (!message)
        return;
    QMenu menu(this);
    menu.addAction(tr("Send"), this, [this, id] { send(id); });
    menu.addAction(tr("Load into form"), this, [this, m = *message] { emit loadRequested(m); });
    menu.addAction(tr("Edit…"), this, [this, m = *message] { edit(m); });
    menu.addAction(tr("Rename…"), this, [this, id] { askToRename(id); });
    menu.addAction(tr("Delete"), this, [this, id] { askToRemove(id); });
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

bool SavedMessagesPanel::importFrom(const QString &path, QString *error)
{
    QFile file(path);
    if (!m_library || !file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    const int added = m_library->importJson(file.readAll(), error);
    if (added < 0)
        return false;
    writeLibrary();
    m_outcome->setText(tr("Imported %n message(s).", nullptr, added));
    return true;
}

bool SavedMessagesPanel::exportTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(SavedMessageLibrary::toJson(listed()));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void SavedMessagesPanel::askToImport()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import saved messages"), {}, tr(fileFilter));
    QString error;
    if (!path.isEmpty() && !importFrom(path, &error))
        m_outcome->setText(tr("Cannot import %1: %2").arg(QDir::toNativeSeparators(path), error));
}

void SavedMessagesPanel::askToExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export saved messages"),
                                                      u"saved-messages.json"_s, tr(fileFilter));
    QString error;
    if (path.isEmpty())
        return;
    m_outcome->setText(
        exportTo(path, &error)
            ? tr("Exported %n message(s).", nullptr, int(listed().size()))
            : tr("Cannot export to %1: %2").arg(QDir::toNativeSeparators(path), error));
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionmanagerdialog.h"

#include "connectionpresetdialog.h"
#include "connectiontestpanel.h"
#include "profileeditor.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {
constexpr int IdRole = Qt::UserRole + 1;
enum ListColumn { NameColumn, TagsColumn };

QUuid idOf(const QTreeWidgetItem *item)
{
    return item ? item->data(NameColumn, IdRole).toUuid() : QUuid();
}

} // namespace

ConnectionManagerDialog::ConnectionManagerDialog(ProfileStore *profiles, SecretStore *secrets,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_list(new QTreeWidget(this))
    , m_editor(new ProfileEditor(this))
    , m_testPanel(new ConnectionTestPanel(m_editor, this))
    , m_status(new QLabel(this))
{
    setObjectName(u"connectionManager"_s);
    setWindowTitle(tr("Connections"));
    m_status->setWordWrap(true);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_editor, 1);
    rightLayout->addWidget(m_testPanel);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(createListPane());
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({280, 620});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(createButtons());
    resize(900, 640);

    connect(m_editor, &ProfileEditor::changed, this, [this] {
        m_editor->validate();
        updateCurrentRow();
    });
    rebuildList();
    if (!m_profiles->profiles().isEmpty())
        selectProfile(m_profiles->profiles().constFirst().id);
}

QWidget *ConnectionManagerDialog::createListPane()
{
    m_list->setObjectName(u"profileList"_s);
    m_list->setHeaderLabels({tr("Profile"), tr("Tags")});
    // The name takes the room; tags only what they need, and no room at all when none has any.
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(TagsColumn, QHeaderView::ResizeToContents);

    auto *newButton = new QPushButton(tr("New"), this);
    newButton->setObjectName(u"newProfile"_s);
    auto *presetButton = new QPushButton(tr("From preset…"), this);
    presetButton->setObjectName(u"newProfileFromPreset"_s);
    presetButton->setToolTip(tr("AWS IoT Core, Azure IoT Hub, HiveMQ Cloud, EMQX Cloud, a local "
                                "mosquitto"));
    auto *duplicateButton = new QPushButton(tr("Duplicate"), this);
    duplicateButton->setObjectName(u"duplicateProfile"_s);
    auto *deleteButton = new QPushButton(tr("Delete"), this);
    deleteButton->setToolTip(tr("Delete the selected profile (Del)"));
    auto *importButton = new QPushButton(tr("Import…"), this);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("Exports every profile as JSON; passwords are never exported"));
    auto *listButtons = new QHBoxLayout;
    for (QPushButton *b : {newButton, presetButton, duplicateButton, deleteButton})
        listButtons->addWidget(b);
    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(importButton);
    fileButtons->addWidget(exportButton);

    connect(newButton, &QPushButton::clicked, this, &ConnectionManagerDialog::createProfile);
    connect(presetButton, &QPushButton::clicked, this,
            &ConnectionManagerDialog::createProfileFromPreset);
    connect(duplicateButton, &QPushButton::clicked, this,
            &ConnectionManagerDialog::duplicateProfile);
    connect(deleteButton, &QPushButton::clicked, this, &ConnectionManagerDialog::deleteProfile);
    auto *del = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &ConnectionManagerDialog::deleteProfile);
    connect(importButton, &QPushButton::clicked, this, &ConnectionManagerDialog::importProfiles);
    connect(exportButton, &QPushButton::clicked, this, &ConnectionManagerDialog::exportProfiles);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current, QTreeWidgetItem *previous) {
                if (previous)
                    leaveRow(previous);
                if (!idOf(current).isNull())
                    showProfile(idOf(current));
            });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (!idOf(item).isNull())
            connectCurrent();
    });

    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(listButtons);
    layout->addLayout(fileButtons);
    return pane;
}

QDialogButtonBox *ConnectionManagerDialog::createButtons()
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    auto *connectButton = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(u"connectProfile"_s);
    connectButton->setDefault(true);
    buttons->button(QDialogButtonBox::Save)->setObjectName(u"saveProfile"_s);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &ConnectionManagerDialog::saveCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(connectButton, &QPushButton::clicked, this, &ConnectionManagerDialog::connectCurrent);
    return buttons;
}

void ConnectionManagerDialog::rebuildList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QList<ConnectionProfile> profiles = m_profiles->profiles();
    if (m_draft)
        profiles.append(m_draft->profile);
    QHash<QString, QTreeWidgetItem *> folders;
    for (const ConnectionProfile &p : std::as_const(profiles)) {
        QTreeWidgetItem *parent = nullptr;
        if (!p.folder.isEmpty()) {
            parent = folders.value(p.folder);
            if (!parent) {
                parent = new QTreeWidgetItem(m_list, {p.folder});
                parent->setFlags(Qt::ItemIsEnabled);
                folders.insert(p.folder, parent);
            }
        }
        setRow(parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_list), p);
    }
    m_list->expandAll();
    m_list->setRootIsDecorated(!folders.isEmpty()); // no indent for nothing to fold
    m_list->sortItems(NameColumn, Qt::AscendingOrder);
    m_list->setColumnHidden(
        TagsColumn, std::all_of(profiles.cbegin(), profiles.cend(), [](const ConnectionProfile &p) {
            return p.tags.isEmpty();
        }));
    m_editor->setFolders(m_profiles->folders());
}

void ConnectionManagerDialog::setRow(QTreeWidgetItem *item, const ConnectionProfile &profile)
{
    const QString name = profile.name.isEmpty() ? tr("(unnamed)") : profile.name;
    const bool draft = isDraft(profile.id);
    item->setText(NameColumn, draft ? tr("%1 (not saved)").arg(name) : name);
    item->setText(TagsColumn, profile.tags.join(u", "_s));
    item->setToolTip(NameColumn, profile.displayAddress());
    QFont font = item->font(NameColumn);
    font.setItalic(draft);
    item->setFont(NameColumn, font);
    item->setData(NameColumn, IdRole, profile.id);
}

// The row shows the editor's values while edited; leaving it, a saved profile's row shows what
// is saved again, and a draft keeps what was typed for when the user comes back.
void ConnectionManagerDialog::leaveRow(QTreeWidgetItem *item)
{
    const QUuid id = idOf(item);
    if (id.isNull() || id != m_currentId)
        return;
    if (isDraft(id)) {
        m_draft->profile = m_editor->profile();
        m_draft->secrets = m_editor->secrets();
    } else if (const auto saved = m_profiles->profile(id)) {
        setRow(item, *saved);
    }
}

void ConnectionManagerDialog::updateCurrentRow()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!m_currentId.isNull() && idOf(item) == m_currentId)
        setRow(item, m_editor->profile());
}

void ConnectionManagerDialog::selectProfile(const QUuid &id)
{
    for (QTreeWidgetItemIterator it(m_list); *it; ++it) {
        if (idOf(*it) == id) {
            m_list->setCurrentItem(*it);
            showProfile(id);
            return;
        }
    }
}

void ConnectionManagerDialog::showProfile(const QUuid &id)
{
    const auto profile = isDraft(id) ? m_draft->profile : m_profiles->profile(id);
    if (!profile)
        return;
    m_currentId = id;
    m_testPanel->reset();
    m_editor->setProfile(*profile);
    setStatus({});
    if (isDraft(id))
        m_editor->setSecrets(m_draft->secrets);
    else
        loadSecrets(id);
}

void ConnectionManagerDialog::loadSecrets(const QUuid &id)
{
    // The keychain may answer after the dialog is gone.
    m_secrets->read(
        id,
        [self = QPointer(this), id](std::optional<ProfileSecrets> secrets, const QString &error) {
            if (!self || self->m_currentId != id || self->m_editor->secretsEdited())
                return;
            if (secrets)
                self->m_editor->setSecrets(*secrets);
            else if (!error.isEmpty())
                self->setStatus(
                    tr("Keychain unavailable (%1): passwords are asked for when connecting.")
                        .arg(error));
        });
}

void ConnectionManagerDialog::createProfile()
{
    if (!m_draft) {
        m_draft = Draft{};
        m_draft->profile.name = tr("New connection");
        rebuildList();
    }
    selectProfile(m_draft->profile.id);
    m_editor->setFocus();
}

void ConnectionManagerDialog::createProfileFromPreset()
{
    auto *dialog = new ConnectionPresetDialog(ConnectionPreset::builtIn(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ConnectionPreset::Filled filled = dialog->filled();
        // The preset replaces an unsaved draft: one draft at a time, as with New.
        m_draft = Draft{filled.profile, filled.secrets};
        rebuildList();
        selectProfile(m_draft->profile.id);
        m_editor->validate();
        m_editor->setFocus();
    });
    dialog->open();
}

void ConnectionManagerDialog::duplicateProfile()
{
    const auto original = m_profiles->profile(m_currentId);
    if (!original)
        return; // a draft has nothing saved to copy
    const ConnectionProfile copy = m_profiles->duplicate(original->id);
    QString error;
    if (!m_profiles->save(&error))
        setStatus(error);
    rebuildList();
    selectProfile(copy.id);
    m_secrets->copy(original->id, copy.id,
                    [self = QPointer(this), id = copy.id](bool stored, const QString &error) {
                        if (!self)
                            return;
                        if (!stored)
                            self->setStatus(tr("The copy's secrets are kept only until mqttscope "
                                               "exits: %1")
                                                .arg(error));
                        if (self->m_currentId == id && !self->m_editor->secretsEdited())
                            self->loadSecrets(id);
                    });
}

void ConnectionManagerDialog::deleteProfile()
{
    if (isDraft(m_currentId)) {
        m_draft.reset(); // nothing saved to lose
    } else {
        const auto profile = m_profiles->profile(m_currentId);
        if (!profile)
            return;
        const auto answer = QMessageBox::question(
            this, tr("Delete profile"),
            tr("Delete the profile \"%1\" and its stored password?").arg(profile->name));
        if (answer != QMessageBox::Yes)
            return;
        m_secrets->remove(profile->id);
        m_profiles->remove(profile->id);
        QString error;
        if (!m_profiles->save(&error))
            setStatus(error);
    }
    m_currentId = {};
    rebuildList();
    if (!m_profiles->profiles().isEmpty())
        selectProfile(m_profiles->profiles().constFirst().id);
}

void ConnectionManagerDialog::importProfiles()
{
    const QString fileName =
        QFileDialog::getOpenFileName(this, tr("Import profiles"), {}, tr("JSON (*.json)"));
    if (fileName.isEmpty())
        return;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        setStatus(tr("Cannot read %1: %2").arg(fileName, file.errorString()));
        return;
    }
    QString error;
    const int count = m_profiles->importJson(file.readAll(), &error);
    if (count < 0) {
        setStatus(error);
        return;
    }
    m_profiles->save(&error);
    rebuildList();
    setStatus(tr("Imported %n profile(s).", nullptr, count));
}

void ConnectionManagerDialog::exportProfiles()
{
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Export profiles"), u"mqttscope-profiles.json"_s, tr("JSON (*.json)"));
    if (fileName.isEmpty())
        return;
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(ProfileStore::toJson(m_profiles->profiles())) < 0) {
        setStatus(tr("Cannot write %1: %2").arg(fileName, file.errorString()));
        return;
    }
    setStatus(tr("Exported %n profile(s) without passwords.", nullptr,
                 int(m_profiles->profiles().size())));
}

bool ConnectionManagerDialog::saveCurrent()
{
    if (m_currentId.isNull())
        return false;
    if (!m_editor->validate()) {
        setStatus(tr("Fix the marked fields first."));
        return false;
    }
    const ConnectionProfile profile = m_editor->profile();
    const bool wasDraft = isDraft(profile.id);
    storeSecrets(profile, wasDraft);
    m_profiles->upsert(profile);
    if (wasDraft)
        m_draft.reset();
    QString error;
    if (!m_profiles->save(&error)) {
        setStatus(error);
        return false;
    }
    rebuildList();
    selectProfile(profile.id);
    setStatus(tr("Saved."));
    return true;
}

void ConnectionManagerDialog::storeSecrets(const ConnectionProfile &profile, bool wasDraft)
{
    // A draft's secrets were typed (or are none), even when it was left and shown again.
    if (!m_editor->secretsEdited() && !wasDraft)
        return;
    const ProfileSecrets secrets = m_editor->secrets();
    if (secrets.isEmpty()) {
        if (!wasDraft)
            m_secrets->remove(profile.id);
        return;
    }
    m_secrets->write(profile.id, secrets,
                     [self = QPointer(this)](bool stored, const QString &error) {
                         if (self && !stored)
                             self->setStatus(error);
                     });
}

void ConnectionManagerDialog::connectCurrent()
{
    if (isDraft(m_currentId)) {
        const QMessageBox::StandardButton answer = askToSaveDraft();
        if (answer == QMessageBox::Discard)
            connectWithoutSaving();
        if (answer != QMessageBox::Save)
            return;
    }
    if (!saveCurrent())
        return;
    emit connectRequested(m_currentId);
    accept();
}

QMessageBox::StandardButton ConnectionManagerDialog::askToSaveDraft()
{
    const QString name = m_editor->profile().name;
    QMessageBox box(QMessageBox::Question, tr("Connect"),
                    tr("\"%1\" is not saved yet.").arg(name.isEmpty() ? tr("(unnamed)") : name),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(u"draftQuestion"_s);
    box.setInformativeText(
        tr("Save it as a profile and connect, or connect once without keeping it?"));
    box.button(QMessageBox::Save)->setText(tr("Save and connect"));
    box.button(QMessageBox::Discard)->setText(tr("Connect without saving"));
    box.button(QMessageBox::Discard)->setIcon({}); // nothing is thrown away: no bin
    box.setDefaultButton(QMessageBox::Save);
    return QMessageBox::StandardButton(box.exec());
}

void ConnectionManagerDialog::connectWithoutSaving()
{
    if (!m_editor->validate()) {
        setStatus(tr("Fix the marked fields first."));
        return;
    }
    const ConnectionProfile profile = m_editor->profile();
    m_secrets->remember(profile.id, m_editor->secrets()); // for this session only
    emit connectUnsavedRequested(profile);
    m_draft.reset();
    accept();
}

void ConnectionManagerDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionmanagerdialog.h"

#include "profileeditor.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {
constexpr int IdRole = Qt::UserRole + 1;
}

ConnectionManagerDialog::ConnectionManagerDialog(ProfileStore *profiles, SecretStore *secrets,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_list(new QTreeWidget(this))
    , m_editor(new ProfileEditor(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"connectionManager"_s);
    setWindowTitle(tr("Connections"));
    m_list->setObjectName(u"profileList"_s);
    m_list->setHeaderLabels({tr("Profile"), tr("Tags")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_status->setWordWrap(true);

    auto *newButton = new QPushButton(tr("New"), this);
    newButton->setObjectName(u"newProfile"_s);
    auto *duplicateButton = new QPushButton(tr("Duplicate"), this);
    auto *deleteButton = new QPushButton(tr("Delete"), this);
    auto *importButton = new QPushButton(tr("Import…"), this);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("Exports every profile as JSON; passwords are never exported"));
    auto *listButtons = new QHBoxLayout;
    for (QPushButton *b : {newButton, duplicateButton, deleteButton})
        listButtons->addWidget(b);
    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(importButton);
    fileButtons->addWidget(exportButton);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(listButtons);
    leftLayout->addLayout(fileButtons);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    auto *connectButton = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(u"connectProfile"_s);
    connectButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(900, 640);

    connect(newButton, &QPushButton::clicked, this, &ConnectionManagerDialog::createProfile);
    connect(duplicateButton, &QPushButton::clicked, this,
            &ConnectionManagerDialog::duplicateProfile);
    connect(deleteButton, &QPushButton::clicked, this, &ConnectionManagerDialog::deleteProfile);
    deleteButton->setToolTip(tr("Delete the selected profile (Del)"));
    auto *del = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &ConnectionManagerDialog::deleteProfile);
    connect(importButton, &QPushButton::clicked, this, &ConnectionManagerDialog::importProfiles);
    connect(exportButton, &QPushButton::clicked, this, &ConnectionManagerDialog::exportProfiles);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &ConnectionManagerDialog::saveCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(connectButton, &QPushButton::clicked, this, &ConnectionManagerDialog::connectCurrent);
    connect(m_editor, &ProfileEditor::changed, this, [this] { m_editor->validate(); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, IdRole).isValid())
            showProfile(item->data(0, IdRole).toUuid());
    });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, IdRole).isValid())
            connectCurrent();
    });

    rebuildList();
    if (!m_profiles->profiles().isEmpty())
        selectProfile(m_profiles->profiles().constFirst().id);
}

void ConnectionManagerDialog::rebuildList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QHash<QString, QTreeWidgetItem *> folders;
    const auto profiles = m_profiles->profiles();
    for (const ConnectionProfile &p : profiles) {
        QTreeWidgetItem *parent = nullptr;
        if (!p.folder.isEmpty()) {
            parent = folders.value(p.folder);
            if (!parent) {
                parent = new QTreeWidgetItem(m_list, {p.folder});
                parent->setFlags(Qt::ItemIsEnabled);
                folders.insert(p.folder, parent);
            }
        }
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_list);
        item->setText(0, p.name.isEmpty() ? tr("(unnamed)") : p.name);
        item->setText(1, p.tags.join(u", "_s));
        item->setToolTip(0, p.displayAddress());
        item->setData(0, IdRole, p.id);
    }
    m_list->expandAll();
    m_list->sortItems(0, Qt::AscendingOrder);
    m_editor->setFolders(m_profiles->folders());
}

void ConnectionManagerDialog::selectProfile(const QUuid &id)
{
    for (QTreeWidgetItemIterator it(m_list); *it; ++it) {
        if ((*it)->data(0, IdRole).toUuid() == id) {
            m_list->setCurrentItem(*it);
            showProfile(id);
            return;
        }
    }
}

void ConnectionManagerDialog::showProfile(const QUuid &id)
{
    const auto profile = m_profiles->profile(id);
    if (!profile)
        return;
    m_currentId = id;
    m_editor->setProfile(*profile);
    setStatus({});
    m_secrets->read(id, [this, id](std::optional<ProfileSecrets> secrets, const QString &error) {
        if (m_currentId != id || m_editor->secretsEdited())
            return;
        if (secrets)
            m_editor->setSecrets(*secrets);
        else if (!error.isEmpty())
            setStatus(tr("Keychain unavailable (%1): passwords are asked for when connecting.")
                          .arg(error));
    });
}

void ConnectionManagerDialog::createProfile()
{
    ConnectionProfile profile;
    profile.name = tr("New connection");
    m_profiles->upsert(profile);
    rebuildList();
    selectProfile(profile.id);
    m_editor->setFocus();
}

void ConnectionManagerDialog::duplicateProfile()
{
    if (m_currentId.isNull())
        return;
    const ConnectionProfile copy = m_profiles->duplicate(m_currentId);
    m_profiles->save();
    rebuildList();
    selectProfile(copy.id);
}

void ConnectionManagerDialog::deleteProfile()
{
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
    if (m_editor->secretsEdited()) {
        const ProfileSecrets secrets = m_editor->secrets();
        if (secrets.isEmpty()) {
            m_secrets->remove(profile.id);
        } else {
            m_secrets->write(profile.id, secrets, [this](bool stored, const QString &error) {
                if (!stored)
                    setStatus(error);
            });
        }
    }
    m_profiles->upsert(profile);
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

void ConnectionManagerDialog::connectCurrent()
{
    if (!saveCurrent())
        return;
    emit connectRequested(m_currentId);
    accept();
}

void ConnectionManagerDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionprofile.h"

#include <QDialog>
#include <QMessageBox>
#include <QUuid>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace mqttscope {

class ConnectionTestPanel;
class ProfileEditor;
class ProfileStore;
class SecretStore;

// Manages the saved connection profiles: a list grouped by folder (with tags) on the left, the
// editor of the selected profile with "Test connection" on the right; create, duplicate (with
// the secrets), delete, import and export (JSON, never with secrets), save, and connect.
// A new profile is a draft of this dialog until it is saved: listed, but not in the store.
class ConnectionManagerDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionManagerDialog(ProfileStore *profiles, SecretStore *secrets,
                            QWidget *parent = nullptr);

    ProfileEditor *editor() const { return m_editor; }
    ConnectionTestPanel *testPanel() const { return m_testPanel; }
    QUuid currentProfileId() const { return m_currentId; }
    bool isDraft(const QUuid &id) const { return m_draft && m_draft->profile.id == id; }
    void selectProfile(const QUuid &id);

public slots:
    void createProfile();
    // A draft filled from a preset the user picks and completes (ConnectionPresetDialog).
    void createProfileFromPreset();
    void duplicateProfile();
    void deleteProfile();
    void importProfiles();
    void exportProfiles();
    // Validates, stores the profile and its secrets, and writes the profile file.
    bool saveCurrent();
    // A draft asks first: save and connect, connect without saving, or neither.
    void connectCurrent();

signals:
    void connectRequested(const QUuid &id);
    // Connect once with a profile that is not saved (and so not in the store).
    void connectUnsavedRequested(const mqttscope::ConnectionProfile &profile);

private:
    struct Draft
    {
        ConnectionProfile profile;
        ProfileSecrets secrets;
    };

    QWidget *createListPane();
    QDialogButtonBox *createButtons();
    void rebuildList();
    void setRow(QTreeWidgetItem *item, const ConnectionProfile &profile);
    void leaveRow(QTreeWidgetItem *item);
    void updateCurrentRow();
    void showProfile(const QUuid &id);
    void loadSecrets(const QUuid &id);
    void storeSecrets(const ConnectionProfile &profile, bool wasDraft);
    QMessageBox::StandardButton askToSaveDraft();
    void connectWithoutSaving();
    void setStatus(const QString &text);

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    QTreeWidget *m_list;
    ProfileEditor *m_editor;
    ConnectionTestPanel *m_testPanel;
    QLabel *m_status;
    QUuid m_currentId;
    std::optional<Draft> m_draft;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QUuid>

class QDialogButtonBox;
class QLabel;
class QTreeWidget;

namespace mqttscope {

class ProfileEditor;
class ProfileStore;
class SecretStore;

// Manages the saved connection profiles: a list grouped by folder (with tags) on the left, the
// editor of the selected profile on the right; create, duplicate, delete, import and export
// (JSON, never with secrets), save, and connect.
class ConnectionManagerDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionManagerDialog(ProfileStore *profiles, SecretStore *secrets,
                            QWidget *parent = nullptr);

    ProfileEditor *editor() const { return m_editor; }
    QUuid currentProfileId() const { return m_currentId; }
    void selectProfile(const QUuid &id);

public slots:
    void createProfile();
    void duplicateProfile();
    void deleteProfile();
    void importProfiles();
    void exportProfiles();
    // Validates, stores the profile and its secrets, and writes the profile file.
    bool saveCurrent();
    void connectCurrent();

signals:
    void connectRequested(const QUuid &id);

private:
    void rebuildList();
    void showProfile(const QUuid &id);
    void setStatus(const QString &text);

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    QTreeWidget *m_list;
    ProfileEditor *m_editor;
    QLabel *m_status;
    QUuid m_currentId;
};

} // namespace mqttscope

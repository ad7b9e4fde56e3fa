// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionprofile.h"
#include "recentconnections.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QStackedWidget;
class QTabWidget;
class QMenu;

namespace mqttscope {

class Appearance;
class ConnectionManagerDialog;
class ConnectionTab;
class ProfileStore;
class RecordingTab;
class ReplayDialog;
class SavedMessageLibrary;
class SecretStore;
class StartPage;

// The application window: one tab per open connection (several at once), a start page when
// none is open (saved profiles, the last session), the menus and shortcuts (Ctrl+N new
// connection, Ctrl+F filter, Ctrl+W close), and the window layout and open tabs remembered
// across runs.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // With an `appearance`, the View menu offers its choices (System, Light, Dark).
    MainWindow(ProfileStore *profiles, SecretStore *secrets, Appearance *appearance = nullptr,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a tab for the profile and connects it.
    ConnectionTab *openProfile(const ConnectionProfile &profile);
    ConnectionTab *openProfile(const QUuid &id);
    // Opens an `mqtt[s]://|ws[s]://[user[:pass]@]host[:port]/path` URL as an unsaved profile
    // named `name` (default "host:port"); nullptr with *error when the URL is not valid.
    ConnectionTab *openUrl(const QString &url, QString *error, const QString &name = {});
    // The unsaved profile a broker URL opens (its password remembered for the session).
    std::optional<ConnectionProfile> profileFromUrl(const QString &url, QString *error,
                                                    const QString &name = {});

    // Opens a recording file read-only in a tab of its own; nullptr with *error when it is not
    // a recording.
    RecordingTab *openRecording(const QString &path, QString *error);
    void askToOpenRecording(); // File ▸ Open recording…

    ConnectionTab *currentTab() const;
    RecordingTab *currentRecordingTab() const;
    QTabWidget *tabs() const { return m_tabs; }
    int tabCount() const;
    StartPage *startPage() const { return m_startPage; }
    QAction *connectAction() const { return m_connectAction; }
    QAction *disconnectAction() const { return m_disconnectAction; }

public slots:
    void newConnection(); // the manager with a new profile selected
    void manageConnections();
    void editConnection(const QUuid &profile); // the manager with that profile selected
    void closeTab(int index);
    // Opens the saved profiles whose tabs were open at the last exit.
    void reopenLastSession();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    ReplayDialog *openReplayDialog(); // File ▸ Replay recording…, and a tree's Replay…
    void saveFormatRules(const QUuid &profileId, const QList<FormatRule> &rules);
    void createFileMenu();
    void createConnectionMenu();
    void createEditMenu();
    void createViewMenu();
    void createHelpMenu();
    void updateProfileMenu(); // enabled while there are profiles
    void fillProfileMenu(); // as it opens
    void updateTabProfiles();
    void loadSavedMessages();
    void saveMutedTopics(const QUuid &profileId, const QStringList &patterns);
    void runConnectionManager(ConnectionManagerDialog *dialog); // connects its requests, shows it
    void connectStartPage();
    void updateTab(ConnectionTab *tab);
    void updateWindowTitle();
    void updateConnectionActions();
    void onTabStateChanged(ConnectionTab *tab);
    QList<QUuid> savedProfilesOpen() const; // of the open tabs, in tab order

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    Appearance *m_appearance;
    RecentConnections m_recent;
    QList<QUuid> m_sessionToReopen; // saved profiles open at the last exit, until reopened
    QStackedWidget *m_pages;
    StartPage *m_startPage;
    QTabWidget *m_tabs;
    SavedMessageLibrary *m_savedMessages; // shared by the tabs' Saved panels
    QMenu *m_profileMenu = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QByteArray m_splitterState; // the last tab's layout, given to new tabs
};

} // namespace mqttscope

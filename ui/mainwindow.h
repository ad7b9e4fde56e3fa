// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionprofile.h"

#include <QMainWindow>

class QStackedWidget;
class QTabWidget;
class QMenu;

namespace mqttscope {

class ConnectionTab;
class ProfileStore;
class SecretStore;

// The application window: one tab per open connection (several at once), a welcome page when
// none is open, the menus and shortcuts (Ctrl+N new connection, Ctrl+F filter, Ctrl+W close),
// and the window layout remembered across runs.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ProfileStore *profiles, SecretStore *secrets, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a tab for the profile and connects it.
    ConnectionTab *openProfile(const ConnectionProfile &profile);
    ConnectionTab *openProfile(const QUuid &id);
    // Opens an `mqtt[s]://|ws[s]://[user[:pass]@]host[:port]/path` URL as an unsaved profile
    // named `name` (default "host:port"); nullptr with *error when the URL is not valid.
    ConnectionTab *openUrl(const QString &url, QString *error, const QString &name = {});

    ConnectionTab *currentTab() const;
    QTabWidget *tabs() const { return m_tabs; }
    int tabCount() const;

public slots:
    void newConnection(); // the manager with a new profile selected
    void manageConnections();
    void closeTab(int index);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void rebuildProfileMenu();
    void updateTab(ConnectionTab *tab);
    void updateWindowTitle();
    QWidget *createWelcomePage();

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    QStackedWidget *m_pages;
    QTabWidget *m_tabs;
    QMenu *m_profileMenu = nullptr;
    QByteArray m_splitterState; // the last tab's layout, given to new tabs
};

} // namespace mqttscope

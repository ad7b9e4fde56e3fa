// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appearance.h"
#include "connectionmanagerdialog.h"
#include "connectiontab.h"
#include "profiles/profilestore.h"
#include "profiles/savedmessagelibrary.h"
#include "replaydialog.h"
#include "profiles/secretstore.h"
#include "recordingbar.h"
#include "recordingtab.h"
#include "importrecording.h"
#include "noticebanner.h"
#include "searchpanel.h"
#include "startpage.h"
#include "transport/endpoint.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

// UI preferences, stored with QSettings (profiles are core data and live elsewhere).
const auto GeometryKey = "window/geometry"_L1;
constexpr int FirstRunTitleBarRoom = 40;
const auto StateKey = "window/state"_L1;
const auto MainSplitterKey = "window/mainSplitter"_L1;
const auto TopSplitterKey = "window/topSplitter"_L1;

// Whether Connection ▸ Connect applies to a tab in `state`; Disconnect applies in all others
// (it also stops a reconnecting tab from trying again).
bool canConnect(ClientState state)
{
    switch (state) {
    case ClientState::Disconnected:
        return true;
    case ClientState::Connecting:
    case ClientState::Connected:
    case ClientState::Reconnecting:
        return false;
    }
    return false;
}

} // namespace

MainWindow::MainWindow(ProfileStore *profiles, SecretStore *secrets, Appearance *appearance,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_appearance(appearance)
    , m_pages(new QStackedWidget(this))
    , m_startPage(new StartPage(profiles, this))
    , m_tabs(new QTabWidget(this))
    , m_savedMessages(new SavedMessageLibrary(
          QFileInfo(profiles->filePath()).absolutePath() + u"/saved-messages.json"_s, this))
{
    setObjectName(u"mainWindow"_s);
    m_tabs->setObjectName(u"connectionTabs"_s);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_pages->addWidget(m_startPage);
    m_pages->addWidget(m_tabs);
    setCentralWidget(m_pages);
    createFileMenu();
    createConnectionMenu();
    createEditMenu();
    createViewMenu();
    createHelpMenu();
    connectStartPage();
    loadSavedMessages();
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateWindowTitle);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateConnectionActions);
    connect(m_profiles, &ProfileStore::profilesChanged, this, &MainWindow::updateProfileMenu);
    connect(m_profiles, &ProfileStore::profilesChanged, this, &MainWindow::updateTabProfiles);

    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray())) {
        // First run: roomy, but inside the screen with room for the title bar, so that a
        // 1280×800 display shows the bottom of the window too.
        const QSize room = screen()->availableGeometry().size() - QSize(0, FirstRunTitleBarRoom);
        resize(QSize(1280, 820).boundedTo(room));
    }
    restoreState(settings.value(StateKey).toByteArray());
    updateWindowTitle();
    updateConnectionActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectStartPage()
{
    connect(m_startPage, &StartPage::connectRequested, this,
            qOverload<const QUuid &>(&MainWindow::openProfile));
    connect(m_startPage, &StartPage::newConnectionRequested, this, &MainWindow::newConnection);
    connect(m_startPage, &StartPage::manageConnectionsRequested, this,
            &MainWindow::manageConnections);
    connect(m_startPage, &StartPage::reopenSessionRequested, this, &MainWindow::reopenLastSession);
    const QList<QUuid> lastSession = m_recent.lastSession();
    for (const QUuid &id : lastSession) {
        if (m_profiles->profile(id)) // not deleted since
            m_sessionToReopen.append(id);
    }
    m_startPage->offerSession(int(m_sessionToReopen.size()));
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New connection…"), this, &MainWindow::newConnection);
    newAction->setShortcut(QKeySequence::New);
    file->addAction(tr("&Connections…"), this, &MainWindow::manageConnections)
        ->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    m_profileMenu = file->addMenu(tr("&Open saved connection"));
    // Filled as it opens: a thousand profiles are a thousand actions nobody sees at start.
    connect(m_profileMenu, &QMenu::aboutToShow, this, &MainWindow::fillProfileMenu);
    updateProfileMenu();
    file->addAction(tr("Open &recording…"), this, &MainWindow::askToOpenRecording)
        ->setShortcut(QKeySequence::Open);
    file->addAction(tr("&Import into recording…"), this, [this] {
        importIntoRecording(this, [this](const QString &path) {
            QString error;
            if (!openRecording(path, &error))
                QMessageBox::warning(this, tr("Open recording"), error);
        });
    });
    file->addSeparator();
    file->addAction(tr("&Replay recording…"), this, [this] { openReplayDialog(); });
    file->addSeparator();
    file->addAction(tr("Close &tab"), this, [this] { closeTab(m_tabs->currentIndex()); })
        ->setShortcut(QKeySequence::Close);
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);
}

ReplayDialog *MainWindow::openReplayDialog()
{
    auto *dialog = new ReplayDialog(m_profiles, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose); // closing it stops its replay
    dialog->show();
    return dialog;
}

void MainWindow::createConnectionMenu()
{
    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    m_connectAction = connection->addAction(tr("&Connect"), this, [this] {
        if (ConnectionTab *tab = currentTab())
            tab->connectToBroker();
    });
    m_disconnectAction = connection->addAction(tr("&Disconnect"), this, [this] {
        if (ConnectionTab *tab = currentTab())
            tab->disconnectFromBroker();
    });
    connection->addSeparator();
    connection->addAction(tr("Delete &retained messages under the selected topic…"), this, [this] {
        if (ConnectionTab *tab = currentTab())
            tab->deleteRetained(tab->selectedTopic());
    });
    connection->addAction(tr("&Export history…"), this, [this] {
        if (ConnectionTab *tab = currentTab())
            tab->exportHistory();
    });
}

void MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Filter topics"), this,
                    [this] {
                        if (ConnectionTab *tab = currentTab())
                            tab->focusFilter();
                        else if (RecordingTab *recording = currentRecordingTab())
                            recording->focusFilter();
                    })
        ->setShortcut(QKeySequence::Find);
    edit->addAction(tr("&Search messages…"), this,
                    [this] {
                        QWidget *tab = m_tabs->currentWidget();
                        if (auto *panel = tab ? tab->findChild<SearchPanel *>() : nullptr)
                            panel->reveal();
                    })
        ->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    edit->addAction(tr("Copy &topic"), this,
                    [this] {
                        if (ConnectionTab *tab = currentTab())
                            tab->copySelectedTopic();
                    })
        ->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
    edit->addAction(tr("&Clear history of the selected topic"), this, [this] {
        if (ConnectionTab *tab = currentTab())
            tab->clearHistory();
    });
}

void MainWindow::createViewMenu()
{
    if (!m_appearance)
        return;
    QMenu *appearance = menuBar()->addMenu(tr("&View"))->addMenu(tr("&Appearance"));
    auto *group = new QActionGroup(appearance);
    const std::pair<AppearanceChoice, QString> choices[] = {
        {AppearanceChoice::System, tr("&System")},
        {AppearanceChoice::Light, tr("&Light")},
        {AppearanceChoice::Dark, tr("&Dark")},
    };
    for (const auto &[choice, text] : choices) {
        QAction *action = appearance->addAction(
            text, this, [this, choice = choice] { m_appearance->setChoice(choice); });
        action->setCheckable(true);
        action->setChecked(m_appearance->choice() == choice);
        action->setData(int(choice));
        group->addAction(action);
    }
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About mqttscope"), this, [this] {
        QMessageBox::about(this, tr("About mqttscope"),
                           tr("<h3>mqttscope %1</h3><p>A fast native MQTT 3.1.1/5.0 explorer.</p>"
                              "<p>Licensed under the GNU GPL version 3 or later.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::updateProfileMenu()
{
    m_profileMenu->setEnabled(!m_profiles->profiles().isEmpty());
}

void MainWindow::fillProfileMenu()
{
    m_profileMenu->clear();
    const auto profiles = m_profiles->profiles();
    for (const ConnectionProfile &p : profiles) {
        const QUuid id = p.id;
        m_profileMenu->addAction(StartPage::profileLabel(p), this, [this, id] { openProfile(id); });
    }
}

ConnectionTab *MainWindow::openProfile(const QUuid &id)
{
    const auto profile = m_profiles->profile(id);
    return profile ? openProfile(*profile) : nullptr;
}

ConnectionTab *MainWindow::openProfile(const ConnectionProfile &profile)
{
    auto *tab = new ConnectionTab(profile, m_secrets, m_tabs);
    const QSettings settings;
    tab->mainSplitter()->restoreState(settings.value(MainSplitterKey).toByteArray());
    tab->topSplitter()->restoreState(settings.value(TopSplitterKey).toByteArray());
    const int index = m_tabs->addTab(tab, tab->title());
    m_tabs->setCurrentIndex(index);
    m_pages->setCurrentWidget(m_tabs);
    connect(tab, &ConnectionTab::titleChanged, this, [this, tab] { updateTab(tab); });
    connect(tab, &ConnectionTab::statusChanged, this, [this, tab] { updateTab(tab); });
    connect(tab, &ConnectionTab::stateChanged, this, [this, tab] { onTabStateChanged(tab); });
    connect(tab, &ConnectionTab::editConnectionRequested, this, &MainWindow::editConnection);
    connect(tab, &ConnectionTab::mutedTopicsChanged, this, &MainWindow::saveMutedTopics);
    tab->setSavedMessages(m_savedMessages);
    connect(tab, &ConnectionTab::formatRulesChanged, this, &MainWindow::saveFormatRules);
    connect(tab, &ConnectionTab::replayRequested, this,
            [this](const QString &topic, const QList<RecordedMessage> &messages) {
                openReplayDialog()->setSubtree(topic, messages);
            });
    updateTab(tab);
    tab->connectToBroker();
    updateConnectionActions();
    return tab;
}

void MainWindow::askToOpenRecording()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open recording"), {},
                                                      tr("Recordings (*.mqttrec);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openRecording(path, &error))
        QMessageBox::warning(this, tr("Open recording"),
                             tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), error));
}

RecordingTab *MainWindow::openRecording(const QString &path, QString *error)
{
    RecordingTab *tab = RecordingTab::open(path, error, m_tabs);
    if (!tab)
        return nullptr;
    if (const auto profile = tab->recordedProfile(*m_profiles))
        tab->setPayloadFormats(*profile);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const int index = m_tabs->addTab(
        tab, RecordingBar::dotIcon(palette().color(QPalette::Mid), size), tab->title());
    m_tabs->setTabToolTip(index, QDir::toNativeSeparators(tab->path()));
    m_tabs->setCurrentIndex(index);
    m_pages->setCurrentWidget(m_tabs);
    return tab;
}

void MainWindow::reopenLastSession()
{
    const QList<QUuid> session = std::exchange(m_sessionToReopen, {});
    m_startPage->offerSession(0);
    for (const QUuid &id : session)
        openProfile(id);
}

void MainWindow::onTabStateChanged(ConnectionTab *tab)
{
    const QUuid id = tab->profile().id;
    if (tab->state() == ClientState::Connected && m_profiles->profile(id))
        m_recent.markConnected(id);
    if (tab == currentTab())
        updateConnectionActions();
}

void MainWindow::updateConnectionActions()
{
    const ConnectionTab *tab = currentTab();
    m_connectAction->setEnabled(tab && canConnect(tab->state()));
    m_disconnectAction->setEnabled(tab && !canConnect(tab->state()));
}

QList<QUuid> MainWindow::savedProfilesOpen() const
{
    QList<QUuid> ids;
    for (int i = 0; i < m_tabs->count(); ++i) {
        const auto *tab = qobject_cast<const ConnectionTab *>(m_tabs->widget(i));
        if (tab && m_profiles->profile(tab->profile().id)) // a URL's tab cannot be reopened
            ids.append(tab->profile().id);
    }
    return ids;
}

ConnectionTab *MainWindow::openUrl(const QString &url, QString *error, const QString &name)
{
    const std::optional<ConnectionProfile> profile = profileFromUrl(url, error, name);
    return profile ? openProfile(*profile) : nullptr;
}

std::optional<ConnectionProfile> MainWindow::profileFromUrl(const QString &url, QString *error,
                                                            const QString &name)
{
    const auto parsed = parseEndpointUrl(url, error);
    if (!parsed)
        return std::nullopt;
    const QString address = parsed->endpoint.host + u':' + QString::number(parsed->endpoint.port);
    ConnectionProfile profile =
        ConnectionProfile::fromEndpointUrl(*parsed, name.isEmpty() ? address : name);
    if (!parsed->topic.isEmpty())
        profile.subscriptions = {Subscription{.filter = parsed->topic, .retainAsPublished = true}};
    if (parsed->password) {
        ProfileSecrets secrets;
        secrets.password = parsed->password;
        m_secrets->remember(profile.id, secrets);
    }
    return profile;
}

ConnectionTab *MainWindow::currentTab() const
{
    return qobject_cast<ConnectionTab *>(m_tabs->currentWidget());
}

RecordingTab *MainWindow::currentRecordingTab() const
{
    return qobject_cast<RecordingTab *>(m_tabs->currentWidget());
}

int MainWindow::tabCount() const
{
    return m_tabs->count();
}

void MainWindow::updateTab(ConnectionTab *tab)
{
    const int index = m_tabs->indexOf(tab);
    if (index < 0)
        return;
    // The status changes every second while connected (rates): touch only what changed, since
    // every QTabBar setter re-lays out and repaints the bar, and that was most of the idle CPU.
    if (m_tabs->tabText(index) != tab->title())
        m_tabs->setTabText(index, tab->title());
    const QVariant indicator = QVariant::fromValue(int(tab->indicator()));
    if (m_tabs->tabBar()->tabData(index) != indicator) {
        m_tabs->tabBar()->setTabData(index, indicator);
        m_tabs->setTabIcon(index, indicatorIcon(tab->indicator(), palette()));
    }
    if (m_tabs->tabToolTip(index) != tab->statusText())
        m_tabs->setTabToolTip(index, tab->statusText());
    if (index == m_tabs->currentIndex())
        updateWindowTitle();
}

void MainWindow::updateWindowTitle()
{
    const ConnectionTab *tab = currentTab();
    const RecordingTab *recording = currentRecordingTab();
    if (tab)
        setWindowTitle(tr("%1 — mqttscope").arg(tab->profile().name));
    else if (recording)
        setWindowTitle(tr("%1 — mqttscope").arg(recording->title()));
    else
        setWindowTitle(u"mqttscope"_s);
}

void MainWindow::closeTab(int index)
{
    QWidget *widget = m_tabs->widget(index);
    if (!widget)
        return;
    if (auto *tab = qobject_cast<ConnectionTab *>(widget)) {
        QSettings settings;
        settings.setValue(MainSplitterKey, tab->mainSplitter()->saveState());
        settings.setValue(TopSplitterKey, tab->topSplitter()->saveState());
    }
    m_tabs->removeTab(index);
    delete widget;
    if (m_tabs->count() == 0)
        m_pages->setCurrentIndex(0);
    updateWindowTitle();
}

void MainWindow::newConnection()
{
    ConnectionManagerDialog dialog(m_profiles, m_secrets, this);
    dialog.createProfile();
    runConnectionManager(&dialog);
}

void MainWindow::manageConnections()
{
    ConnectionManagerDialog dialog(m_profiles, m_secrets, this);
    if (m_profiles->profiles().isEmpty())
        dialog.createProfile();
    runConnectionManager(&dialog);
}

void MainWindow::editConnection(const QUuid &profile)
{
    ConnectionManagerDialog dialog(m_profiles, m_secrets, this);
    if (m_profiles->profile(profile))
        dialog.selectProfile(profile);
    else // a URL's connection, never saved
        dialog.createProfile();
    runConnectionManager(&dialog);
}

void MainWindow::loadSavedMessages()
{
    QString error;
    if (m_savedMessages->load(&error))
        return;
    // Kept aside, not overwritten by the next save: the user may want it back.
    const QString path = m_savedMessages->filePath();
    const QString aside = path + u".unreadable"_s;
    QFile::remove(aside);
    QFile::rename(path, aside);
    qWarning().noquote() << error << "- kept as" << QDir::toNativeSeparators(aside);
}

void MainWindow::saveMutedTopics(const QUuid &profileId, const QStringList &patterns)
{
    auto saved = m_profiles->profile(profileId);
    if (!saved) // a URL's connection: kept for the tab only
        return;
    saved->mutedTopics = patterns;
    m_profiles->upsert(*saved);
    m_profiles->save();
}

// "Decode topics like this as…" in a tab: a saved profile keeps the rule; only the rules are
// taken from the tab, so nothing else the tab holds overwrites the saved profile.
void MainWindow::saveFormatRules(const QUuid &profileId, const QList<FormatRule> &rules)
{
    std::optional<ConnectionProfile> saved = m_profiles->profile(profileId);
    if (!saved) // a URL's connection: kept for the tab only
        return;
    saved->formatRules = rules;
    m_profiles->upsert(*saved);
    QString error;
    if (!m_profiles->save(&error)) {
        if (auto *tab = qobject_cast<ConnectionTab *>(sender()))
            tab->banner()->showWarning(tr("The format rule could not be saved"), error,
                                       tr("It applies to this tab until it is closed."));
    }
}

void MainWindow::updateTabProfiles()
{
    // A tab connects with its own copy of the profile: an edit (after a refused login, say)
    // reaches it for the next attempt.
    for (int index = 0; index < m_tabs->count(); ++index) {
        auto *tab = qobject_cast<ConnectionTab *>(m_tabs->widget(index));
        if (const auto saved = tab ? m_profiles->profile(tab->profile().id) : std::nullopt)
            tab->setProfile(*saved);
    }
}

void MainWindow::runConnectionManager(ConnectionManagerDialog *dialog)
{
    connect(dialog, &ConnectionManagerDialog::connectRequested, this,
            qOverload<const QUuid &>(&MainWindow::openProfile));
    connect(dialog, &ConnectionManagerDialog::connectUnsavedRequested, this,
            qOverload<const ConnectionProfile &>(&MainWindow::openProfile));
    dialog->exec();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        for (int i = 0; i < m_tabs->count(); ++i) {
            m_tabs->tabBar()->setTabData(i, {}); // the dot is drawn in the palette's colours
            if (auto *tab = qobject_cast<ConnectionTab *>(m_tabs->widget(i)))
                updateTab(tab);
        }
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    m_recent.setLastSession(savedProfilesOpen());
    if (const ConnectionTab *tab = currentTab()) {
        settings.setValue(MainSplitterKey, tab->mainSplitter()->saveState());
        settings.setValue(TopSplitterKey, tab->topSplitter()->saveState());
    }
    // Close every connection now (DISCONNECT sent) rather than in the destructor's order.
    while (m_tabs->count() > 0) {
        QWidget *tab = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete tab;
    }
    event->accept();
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "connectionmanagerdialog.h"
#include "connectiontab.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "transport/endpoint.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

// UI preferences, stored with QSettings (profiles are core data and live elsewhere).
const auto GeometryKey = "window/geometry"_L1;
const auto StateKey = "window/state"_L1;
const auto MainSplitterKey = "window/mainSplitter"_L1;
const auto TopSplitterKey = "window/topSplitter"_L1;

} // namespace

MainWindow::MainWindow(ProfileStore *profiles, SecretStore *secrets, QWidget *parent)
    : QMainWindow(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_pages(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(u"mainWindow"_s);
    m_tabs->setObjectName(u"connectionTabs"_s);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_pages->addWidget(createWelcomePage());
    m_pages->addWidget(m_tabs);
    setCentralWidget(m_pages);
    createMenus();
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateWindowTitle);
    connect(m_profiles, &ProfileStore::profilesChanged, this, &MainWindow::rebuildProfileMenu);

    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1280, 820);
    restoreState(settings.value(StateKey).toByteArray());
    updateWindowTitle();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createWelcomePage()
{
    auto *page = new QWidget(this);
    auto *title = new QLabel(tr("<h2>mqttscope</h2>"), page);
    auto *text = new QLabel(tr("Open a connection to browse a broker's topics live."), page);
    auto *newButton = new QPushButton(tr("New connection…"), page);
    auto *manageButton = new QPushButton(tr("Saved connections…"), page);
    connect(newButton, &QPushButton::clicked, this, &MainWindow::newConnection);
    connect(manageButton, &QPushButton::clicked, this, &MainWindow::manageConnections);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    for (QWidget *w : std::initializer_list<QWidget *>{title, text, newButton, manageButton})
        layout->addWidget(w, 0, Qt::AlignHCenter);
    layout->addStretch();
    return page;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New connection…"), this, &MainWindow::newConnection);
    newAction->setShortcut(QKeySequence::New);
    file->addAction(tr("&Connections…"), this, &MainWindow::manageConnections)
        ->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    m_profileMenu = file->addMenu(tr("&Open saved connection"));
    rebuildProfileMenu();
    file->addSeparator();
    file->addAction(tr("Close &tab"), this, [this] { closeTab(m_tabs->currentIndex()); })
        ->setShortcut(QKeySequence::Close);
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    connection->addAction(tr("&Connect"), this, [this] {
        if (ConnectionTab *tab = currentTab())
            tab->connectToBroker();
    });
    connection->addAction(tr("&Disconnect"), this, [this] {
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

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Filter topics"), this,
                    [this] {
                        if (ConnectionTab *tab = currentTab())
                            tab->focusFilter();
                    })
        ->setShortcut(QKeySequence::Find);
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

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About mqttscope"), this, [this] {
        QMessageBox::about(this, tr("About mqttscope"),
                           tr("<h3>mqttscope %1</h3><p>A fast native MQTT 3.1.1/5.0 explorer.</p>"
                              "<p>Licensed under the GNU GPL version 3 or later.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::rebuildProfileMenu()
{
    if (!m_profileMenu)
        return;
    m_profileMenu->clear();
    const auto profiles = m_profiles->profiles();
    for (const ConnectionProfile &p : profiles) {
        const QString label = p.folder.isEmpty() ? p.name : p.folder + u" / "_s + p.name;
        const QUuid id = p.id;
        m_profileMenu->addAction(label, this, [this, id] { openProfile(id); });
    }
    m_profileMenu->setEnabled(!profiles.isEmpty());
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
    updateTab(tab);
    tab->connectToBroker();
    return tab;
}

ConnectionTab *MainWindow::openUrl(const QString &url, QString *error, const QString &name)
{
    const auto parsed = parseEndpointUrl(url, error);
    if (!parsed)
        return nullptr;
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
    return openProfile(profile);
}

ConnectionTab *MainWindow::currentTab() const
{
    return qobject_cast<ConnectionTab *>(m_tabs->currentWidget());
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
    setWindowTitle(tab ? tr("%1 — mqttscope").arg(tab->profile().name) : u"mqttscope"_s);
}

void MainWindow::closeTab(int index)
{
    auto *tab = qobject_cast<ConnectionTab *>(m_tabs->widget(index));
    if (!tab)
        return;
    QSettings settings;
    settings.setValue(MainSplitterKey, tab->mainSplitter()->saveState());
    settings.setValue(TopSplitterKey, tab->topSplitter()->saveState());
    m_tabs->removeTab(index);
    delete tab;
    if (m_tabs->count() == 0)
        m_pages->setCurrentIndex(0);
    updateWindowTitle();
}

void MainWindow::newConnection()
{
    ConnectionManagerDialog dialog(m_profiles, m_secrets, this);
    dialog.createProfile();
    connect(&dialog, &ConnectionManagerDialog::connectRequested, this,
            qOverload<const QUuid &>(&MainWindow::openProfile));
    dialog.exec();
}

void MainWindow::manageConnections()
{
    ConnectionManagerDialog dialog(m_profiles, m_secrets, this);
    if (m_profiles->profiles().isEmpty())
        dialog.createProfile();
    connect(&dialog, &ConnectionManagerDialog::connectRequested, this,
            qOverload<const QUuid &>(&MainWindow::openProfile));
    dialog.exec();
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

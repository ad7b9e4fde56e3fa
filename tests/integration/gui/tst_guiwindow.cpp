// SPDX-License-Identifier: GPL-3.0-or-later
// The main window around its tabs, on the offscreen platform: light or dark as a (faked) desktop
// portal says and as the View menu overrides; the start page's saved profiles, one click from
// connecting to a real mosquitto, and a thousand of them listed and filtered; reopening the last
// session's tabs; Connect and Disconnect enabled as the current tab's state allows.
#include "appearance.h"
#include "connectionmanagerdialog.h"
#include "connectiontab.h"
#include "views/viewcolors.h"
#include "fakeportal.h"
#include "mainwindow.h"
#include "mosquittobroker.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "recentconnections.h"
#include "startpage.h"
#include "startpageprofilemodel.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr uint PortalDark = 1;
constexpr uint PortalLight = 2;

// The View ▸ Appearance action for `choice`; nullptr when the window has none.
QAction *appearanceAction(MainWindow *window, AppearanceChoice choice)
{
    const QList<QAction *> actions = window->menuBar()->findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->isCheckable() && action->data() == QVariant(int(choice)))
            return action;
    }
    return nullptr;
}

// The start page's profile rows as its list shows them, top to bottom: the titles, and what
// each says under its title.
QStringList titles(MainWindow *window, int role = Qt::DisplayRole)
{
    const QAbstractItemModel *rows = window->startPage()->profileList()->model();
    QStringList texts;
    for (int row = 0; row < rows->rowCount(); ++row)
        texts.append(rows->index(row, 0).data(role).toString());
    return texts;
}

QStringList descriptions(MainWindow *window)
{
    return titles(window, StartPageProfileModel::DescriptionRole);
}

void clickRow(MainWindow *window, int row)
{
    QListView *list = window->startPage()->profileList();
    const QRect rect = list->visualRect(list->model()->index(row, 0));
    QVERIFY(list->viewport()->rect().contains(rect.center()));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
}

QMenu *savedConnectionsMenu(MainWindow *window)
{
    const QList<QMenu *> menus = window->menuBar()->findChildren<QMenu *>();
    for (QMenu *menu : menus) {
        if (menu->title() == u"&Open saved connection"_s)
            return menu;
    }
    return nullptr;
}

} // namespace

class tst_GuiWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void lastConnectedText_data();
    void lastConnectedText();
    void darkFromThePortalFollowsChanges_data();
    void darkFromThePortalFollowsChanges();
    void withoutAPortalStaysLight();
    void viewMenuOverridesAndPersists();
    void startPageListsProfilesAndConnectsInOneClick();
    void firstRunWindowFitsTheScreen();
    void startPageWithoutProfilesSaysWhatToDo();
    void startPageListsAThousandProfilesAndFiltersThem();
    void reopensTheLastSession();
    void connectAndDisconnectFollowTheState();
    void editConnectionOpensTheManagerOnTheProfile();

private:
    ConnectionProfile addProfile(const QString &name);
    std::unique_ptr<MainWindow> showWindow(Appearance *appearance = nullptr);

    QTemporaryDir m_config;
    MosquittoBroker m_broker;
    FakePortal m_portal;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
};

void tst_GuiWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QVERIFY(!isDarkPalette(QApplication::palette()));
    MQTTSCOPE_START_BROKER(m_broker);
    QString error;
    QVERIFY2(m_portal.start(&error), qPrintable(error));
    m_secrets = std::make_unique<SecretStore>(u"mqttscope-test"_s);
}

void tst_GuiWindow::init()
{
    QSettings().clear();
    QFile::remove(m_config.filePath(u"profiles.json"_s));
    m_profiles = std::make_unique<ProfileStore>(m_config.filePath(u"profiles.json"_s));
    m_portal.setVersion(FakePortal::Version::Version2);
    m_portal.setColorScheme(0, false);
    m_portal.clearCalls();
}

void tst_GuiWindow::cleanup()
{
    QApplication::setPalette(QPalette());
    QVERIFY(!isDarkPalette(QApplication::palette()));
}

ConnectionProfile tst_GuiWindow::addProfile(const QString &name)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.host = u"127.0.0.1"_s;
    profile.port = m_broker.port(MosquittoBroker::Listener::Tcp);
    m_profiles->upsert(profile);
    return profile;
}

std::unique_ptr<MainWindow> tst_GuiWindow::showWindow(Appearance *appearance)
{
    auto window = std::make_unique<MainWindow>(m_profiles.get(), m_secrets.get(), appearance);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("the window was not exposed");
    return window;
}

void tst_GuiWindow::lastConnectedText_data()
{
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<QString>("expectedStart");
    const QDateTime now(QDate(2024, 5, 17), QTime(18, 30));
    QTest::newRow("never") << QDateTime() << u"Never connected"_s;
    QTest::newRow("today") << now.addSecs(-3600) << u"Last connected today at "_s;
    QTest::newRow("yesterday") << now.addDays(-1) << u"Last connected yesterday at "_s;
    QTest::newRow("earlier") << now.addDays(-30) << u"Last connected on "_s;
}

void tst_GuiWindow::lastConnectedText()
{
    QFETCH(QDateTime, when);
    QFETCH(QString, expectedStart);
    const QDateTime now(QDate(2024, 5, 17), QTime(18, 30));
    const QString text = StartPage::lastConnectedText(when, now);
    QVERIFY2(text.startsWith(expectedStart), qPrintable(text));
    if (when.isValid() && when.date() != now.date().addDays(-30)) // the time of day follows
        QVERIFY2(text.endsWith(QLocale().toString(when.time(), QLocale::ShortFormat)),
                 qPrintable(text));
}

void tst_GuiWindow::darkFromThePortalFollowsChanges_data()
{
    QTest::addColumn<FakePortal::Version>("version");
    QTest::addColumn<QStringList>("calls");
    QTest::newRow("ReadOne") << FakePortal::Version::Version2 << QStringList{u"ReadOne"_s};
    QTest::newRow("Read only") << FakePortal::Version::Version1
                               << QStringList{u"ReadOne"_s, u"Read"_s};
}

void tst_GuiWindow::darkFromThePortalFollowsChanges()
{
    QFETCH(FakePortal::Version, version);
    QFETCH(QStringList, calls);
    m_portal.setVersion(version);
    m_portal.setColorScheme(PortalDark, false);
    Appearance appearance;
    const auto window = showWindow(&appearance);
    QTRY_VERIFY(isDarkPalette(window->palette()));
    QVERIFY(isDarkPalette(window->startPage()->palette()));
    QCOMPARE(appearance.choice(), AppearanceChoice::System);
    QCOMPARE(m_portal.calls(), calls);

    m_portal.setColorScheme(PortalLight, true); // the user switched the desktop to light
    QTRY_VERIFY(!isDarkPalette(window->palette()));
    m_portal.setColorScheme(PortalDark, true); // and back
    QTRY_VERIFY(isDarkPalette(window->palette()));
    QCOMPARE(m_portal.calls(), calls); // changes come as signals, not by asking again
}

void tst_GuiWindow::withoutAPortalStaysLight()
{
    QTest::failOnWarning(QRegularExpression(u"(?i)d-?bus|portal"_s)); // quietly
    m_portal.stop();
    {
        Appearance appearance;
        const auto window = showWindow(&appearance);
        QTest::qWait(500); // the bus answers at once that nobody owns the name
        QVERIFY(!isDarkPalette(window->palette()));
    }
    QString error;
    QVERIFY2(m_portal.start(&error), qPrintable(error));
}

void tst_GuiWindow::viewMenuOverridesAndPersists()
{
    m_portal.setColorScheme(PortalDark, false);
    {
        Appearance appearance;
        const auto window = showWindow(&appearance);
        QTRY_VERIFY(isDarkPalette(window->palette()));
        QAction *light = appearanceAction(window.get(), AppearanceChoice::Light);
        QVERIFY(light);
        QVERIFY(appearanceAction(window.get(), AppearanceChoice::System)->isChecked());
        light->trigger();
        QVERIFY(light->isChecked());
        QTRY_VERIFY(!isDarkPalette(window->palette()));
        m_portal.setColorScheme(PortalDark, true); // the desktop no longer decides
        QTest::qWait(300);
        QVERIFY(!isDarkPalette(window->palette()));
    }
    QCOMPARE(QSettings().value(u"view/appearance"_s).toString(), u"light"_s);

    m_portal.setColorScheme(PortalLight, false);
    {
        Appearance appearance; // the next start
        const auto window = showWindow(&appearance);
        QCOMPARE(appearance.choice(), AppearanceChoice::Light);
        QVERIFY(appearanceAction(window.get(), AppearanceChoice::Light)->isChecked());
        appearanceAction(window.get(), AppearanceChoice::Dark)->trigger();
        QTRY_VERIFY(isDarkPalette(window->palette())); // although the desktop prefers light
        appearanceAction(window.get(), AppearanceChoice::System)->trigger();
        QTRY_VERIFY(!isDarkPalette(window->palette()));
        m_portal.setColorScheme(PortalDark, true);
        QTRY_VERIFY(isDarkPalette(window->palette()));
    }
    QCOMPARE(QSettings().value(u"view/appearance"_s).toString(), u"system"_s);
    QVERIFY(!appearanceAction(showWindow().get(), AppearanceChoice::System)); // no Appearance
}

void tst_GuiWindow::startPageListsProfilesAndConnectsInOneClick()
{
    const ConnectionProfile yesterday = addProfile(u"Plant floor"_s);
    const ConnectionProfile never = addProfile(u"Archive"_s);
    const ConnectionProfile today = addProfile(u"Home broker"_s);
    RecentConnections recent;
    recent.markConnected(yesterday.id, QDateTime::currentDateTime().addDays(-1));
    recent.markConnected(today.id, QDateTime::currentDateTime().addSecs(-60));
    const auto window = showWindow();
    QVERIFY(window->startPage()->isVisible());

    QCOMPARE(titles(window.get()), (QStringList{today.name, yesterday.name, never.name}));
    const QStringList texts = descriptions(window.get());
    const QString address =
        u"mqtt://127.0.0.1:%1"_s.arg(m_broker.port(MosquittoBroker::Listener::Tcp));
    QVERIFY2(texts[0].startsWith(address + u" · Last connected today at "_s), qPrintable(texts[0]));
    QVERIFY(texts[1].contains(u"Last connected yesterday at "_s));
    QVERIFY(texts[2].endsWith(u"Never connected"_s));
    QVERIFY(!window->startPage()->findChild<QLabel *>(u"noProfiles"_s)->isVisible());
    QVERIFY(!window->startPage()->profileFilter()->isVisible()); // three fit without one
    // As tall as its three rows, so the page stays centred.
    QListView *list = window->startPage()->profileList();
    QTRY_VERIFY(list->height() >= list->visualRect(list->model()->index(2, 0)).bottom());
    QVERIFY(list->height() < 3 * list->sizeHintForRow(0) + 20);

    clickRow(window.get(), 2);
    QCOMPARE(window->tabCount(), 1);
    ConnectionTab *tab = window->currentTab();
    QCOMPARE(tab->profile().id, never.id);
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ClientState::Connected, 10000);
    QVERIFY(!window->startPage()->isVisible());
    const QDateTime connected = recent.lastConnected(never.id);
    QVERIFY(connected.secsTo(QDateTime::currentDateTime()) < 30);

    window->closeTab(0); // back on the start page, "Archive" now first
    QVERIFY(window->startPage()->isVisible());
    QCOMPARE(titles(window.get()).constFirst(), never.name);
}

void tst_GuiWindow::firstRunWindowFitsTheScreen()
{
    const auto window = showWindow(); // no saved geometry: init() cleared the settings
    const QRect screen = window->screen()->availableGeometry();
    QVERIFY2(window->height() < screen.height() && window->width() <= screen.width(),
             qPrintable(u"%1×%2 on %3×%4"_s.arg(window->width())
                            .arg(window->height())
                            .arg(screen.width())
                            .arg(screen.height())));
}

void tst_GuiWindow::startPageWithoutProfilesSaysWhatToDo()
{
    const auto window = showWindow();
    QVERIFY(titles(window.get()).isEmpty());
    QVERIFY(!window->startPage()->profileList()->isVisible());
    const auto *hint = window->startPage()->findChild<QLabel *>(u"noProfiles"_s);
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(u"No saved connections yet."_s));
    // All of the wrapped text is shown: the label is as tall as its text needs at its width.
    QTRY_VERIFY(hint->height() >= hint->heightForWidth(hint->width()));
    QVERIFY(!window->startPage()->reopenButton()->isVisible());
    QVERIFY(window->startPage()->findChild<QPushButton *>(u"startNewConnection"_s)->isVisible());

    addProfile(u"First"_s); // saved in the connection manager: the list appears at once
    QCOMPARE(titles(window.get()), QStringList{u"First"_s});
    QVERIFY(window->startPage()->profileList()->isVisible());
    QVERIFY(!hint->isVisible());
}

// Issue 14: the list is a view of a model, so a thousand profiles cost the rows on screen; the
// File menu's saved connections are made when it opens. All of them are still there.
void tst_GuiWindow::startPageListsAThousandProfilesAndFiltersThem()
{
    QList<ConnectionProfile> profiles;
    for (int n = 0; n < 1000; ++n)
        profiles.append(addProfile(u"Broker %1"_s.arg(n, 4, 10, QChar(u'0'))));
    RecentConnections().markConnected(profiles[500].id, QDateTime::currentDateTime());
    const auto window = showWindow();
    QStringList expected{profiles[500].name};
    for (const ConnectionProfile &profile : std::as_const(profiles)) {
        if (profile.id != profiles[500].id)
            expected.append(profile.name);
    }
    QCOMPARE(titles(window.get()), expected);
    QListView *list = window->startPage()->profileList();
    QVERIFY(list->height() < window->height()); // scrolled, not as tall as a thousand rows
    QVERIFY(list->verticalScrollBar()->maximum() > 0);

    QLineEdit *filter = window->startPage()->profileFilter();
    QVERIFY(filter->isVisible());
    QTest::keyClicks(filter, u"broker 09"_s);
    QCOMPARE(titles(window.get()).size(), 100);
    QTest::keyClicks(filter, u"99"_s);
    QCOMPARE(titles(window.get()), QStringList{u"Broker 0999"_s});
    filter->setText(u"127.0.0.1"_s); // the address counts too
    QCOMPARE(titles(window.get()).size(), 1000);
    filter->setText(u"broker 0042"_s);
    clickRow(window.get(), 0);
    QCOMPARE(window->tabCount(), 1);
    QCOMPARE(window->currentTab()->profile().id, profiles[42].id);
    window->closeTab(0);
    filter->setText(u"broker 0777"_s); // Enter in the filter connects to the first match
    QTest::keyClick(filter, Qt::Key_Return);
    QCOMPARE(window->tabCount(), 1);
    QCOMPARE(window->currentTab()->profile().id, profiles[777].id);
    window->closeTab(0);
    list->setFocus(); // and Enter on a row of the list to that one
    list->setCurrentIndex(list->model()->index(0, 0));
    QTest::keyClick(list, Qt::Key_Enter);
    QCOMPARE(window->tabCount(), 1);
    QCOMPARE(window->currentTab()->profile().id, profiles[777].id);
    window->closeTab(0);

    QMenu *menu = savedConnectionsMenu(window.get());
    QVERIFY(menu);
    QVERIFY(menu->isEnabled());
    menu->popup(window->mapToGlobal(QPoint(10, 10)));
    QTRY_COMPARE(menu->actions().size(), 1000);
    QCOMPARE(menu->actions().at(42)->text(), profiles[42].name);
    menu->hide();
}

void tst_GuiWindow::reopensTheLastSession()
{
    const ConnectionProfile first = addProfile(u"First"_s);
    const ConnectionProfile second = addProfile(u"Second"_s);
    {
        const auto window = showWindow();
        QVERIFY(!window->startPage()->reopenButton()->isVisible()); // no session yet
        window->openProfile(first.id);
        QString error;
        QVERIFY2(window->openUrl(m_broker.url(MosquittoBroker::Listener::Tcp), &error),
                 qPrintable(error)); // not saved, so not reopened
        window->openProfile(second.id);
        QCOMPARE(window->tabCount(), 3);
        window->close();
    }
    const auto window = showWindow();
    QPushButton *reopen = window->startPage()->reopenButton();
    QVERIFY(reopen->isVisible());
    QCOMPARE(reopen->text(), u"Reopen last session (2 tab(s))"_s);
    QTest::mouseClick(reopen, Qt::LeftButton);
    QCOMPARE(window->tabCount(), 2);
    const auto *firstTab = qobject_cast<ConnectionTab *>(window->tabs()->widget(0));
    const auto *secondTab = qobject_cast<ConnectionTab *>(window->tabs()->widget(1));
    QCOMPARE(firstTab->profile().id, first.id);
    QCOMPARE(secondTab->profile().id, second.id);
    QTRY_COMPARE_WITH_TIMEOUT(firstTab->state(), ClientState::Connected, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(secondTab->state(), ClientState::Connected, 10000);

    window->closeTab(1);
    window->closeTab(0);
    QVERIFY(window->startPage()->isVisible());
    QVERIFY(!reopen->isVisible()); // reopened once: the offer is spent
}

void tst_GuiWindow::connectAndDisconnectFollowTheState()
{
    const ConnectionProfile first = addProfile(u"First"_s);
    const ConnectionProfile second = addProfile(u"Second"_s);
    const auto window = showWindow();
    QAction *connect = window->connectAction();
    QAction *disconnect = window->disconnectAction();
    QVERIFY(!connect->isEnabled()); // no tab
    QVERIFY(!disconnect->isEnabled());

    ConnectionTab *firstTab = window->openProfile(first.id);
    QTRY_VERIFY(disconnect->isEnabled()); // connecting
    QVERIFY(!connect->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(firstTab->state(), ClientState::Connected, 10000);
    QVERIFY(!connect->isEnabled());
    QVERIFY(disconnect->isEnabled());

    disconnect->trigger();
    QTRY_COMPARE(firstTab->state(), ClientState::Disconnected);
    QVERIFY(connect->isEnabled());
    QVERIFY(!disconnect->isEnabled());

    ConnectionTab *secondTab = window->openProfile(second.id);
    QTRY_COMPARE_WITH_TIMEOUT(secondTab->state(), ClientState::Connected, 10000);
    QVERIFY(!connect->isEnabled());
    window->tabs()->setCurrentWidget(firstTab); // the disconnected one
    QVERIFY(connect->isEnabled());
    QVERIFY(!disconnect->isEnabled());
    connect->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(firstTab->state(), ClientState::Connected, 10000);
    QVERIFY(!connect->isEnabled());
    QVERIFY(disconnect->isEnabled());

    window->closeTab(1);
    window->closeTab(0);
    QVERIFY(!connect->isEnabled());
    QVERIFY(!disconnect->isEnabled());
}

// A tab's "Edit connection…" (after a failure the user must fix) opens the manager on its profile.
void tst_GuiWindow::editConnectionOpensTheManagerOnTheProfile()
{
    addProfile(u"Other"_s);
    const ConnectionProfile edited = addProfile(u"Edited"_s);
    const auto window = showWindow();
    ConnectionTab *tab = window->openProfile(edited.id);
    QUuid shown;
    QTimer::singleShot(0, this, [&shown] {
        auto *dialog = qobject_cast<ConnectionManagerDialog *>(QApplication::activeModalWidget());
        if (dialog) {
            shown = dialog->currentProfileId();
            dialog->reject();
        }
    });
    emit tab->editConnectionRequested(edited.id);
    QCOMPARE(shown, edited.id);
}

QTEST_MAIN(tst_GuiWindow)
#include "tst_guiwindow.moc"

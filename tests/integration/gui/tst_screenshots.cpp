// SPDX-License-Identifier: GPL-3.0-or-later
// Grabs the main window with live demo traffic in a light and a dark palette, the same window
// turned dark through View ▸ Appearance, a refused login, the Packets panel with a QoS 2 flow,
// and the start page with saved profiles, and a recording of the demo reopened with its
// timeline. Always checks that the window renders and follows the palette; with
// MQTTSCOPE_UPDATE_SCREENSHOTS=1 it also writes docs/screenshots/main-light.png, main-dark.png,
// dark.png, refused-login.png, inspector.png, start-page.png and timeline.png for the README.
#include "appearance.h"
#include "client/mqttclient.h"
#include "connectiontab.h"
#include "darkpalette.h"
#include "views/viewcolors.h"
#include "demotraffic.h"
#include "mainwindow.h"
#include "mosquittobroker.h"
#include "noticebanner.h"
#include "packetinspectorpanel.h"
#include "models/packetlistmodel.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"
#include "recentconnections.h"
#include "recording/recordingwriter.h"
#include "recordingtab.h"
#include "timelinepanel.h"
#include "views/ratetimeline.h"
#include "startpage.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

double meanLightness(const QImage &image)
{
    qint64 sum = 0;
    int count = 0;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            sum += qGray(image.pixel(x, y));
            ++count;
        }
    }
    return count ? double(sum) / count : 0;
}

// With MQTTSCOPE_UPDATE_SCREENSHOTS=1, writes `image` as docs/screenshots/<name>.
bool saveScreenshot(const QImage &image, const QString &name)
{
    if (qEnvironmentVariableIntValue("MQTTSCOPE_UPDATE_SCREENSHOTS") != 1)
        return true;
    const QString folder = qEnvironmentVariable("MQTTSCOPE_SOURCE_DIR") + u"/docs/screenshots"_s;
    if (!QDir().mkpath(folder) || !image.save(folder + u'/' + name))
        return false;
    qInfo("wrote %s", qPrintable(folder + u'/' + name));
    return true;
}

// Saved profiles as a user who has worked with a few brokers has them, with when each last
// connected (days ago; -1 never).
void addStartPageProfiles(ProfileStore *profiles, const QDateTime &now)
{
    struct Saved
    {
        const char *folder, *name, *host;
        quint16 port;
        TransportKind transport;
        int daysAgo;
    };
    const Saved saved[] = {
        {"Home", "Home Assistant", "homeassistant.local", 1883, TransportKind::Tcp, 0},
        {"Factory", "Line 1 gateway", "gw1.plant.example", 8883, TransportKind::Tls, 1},
        {"", "Local mosquitto", "localhost", 1883, TransportKind::Tcp, 6},
        {"Factory", "Line 2 gateway", "gw2.plant.example", 8883, TransportKind::Tls, 20},
        {"", "EMQX public broker", "broker.emqx.io", 8084, TransportKind::SecureWebSocket, -1},
    };
    RecentConnections recent;
    QList<QUuid> session;
    for (const Saved &entry : saved) {
        ConnectionProfile profile;
        profile.folder = QString::fromUtf8(entry.folder);
        profile.name = QString::fromUtf8(entry.name);
        profile.host = QString::fromUtf8(entry.host);
        profile.port = entry.port;
        profile.transport = entry.transport;
        profiles->upsert(profile);
        if (entry.daysAgo >= 0)
            recent.markConnected(profile.id, now.addDays(-entry.daysAgo).addSecs(-2400));
        if (entry.daysAgo >= 0 && entry.daysAgo < 2)
            session.append(profile.id);
    }
    recent.setLastSession(session);
}

} // namespace

class tst_Screenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void grab_data();
    void grab();
    void darkChosenByTheUser();
    void startPageWithProfiles();
    void refusedLogin();
    void packetInspector();
    void recordingTimeline();
    void cleanupTestCase();

private:
    QImage grabWindow();
    bool writeDemoRecording(const QString &path, QString *error);

    QTemporaryDir m_config;
    MosquittoBroker m_broker;
    std::unique_ptr<MqttClient> m_demoClient;
    std::unique_ptr<DemoTraffic> m_demo;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
    QPalette m_lightPalette;
    QMap<QString, double> m_lightness;
};

void tst_Screenshots::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    m_lightPalette = QApplication::style()->standardPalette();
    MQTTSCOPE_START_BROKER(m_broker);

    m_demoClient = std::make_unique<MqttClient>();
    DemoTraffic::Settings settings;
    settings.sensors = 120;
    settings.messagesPerSecond = 150;
    m_demo = std::make_unique<DemoTraffic>(m_demoClient.get(), settings);
    ClientOptions options;
    options.endpoint = m_broker.endpoint(MosquittoBroker::Listener::Tcp);
    m_demoClient->setOptions(options);
    QSignalSpy demoConnected(m_demoClient.get(), &MqttClient::connected);
    m_demoClient->connectToBroker();
    QVERIFY(demoConnected.wait(10000));

    m_profiles = std::make_unique<ProfileStore>(m_config.filePath(u"profiles.json"_s));
    m_secrets = std::make_unique<SecretStore>(u"mqttscope-test"_s);
    m_window = std::make_unique<MainWindow>(m_profiles.get(), m_secrets.get());
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    ConnectionProfile profile;
    profile.name = u"Local broker"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = m_broker.port(MosquittoBroker::Listener::Tcp);
    ConnectionTab *tab = m_window->openProfile(profile);
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ClientState::Connected, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(tab->topicStore().topicCount() > 300, 15000);
    QTest::qWait(2500); // rates need whole seconds of traffic

    // A user's view: the first line expanded, one sensor's telemetry selected.
    QTreeView *tree = tab->topicTree();
    const QByteArray selected = "demo/factory/line1/sensor-002/telemetry";
    QTRY_VERIFY(tab->topicStore().find(selected) != TopicStore::InvalidId);
    tab->selectTopic(selected);
    tree->collapseAll();
    for (QModelIndex index = tree->currentIndex(); index.isValid(); index = index.parent())
        tree->expand(index);
    tree->scrollTo(tree->currentIndex(), QAbstractItemView::PositionAtCenter);
    tree->setColumnWidth(0, 260);
}

void tst_Screenshots::grab_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

QImage tst_Screenshots::grabWindow()
{
    QTest::qWait(600); // a couple of model flushes and a status tick in the new palette
    return m_window->grab().toImage();
}

void tst_Screenshots::grab()
{
    QFETCH(bool, dark);
    QApplication::setPalette(dark ? darkFusionPalette() : m_lightPalette);
    const QImage image = grabWindow();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());
    m_lightness.insert(QString::fromLatin1(QTest::currentDataTag()), meanLightness(image));

    QVERIFY(
        saveScreenshot(image, u"main-%1.png"_s.arg(QString::fromLatin1(QTest::currentDataTag()))));
    if (dark) // the whole window followed the palette, not only some widgets
        QVERIFY2(m_lightness.value(u"dark"_s) + 60 < m_lightness.value(u"light"_s),
                 qPrintable(u"light %1, dark %2"_s.arg(m_lightness.value(u"light"_s))
                                .arg(m_lightness.value(u"dark"_s))));
}

// The window as a user on a light desktop sees it after choosing View ▸ Appearance ▸ Dark, at
// the README's 1280 px, with another sensor selected.
void tst_Screenshots::darkChosenByTheUser()
{
    QApplication::setPalette(m_lightPalette);
    const QSize size = m_window->size();
    m_window->resize(1280, 800);
    ConnectionTab *tab = m_window->currentTab();
    const QByteArray selected = "demo/factory/line1/sensor-007/telemetry";
    QTRY_VERIFY(tab->topicStore().find(selected) != TopicStore::InvalidId);
    tab->selectTopic(selected);
    QTreeView *tree = tab->topicTree();
    tree->collapseAll();
    for (QModelIndex index = tree->currentIndex(); index.isValid(); index = index.parent())
        tree->expand(index);
    tree->scrollTo(tree->currentIndex(), QAbstractItemView::PositionAtCenter);

    Appearance appearance;
    appearance.setChoice(AppearanceChoice::Dark);
    QTRY_VERIFY(isDarkPalette(m_window->palette()));
    const QImage image = grabWindow();
    QVERIFY2(
        meanLightness(image) + 60 < m_lightness.value(u"light"_s),
        qPrintable(
            u"light %1, dark %2"_s.arg(m_lightness.value(u"light"_s)).arg(meanLightness(image))));
    QVERIFY(saveScreenshot(image, u"dark.png"_s));
    appearance.setChoice(AppearanceChoice::System);
    QTRY_VERIFY(!isDarkPalette(m_window->palette()));
    m_window->resize(size);
}

// The second start: the saved profiles, the last session to reopen.
void tst_Screenshots::startPageWithProfiles()
{
    QApplication::setPalette(m_lightPalette);
    ProfileStore profiles(m_config.filePath(u"start-page-profiles.json"_s));
    addStartPageProfiles(&profiles, QDateTime::currentDateTime());
    MainWindow window(&profiles, m_secrets.get());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.startPage()->isVisible());
    QTest::qWait(200);
    const QImage image = window.grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(saveScreenshot(image, u"start-page.png"_s));
}

// What a wrong password looks like: the reason in full above the tree, and the ways on.
void tst_Screenshots::refusedLogin()
{
    QApplication::setPalette(m_lightPalette);
    MosquittoBroker broker;
    MQTTSCOPE_START_BROKER(broker, {MosquittoBroker::Listener::PasswordTcp});
    ConnectionProfile profile;
    profile.name = u"Plant broker"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = broker.port(MosquittoBroker::Listener::PasswordTcp);
    profile.username = u"alice"_s;
    profile.hasPassword = true;
    ProfileSecrets wrong;
    wrong.password = "wrong";
    m_secrets->remember(profile.id, wrong);
    const QSize size = m_window->size();
    m_window->resize(1280, 800);
    ConnectionTab *tab = m_window->openProfile(profile);
    auto *banner = tab->findChild<NoticeBanner *>(u"noticeBanner"_s);
    QVERIFY(banner);
    QTRY_COMPARE_WITH_TIMEOUT(banner->kind(), NoticeBanner::Kind::Problem, 10000);
    const QImage image = grabWindow();
    QVERIFY(!image.isNull());
    QVERIFY(saveScreenshot(image, u"refused-login.png"_s));
    m_window->closeTab(m_window->tabs()->indexOf(tab));
    m_secrets->forget(profile.id);
    m_window->resize(size);
}

// The Packets panel of a connection under the demo's traffic: a QoS 2 publish of ours found by
// its packet id, its four steps timed, the PUBCOMP selected and decoded.
void tst_Screenshots::packetInspector()
{
    QApplication::setPalette(m_lightPalette);
    const QSize size = m_window->size();
    m_window->resize(1280, 800);
    ConnectionProfile profile;
    profile.name = u"Packets"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = m_broker.port(MosquittoBroker::Listener::Tcp);
    ConnectionTab *tab = m_window->openProfile(profile);
    auto *panels = tab->findChild<QTabWidget *>(u"panelTabs"_s);
    QVERIFY(panels);
    PacketInspectorPanel *panel = tab->packetInspector();
    panels->setCurrentWidget(panel);
    if (auto *splitter = qobject_cast<QSplitter *>(panels->parentWidget()))
        splitter->setSizes({300, 560}); // room for the table and the details
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ClientState::Connected, 10000);
    QTest::qWait(500);
    tab->publish(Message{"demo/factory/line1/sensor-002/setpoint", "21.5", 2, false, false, {}, 0});
    const PacketListModel *model = panel->model();
    const PacketFlow *flow = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (qsizetype i = 0; i < model->log().flows().size(); ++i) {
                const PacketFlow &f = model->log().flows().at(i);
                if (f.kind == FlowKind::PublishQos2 && f.state == FlowState::Complete)
                    flow = &f;
            }
            return flow != nullptr;
        }(),
        10000);
    panel->findChild<QLineEdit *>(u"packetIdFilter"_s)->setText(QString::number(flow->packetId));
    QTableView *table = panel->table();
    const int last = table->model()->rowCount() - 1;
    QVERIFY(last >= 3);
    table->setCurrentIndex(table->model()->index(last, 0));
    const QImage image = grabWindow();
    QVERIFY(!image.isNull());
    QVERIFY(saveScreenshot(image, u"inspector.png"_s));
    m_window->closeTab(m_window->tabs()->indexOf(tab));
    m_window->resize(size);
}

// The demo's messages as the window received them, written to a recording re-timed over twenty
// minutes (a steady trickle, a morning rise, a burst) so that the timeline has a shape, then
// reopened: the timeline under the tree, the moment chosen just after the burst.
void tst_Screenshots::recordingTimeline()
{
    QApplication::setPalette(m_lightPalette);
    const QString path = m_config.filePath(u"demo-factory.mqttrec"_s);
    QString error;
    QVERIFY2(writeDemoRecording(path, &error), qPrintable(error));

    const QSize size = m_window->size();
    m_window->resize(1280, 800);
    RecordingTab *tab = m_window->openRecording(path, &error);
    QVERIFY2(tab, qPrintable(error));
    const RateTimeline *timeline = tab->timelinePanel()->timeline();
    QTRY_VERIFY(timeline->counts().size() > 100);
    tab->seek(timeline->firstUs() + (timeline->lastUs() - timeline->firstUs()) * 64 / 100);
    const QByteArray selected = "demo/factory/line1/sensor-002/telemetry";
    tab->selectTopic(selected);
    QCOMPARE(tab->selectedTopic(), selected);
    QTreeView *tree = tab->topicTree();
    tree->collapseAll();
    for (QModelIndex index = tree->currentIndex(); index.isValid(); index = index.parent())
        tree->expand(index);
    tree->scrollTo(tree->currentIndex(), QAbstractItemView::PositionAtCenter);
    tree->setColumnWidth(0, 260);
    const QImage image = grabWindow();
    QVERIFY(!image.isNull());
    QVERIFY(saveScreenshot(image, u"timeline.png"_s));
    m_window->closeTab(m_window->tabs()->indexOf(tab));
    m_window->resize(size);
}

bool tst_Screenshots::writeDemoRecording(const QString &path, QString *error)
{
    // What the live tab holds: every kept message of every topic.
    const ConnectionTab *live = m_window->currentTab();
    const TopicStore &store = live->topicStore();
    QList<Message> pool;
    store.visitSubtree(TopicStore::RootId, [&](TopicNodeId node) {
        const auto entries = live->explorerData().history().entries(node);
        for (const HistoryEntry &entry : entries) {
            Message &m = pool.emplace_back();
            m.topic = store.topic(node);
            m.payload = entry.payload;
            m.qos = entry.qos;
            m.retain = entry.retain;
            m.properties = entry.properties;
        }
    });
    if (pool.isEmpty()) {
        *error = u"the live tab holds no messages"_s;
        return false;
    }
    RecordingWriter writer;
    if (!writer.start(path, {}, error))
        return false;
    const qint64 start =
        QDateTime::fromString(u"2026-03-02T07:40:00"_s, Qt::ISODate).toMSecsSinceEpoch();
    const qint64 span = 20 * 60 * 1000;
    QList<Message> batch;
    qsizetype next = 0;
    for (double t = 0; t < span;) {
        const double minute = t / 60000;
        // Messages per second: a trickle, rising from minute 6, a burst at minute 12.
        const double rate = 4 + 6 / (1 + std::exp(6 - minute)) + 3 * std::sin(minute * 1.7)
            + (minute > 12 && minute < 12.6 ? 45 : 0);
        t += 1000 / std::max(1.0, rate);
        Message m = pool[next++ % pool.size()];
        m.receivedMsecsSinceEpoch = start + qint64(t);
        batch.append(m);
    }
    writer.recordReceived(batch);
    writer.stop();
    return writer.status().messagesWritten == batch.size();
}

void tst_Screenshots::cleanupTestCase()
{
    m_window.reset();
    m_demo.reset();
    m_demoClient.reset();
}

QTEST_MAIN(tst_Screenshots)
#include "tst_screenshots.moc"

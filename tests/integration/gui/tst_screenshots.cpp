// SPDX-License-Identifier: GPL-3.0-or-later
// Grabs the main window with live demo traffic in a light and a dark palette. Always checks
// that the window renders and follows the palette; with MQTTSCOPE_UPDATE_SCREENSHOTS=1 it also
// writes docs/screenshots/main-light.png and main-dark.png for the README.
#include "client/mqttclient.h"
#include "connectiontab.h"
#include "demotraffic.h"
#include "mainwindow.h"
#include "mosquittobroker.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

// What a dark desktop theme hands an application; the window must only follow it.
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x54, 0x8a, 0xf7));
    p.setColor(QPalette::Light, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::Midlight, QColor(0x35, 0x37, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x24, 0x25, 0x27));
    p.setColor(QPalette::Dark, QColor(0x19, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6f, 0x72, 0x77));
    return p;
}

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

} // namespace

class tst_Screenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void grab_data();
    void grab();
    void cleanupTestCase();

private:
    QImage grabWindow();

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
    QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
    const QImage image = grabWindow();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());
    m_lightness.insert(QString::fromLatin1(QTest::currentDataTag()), meanLightness(image));

    const QString name = u"main-%1.png"_s.arg(QString::fromLatin1(QTest::currentDataTag()));
    if (qEnvironmentVariableIntValue("MQTTSCOPE_UPDATE_SCREENSHOTS") == 1) {
        const QString folder =
            qEnvironmentVariable("MQTTSCOPE_SOURCE_DIR") + u"/docs/screenshots"_s;
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(image.save(folder + u'/' + name));
        qInfo("wrote %s", qPrintable(folder + u'/' + name));
    }
    if (dark) // the whole window followed the palette, not only some widgets
        QVERIFY2(m_lightness.value(u"dark"_s) + 60 < m_lightness.value(u"light"_s),
                 qPrintable(u"light %1, dark %2"_s.arg(m_lightness.value(u"light"_s))
                                .arg(m_lightness.value(u"dark"_s))));
}

void tst_Screenshots::cleanupTestCase()
{
    m_window.reset();
    m_demo.reset();
    m_demoClient.reset();
}

QTEST_MAIN(tst_Screenshots)
#include "tst_screenshots.moc"

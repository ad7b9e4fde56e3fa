// SPDX-License-Identifier: GPL-3.0-or-later
// The connection manager through its real widgets against a real mosquitto and a real keychain:
// a duplicate brings its secrets, "Test connection" reports what the broker answered (accepted
// with version and limits, refused with the reason, the TLS peer) without saving anything, the
// port follows the transport, the list follows the name as it is typed, and Connect on a draft
// asks before saving it.
#include "connectionmanagerdialog.h"
#include "connectiontab.h"
#include "connectiontestpanel.h"
#include "connectiontester.h"
#include "mainwindow.h"
#include "mosquittobroker.h"
#include "profileeditor.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;
using Listener = MosquittoBroker::Listener;

namespace {

// Runs `act` on the modal message box once it shows (it blocks the click that opens it); gives up
// after some seconds rather than answer a later one.
void whenMessageBoxShows(const std::function<void(QMessageBox *)> &act, int triesLeft = 250)
{
    QTimer::singleShot(20, qApp, [act, triesLeft] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            act(box);
        else if (triesLeft > 0)
            whenMessageBoxShows(act, triesLeft - 1);
    });
}

QStringList rowNames(QTreeWidget *list)
{
    QStringList names;
    for (QTreeWidgetItemIterator it(list); *it; ++it)
        names << (*it)->text(0);
    return names;
}

} // namespace

class tst_GuiProfiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void duplicateCopiesSecrets();
    void testConnectionAccepted_data();
    void testConnectionAccepted();
    void testConnectionRefusedShowsTheReason();
    void testConnectionShowsTheTlsPeer();
    void testConnectionShowsAnUntrustedPeer();
    void testConnectionIsBounded();
    void defaultPortFollowsTransport();
    void nameUpdatesTheListLive();
    void tagsColumnOnlyWithTags();
    void draftConnectAsks_data();
    void draftConnectAsks();

private:
    ConnectionProfile brokerProfile(const QString &name, Listener listener) const;
    // Stores `profile` and its password in the keychain, which must answer.
    void saveWithPassword(const ConnectionProfile &profile, const QByteArray &password);
    // The dialog with `profile` in its editor (saved, or a draft when it is not in the store).
    void showInDialog(const ConnectionProfile &profile);
    QString runTest();

    MosquittoBroker m_broker;
    std::unique_ptr<SecretStore> m_secrets;
    QTemporaryDir m_profilesFolder; // one profile file per test function
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<ConnectionManagerDialog> m_dialog;
};

void tst_GuiProfiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the window's QSettings as well
    MQTTSCOPE_START_BROKER(m_broker, {Listener::Tcp, Listener::PasswordTcp, Listener::Tls});
    m_secrets = std::make_unique<SecretStore>(u"mqttscope-test"_s);
    m_secrets->setTimeoutMs(3000);
}

void tst_GuiProfiles::init()
{
    const QString file =
        m_profilesFolder.filePath(QString::fromLatin1(QTest::currentTestFunction())
                                  + QString::fromLatin1(QTest::currentDataTag()) + u".json"_s);
    m_profiles = std::make_unique<ProfileStore>(file);
    m_dialog = std::make_unique<ConnectionManagerDialog>(m_profiles.get(), m_secrets.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void tst_GuiProfiles::cleanup()
{
    m_dialog.reset();
}

ConnectionProfile tst_GuiProfiles::brokerProfile(const QString &name, Listener listener) const
{
    const Endpoint endpoint = m_broker.endpoint(listener);
    ConnectionProfile profile;
    profile.name = name;
    profile.transport = endpoint.kind;
    profile.host = endpoint.host;
    profile.port = endpoint.port;
    profile.caFile = endpoint.tls.caFile;
    profile.version = VersionChoice::V5;
    return profile;
}

void tst_GuiProfiles::saveWithPassword(const ConnectionProfile &profile, const QByteArray &password)
{
    std::optional<bool> stored;
    QString error;
    m_secrets->write(profile.id,
                     ProfileSecrets{.password = password,
                                    .keyPassphrase = "key-pass",
                                    .pkcs12Passphrase = "p12-pass",
                                    .proxyPassword = {},
                                    .webSocketHeaders = {},
                                    .sasKey = {}},
                     [&](bool ok, const QString &e) {
                         stored = ok;
                         error = e;
                     });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 5000);
    QVERIFY2(*stored,
             qPrintable(u"The keychain must answer (scripts/test.sh runs one): "_s + error));
    m_profiles->upsert(profile);
    QVERIFY(m_profiles->save());
}

void tst_GuiProfiles::showInDialog(const ConnectionProfile &profile)
{
    m_dialog = std::make_unique<ConnectionManagerDialog>(m_profiles.get(), m_secrets.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    if (m_profiles->profile(profile.id)) {
        m_dialog->selectProfile(profile.id);
    } else {
        m_dialog->createProfile();
        ConnectionProfile draft = profile;
        draft.id = m_dialog->currentProfileId();
        m_dialog->editor()->setProfile(draft);
    }
}

QString tst_GuiProfiles::runTest()
{
    auto *button = m_dialog->findChild<QPushButton *>(u"testConnection"_s);
    if (!button)
        return u"no test button"_s;
    ConnectionTestPanel *panel = m_dialog->testPanel();
    QSignalSpy finished(panel->tester(), &ConnectionTester::finished);
    const int editorHeight = m_dialog->editor()->height();
    QTest::mouseClick(button, Qt::LeftButton);
    if (!button->isEnabled() && !panel->report().startsWith(u"Testing"_s))
        return u"no \"Testing\" while it runs: "_s + panel->report();
    if (!finished.wait(15000))
        return u"the test did not finish"_s;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (m_dialog->editor()->height() != editorHeight) // the report has its room from the start
        return u"the editor's height changed"_s;
    return panel->report();
}

void tst_GuiProfiles::duplicateCopiesSecrets()
{
    ConnectionProfile original = brokerProfile(u"Original"_s, Listener::PasswordTcp);
    original.username = u"alice"_s;
    original.hasPassword = true;
    saveWithPassword(original, "secret");
    showInDialog(original);
    auto *password = m_dialog->editor()->findChild<QLineEdit *>(u"profilePassword"_s);
    QTRY_COMPARE_WITH_TIMEOUT(password->text(), u"secret"_s, 5000);

    QTest::mouseClick(m_dialog->findChild<QPushButton *>(u"duplicateProfile"_s), Qt::LeftButton);
    const QUuid copyId = m_dialog->currentProfileId();
    QVERIFY(copyId != original.id);
    QVERIFY(m_profiles->profile(copyId)->hasPassword);
    QTRY_COMPARE_WITH_TIMEOUT(password->text(), u"secret"_s, 5000); // the copy's, shown

    // In the keychain under the copy's id: a fresh store (nothing in memory) reads it.
    SecretStore fresh(u"mqttscope-test"_s);
    std::optional<std::optional<ProfileSecrets>> read;
    fresh.read(copyId, [&](std::optional<ProfileSecrets> s, const QString &) { read = s; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 5000);
    QVERIFY(read->has_value());
    QCOMPARE((*read)->password, std::optional<QByteArray>("secret"));
    QCOMPARE((*read)->keyPassphrase, QByteArray("key-pass"));
    QCOMPARE((*read)->pkcs12Passphrase, QByteArray("p12-pass"));
    QFile file(m_profiles->filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("secret")); // the keychain's, never the file's

    // And the copy logs in with it.
    QVERIFY2(runTest().startsWith(u"Accepted"_s), qPrintable(m_dialog->testPanel()->report()));
    fresh.remove(copyId);
    fresh.remove(original.id);
}

void tst_GuiProfiles::testConnectionAccepted_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("expected");
    QTest::newRow("5.0") << int(VersionChoice::V5) << u"with MQTT 5.0."_s;
    QTest::newRow("auto") << int(VersionChoice::Auto) << u"with MQTT 5.0."_s;
    QTest::newRow("3.1.1") << int(VersionChoice::V311) << u"with MQTT 3.1.1."_s;
}

void tst_GuiProfiles::testConnectionAccepted()
{
    QFETCH(int, version);
    QFETCH(QString, expected);
    ConnectionProfile profile = brokerProfile(u"Unsaved test"_s, Listener::Tcp);
    profile.version = VersionChoice(version);
    showInDialog(profile); // a draft: the test must not save it
    const QString report = runTest();
    const QString address = u"127.0.0.1:%1"_s.arg(m_broker.port(Listener::Tcp));
    QVERIFY2(report.startsWith(u"Accepted by %1 %2"_s.arg(address, expected)), qPrintable(report));
    if (VersionChoice(version) == VersionChoice::V311)
        QVERIFY2(report.contains(u"announce none"_s), qPrintable(report));
    else
        QVERIFY2(report.contains(u"Broker limits: "_s) && report.contains(u"receive max 20"_s),
                 qPrintable(report)); // mosquitto's max_inflight_messages

    QVERIFY(m_profiles->profiles().isEmpty());
    QVERIFY(!QFile::exists(m_profiles->filePath()));
    QCOMPARE(m_dialog->testPanel()->tester()->state(), ConnectionTester::State::Idle);
    // It disconnected: the broker logs the client's DISCONNECT.
    QTRY_VERIFY_WITH_TIMEOUT(m_broker.log().contains("disconnected"), 5000);
}

void tst_GuiProfiles::testConnectionRefusedShowsTheReason()
{
    ConnectionProfile profile = brokerProfile(u"Wrong password"_s, Listener::PasswordTcp);
    profile.username = u"alice"_s;
    showInDialog(profile);
    QTest::keyClicks(m_dialog->editor()->findChild<QLineEdit *>(u"profilePassword"_s),
                     u"not-the-password"_s);
    const QString report = runTest();
    const QString address = u"127.0.0.1:%1"_s.arg(m_broker.port(Listener::PasswordTcp));
    // The broker's reason in full: mosquitto answers "Not authorized" (0x87).
    QVERIFY2(report.startsWith(u"Refused by %1: "_s.arg(address)), qPrintable(report));
    QVERIFY2(report.contains(u"Not authorized"_s) || report.contains(u"Bad user name"_s),
             qPrintable(report));
    QVERIFY2(report.contains(u"(0x8"_s), qPrintable(report));
    QVERIFY2(!report.contains(u"Broker limits"_s), qPrintable(report));

    // With the right one, accepted.
    auto *password = m_dialog->editor()->findChild<QLineEdit *>(u"profilePassword"_s);
    password->clear();
    QTest::keyClicks(password, u"secret"_s);
    QVERIFY2(runTest().startsWith(u"Accepted"_s), qPrintable(m_dialog->testPanel()->report()));
}

void tst_GuiProfiles::testConnectionShowsTheTlsPeer()
{
    showInDialog(brokerProfile(u"TLS"_s, Listener::Tls));
    const QString report = runTest();
    QVERIFY2(report.startsWith(u"Accepted by "_s), qPrintable(report));
    QVERIFY2(report.contains(u"receive max 20"_s), qPrintable(report));
    QVERIFY2(report.contains(QRegularExpression(u"TLS: TLS 1\\.[23], \\S+\\."_s)),
             qPrintable(report));
    // The test CA's server certificate, issued by that CA, with its expiry date.
    QVERIFY2(
        report.contains(QRegularExpression(
            u"Certificate: CN=[^,]+.*, issued by CN=[^,]+.*, valid until \\d{4}-\\d\\d-\\d\\d\\."_s)),
        qPrintable(report));
    QVERIFY2(!report.contains(u"TLS problem"_s), qPrintable(report));
}

void tst_GuiProfiles::testConnectionShowsAnUntrustedPeer()
{
    // The system's trust store does not know the test CA: the failure says why in full, and
    // the certificate that was not trusted is shown.
    ConnectionProfile profile = brokerProfile(u"Untrusted"_s, Listener::Tls);
    profile.caFile.clear();
    showInDialog(profile);
    const QString report = runTest();
    QVERIFY2(report.startsWith(u"Failed: TLS certificate verification failed: "_s),
             qPrintable(report));
    QVERIFY2(report.contains(u"Certificate: CN="_s), qPrintable(report));
    QVERIFY2(report.count(u"verification failed"_s) == 1, qPrintable(report)); // said once
}

void tst_GuiProfiles::testConnectionIsBounded()
{
    // A server that accepts the connection and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ConnectionProfile profile = brokerProfile(u"Silent"_s, Listener::Tcp);
    profile.port = silent.serverPort();
    showInDialog(profile);
    m_dialog->testPanel()->tester()->setTimeoutMs(1500);
    QElapsedTimer clock;
    clock.start();
    const QString report = runTest();
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(report.startsWith(u"No answer from 127.0.0.1:"_s) || report.startsWith(u"Failed:"_s),
             qPrintable(report));
    QVERIFY2(report.contains(u"CONNACK"_s) || report.contains(u"within"_s), qPrintable(report));
}

void tst_GuiProfiles::defaultPortFollowsTransport()
{
    m_dialog->createProfile();
    ProfileEditor *editor = m_dialog->editor();
    auto *transport = editor->findChild<QComboBox *>(u"profileTransport"_s);
    auto *port = editor->findChild<QSpinBox *>(u"profilePort"_s);
    auto *path = editor->findChild<QLineEdit *>(u"profileWebSocketPath"_s);
    const auto choose = [transport](TransportKind kind) {
        transport->setFocus();
        while (TransportKind(transport->currentData().toInt()) != kind)
            QTest::keyClick(transport, Qt::Key_Down); // as a user steps through the list
    };
    QCOMPARE(port->value(), 1883);
    choose(TransportKind::Tls);
    QCOMPARE(port->value(), 8883);
    choose(TransportKind::WebSocket);
    QCOMPARE(port->value(), 80);
    QCOMPARE(path->text(), u"/mqtt"_s);
    choose(TransportKind::SecureWebSocket);
    QCOMPARE(port->value(), 443);
    QCOMPARE(path->text(), u"/mqtt"_s);

    // A port the user typed stays, whatever the transport.
    port->setFocus();
    port->selectAll();
    QTest::keyClicks(port, u"9443"_s);
    QCOMPARE(port->value(), 9443);
    transport->setCurrentIndex(transport->findData(int(TransportKind::Tls)));
    QCOMPARE(port->value(), 9443);
    QVERIFY(m_dialog->saveCurrent());
    QCOMPARE(m_profiles->profile(m_dialog->currentProfileId())->port, quint16(9443));
}

void tst_GuiProfiles::nameUpdatesTheListLive()
{
    const ConnectionProfile alpha = brokerProfile(u"Alpha"_s, Listener::Tcp);
    const ConnectionProfile beta = brokerProfile(u"Beta"_s, Listener::Tcp);
    m_profiles->upsert(alpha);
    m_profiles->upsert(beta);
    showInDialog(alpha);
    auto *list = m_dialog->findChild<QTreeWidget *>(u"profileList"_s);
    auto *name = m_dialog->editor()->findChild<QLineEdit *>(u"profileName"_s);
    name->setFocus();
    name->end(false);
    QTest::keyClicks(name, u" edited"_s);
    QCOMPARE(list->currentItem()->text(0), u"Alpha edited"_s); // before any save
    QCOMPARE(m_profiles->profile(alpha.id)->name, u"Alpha"_s);

    // Left without saving: the row shows what is saved again.
    m_dialog->selectProfile(beta.id);
    QCOMPARE(rowNames(list), (QStringList{u"Alpha"_s, u"Beta"_s}));

    // A draft's row follows too, marked as not saved, and keeps its name when left.
    m_dialog->createProfile();
    name->selectAll();
    QTest::keyClicks(name, u"Gamma"_s);
    QVERIFY2(rowNames(list).contains(u"Gamma (not saved)"_s),
             qPrintable(rowNames(list).join(u'|')));
    m_dialog->selectProfile(alpha.id);
    QVERIFY2(rowNames(list).contains(u"Gamma (not saved)"_s),
             qPrintable(rowNames(list).join(u'|')));
    QCOMPARE(m_profiles->profiles().size(), 2);
}

void tst_GuiProfiles::tagsColumnOnlyWithTags()
{
    ConnectionProfile untagged =
        brokerProfile(u"A profile with a rather long name"_s, Listener::Tcp);
    m_profiles->upsert(untagged);
    showInDialog(untagged);
    auto *list = m_dialog->findChild<QTreeWidget *>(u"profileList"_s);
    QVERIFY(list->isColumnHidden(1));
    QCOMPARE(list->header()->sectionSize(0), list->viewport()->width()); // the name has it all

    ConnectionProfile tagged = brokerProfile(u"Tagged"_s, Listener::Tcp);
    tagged.tags = {u"lab"_s};
    m_profiles->upsert(tagged);
    showInDialog(tagged);
    list = m_dialog->findChild<QTreeWidget *>(u"profileList"_s);
    QVERIFY(!list->isColumnHidden(1));
}

void tst_GuiProfiles::draftConnectAsks_data()
{
    QTest::addColumn<int>("answer");
    QTest::newRow("save and connect") << int(QMessageBox::Save);
    QTest::newRow("connect without saving") << int(QMessageBox::Discard);
    QTest::newRow("cancel") << int(QMessageBox::Cancel);
}

void tst_GuiProfiles::draftConnectAsks()
{
    QFETCH(int, answer);
    MainWindow window(m_profiles.get(), m_secrets.get());
    connect(m_dialog.get(), &ConnectionManagerDialog::connectRequested, &window,
            qOverload<const QUuid &>(&MainWindow::openProfile));
    connect(m_dialog.get(), &ConnectionManagerDialog::connectUnsavedRequested, &window,
            qOverload<const ConnectionProfile &>(&MainWindow::openProfile));
    QSignalSpy connectRequested(m_dialog.get(), &ConnectionManagerDialog::connectRequested);
    QSignalSpy unsavedRequested(m_dialog.get(), &ConnectionManagerDialog::connectUnsavedRequested);
    m_dialog->createProfile();
    ConnectionProfile draft = brokerProfile(u"Draft"_s, Listener::Tcp);
    draft.id = m_dialog->currentProfileId();
    m_dialog->editor()->setProfile(draft);

    QStringList buttons;
    QString question;
    whenMessageBoxShows([&](QMessageBox *box) {
        question = box->text();
        for (QAbstractButton *button : box->buttons())
            buttons << button->text();
        box->button(QMessageBox::StandardButton(answer))->click();
    });
    QTest::mouseClick(m_dialog->findChild<QPushButton *>(u"connectProfile"_s), Qt::LeftButton);
    QVERIFY2(question.contains(u"Draft"_s) && question.contains(u"not saved"_s),
             qPrintable(question));
    for (const QString &text : {u"Save and connect"_s, u"Connect without saving"_s})
        QVERIFY2(buttons.contains(text), qPrintable(buttons.join(u'|')));

    if (answer == QMessageBox::Cancel) {
        QCOMPARE(connectRequested.size() + unsavedRequested.size(), 0);
        QVERIFY(m_dialog->isVisible());
        QVERIFY(m_dialog->isDraft(draft.id));
        QVERIFY(m_profiles->profiles().isEmpty());
        return;
    }
    if (answer == QMessageBox::Save) {
        QCOMPARE(connectRequested.size(), 1);
        ProfileStore saved(m_profiles->filePath()); // written to the file
        QVERIFY(saved.load());
        QVERIFY(saved.profile(draft.id));
    } else {
        QCOMPARE(unsavedRequested.size(), 1); // the profile itself: the store never holds it
        QCOMPARE(unsavedRequested.first().first().value<ConnectionProfile>().id, draft.id);
        QVERIFY(m_profiles->profiles().isEmpty());
        QVERIFY(!QFile::exists(m_profiles->filePath()));
    }
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(window.tabCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(window.currentTab()->state(), ClientState::Connected, 10000);
}

QTEST_MAIN(tst_GuiProfiles)
#include "tst_guiprofiles.moc"

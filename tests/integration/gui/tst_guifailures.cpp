// SPDX-License-Identifier: GPL-3.0-or-later
// What a connection tab does when connecting fails, against a real mosquitto: a failure the
// user must fix (a refused login, an untrusted certificate) stops reconnecting and shows its
// whole reason with "Edit connection…" and "Retry"; a failure that may pass (nothing listening)
// keeps retrying and counts the attempts.
#include "connectionstatusline.h"
#include "connectiontab.h"
#include "freeport.h"
#include "mosquittobroker.h"
#include "noticebanner.h"
#include "secretsdialog.h"
#include "testversions.h"
#include "versionchoice.h"
#include "profiles/secretstore.h"

#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

// Long enough for two reconnects at the first backoff steps (1 s, then about 2 s).
constexpr int kNoRetryWindowMs = 3500;

ConnectionProfile profileFor(const Endpoint &endpoint, const QString &name)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.host = endpoint.host;
    profile.port = endpoint.port;
    profile.transport = endpoint.kind;
    profile.autoReconnect = true; // retrying is on: what stops it is the kind of failure
    return profile;
}

NoticeBanner *bannerOf(ConnectionTab *tab)
{
    return tab->findChild<NoticeBanner *>(u"noticeBanner"_s);
}

// Shows `tab` 1280 px wide, connects, and waits until its banner shows a problem.
bool connectUntilProblem(ConnectionTab &tab)
{
    tab.resize(1280, 800);
    tab.show();
    tab.connectToBroker();
    return QTest::qWaitFor([&tab] { return bannerOf(&tab)->kind() == NoticeBanner::Kind::Problem; },
                           10000);
}

// No state change for as long as two reconnects would take.
bool staysPut(ConnectionTab &tab)
{
    QSignalSpy states(&tab, &ConnectionTab::stateChanged);
    QTest::qWait(kNoRetryWindowMs);
    return states.isEmpty();
}

} // namespace

class tst_GuiFailures : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void refusedLoginStopsAndRetryConnects_data();
    void refusedLoginStopsAndRetryConnects();
    void untrustedCertificateStops();
    void nothingListeningKeepsRetrying();

private:
    MosquittoBroker m_broker;
    SecretStore m_secrets{u"mqttscope-test-failures"_s};
};

void tst_GuiFailures::initTestCase()
{
    QVERIFY2(
        m_broker.start({MosquittoBroker::Listener::PasswordTcp, MosquittoBroker::Listener::Tls}),
        qPrintable(m_broker.errorString()));
}

void tst_GuiFailures::refusedLoginStopsAndRetryConnects_data()
{
    addVersionColumn();
    addVersionRows();
}

void tst_GuiFailures::refusedLoginStopsAndRetryConnects()
{
    QFETCH(ProtocolVersion, version);
    ConnectionProfile profile =
        profileFor(m_broker.endpoint(MosquittoBroker::Listener::PasswordTcp), u"login"_s);
    profile.version = versionChoice(version);
    profile.username = u"alice"_s;
    profile.hasPassword = true;
    ProfileSecrets wrong;
    wrong.password = "wrong";
    m_secrets.remember(profile.id, wrong); // typed earlier this run

    ConnectionTab tab(profile, &m_secrets);
    QVERIFY(connectUntilProblem(tab));
    NoticeBanner *banner = bannerOf(&tab);
    QVERIFY(banner->isVisible());
    QCOMPARE(tab.state(), ClientState::Disconnected);
    QCOMPARE(tab.indicator(), ConnectionIndicator::Refused);
    // The whole reason, as the broker gave it, not cut to the status line's width.
    QVERIFY2(banner->reason().startsWith(u"Connection refused: "_s), qPrintable(banner->reason()));
    QVERIFY2(banner->reason().contains(u"authori"_s, Qt::CaseInsensitive)
                 || banner->reason().contains(u"password"_s, Qt::CaseInsensitive),
             qPrintable(banner->reason()));
    QVERIFY2(banner->title().contains(u"refused the connection"_s), qPrintable(banner->title()));
    QVERIFY(!banner->hint().isEmpty());
    auto *retry = banner->findChild<QPushButton *>(u"retryButton"_s);
    auto *edit = banner->findChild<QPushButton *>(u"editConnectionButton"_s);
    QVERIFY(retry && retry->isVisible());
    QVERIFY(edit && edit->isVisible());
    QSignalSpy editRequests(&tab, &ConnectionTab::editConnectionRequested);
    edit->click();
    QCOMPARE(editRequests.size(), 1);
    QCOMPARE(editRequests.at(0).at(0).toUuid(), profile.id);

    // No second attempt: retrying a refused login only repeats the refusal.
    QVERIFY(staysPut(tab));
    QVERIFY2(tab.statusText().startsWith(u"Not reconnecting: "_s), qPrintable(tab.statusText()));

    // Retry forgets what was typed and asks again; with the right password it connects.
    retry->click();
    SecretsDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = tab.findChild<SecretsDialog *>(u"secretsDialog"_s)), 10000);
    auto *password = dialog->findChild<QLineEdit *>(u"passwordField"_s);
    QVERIFY(password);
    password->setText(u"secret"_s);
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(tab.state(), ClientState::Connected, 10000);
    QCOMPARE(banner->kind(), NoticeBanner::Kind::None);
    QVERIFY(!banner->isVisible());
    m_secrets.forget(profile.id);
}

void tst_GuiFailures::untrustedCertificateStops()
{
    // The test CA is in no system store: with verification on and no CA file, the handshake
    // fails the same way every time.
    ConnectionProfile profile =
        profileFor(m_broker.endpoint(MosquittoBroker::Listener::Tls), u"tls"_s);
    profile.caFile.clear();
    profile.verifyPeer = true;
    ConnectionTab tab(profile, &m_secrets);
    QVERIFY(connectUntilProblem(tab));
    NoticeBanner *banner = bannerOf(&tab);
    QVERIFY2(banner->title().contains(u"not trusted"_s), qPrintable(banner->title()));
    QVERIFY2(banner->reason().startsWith(u"TLS certificate verification failed: "_s),
             qPrintable(banner->reason()));
    // What the status line has room for is cut with an ellipsis; the banner holds it all.
    auto *line = tab.findChild<ConnectionStatusLine *>();
    QVERIFY(line);
    QVERIFY(line->stateText().contains(banner->reason()));
    tab.resize(600, 800);
    QTRY_VERIFY(line->shownStateText().endsWith(u"…"_s));
    QVERIFY(staysPut(tab));
    QCOMPARE(tab.state(), ClientState::Disconnected);

    // The user edits the connection (the window hands the saved profile to the tab) and retries.
    profile.caFile = m_broker.certificates().caFile();
    tab.setProfile(profile);
    banner->findChild<QPushButton *>(u"retryButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(tab.state(), ClientState::Connected, 10000);
    QVERIFY(!banner->isVisible());
}

void tst_GuiFailures::nothingListeningKeepsRetrying()
{
    Endpoint nowhere;
    nowhere.host = u"127.0.0.1"_s;
    nowhere.port = unusedLoopbackPort();
    ConnectionTab tab(profileFor(nowhere, u"nowhere"_s), &m_secrets);
    tab.show();
    tab.connectToBroker();
    // A refused port may pass (a broker restarting): the tab keeps trying and says how often.
    QTRY_VERIFY_WITH_TIMEOUT(tab.statusText().contains(u"2 failed attempt"_s), 15000);
    QVERIFY2(tab.statusText().startsWith(u"Reconnecting in "_s), qPrintable(tab.statusText()));
    QVERIFY2(tab.statusText().contains(u"Connection refused by 127.0.0.1"_s),
             qPrintable(tab.statusText()));
    QCOMPARE(bannerOf(&tab)->kind(), NoticeBanner::Kind::None);
    tab.disconnectFromBroker();
    QTRY_COMPARE(tab.state(), ClientState::Disconnected);
    // Stopped by the user: nothing failed, nothing to repeat.
    QCOMPARE(tab.statusText(), u"Disconnected"_s);
}

QTEST_MAIN(tst_GuiFailures)
#include "tst_guifailures.moc"

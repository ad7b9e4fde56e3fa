// SPDX-License-Identifier: GPL-3.0-or-later
// A machine with no keychain answering (no Secret Service on the bus): connecting asks, in one
// dialog, for every secret the profile needs — here the password and the client key's
// passphrase — says why, keeps them in memory only, and connects to a real mosquitto that
// wants a client certificate; the proxy's password the same, through a real SOCKS5 proxy.
#include "connectiontab.h"
#include "mosquittobroker.h"
#include "proxyserver.h"
#include "secretsdialog.h"
#include "profiles/secretstore.h"

#include <QLabel>
#include <QLineEdit>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

class tst_GuiSecrets : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void asksForEverySecretWithoutAKeychain();
    void asksNothingTheProfileDoesNotNeed();
    void asksForTheProxyPassword();

private:
    MosquittoBroker m_broker;
};

void tst_GuiSecrets::initTestCase()
{
    QVERIFY2(m_broker.start({MosquittoBroker::Listener::TlsClientCert}),
             qPrintable(m_broker.errorString()));
}

void tst_GuiSecrets::asksForEverySecretWithoutAKeychain()
{
    const Endpoint endpoint = m_broker.endpoint(MosquittoBroker::Listener::TlsClientCert);
    const TestCertificates &certificates = m_broker.certificates();
    ConnectionProfile profile;
    profile.name = u"mTLS"_s;
    profile.host = endpoint.host;
    profile.port = endpoint.port;
    profile.transport = endpoint.kind;
    profile.caFile = certificates.caFile();
    profile.certFile = certificates.clientCertFile();
    profile.keyFile = certificates.clientEncryptedKeyFile();
    profile.username = u"alice"_s; // the listener lets anyone in: the password is only asked
    profile.hasPassword = true;
    SecretStore secrets(u"mqttscope-test-nokeychain"_s);
    secrets.setTimeoutMs(2000);
    ConnectionTab tab(profile, &secrets);
    tab.show();
    tab.connectToBroker();

    SecretsDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = tab.findChild<SecretsDialog *>(u"secretsDialog"_s)), 10000);
    const QString cause = dialog->findChild<QLabel *>(u"secretsCause"_s)->text();
    QVERIFY2(cause.contains(u"The system keychain did not answer"_s), qPrintable(cause));
    auto *password = dialog->findChild<QLineEdit *>(u"passwordField"_s);
    auto *passphrase = dialog->findChild<QLineEdit *>(u"keyPassphraseField"_s);
    QVERIFY(password && passphrase);
    QVERIFY(!dialog->findChild<QLineEdit *>(u"pkcs12PassphraseField"_s));
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QCOMPARE(passphrase->echoMode(), QLineEdit::Password);
    password->setText(u"anything"_s);
    passphrase->setText(QString::fromUtf8(TestCertificates::clientKeyPassphrase()));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(tab.state(), ClientState::Connected, 10000);
    QVERIFY2(tab.statusText().startsWith(u"Connected to "_s), qPrintable(tab.statusText()));
}

void tst_GuiSecrets::asksNothingTheProfileDoesNotNeed()
{
    const TestCertificates &certificates = m_broker.certificates();
    ConnectionProfile profile;
    profile.keyFile = certificates.clientKeyFile(); // not encrypted: no passphrase to ask
    QVERIFY(!SecretsDialog::missing(profile, std::nullopt).any());
    profile.keyFile = certificates.clientEncryptedTraditionalKeyFile();
    QVERIFY(SecretsDialog::missing(profile, std::nullopt).keyPassphrase);
    ProfileSecrets known;
    known.keyPassphrase = TestCertificates::clientKeyPassphrase();
    QVERIFY(!SecretsDialog::missing(profile, known).any());
    profile.hasPassword = true;
    QVERIFY(SecretsDialog::missing(profile, known).password);
    profile.pkcs12File = certificates.clientKeyFile();
    // A keychain entry counts for the PKCS#12 password, which may well be empty.
    QVERIFY(!SecretsDialog::missing(profile, known).pkcs12Passphrase);
    QVERIFY(SecretsDialog::missing(profile, std::nullopt).pkcs12Passphrase);
    // A proxy's password only for a manual proxy, and only when the keychain lacks it.
    profile.proxy = ProfileProxy{
        .kind = ProxyKind::System, .host = {}, .port = 0, .username = {}, .hasPassword = true};
    QVERIFY(!SecretsDialog::missing(profile, known).proxyPassword);
    profile.proxy.kind = ProxyKind::Http;
    QVERIFY(SecretsDialog::missing(profile, known).proxyPassword);
    known.proxyPassword = "p";
    QVERIFY(!SecretsDialog::missing(profile, known).proxyPassword);
}

void tst_GuiSecrets::asksForTheProxyPassword()
{
    ProxyServer socks(ProxyServer::Kind::Microsocks);
    socks.setCredentials(u"carol"_s, "tunnel-pw");
    MQTTSCOPE_START_PROXY(socks);
    const Endpoint endpoint = m_broker.endpoint(MosquittoBroker::Listener::TlsClientCert);
    const TestCertificates &certificates = m_broker.certificates();
    ConnectionProfile profile;
    profile.name = u"behind a proxy"_s;
    profile.host = u"localhost"_s; // resolved by the proxy
    profile.port = endpoint.port;
    profile.transport = endpoint.kind;
    profile.caFile = certificates.caFile();
    profile.certFile = certificates.clientCertFile();
    profile.keyFile = certificates.clientKeyFile();
    profile.proxy = ProfileProxy{.kind = ProxyKind::Socks5,
                                 .host = u"127.0.0.1"_s,
                                 .port = socks.port(),
                                 .username = u"carol"_s,
                                 .hasPassword = true};
    SecretStore secrets(u"mqttscope-test-nokeychain"_s);
    secrets.setTimeoutMs(2000);
    ConnectionTab tab(profile, &secrets);
    tab.show();
    tab.connectToBroker();

    SecretsDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = tab.findChild<SecretsDialog *>(u"secretsDialog"_s)), 10000);
    auto *proxyPassword = dialog->findChild<QLineEdit *>(u"proxyPasswordField"_s);
    QVERIFY(proxyPassword);
    QVERIFY(!dialog->findChild<QLineEdit *>(u"passwordField"_s));
    QCOMPARE(proxyPassword->echoMode(), QLineEdit::Password);
    proxyPassword->setText(u"tunnel-pw"_s);
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(tab.state(), ClientState::Connected, 10000);
    QCOMPARE(socks.tunnelsTo(u"localhost"_s, endpoint.port), 1);
}

int main(int argc, char *argv[])
{
    // No Secret Service: a bus address that leads nowhere, as on a desktop without one.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/mqttscope-test-bus");
    QApplication app(argc, argv);
    tst_GuiSecrets test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_guisecrets.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The profile editor: every field survives a round trip through the widgets, the "random"
// client id, the verify-peer warning, messages next to fields with bad values, the port and
// path that follow the transport, the show-password eye; and the words of a test connection.
#include "connectiontestreport.h"
#include "profileeditor.h"
#include "sidebarpages.h"

#include "profilefixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

class tst_UiProfileEditor : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void roundTripEveryField();
    void randomClientId();
    void verifyPeerWarning();
    void fieldMessages_data();
    void fieldMessages();
    void newProfileFlagsNoPage();
    void secretsAreEditedSeparately();
    void proxyPage();
    void portFollowsTransport_data();
    void portFollowsTransport();
    void typedPortAndPathStay();
    void showPasswordToggle_data();
    void showPasswordToggle();
    void testReport_data();
    void testReport();
};

void tst_UiProfileEditor::roundTrip()
{
    ConnectionProfile p;
    p.name = u"plant"_s;
    p.folder = u"Production"_s;
    p.tags = {u"a"_s, u"b"_s};
    p.transport = TransportKind::WebSocket;
    p.host = u"broker.local"_s;
    p.port = 9001;
    p.webSocketPath = u"/ws"_s;
    p.version = VersionChoice::V311;
    p.clientId = u"id-1"_s;
    p.username = u"bob"_s;
    p.keepAliveSeconds = 30;
    p.cleanStart = false;
    p.sessionExpiryInterval = 600;
    p.alpn = {u"mqtt"_s};
    p.will = ProfileWill{.enabled = true,
                         .topic = u"w/t"_s,
                         .payload = "bye",
                         .qos = 2,
                         .retain = true,
                         .delayInterval = 3,
                         .messageExpiryInterval = std::nullopt,
                         .contentType = u"text/plain"_s,
                         .payloadIsUtf8 = true};
    p.receiveMaximum = 10;
    p.topicAliasMaximum = 5;
    p.requestResponseInformation = true;
    p.userProperties = {{u"k"_s, u"v"_s}};
    p.subscriptions = {Subscription{.filter = u"x/#"_s,
                                    .qos = 1,
                                    .noLocal = true,
                                    .retainAsPublished = false,
                                    .retainHandling = RetainHandling::SendAtSubscribeIfNew}};
    p.autoReconnect = false;
    p.historyMessagesPerTopic = 77;
    p.historyByteBudget = qint64(64) * 1024 * 1024;

    ProfileEditor editor;
    editor.setProfile(p);
    QCOMPARE(editor.profile(), p);
}

// The shared profile with every field set, as the profile file tests use it: the will's payload
// is not UTF-8 and must come back byte for byte.
void tst_UiProfileEditor::roundTripEveryField()
{
    ConnectionProfile p = test::profileWithEveryField();
    // A spin box has no "present but 0": 0 there means absent.
    p.topicAliasMaximum = 5;
    p.will.messageExpiryInterval = 60;
    ProfileEditor editor;
    editor.setProfile(p);
    QCOMPARE(editor.profile(), p);
}

void tst_UiProfileEditor::randomClientId()
{
    ProfileEditor editor;
    auto *button = editor.findChild<QPushButton *>(u"randomClientId"_s);
    QVERIFY(button);
    button->click();
    const QString first = editor.profile().clientId;
    button->click();
    const QString second = editor.profile().clientId;
    // 3.1.1 servers must accept 1..23 characters of [0-9a-zA-Z] [MQTT-3.1.3-5].
    for (const QString &id : {first, second}) {
        QVERIFY(id.size() >= 1 && id.size() <= 23);
        QVERIFY(std::all_of(id.begin(), id.end(),
                            [](QChar c) { return c.isLetterOrNumber() && c.unicode() < 128; }));
    }
    QVERIFY(first != second);
}

void tst_UiProfileEditor::verifyPeerWarning()
{
    ProfileEditor editor;
    editor.show();
    ConnectionProfile p;
    p.name = u"tls"_s;
    p.transport = TransportKind::Tls;
    editor.setProfile(p);
    auto *warning = editor.findChild<QWidget *>(u"verifyPeerWarning"_s);
    auto *verify = editor.findChild<QCheckBox *>(u"profileVerifyPeer"_s);
    QVERIFY(warning && verify);
    QVERIFY(warning->isHidden());
    verify->setChecked(false);
    QVERIFY(!warning->isHidden());
    QVERIFY(!editor.profile().verifyPeer);
    verify->setChecked(true);
    QVERIFY(warning->isHidden());
}

void tst_UiProfileEditor::fieldMessages_data()
{
    QTest::addColumn<QString>("widget");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("page");
    QTest::newRow("wildcard will topic")
        << u"willTopic"_s << u"a/+/b"_s << int(ProfileField::WillTopic) << u"Last will"_s;
    QTest::newRow("missing CA file")
        << u"profileCaFile"_s << u"/nonexistent/ca.pem"_s << int(ProfileField::CaFile) << u"TLS"_s;
    QTest::newRow("empty host") << u"profileHost"_s << QString() << int(ProfileField::Host)
                                << u"Connection"_s;
    QTest::newRow("empty proxy host")
        << u"proxyHost"_s << QString() << int(ProfileField::ProxyHost) << u"Proxy"_s;
}

void tst_UiProfileEditor::fieldMessages()
{
    QFETCH(QString, widget);
    QFETCH(QString, value);
    QFETCH(int, field);
    QFETCH(QString, page);
    ProfileEditor editor;
    ConnectionProfile p;
    p.name = u"p"_s;
    p.transport = TransportKind::Tls;
    p.will.enabled = true;
    p.will.topic = u"ok/topic"_s;
    p.proxy = ProfileProxy{.kind = ProxyKind::Http,
                           .host = u"proxy"_s,
                           .port = 0,
                           .username = {},
                           .hasPassword = false};
    editor.setProfile(p);
    QVERIFY(editor.validate());
    auto *edit = editor.findChild<QLineEdit *>(widget);
    const QString good = edit->text();
    edit->setText(value);
    QVERIFY(!editor.validate());
    QVERIFY(!editor.messageFor(ProfileField(field)).isEmpty());
    // The page with the problem is marked in the page list, wherever the user is.
    const SidebarPages *pages = editor.pages();
    for (int i = 0; i < pages->count(); ++i)
        QCOMPARE(pages->isPageFlagged(i), pages->pageTitle(i) == page);
    edit->setText(good);
    QVERIFY(editor.validate());
    for (int i = 0; i < pages->count(); ++i)
        QVERIFY(!pages->isPageFlagged(i));
}

void tst_UiProfileEditor::newProfileFlagsNoPage()
{
    // As the connection manager does: the empty editor validated before a profile is shown.
    ProfileEditor editor;
    QVERIFY(!editor.validate());
    ConnectionProfile p;
    p.name = u"New connection"_s;
    editor.setProfile(p);
    const SidebarPages *pages = editor.pages();
    for (int i = 0; i < pages->count(); ++i)
        QVERIFY2(!pages->isPageFlagged(i), qPrintable(pages->pageTitle(i)));
}

void tst_UiProfileEditor::secretsAreEditedSeparately()
{
    ProfileEditor editor;
    ConnectionProfile p;
    p.name = u"p"_s;
    p.username = u"alice"_s;
    p.hasPassword = true;
    editor.setProfile(p);
    QVERIFY(!editor.secretsEdited());
    QVERIFY(editor.profile().hasPassword); // untouched: still in the keychain
    auto *password = editor.findChild<QLineEdit *>(u"profilePassword"_s);
    QTest::keyClicks(password, u"s3cret"_s);
    QVERIFY(editor.secretsEdited());
    QCOMPARE(editor.secrets().password, std::optional<QByteArray>("s3cret"));
    QVERIFY(!editor.profile().toJson().contains(u"password"_s));
}

// The Proxy page: manual fields only for SOCKS5 and HTTP, the kind's default port, and the
// password a secret like the broker's.
void tst_UiProfileEditor::proxyPage()
{
    ProfileEditor editor;
    ConnectionProfile p;
    p.name = u"p"_s;
    p.proxy = ProfileProxy{.kind = ProxyKind::System,
                           .host = u"kept"_s,
                           .port = 0,
                           .username = {},
                           .hasPassword = false};
    editor.setProfile(p);
    auto *kind = editor.findChild<QComboBox *>(u"proxyKind"_s);
    auto *host = editor.findChild<QLineEdit *>(u"proxyHost"_s);
    auto *port = editor.findChild<QSpinBox *>(u"proxyPort"_s);
    auto *username = editor.findChild<QLineEdit *>(u"proxyUsername"_s);
    auto *password = editor.findChild<QLineEdit *>(u"proxyPassword"_s);
    QVERIFY(kind && host && port && username && password);
    QVERIFY(!host->isEnabled());
    QVERIFY(editor.findChild<QLabel *>(u"proxyExplanation"_s)->text().contains(u"http_proxy"_s));

    kind->setCurrentIndex(kind->findData(int(ProxyKind::Socks5)));
    QVERIFY(host->isEnabled() && password->isEnabled());
    QCOMPARE(port->specialValueText(), u"Default (1080)"_s);
    kind->setCurrentIndex(kind->findData(int(ProxyKind::Http)));
    QCOMPARE(port->specialValueText(), u"Default (8080)"_s);
    username->setText(u"carol"_s);
    QTest::keyClicks(password, u"tunnel"_s);
    QVERIFY(editor.secretsEdited());
    const ConnectionProfile edited = editor.profile();
    QCOMPARE(edited.proxy,
             (ProfileProxy{.kind = ProxyKind::Http,
                           .host = u"kept"_s,
                           .port = 0,
                           .username = u"carol"_s,
                           .hasPassword = true}));
    QCOMPARE(editor.secrets().proxyPassword, std::optional<QByteArray>("tunnel"));
    QVERIFY(!QJsonDocument(edited.toJson()).toJson().contains("tunnel"));

    // A password without a user name is refused next to the user name field.
    username->clear();
    QVERIFY(!editor.validate());
    QVERIFY(!editor.messageFor(ProfileField::ProxyUsername).isEmpty());
}

void tst_UiProfileEditor::portFollowsTransport_data()
{
    QTest::addColumn<int>("transport");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");
    QTest::newRow("tcp") << int(TransportKind::Tcp) << 1883 << u"/mqtt"_s;
    QTest::newRow("tls") << int(TransportKind::Tls) << 8883 << u"/mqtt"_s;
    QTest::newRow("ws") << int(TransportKind::WebSocket) << 80 << u"/mqtt"_s;
    QTest::newRow("wss") << int(TransportKind::SecureWebSocket) << 443 << u"/mqtt"_s;
}

void tst_UiProfileEditor::portFollowsTransport()
{
    QFETCH(int, transport);
    QFETCH(int, port);
    QFETCH(QString, path);
    ProfileEditor editor;
    ConnectionProfile p;
    p.webSocketPath.clear(); // an old profile without one gets the usual path on ws/wss
    editor.setProfile(p);
    auto *transports = editor.findChild<QComboBox *>(u"profileTransport"_s);
    // Through every other transport first: the port follows each step, not only the first.
    for (int i = transports->count() - 1; i >= 0; --i)
        transports->setCurrentIndex(i);
    transports->setCurrentIndex(transports->findData(transport));
    QCOMPARE(editor.profile().port, quint16(port));
    const bool webSocket = TransportKind(transport) == TransportKind::WebSocket
        || TransportKind(transport) == TransportKind::SecureWebSocket;
    if (webSocket)
        QCOMPARE(editor.profile().webSocketPath, path);
    // The TLS page can be opened only for a transport that uses TLS.
    const bool tls = TransportKind(transport) == TransportKind::Tls
        || TransportKind(transport) == TransportKind::SecureWebSocket;
    QCOMPARE(editor.pages()->pageTitle(1), u"TLS"_s);
    QCOMPARE(editor.pages()->isPageEnabled(1), tls);
}

void tst_UiProfileEditor::typedPortAndPathStay()
{
    ProfileEditor editor;
    editor.setProfile(ConnectionProfile{});
    auto *transports = editor.findChild<QComboBox *>(u"profileTransport"_s);
    auto *port = editor.findChild<QSpinBox *>(u"profilePort"_s);
    auto *path = editor.findChild<QLineEdit *>(u"profileWebSocketPath"_s);
    transports->setCurrentIndex(transports->findData(int(TransportKind::WebSocket)));
    port->selectAll();
    QTest::keyClicks(port, u"9001"_s);
    path->selectAll();
    QTest::keyClicks(path, u"/ws"_s);
    transports->setCurrentIndex(transports->findData(int(TransportKind::SecureWebSocket)));
    QCOMPARE(editor.profile().port, quint16(9001));
    QCOMPARE(editor.profile().webSocketPath, u"/ws"_s);

    // A saved profile's own port counts as chosen; a default one keeps following.
    ConnectionProfile custom;
    custom.port = 11883;
    editor.setProfile(custom);
    transports->setCurrentIndex(transports->findData(int(TransportKind::Tls)));
    QCOMPARE(editor.profile().port, quint16(11883));
    editor.setProfile(ConnectionProfile{});
    transports->setCurrentIndex(transports->findData(int(TransportKind::Tls)));
    QCOMPARE(editor.profile().port, quint16(8883));
}

void tst_UiProfileEditor::showPasswordToggle_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("password") << u"profilePassword"_s;
    QTest::newRow("key passphrase") << u"profileKeyPassphrase"_s;
    QTest::newRow("PKCS#12 passphrase") << u"profilePkcs12Passphrase"_s;
    QTest::newRow("proxy password") << u"proxyPassword"_s;
}

void tst_UiProfileEditor::showPasswordToggle()
{
    QFETCH(QString, field);
    ProfileEditor editor;
    auto *edit = editor.findChild<QLineEdit *>(field);
    QVERIFY(edit);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    auto *reveal = edit->findChild<QAction *>(field + u"Reveal"_s);
    QVERIFY(reveal);
    QVERIFY(edit->actions().contains(reveal));
    QVERIFY(!reveal->icon().isNull());
    reveal->trigger();
    QCOMPARE(edit->echoMode(), QLineEdit::Normal);
    reveal->trigger();
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    reveal->trigger();
    editor.setProfile(ConnectionProfile{}); // another profile: hidden again
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(!reveal->isChecked());
}

namespace {

ConnectionTestResult testResult(ConnectionTestResult::Outcome outcome, const QString &reason = {})
{
    ConnectionTestResult result;
    result.outcome = outcome;
    result.address = u"h:1883"_s;
    result.timeoutMs = 10000;
    result.reason = reason;
    return result;
}

TlsPeer tlsPeer(const QDate &expiry, const QString &protocol, const QString &problem)
{
    TlsPeer peer;
    peer.subject = u"CN=localhost"_s;
    peer.issuer = u"CN=Test CA"_s;
    peer.expiry = QDateTime(expiry, QTime(0, 0), Qt::UTC);
    peer.protocol = protocol;
    peer.cipher = protocol.isEmpty() ? QString() : u"TLS_AES_256_GCM_SHA384"_s;
    peer.problem = problem;
    return peer;
}

} // namespace

void tst_UiProfileEditor::testReport_data()
{
    using Outcome = ConnectionTestResult::Outcome;
    QTest::addColumn<ConnectionTestResult>("result");
    QTest::addColumn<QStringList>("lines");

    ConnectionTestResult accepted = testResult(Outcome::Accepted);
    accepted.connack.properties.maximumQoS = 1;
    accepted.connack.properties.retainAvailable = 0;
    accepted.connack.properties.assignedClientIdentifier = u"auto-1"_s; // no limit
    QTest::newRow("accepted 5.0") << accepted
                                  << QStringList{u"Accepted by h:1883 with MQTT 5.0."_s,
                                                 u"Broker limits: max QoS 1 · no retain."_s};
    const ConnectionTestResult plain = testResult(Outcome::Accepted);
    QTest::newRow("accepted 5.0, no limits")
        << plain
        << QStringList{u"Accepted by h:1883 with MQTT 5.0."_s, u"Broker limits: none announced."_s};
    ConnectionTestResult old = testResult(Outcome::Accepted);
    old.version = ProtocolVersion::V311;
    QTest::newRow("accepted 3.1.1")
        << old
        << QStringList{u"Accepted by h:1883 with MQTT 3.1.1."_s,
                       u"Broker limits: MQTT 3.1.1 brokers announce none."_s};
    QTest::newRow("refused") << testResult(Outcome::Refused, u"Not authorized (0x87)"_s)
                             << QStringList{u"Refused by h:1883: Not authorized (0x87)"_s};
    QTest::newRow("failed") << testResult(Outcome::Failed, u"Connection refused by h:1883"_s)
                            << QStringList{u"Failed: Connection refused by h:1883"_s};
    QTest::newRow("timed out") << testResult(Outcome::TimedOut)
                               << QStringList{u"No answer from h:1883 within 10 s."_s};

    const QString untrusted = u"TLS certificate verification failed: self-signed"_s;
    ConnectionTestResult tls = testResult(Outcome::Failed, untrusted);
    tls.tls = tlsPeer(QDate(2020, 5, 1), {}, untrusted);
    QTest::newRow("untrusted, expired")
        << tls
        << QStringList{
               u"Failed: "_s + untrusted,
               u"Certificate: CN=localhost, issued by CN=Test CA, expired on 2020-05-01."_s};
    ConnectionTestResult timedOut = testResult(Outcome::TimedOut);
    timedOut.tls = tlsPeer(QDate(2031, 1, 2), {}, u"Timed out"_s);
    QTest::newRow("handshake problem of its own")
        << timedOut
        << QStringList{
               u"No answer from h:1883 within 10 s."_s,
               u"Certificate: CN=localhost, issued by CN=Test CA, valid until 2031-01-02."_s,
               u"TLS problem: Timed out"_s};
    ConnectionTestResult secure = plain;
    secure.tls = tlsPeer(QDate(2031, 1, 2), u"TLS 1.3"_s, {});
    QTest::newRow("tls")
        << secure
        << QStringList{
               u"Accepted by h:1883 with MQTT 5.0."_s, u"Broker limits: none announced."_s,
               u"TLS: TLS 1.3, TLS_AES_256_GCM_SHA384."_s,
               u"Certificate: CN=localhost, issued by CN=Test CA, valid until 2031-01-02."_s};
}

void tst_UiProfileEditor::testReport()
{
    QFETCH(ConnectionTestResult, result);
    QFETCH(QStringList, lines);
    const QDateTime now(QDate(2025, 1, 1), QTime(12, 0), Qt::UTC);
    QCOMPARE(ConnectionTestReport::text(result, now).split(u'\n'), lines);
}

QTEST_MAIN(tst_UiProfileEditor)
#include "tst_ui_profileeditor.moc"

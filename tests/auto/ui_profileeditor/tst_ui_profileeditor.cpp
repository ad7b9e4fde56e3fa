// SPDX-License-Identifier: GPL-3.0-or-later
// The profile editor: every field survives a round trip through the widgets, the "random"
// client id, the verify-peer warning, and messages next to fields with bad values.
#include "profileeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

class tst_UiProfileEditor : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void randomClientId();
    void verifyPeerWarning();
    void fieldMessages_data();
    void fieldMessages();
    void secretsAreEditedSeparately();
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
    QTest::newRow("wildcard will topic")
        << u"willTopic"_s << u"a/+/b"_s << int(ProfileField::WillTopic);
    QTest::newRow("missing CA file")
        << u"profileCaFile"_s << u"/nonexistent/ca.pem"_s << int(ProfileField::CaFile);
    QTest::newRow("empty host") << u"profileHost"_s << QString() << int(ProfileField::Host);
}

void tst_UiProfileEditor::fieldMessages()
{
    QFETCH(QString, widget);
    QFETCH(QString, value);
    QFETCH(int, field);
    ProfileEditor editor;
    ConnectionProfile p;
    p.name = u"p"_s;
    p.transport = TransportKind::Tls;
    p.will.enabled = true;
    p.will.topic = u"ok/topic"_s;
    editor.setProfile(p);
    QVERIFY(editor.validate());
    editor.findChild<QLineEdit *>(widget)->setText(value);
    QVERIFY(!editor.validate());
    QVERIFY(!editor.messageFor(ProfileField(field)).isEmpty());
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

QTEST_MAIN(tst_UiProfileEditor)
#include "tst_ui_profileeditor.moc"

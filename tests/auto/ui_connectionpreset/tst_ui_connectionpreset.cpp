// SPDX-License-Identifier: GPL-3.0-or-later
// The preset flow of the connection manager: From preset… opens the presets, Create waits for
// every field the preset asks for, and the new draft in the editor holds what was typed, the
// device key among its secrets and never in the profile. The editor's WebSocket headers keep a
// secret value with the secrets.
#include "connectionmanagerdialog.h"
#include "connectionpresetdialog.h"
#include "profileeditor.h"
#include "secretsdialog.h"
#include "websocketheaderseditor.h"

#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

class tst_UiConnectionPreset : public QObject
{
    Q_OBJECT
private slots:
    void createWaitsForEveryField();
    void managerMakesDraftFromPreset();
    void editorKeepsSecretHeaderWithSecrets();
    void secretsDialogAsksForDeviceKeyAndHeaders();
};

void tst_UiConnectionPreset::createWaitsForEveryField()
{
    ConnectionPresetDialog dialog(ConnectionPreset::builtIn());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.selectPreset(u"azure-iot-hub"_s);
    auto *create = dialog.findChild<QPushButton *>(u"createFromPreset"_s);
    auto *missing = dialog.findChild<QLabel *>(u"presetMissing"_s);
    QVERIFY(create && missing);
    QVERIFY(!create->isEnabled());
    QVERIFY2(missing->text().contains(u"Device ID"_s), qPrintable(missing->text()));
    QCOMPARE(dialog.field(u"lifetime"_s)->text(), u"3600"_s); // its default, filled in

    QTest::keyClicks(dialog.field(u"hub"_s), u"my-hub"_s);
    QTest::keyClicks(dialog.field(u"deviceId"_s), u"sensor-01"_s);
    QVERIFY(!create->isEnabled());
    QCOMPARE(dialog.field(u"deviceKey"_s)->echoMode(), QLineEdit::Password);
    QTest::keyClicks(dialog.field(u"deviceKey"_s), u"c2VjcmV0"_s);
    QVERIFY(create->isEnabled());
    QVERIFY(missing->text().isEmpty());
    const ConnectionPreset::Filled filled = dialog.filled();
    QCOMPARE(filled.profile.host, u"my-hub.azure-devices.net"_s);
    QCOMPARE(filled.secrets.sasKey, "c2VjcmV0"_ba);

    // Another preset asks for its own fields.
    dialog.selectPreset(u"aws-iot-core"_s);
    QVERIFY(dialog.field(u"region"_s));
    QVERIFY(!dialog.field(u"hub"_s));
    QVERIFY(!create->isEnabled());
}

void tst_UiConnectionPreset::managerMakesDraftFromPreset()
{
    QTemporaryDir dir;
    ProfileStore profiles(dir.filePath(u"profiles.json"_s));
    SecretStore secrets(u"mqttscope-test"_s);
    secrets.setTimeoutMs(3000);
    ConnectionManagerDialog manager(&profiles, &secrets);
    manager.show();
    QVERIFY(QTest::qWaitForWindowExposed(&manager));

    QTest::mouseClick(manager.findChild<QPushButton *>(u"newProfileFromPreset"_s), Qt::LeftButton);
    ConnectionPresetDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = manager.findChild<ConnectionPresetDialog *>()) && dialog->isVisible());
    dialog->selectPreset(u"azure-iot-hub"_s);
    QTest::keyClicks(dialog->field(u"hub"_s), u"plant"_s);
    QTest::keyClicks(dialog->field(u"deviceId"_s), u"press-7"_s);
    QTest::keyClicks(dialog->field(u"deviceKey"_s), u"a2V5LW9mLXByZXNzLTc="_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"createFromPreset"_s), Qt::LeftButton);
    QTRY_VERIFY(!manager.findChild<ConnectionPresetDialog *>()); // closed and gone

    QVERIFY(manager.isDraft(manager.currentProfileId()));
    const ConnectionProfile draft = manager.editor()->profile();
    QCOMPARE(draft.name, u"press-7 on plant"_s);
    QCOMPARE(draft.host, u"plant.azure-devices.net"_s);
    QCOMPARE(draft.username, u"plant.azure-devices.net/press-7/?api-version=2021-04-12"_s);
    QCOMPARE(draft.sasTokenLifetimeSeconds, quint32(3600));
    QCOMPARE(manager.editor()->secrets().sasKey, "a2V5LW9mLXByZXNzLTc="_ba);
    QVERIFY(manager.editor()->validate());

    QVERIFY(manager.saveCurrent());
    QCOMPARE(profiles.profiles().size(), 1);
    QVERIFY(!ProfileStore::toJson(profiles.profiles()).contains("a2V5LW9mLXByZXNzLTc="));
    std::optional<ProfileSecrets> stored;
    secrets.read(draft.id, [&](std::optional<ProfileSecrets> s, const QString &) {
        stored = s.value_or(ProfileSecrets{});
    });
    QTRY_VERIFY(stored.has_value());
    QCOMPARE(stored->sasKey, "a2V5LW9mLXByZXNzLTc="_ba);
    secrets.remove(draft.id);
}

void tst_UiConnectionPreset::editorKeepsSecretHeaderWithSecrets()
{
    ProfileEditor editor;
    ConnectionProfile p;
    p.name = u"ws"_s;
    p.transport = TransportKind::WebSocket;
    p.webSocketHeaders = {{u"Authorization"_s, QString(), true}, {u"X-Site"_s, u"a"_s, false}};
    editor.setProfile(p);
    ProfileSecrets secrets;
    secrets.webSocketHeaders = {{u"Authorization"_s, "Bearer abc"}};
    editor.setSecrets(secrets);
    QCOMPARE(editor.profile().webSocketHeaders, p.webSocketHeaders);
    QCOMPARE(editor.secrets().webSocketHeaders, secrets.webSocketHeaders);
    QVERIFY(!editor.secretsEdited());

    // Making the plain header secret moves its value to the secrets.
    auto *table = editor.findChild<QTableWidget *>(u"webSocketHeaders"_s);
    QVERIFY(table);
    table->item(1, 2)->setCheckState(Qt::Checked);
    QVERIFY(editor.secretsEdited());
    QCOMPARE(editor.profile().webSocketHeaders.at(1),
             (WebSocketHeader{u"X-Site"_s, QString(), true}));
    QCOMPARE(editor.secrets().webSocketHeaders.value(u"X-Site"_s), "a"_ba);
    QCOMPARE(qobject_cast<QLineEdit *>(table->cellWidget(1, 1))->echoMode(), QLineEdit::Password);
}

// A profile whose keychain entry is gone asks for the device key and the secret header values
// at connect, like a password.
void tst_UiConnectionPreset::secretsDialogAsksForDeviceKeyAndHeaders()
{
    ConnectionProfile p;
    p.name = u"hub"_s;
    p.clientId = u"press-7"_s;
    p.sasTokenLifetimeSeconds = 3600;
    p.webSocketHeaders = {{u"Authorization"_s, QString(), true}, {u"X-Site"_s, u"a"_s, false}};
    QVERIFY(p.needsSecrets());
    const SecretsDialog::Needs needs = SecretsDialog::missing(p, std::nullopt);
    QVERIFY(needs.sasKey);
    QCOMPARE(needs.headers, QStringList{u"Authorization"_s});
    ProfileSecrets known;
    known.sasKey = "a2V5";
    known.webSocketHeaders = {{u"Authorization"_s, "Bearer x"}};
    QVERIFY(!SecretsDialog::missing(p, known).any());

    SecretsDialog dialog(p, needs, u"why"_s);
    const QList<QLineEdit *> fields = dialog.findChildren<QLineEdit *>();
    QCOMPARE(fields.size(), 2);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"sasKeyField"_s), u"a2V5"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"headerField"_s), u"Bearer x"_s);
    QCOMPARE(dialog.secrets({}), known);
}

QTEST_MAIN(tst_UiConnectionPreset)
#include "tst_ui_connectionpreset.moc"

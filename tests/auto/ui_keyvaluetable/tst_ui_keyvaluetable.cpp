// SPDX-License-Identifier: GPL-3.0-or-later
// The name/value table under the user properties and the WebSocket headers: Add and Remove, what
// each editor makes of the rows (user property names kept as typed and repeatable, header names
// trimmed), and the secret column of the headers only.
#include "userpropertieseditor.h"
#include "websocketheaderseditor.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

QToolButton *button(QWidget *editor, const QString &text)
{
    for (QToolButton *b : editor->findChildren<QToolButton *>()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

} // namespace

class tst_UiKeyValueTable : public QObject
{
    Q_OBJECT
private slots:
    void userPropertiesKeepOrderAndRepeats();
    void addAndRemoveRows();
    void headersHaveASecretColumn();
};

void tst_UiKeyValueTable::userPropertiesKeepOrderAndRepeats()
{
    UserPropertiesEditor editor;
    const QList<UserProperty> properties{
        {u"site"_s, u"lab"_s}, {u" site "_s, u"roof"_s}, {QString(), u"dropped"_s}};
    editor.setProperties(properties);
    auto *table = editor.findChild<QTableWidget *>();
    QVERIFY(table);
    QCOMPARE(table->columnCount(), 2); // no secret column
    QCOMPARE(table->rowCount(), 3);
    // Order kept (as a server must keep it, [MQTT-3.3.2-18]), a name may repeat, its spaces are
    // its own; nameless rows are left out.
    QCOMPARE(editor.properties(), properties.first(2));
}

void tst_UiKeyValueTable::addAndRemoveRows()
{
    UserPropertiesEditor editor;
    editor.setProperties({{u"a"_s, u"1"_s}});
    auto *table = editor.findChild<QTableWidget *>();
    QSignalSpy changed(&editor, &KeyValueTable::changed);
    button(&editor, u"Add"_s)->click();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(changed.size(), 1);
    table->item(1, 0)->setText(u"b"_s);
    table->item(1, 1)->setText(u"2"_s);
    QCOMPARE(editor.properties(), (QList<UserProperty>{{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}}));

    table->setCurrentCell(0, 0);
    button(&editor, u"Remove"_s)->click();
    QCOMPARE(editor.properties(), (QList<UserProperty>{{u"b"_s, u"2"_s}}));
    table->setCurrentCell(-1, -1);
    button(&editor, u"Remove"_s)->click(); // nothing selected: nothing removed
    QCOMPARE(table->rowCount(), 1);
}

void tst_UiKeyValueTable::headersHaveASecretColumn()
{
    WebSocketHeadersEditor editor;
    editor.setHeaders({{u" X-Site "_s, u"a"_s, false}, {u"Authorization"_s, QString(), true}});
    auto *table = editor.findChild<QTableWidget *>(u"webSocketHeaders"_s);
    QVERIFY(table);
    QCOMPARE(table->columnCount(), 3);
    QVERIFY(editor.findChild<QToolButton *>(u"addWebSocketHeader"_s));
    auto *secretValue = qobject_cast<QLineEdit *>(table->cellWidget(1, 1));
    QCOMPARE(secretValue->echoMode(), QLineEdit::Password);
    QCOMPARE(secretValue->placeholderText(), u"Stored in the keychain"_s);

    QSignalSpy secretEdited(&editor, &KeyValueTable::secretEdited);
    editor.setSecretValues({{u"Authorization"_s, "Bearer abc"}});
    QCOMPARE(secretEdited.size(), 0); // filled from the keychain, not edited
    QCOMPARE(secretValue->text(), u"Bearer abc"_s);
    QCOMPARE(editor.headers().first(), (WebSocketHeader{u"X-Site"_s, u"a"_s, false}));
    QCOMPARE(editor.secretValues(),
             (QMap<QString, QByteArray>{{u"Authorization"_s, "Bearer abc"}}));

    // Typing into a plain value is no secret edit; into a secret one it is.
    qobject_cast<QLineEdit *>(table->cellWidget(0, 1))->textEdited(u"b"_s);
    QCOMPARE(secretEdited.size(), 0);
    secretValue->textEdited(u"Bearer xyz"_s);
    QCOMPARE(secretEdited.size(), 1);
}

QTEST_MAIN(tst_UiKeyValueTable)
#include "tst_ui_keyvaluetable.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The profile editor's "Payload formats" page (issue 12): the rules, .proto files and import
// folders round-trip through the profile; rules are added, removed and put in order; a bad
// topic filter, a .proto file that does not compile (with the compiler's file:line:column) and
// a message type no file defines are shown next to the rules and files.
#include "payloadformatseditor.h"
#include "profileeditor.h"
#include "testprotos.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

QPushButton *button(QWidget *parent, const QString &text)
{
    const auto buttons = parent->findChildren<QPushButton *>();
    for (QPushButton *b : buttons) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

QComboBox *cellCombo(const PayloadFormatsEditor &editor, int row, int column)
{
    return qobject_cast<QComboBox *>(editor.rulesTable()->cellWidget(row, column));
}

QStringList filters(const QList<FormatRule> &rules)
{
    QStringList result;
    for (const FormatRule &rule : rules)
        result.append(rule.topicFilter);
    return result;
}

} // namespace

class tst_UiPayloadFormatsEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTripThroughProfileEditor();
    void editsReachTheProfile();
    void addRemoveAndMove();
    void messageTypesComeFromTheFiles();
    void badTopicFilter_data();
    void badTopicFilter();
    void compileErrorNextToFilesAndRules();
    void loadedProfileShowsWhatTheBrokenFileAffects();
    void unknownMessageType();
    void hintSaysAutoDetectionRemains();

private:
    QTemporaryDir m_folder;
    QString m_fleet;
    QString m_broken;
};

void tst_UiPayloadFormatsEditor::initTestCase()
{
    QVERIFY(m_folder.isValid());
    m_fleet = test::writeFleetProto(m_folder.path());
    m_broken = test::writeBrokenProto(m_folder.path());
    QVERIFY(!m_fleet.isEmpty() && !m_broken.isEmpty());
}

void tst_UiPayloadFormatsEditor::roundTripThroughProfileEditor()
{
    ConnectionProfile p;
    p.name = u"fleet"_s;
    p.host = u"broker.local"_s;
    p.formatRules = {{u"fleet/+/position"_s, PayloadEncoding::Protobuf, u"fleet.v1.Position"_s},
                     {u"fleet/+/raw"_s, PayloadEncoding::Hex, {}},
                     {u"spBv1.0/#"_s, PayloadEncoding::SparkplugB, {}},
                     {u"#"_s, PayloadEncoding::Auto, {}}};
    p.protoFiles = {m_fleet};
    p.protoImportPaths = {m_folder.path(), u"/usr/include"_s};
    ProfileEditor editor;
    editor.setProfile(p);
    QCOMPARE(editor.profile(), p);
    QCOMPARE(editor.payloadFormats()->rulesTable()->rowCount(), 4);
    QVERIFY(editor.validate());
}

void tst_UiPayloadFormatsEditor::editsReachTheProfile()
{
    ProfileEditor editor;
    ConnectionProfile p;
    p.formatRules = {{u"a/+"_s, PayloadEncoding::Json, {}}};
    p.protoFiles = {m_fleet};
    editor.setProfile(p);
    QSignalSpy changed(&editor, &ProfileEditor::changed);
    PayloadFormatsEditor *formats = editor.payloadFormats();
    formats->rulesTable()->item(0, PayloadFormatsEditor::FilterColumn)->setText(u"b/#"_s);
    QComboBox *format = cellCombo(*formats, 0, PayloadFormatsEditor::FormatColumn);
    format->setCurrentIndex(format->findData(int(PayloadEncoding::Protobuf)));
    cellCombo(*formats, 0, PayloadFormatsEditor::MessageTypeColumn)
        ->setCurrentText(u"fleet.v1.Status"_s);
    QVERIFY(changed.count() >= 3);
    const QList<FormatRule> expected{{u"b/#"_s, PayloadEncoding::Protobuf, u"fleet.v1.Status"_s}};
    QCOMPARE(editor.profile().formatRules, expected);

    // Another format drops the type: only Protobuf rules carry one.
    format->setCurrentIndex(format->findData(int(PayloadEncoding::MessagePack)));
    QVERIFY(!cellCombo(*formats, 0, PayloadFormatsEditor::MessageTypeColumn)->isEnabled());
    const QList<FormatRule> msgpack{{u"b/#"_s, PayloadEncoding::MessagePack, {}}};
    QCOMPARE(editor.profile().formatRules, msgpack);
}

void tst_UiPayloadFormatsEditor::addRemoveAndMove()
{
    PayloadFormatsEditor editor;
    editor.setRules({{u"one"_s, PayloadEncoding::Json, {}},
                     {u"two"_s, PayloadEncoding::Text, {}},
                     {u"three"_s, PayloadEncoding::Cbor, {}}});
    QTableWidget *table = editor.rulesTable();
    QPushButton *add = button(&editor, u"Add rule"_s);
    QPushButton *remove = button(&editor, u"Remove"_s);
    QPushButton *up = button(&editor, u"Move up"_s);
    QPushButton *down = button(&editor, u"Move down"_s);
    QVERIFY(add && remove && up && down);

    table->setCurrentCell(2, 0);
    up->click();
    QCOMPARE(filters(editor.rules()), (QStringList{u"one"_s, u"three"_s, u"two"_s}));
    QCOMPARE(table->currentRow(), 1); // the moved rule stays current, so it can move on
    up->click();
    up->click(); // at the top already: nothing moves
    QCOMPARE(filters(editor.rules()), (QStringList{u"three"_s, u"one"_s, u"two"_s}));
    // The formats move with their filters.
    QCOMPARE(editor.rules().constFirst().encoding, PayloadEncoding::Cbor);
    down->click();
    QCOMPARE(filters(editor.rules()), (QStringList{u"one"_s, u"three"_s, u"two"_s}));

    add->click();
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(editor.rules().size(), 3); // an empty filter is not a rule yet
    table->item(3, PayloadFormatsEditor::FilterColumn)->setText(u"four/#"_s);
    QCOMPARE(filters(editor.rules()).constLast(), u"four/#"_s);
    QCOMPARE(editor.rules().constLast().encoding, PayloadEncoding::Json);

    table->setCurrentCell(0, 0);
    remove->click();
    QCOMPARE(filters(editor.rules()), (QStringList{u"three"_s, u"two"_s, u"four/#"_s}));
}

void tst_UiPayloadFormatsEditor::messageTypesComeFromTheFiles()
{
    PayloadFormatsEditor editor;
    editor.setRules({{u"t"_s, PayloadEncoding::Protobuf, u"fleet.v1.Position"_s}});
    QComboBox *type = cellCombo(editor, 0, PayloadFormatsEditor::MessageTypeColumn);
    QCOMPARE(type->count(), 0);
    QVERIFY(type->isEnabled());
    editor.addProtoFiles({m_fleet});
    QCOMPARE(editor.protoFiles(), QStringList{m_fleet});
    QCOMPARE(editor.messageTypes(), (QStringList{u"fleet.v1.Position"_s, u"fleet.v1.Status"_s}));
    QCOMPARE(type->count(), 2);
    QCOMPARE(type->currentText(), u"fleet.v1.Position"_s); // the rule's choice stays
    QVERIFY(editor.validate());
    QCOMPARE(editor.filesMessage(), QString());
}

void tst_UiPayloadFormatsEditor::badTopicFilter_data()
{
    QTest::addColumn<QString>("filter");
    // [MQTT-4.7.1-2] '#' last and alone in its level; [MQTT-4.7.1-3] '+' alone in its level.
    QTest::newRow("# not last") << u"a/#/b"_s;
    QTest::newRow("+ not alone") << u"a/b+/c"_s;
}

void tst_UiPayloadFormatsEditor::badTopicFilter()
{
    QFETCH(QString, filter);
    ProfileEditor profileEditor;
    ConnectionProfile p;
    p.host = u"h"_s;
    p.name = u"n"_s;
    p.formatRules = {{u"ok/+"_s, PayloadEncoding::Json, {}}, {filter, PayloadEncoding::Hex, {}}};
    profileEditor.setProfile(p);
    QVERIFY(!profileEditor.validate()); // a rule that can never match is a typo: not saved
    PayloadFormatsEditor *editor = profileEditor.payloadFormats();
    QCOMPARE(editor->ruleProblem(0), QString());
    QVERIFY2(editor->ruleProblem(1).startsWith(u"topic filter: "_s),
             qPrintable(editor->ruleProblem(1)));
    QVERIFY2(editor->rulesMessage().startsWith(u"Rule 2 (%1): topic filter"_s.arg(filter)),
             qPrintable(editor->rulesMessage()));
    QVERIFY(!editor->rulesTable()->item(1, 0)->icon().isNull());

    editor->rulesTable()->item(1, 0)->setText(u"a/#"_s);
    QVERIFY(profileEditor.validate());
    QCOMPARE(editor->rulesMessage(), QString());
    QCOMPARE(editor->ruleProblem(1), QString());
}

void tst_UiPayloadFormatsEditor::compileErrorNextToFilesAndRules()
{
    PayloadFormatsEditor editor;
    editor.setRules({{u"plant/#"_s, PayloadEncoding::Protobuf, u"broken.v1.Reading"_s},
                     {u"fleet/#"_s, PayloadEncoding::Protobuf, u"fleet.v1.Position"_s}});
    editor.setProtoFiles({m_fleet, m_broken});
    // Shown as soon as the file is added, before any validation: the compiler's own words.
    const QString files = editor.filesMessage();
    QVERIFY2(files.startsWith(u"broken.proto:4:"_s), qPrintable(files));
    QVERIFY2(files.contains(u"Positon"_s), qPrintable(files));
    QVERIFY(!files.contains(u"fleet.proto"_s)); // the file that compiles is not blamed
    QListWidgetItem *broken = editor.protoFileList()->item(1);
    QVERIFY(broken->toolTip().startsWith(u"broken.proto:4:"_s));
    QVERIFY(!broken->icon().isNull());
    QVERIFY(editor.protoFileList()->item(0)->toolTip().isEmpty());
    QCOMPARE(editor.messageTypes(), (QStringList{u"fleet.v1.Position"_s, u"fleet.v1.Status"_s}));

    // The rule that needs the broken file says why its type is missing; the other is fine.
    // Saving stays possible: the tab reports the file too, and shows those topics as hex.
    QVERIFY(editor.validate());
    QVERIFY2(editor.ruleProblem(0).startsWith(
                 u"broken.v1.Reading is in none of the files that compiled (broken.proto:4:"_s),
             qPrintable(editor.ruleProblem(0)));
    QCOMPARE(editor.ruleProblem(1), QString());
    QVERIFY(editor.rulesMessage().startsWith(u"Rule 1 (plant/#): broken.v1.Reading"_s));

    // Fixed on disk and the list touched again: the message goes.
    QVERIFY(!test::writeFile(m_folder.path(), u"broken.proto"_s,
                             "syntax = \"proto3\";\npackage broken.v1;\n"
                             "message Reading { double value = 1; }\n")
                 .isEmpty());
    editor.setProtoFiles({m_fleet, m_broken});
    QCOMPARE(editor.filesMessage(), QString());
    QVERIFY(editor.validate());
    QCOMPARE(editor.ruleProblem(0), QString());
    QVERIFY(!test::writeBrokenProto(m_folder.path()).isEmpty()); // as the other tests expect
}

void tst_UiPayloadFormatsEditor::loadedProfileShowsWhatTheBrokenFileAffects()
{
    // Right after loading, before any validation: the rule the broken file leaves without its
    // type is marked, a typo elsewhere waits until the user edits or saves.
    ProfileEditor profileEditor;
    ConnectionProfile p;
    p.formatRules = {{u"plant/#"_s, PayloadEncoding::Protobuf, u"broken.v1.Reading"_s},
                     {u"a/#/b"_s, PayloadEncoding::Json, {}}};
    p.protoFiles = {m_broken};
    profileEditor.setProfile(p);
    PayloadFormatsEditor *editor = profileEditor.payloadFormats();
    QVERIFY(editor->ruleProblem(0).startsWith(
        u"broken.v1.Reading is in none of the files that compiled (broken.proto:4:"_s));
    QCOMPARE(editor->ruleProblem(1), QString());
    QVERIFY(editor->filesMessage().startsWith(u"broken.proto:4:"_s));
    QVERIFY(!profileEditor.validate());
    QVERIFY(editor->ruleProblem(1).startsWith(u"topic filter: "_s));
}

void tst_UiPayloadFormatsEditor::unknownMessageType()
{
    PayloadFormatsEditor editor;
    editor.setProtoFiles({m_fleet});
    editor.setRules({{u"fleet/#"_s, PayloadEncoding::Protobuf, u"fleet.v1.Positon"_s}});
    QVERIFY(!editor.validate());
    QCOMPARE(editor.ruleProblem(0), u"no .proto file defines the message type fleet.v1.Positon"_s);

    editor.setProtoFiles({});
    QVERIFY(!editor.validate());
    QCOMPARE(editor.ruleProblem(0), u"add the .proto file that defines fleet.v1.Positon"_s);

    editor.setRules({{u"fleet/#"_s, PayloadEncoding::Protobuf, {}}});
    QVERIFY(!editor.validate());
    QCOMPARE(editor.ruleProblem(0), u"choose the Protobuf message type"_s);
}

void tst_UiPayloadFormatsEditor::hintSaysAutoDetectionRemains()
{
    PayloadFormatsEditor editor;
    const auto labels = editor.findChildren<QLabel *>();
    QStringList texts;
    for (const QLabel *label : labels)
        texts.append(label->text());
    QVERIFY2(texts.join(u'|').contains(u"Topics no rule matches are detected automatically"_s),
             qPrintable(texts.join(u'|')));
}

QTEST_MAIN(tst_UiPayloadFormatsEditor)
#include "tst_ui_payloadformatseditor.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The publish panel's "Encode as": the JSON typed goes out as MessagePack or as a Protobuf message
// type of the connection's .proto files, read back here by python3-msgpack and python3-protobuf
// (Debian's /usr/bin/python3, a module protoc generated) field by field; JSON that does not parse
// or fit the type is shown under the editor, with the cursor at the mistake, and nothing is sent.
#include "fieldmessage.h"
#include "publishencodingbox.h"
#include "publishpanel.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

const char *readingProto = "syntax = \"proto3\";\npackage plant.v1;\n"
                           "message Reading { string sensor = 1; double value = 2; "
                           "repeated int32 codes = 3; int64 at = 4; }\n";

} // namespace

class tst_UiPublishEncoding : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup() { delete m_panel; }
    void asTypedIsUnchanged();
    void messagePackReadsBack();
    void protobufReadsBack();
    void badJsonSendsNothing_data();
    void badJsonSendsNothing();
    void historyKeepsTheEncoding();
    void vanishedTypeStaysChosenAndRefuses();

private:
    // What the panel sends for `json` typed with the "Encode as" choice `key`, or nullopt.
    std::optional<Message> send(const QString &key, const QString &json);
    QByteArray python(const QString &program, const QByteArray &input) const;
    template<typename T>
    T *child(const QString &name) const
    {
        T *found = m_panel->findChild<T *>(name);
        if (!found)
            qWarning("no %s", qPrintable(name));
        return found;
    }

    QTemporaryDir m_dir;
    std::shared_ptr<const ProtobufSchemas> m_schemas;
    PublishPanel *m_panel = nullptr;
};

void tst_UiPublishEncoding::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile proto(m_dir.filePath(u"reading.proto"_s));
    QVERIFY(proto.open(QIODevice::WriteOnly));
    proto.write(readingProto);
    proto.close();
    QProcess protoc;
    protoc.start(u"protoc"_s,
                 {u"--python_out="_s + m_dir.path(), u"-I"_s + m_dir.path(), proto.fileName()});
    QVERIFY(protoc.waitForFinished(30000));
    QVERIFY2(protoc.exitCode() == 0, protoc.readAllStandardError().constData());
    QList<ProtobufSchemas::Problem> problems;
    m_schemas = ProtobufSchemas::load({proto.fileName()}, {}, &problems);
    QVERIFY(problems.isEmpty());
}

void tst_UiPublishEncoding::init()
{
    m_panel = new PublishPanel;
    m_panel->setProtobufSchemas(m_schemas);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    child<QLineEdit>(u"publishTopic"_s)->setText(u"plant/readings"_s);
}

std::optional<Message> tst_UiPublishEncoding::send(const QString &key, const QString &json)
{
    auto *box = child<PublishEncodingBox>(u"publishEncodeAs"_s);
    const int index = box->findData(key);
    if (index < 0)
        qWarning("no choice %s", qPrintable(key));
    box->setCurrentIndex(index);
    child<QPlainTextEdit>(u"publishPayload"_s)->setPlainText(json);
    QSignalSpy requested(m_panel, &PublishPanel::publishRequested);
    m_panel->publish();
    if (requested.isEmpty())
        return std::nullopt;
    return requested.constFirst().constFirst().value<Message>();
}

QByteArray tst_UiPublishEncoding::python(const QString &program, const QByteArray &input) const
{
    QProcess python;
    python.start(
        u"/usr/bin/python3"_s,
        {u"-c"_s, u"import sys, json; sys.path.insert(0, '%1')\n%2"_s.arg(m_dir.path(), program)});
    python.write(input.toHex());
    python.closeWriteChannel();
    if (!python.waitForFinished(30000) || python.exitCode() != 0)
        qWarning() << python.readAllStandardError();
    return python.readAllStandardOutput().trimmed();
}

void tst_UiPublishEncoding::asTypedIsUnchanged()
{
    const auto message = send({}, u"{\"a\": 1}"_s);
    QVERIFY(message);
    QCOMPARE(message->payload, "{\"a\": 1}");
}

void tst_UiPublishEncoding::messagePackReadsBack()
{
    const auto message =
        send(u"msgpack"_s, uR"({"pump":"p-3","rpm":1450,"on":true,"t":[1.5,null]})"_s);
    QVERIFY(message);
    QCOMPARE(message->topic, "plant/readings");
    const QByteArray echoed =
        python(u"import msgpack, binascii\nv = msgpack.unpackb(binascii.unhexlify("
               "sys.stdin.read()), raw=False)\nprint(json.dumps(v, sort_keys=True))"_s,
               message->payload);
    QCOMPARE(echoed, R"({"on": true, "pump": "p-3", "rpm": 1450, "t": [1.5, null]})");
}

void tst_UiPublishEncoding::protobufReadsBack()
{
    const auto message =
        send(u"protobuf:plant.v1.Reading"_s,
             uR"({"sensor":"flow-2","value":-0.25,"codes":[4,-7],"at":"1700000000123"})"_s);
    QVERIFY(message);
    const QByteArray echoed =
        python(u"import reading_pb2, binascii\nr = reading_pb2.Reading()\n"
               "r.ParseFromString(binascii.unhexlify(sys.stdin.read()))\n"
               "print(json.dumps([r.sensor, r.value, list(r.codes), r.at]))"_s,
               message->payload);
    QCOMPARE(echoed, R"(["flow-2", -0.25, [4, -7], 1700000000123])");
}

void tst_UiPublishEncoding::badJsonSendsNothing_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("error"); // what the message under the editor names
    // Where the cursor is put (just after the character named), or -1: not moved.
    QTest::addColumn<int>("cursor");
    QTest::newRow("msgpack, trailing comma")
        << u"msgpack"_s << u"{\"a\": 1,}"_s << u"character 9"_s << 9;
    // The offset counts UTF-8 bytes (x is the 22nd); the cursor characters.
    QTest::newRow("protobuf, after non-ASCII")
        << u"protobuf:plant.v1.Reading"_s << u"{\"sensor\": \"grüße\" x}"_s << u"character 22"_s
        << 20;
    QTest::newRow("protobuf, unknown field")
        << u"protobuf:plant.v1.Reading"_s << u"{\"sensro\": \"a\"}"_s << u"sensro"_s << -1;
    QTest::newRow("protobuf, wrong type")
        << u"protobuf:plant.v1.Reading"_s << u"{\"value\": \"high\"}"_s << u"value"_s << -1;
}

void tst_UiPublishEncoding::badJsonSendsNothing()
{
    QFETCH(QString, key);
    QFETCH(QString, json);
    QFETCH(QString, error);
    QFETCH(int, cursor);
    auto *editor = child<QPlainTextEdit>(u"publishPayload"_s);
    QTextCursor start = editor->textCursor();
    start.setPosition(0);
    editor->setTextCursor(start);
    QVERIFY(!send(key, json));
    const QString shown = child<FieldMessage>(u"publishPayloadMessage"_s)->text();
    QVERIFY2(shown.contains(error), qPrintable(shown));
    QCOMPARE(editor->textCursor().position(), cursor < 0 ? 0 : cursor);
}

void tst_UiPublishEncoding::historyKeepsTheEncoding()
{
    const auto message = send(u"protobuf:plant.v1.Reading"_s, uR"({"sensor":"x"})"_s);
    QVERIFY(message);
    m_panel->publishStarted(1, *message);
    auto *box = child<PublishEncodingBox>(u"publishEncodeAs"_s);
    box->setCurrentIndex(0);
    auto *history = child<QListWidget>(u"publishHistory"_s);
    QCOMPARE(history->count(), 1);
    emit history->itemDoubleClicked(history->item(0));
    QCOMPARE(box->choiceKey(), u"protobuf:plant.v1.Reading"_s);
    QCOMPARE(child<QPlainTextEdit>(u"publishPayload"_s)->toPlainText(), uR"({"sensor":"x"})"_s);
}

void tst_UiPublishEncoding::vanishedTypeStaysChosenAndRefuses()
{
    auto *box = child<PublishEncodingBox>(u"publishEncodeAs"_s);
    box->setChoiceKey(u"protobuf:plant.v1.Reading"_s);
    m_panel->setProtobufSchemas(nullptr); // the profile's .proto file was removed
    QCOMPARE(box->choiceKey(), u"protobuf:plant.v1.Reading"_s);
    QVERIFY(box->currentText().contains(u"not in the .proto files"_s));
    QVERIFY(!send(u"protobuf:plant.v1.Reading"_s, uR"({"sensor":"x"})"_s));
    const QString shown = child<FieldMessage>(u"publishPayloadMessage"_s)->text();
    QVERIFY2(shown.contains(u"plant.v1.Reading"_s), qPrintable(shown));
    QCOMPARE(box->findData(u"msgpack"_s) >= 0, true); // MessagePack needs no schema
}

QTEST_MAIN(tst_UiPublishEncoding)
#include "tst_ui_publishencoding.moc"

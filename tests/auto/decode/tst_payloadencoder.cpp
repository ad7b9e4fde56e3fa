// SPDX-License-Identifier: GPL-3.0-or-later
// PayloadEncoder: what the user typed is checked as JSON first (with the character where it went
// wrong, for either format), an encoding that cannot be done says so before anything is typed,
// and what it writes reads back. The bytes against the reference implementations are checked in
// tests/integration/cli/tst_cliencode.
#include "decode/messagepack.h"
#include "decode/payloadencoder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttscope;
using namespace Qt::StringLiterals;

class tst_PayloadEncoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void badJsonNamesTheCharacter_data();
    void badJsonNamesTheCharacter();
    void problemsBeforeEncoding();
    void encodesMessagePack();
    void encodesProtobuf();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const ProtobufSchemas> m_schemas;
};

void tst_PayloadEncoder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile proto(m_dir.filePath(u"t.proto"_s));
    QVERIFY(proto.open(QIODevice::WriteOnly));
    proto.write("syntax = \"proto3\";\npackage t;\nmessage Reading { string name = 1; "
                "double value = 2; }\n");
    proto.close();
    QList<ProtobufSchemas::Problem> problems;
    m_schemas = ProtobufSchemas::load({proto.fileName()}, {}, &problems);
    QVERIFY(problems.isEmpty());
}

void tst_PayloadEncoder::badJsonNamesTheCharacter_data()
{
    QTest::addColumn<PayloadEncoding>("encoding");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qsizetype>("offset");
    QTest::newRow("protobuf, trailing comma")
        << PayloadEncoding::Protobuf << QByteArray(R"({"name":"a",})") << qsizetype(13);
    QTest::newRow("msgpack, unclosed")
        << PayloadEncoding::MessagePack << QByteArray("[1,2") << qsizetype(4);
    QTest::newRow("msgpack, empty") << PayloadEncoding::MessagePack << QByteArray() << qsizetype(0);
}

void tst_PayloadEncoder::badJsonNamesTheCharacter()
{
    QFETCH(PayloadEncoding, encoding);
    QFETCH(QByteArray, json);
    QFETCH(qsizetype, offset);
    const PayloadEncoder encoder(encoding, u"t.Reading"_s, m_schemas);
    QString error;
    qsizetype at = -1;
    QVERIFY(!encoder.encode(json, &error, &at));
    QCOMPARE(at, offset);
    QVERIFY2(error.startsWith(u"not JSON at character %1"_s.arg(offset)), qPrintable(error));
}

void tst_PayloadEncoder::problemsBeforeEncoding()
{
    QVERIFY(
        PayloadEncoder(PayloadEncoding::Protobuf, u"t.Reading"_s, m_schemas).problem().isEmpty());
    QVERIFY(PayloadEncoder(PayloadEncoding::MessagePack, {}, nullptr).problem().isEmpty());
    const QString unknown =
        PayloadEncoder(PayloadEncoding::Protobuf, u"t.Nope"_s, m_schemas).problem();
    QVERIFY2(unknown.contains(u"t.Nope"_s), qPrintable(unknown));
    QVERIFY(
        !PayloadEncoder(PayloadEncoding::Protobuf, u"t.Reading"_s, nullptr).problem().isEmpty());
    QVERIFY(!PayloadEncoder(PayloadEncoding::Protobuf, {}, m_schemas).problem().isEmpty());
    for (const PayloadEncoding encoding :
         {PayloadEncoding::Text, PayloadEncoding::SparkplugB, PayloadEncoding::Cbor}) {
        QVERIFY(!PayloadEncoder::encodes(encoding));
        QString error;
        QVERIFY(!PayloadEncoder(encoding, {}, m_schemas).encode("{}", &error));
        QVERIFY(!error.isEmpty());
    }
}

void tst_PayloadEncoder::encodesMessagePack()
{
    const PayloadEncoder encoder(PayloadEncoding::MessagePack, {}, nullptr);
    QString error;
    const std::optional<QByteArray> bytes = encoder.encode(R"({"a":[1,true,null]})", &error);
    QVERIFY2(bytes, qPrintable(error));
    QCOMPARE(*bytes,
             QByteArray("\x81\xa1"
                        "a\x93\x01\xc3\xc0"));
}

void tst_PayloadEncoder::encodesProtobuf()
{
    const PayloadEncoder encoder(PayloadEncoding::Protobuf, u"t.Reading"_s, m_schemas);
    QString error;
    const std::optional<QByteArray> bytes = encoder.encode(R"({"name":"x","value":0.5})", &error);
    QVERIFY2(bytes, qPrintable(error));
    // field 1 (len) "x", field 2 (fixed64) 0.5
    QCOMPARE(*bytes, QByteArray("\x0a\x01x\x11\x00\x00\x00\x00\x00\x00\xe0\x3f", 12));
    QVERIFY(!encoder.encode(R"({"nmae":"x"})", &error));
    QVERIFY2(error.contains(u"nmae"_s), qPrintable(error));
    QVERIFY(!encoder.encode(R"({"value":"high"})", &error));
    QVERIFY2(error.contains(u"value"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_PayloadEncoder)
#include "tst_payloadencoder.moc"

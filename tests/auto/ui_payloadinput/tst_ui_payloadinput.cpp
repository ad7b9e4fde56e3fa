// SPDX-License-Identifier: GPL-3.0-or-later
// What the publish panel sends for what the user typed in each payload format.
#include "payloadinput.h"

#include <QTemporaryFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

class tst_UiPayloadInput : public QObject
{
    Q_OBJECT
private slots:
    void encode_data();
    void encode();
    void fromFile();
};

void tst_UiPayloadInput::encode_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("bytes");
    const int text = int(PayloadInputFormat::Text), json = int(PayloadInputFormat::Json),
              hex = int(PayloadInputFormat::Hex), base64 = int(PayloadInputFormat::Base64);
    QTest::newRow("text utf-8") << text << u"grüße ☃"_s << true
                                << QByteArray("gr\xc3\xbc\xc3\x9f"
                                              "e \xe2\x98\x83");
    QTest::newRow("text empty") << text << QString() << true << QByteArray();
    QTest::newRow("json object kept as typed")
        << json << u"{ \"a\": 1 }"_s << true << QByteArray("{ \"a\": 1 }");
    QTest::newRow("json scalar") << json << u"42"_s << true << QByteArray("42");
    QTest::newRow("json string") << json << u"\"x\""_s << true << QByteArray("\"x\"");
    QTest::newRow("json unterminated") << json << u"{\"a\": "_s << false << QByteArray();
    QTest::newRow("json two values") << json << u"1,2"_s << false << QByteArray();
    QTest::newRow("json empty") << json << QString() << false << QByteArray();
    QTest::newRow("hex spaced") << hex << u"de ad\nBE EF"_s << true
                                << QByteArray("\xde\xad\xbe\xef");
    QTest::newRow("hex 0x and colons")
        << hex << u"0x00:0x7f"_s << true << QByteArray("\x00\x7f", 2);
    QTest::newRow("hex odd") << hex << u"abc"_s << false << QByteArray();
    QTest::newRow("hex bad digit") << hex << u"zz"_s << false << QByteArray();
    QTest::newRow("base64") << base64 << u"AP8A/w=="_s << true << QByteArray("\x00\xff\x00\xff", 4);
    QTest::newRow("base64 url alphabet")
        << base64 << u"AP8A_w"_s << true << QByteArray("\x00\xff\x00\xff", 4);
    QTest::newRow("base64 garbage") << base64 << u"@@@"_s << false << QByteArray();
}

void tst_UiPayloadInput::encode()
{
    QFETCH(int, format);
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QByteArray, bytes);
    QString error;
    const auto result = encodePayloadInput(input, PayloadInputFormat(format), &error);
    QCOMPARE(result.has_value(), valid);
    QCOMPARE(error.isEmpty(), valid);
    if (valid)
        QCOMPARE(*result, bytes);
}

void tst_UiPayloadInput::fromFile()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray bytes("\x89PNG\r\n\x1a\n\x00\x01", 10);
    file.write(bytes);
    file.close();
    QString error;
    QCOMPARE(encodePayloadInput(file.fileName(), PayloadInputFormat::File, &error),
             std::optional<QByteArray>(bytes));
    QVERIFY(!encodePayloadInput(u"/nonexistent/file"_s, PayloadInputFormat::File, &error));
    QVERIFY(error.contains(u"/nonexistent/file"_s));
}

QTEST_GUILESS_MAIN(tst_UiPayloadInput)
#include "tst_ui_payloadinput.moc"

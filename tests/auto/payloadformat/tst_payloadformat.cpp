// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/jsonsyntax.h"
#include "explorer/payloadformat.h"
#include "explorer/payloadpreview.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonDocument>
#include <QTest>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

class tst_PayloadFormat : public QObject
{
    Q_OBJECT
private slots:
    void detect_data();
    void detect();
    void textPrefix_data();
    void textPrefix();
    void preview_data();
    void preview();
    void jsonSyntax_data();
    void jsonSyntax();
};

void tst_PayloadFormat::detect_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<PayloadFormat>("expected");
    using F = PayloadFormat;
    QByteArray bmp("BM", 2);
    bmp += QByteArray("\x1e\x00\x00\x00", 4) + QByteArray(24, '\0'); // file size 30
    QByteArray bmpWrongSize = bmp;
    bmpWrongSize[2] = 0x10;
    const QByteArray cbor = QCborValue(QCborMap{{u"t"_s, 21.5}}).toCbor();

    QTest::newRow("empty") << QByteArray() << F::Empty;
    QTest::newRow("integer") << QByteArray("42") << F::Number;
    QTest::newRow("decimal with spaces") << QByteArray(" -21.5\n") << F::Number;
    QTest::newRow("exponent") << QByteArray("1e-3") << F::Number;
    QTest::newRow("not a number: inf") << QByteArray("inf") << F::Text;
    QTest::newRow("number then text") << QByteArray("42 degrees") << F::Text;
    QTest::newRow("json object") << QByteArray(R"({"t": 21.5, "ok": true})") << F::Json;
    QTest::newRow("json array") << QByteArray("  [1, 2, 3]  ") << F::Json;
    QTest::newRow("broken json is text") << QByteArray(R"({"t": )") << F::Text;
    QTest::newRow("json scalar is text") << QByteArray(R"("on")") << F::Text;
    QTest::newRow("text") << QByteArray("online") << F::Text;
    QTest::newRow("utf-8 text") << QByteArray("température 21 °C") << F::Text;
    QTest::newRow("text with newlines") << QByteArray("a\r\nb\tc") << F::Text;
    QTest::newRow("control char is binary") << QByteArray("a\x01"
                                                          "b")
                                            << F::Binary;
    QTest::newRow("nul is binary") << QByteArray("ab\0", 3) << F::Binary;
    QTest::newRow("invalid utf-8") << QByteArray("\xc3\x28") << F::Binary;
    QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << F::Png;
    QTest::newRow("jpeg") << QByteArray("\xff\xd8\xff\xe0\0\x10JFIF", 10) << F::Jpeg;
    QTest::newRow("gif87") << QByteArray("GIF87a\x01\0\x01\0", 10) << F::Gif;
    QTest::newRow("gif89") << QByteArray("GIF89a\x01\0\x01\0", 10) << F::Gif;
    QTest::newRow("webp") << QByteArray("RIFF\x24\0\0\0WEBPVP8 ", 16) << F::Webp;
    QTest::newRow("riff not webp") << QByteArray("RIFF\x24\0\0\0WAVEfmt ", 16) << F::Binary;
    QTest::newRow("bmp") << bmp << F::Bmp;
    QTest::newRow("BM text is not bmp") << QByteArray("BMW drove by at 12:00 today!") << F::Text;
    QTest::newRow("bmp header, wrong size") << bmpWrongSize << F::Binary;
    QTest::newRow("cbor map") << cbor << F::Cbor;
    QTest::newRow("cbor with trailing bytes") << cbor + QByteArray("\xff\xff", 2) << F::Binary;
    QTest::newRow("cbor scalar is binary") << QByteArray("\x1a\0\0\0\x01", 5) << F::Binary;
    QTest::newRow("cbor tag alone is binary") << QByteArray("\xc3\x28") << F::Binary;
    QTest::newRow("cbor self-described") << QByteArray("\xd9\xd9\xf7") + cbor << F::Cbor;
}

void tst_PayloadFormat::detect()
{
    QFETCH(QByteArray, payload);
    QFETCH(PayloadFormat, expected);
    QCOMPARE(Payload::detectFormat(payload), expected);
    QCOMPARE(Payload::isImage(expected), Payload::imageFormat(payload) != PayloadFormat::Binary);
}

void tst_PayloadFormat::textPrefix_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("prefixOnly");
    QTest::addColumn<bool>("expected");
    const QByteArray euro("\xe2\x82\xac"); // €, three bytes
    QTest::newRow("whole") << QByteArray("a" + euro) << false << true;
    QTest::newRow("cut sequence, whole payload")
        << QByteArray("a" + euro.first(2)) << false << false;
    QTest::newRow("cut sequence, prefix") << QByteArray("a" + euro.first(2)) << true << true;
    QTest::newRow("cut after lead byte") << QByteArray("a" + euro.first(1)) << true << true;
    QTest::newRow("stray continuation") << QByteArray("a\x82") << true << false;
}

void tst_PayloadFormat::textPrefix()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, prefixOnly);
    QFETCH(bool, expected);
    QCOMPARE(Payload::looksLikeText(bytes, prefixOnly), expected);
}

void tst_PayloadFormat::preview_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("maxChars");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << 10 << QString();
    QTest::newRow("short text") << QByteArray("21.5") << 10 << u"21.5"_s;
    QTest::newRow("lines joined") << QByteArray("{\n  \"a\": 1\n}") << 20 << u"{ \"a\": 1 }"_s;
    QTest::newRow("cut with ellipsis") << QByteArray("abcdefghijkl") << 5 << u"abcd\u2026"_s;
    QTest::newRow("utf-8 cut safely") << QByteArray("ééééééééé") << 3 << u"éé\u2026"_s;
    QTest::newRow("binary as hex")
        << QByteArray("\x00\x01\xff", 3) << 10 << u"00 01 ff (3 bytes binary)"_s;
    QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << 10
                         << u"[PNG image, 10 bytes]"_s;
}

void tst_PayloadFormat::preview()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, maxChars);
    QFETCH(QString, expected);
    QLocale::setDefault(QLocale::c());
    QCOMPARE(Payload::preview(payload, maxChars), expected);
}

// The byte-level check (RFC 8259) beside QJsonDocument, a parser nobody here wrote: they agree
// except where Qt is lenient (a bare dot in a number, a raw control character or an unknown
// escape in a string), and JSON detection accepts what either accepts, as it did with Qt alone.
void tst_PayloadFormat::jsonSyntax_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("wellFormed");
    QTest::addColumn<bool>("qtAccepts");
    const auto row = [](const char *name, const QByteArray &json, bool ok, int qt = -1) {
        QTest::newRow(name) << json << ok << (qt < 0 ? ok : qt == 1);
    };
    row("empty object", "{}", true);
    row("empty array", " [ ] \r\n", true);
    row("nested", R"({"a":[1,{"b":null},true,false,"x"],"c":{"d":[]}})", true);
    row("escapes", R"(["\" \\ \/ \b \f \n \r \t \u00e9 \uD83D\uDE00"])", true);
    row("numbers", "[0,-0,12,-3.25,1e5,1E+5,2.5e-3,-0.0]", true);
    row("utf-8 in strings",
        "{\"t\":\"\xc2\xb0"
        "C\"}",
        true);
    row("1024 deep", QByteArray(1024, '[') + QByteArray(1024, ']'), true);
    row("1025 deep", QByteArray(1025, '[') + QByteArray(1025, ']'), false);
    row("trailing comma", "[1,2,]", false);
    row("trailing comma in object", R"({"a":1,})", false);
    row("leading zero", "[01]", false);
    row("bare dot", "[1.]", false, 1);
    row("dot first", "[.5]", false, 1);
    row("exponent without digits", "[1e]", false);
    row("plus sign", "[+1]", false);
    row("control character in string", "[\"a\tb\"]", false, 1);
    row("unknown escape", R"(["\x41"])", false, 1);
    row("short unicode escape", R"(["\u00e"])", false);
    row("unterminated string", R"(["abc])", false);
    row("missing colon", R"({"a" 1})", false);
    row("key not a string", "{a:1}", false);
    row("text after", "{} x", false);
    row("two values", "{}{}", false);
    row("bad literal", "[tru]", false);
    row("single quotes", "['a']", false);
    row("NaN", "[NaN]", false);
    row("comment", "[1 /* one */]", false);
    row("invalid utf-8", "[\"\xff\"]", false);
    row("unclosed", R"({"a":[1,2})", false);
}

void tst_PayloadFormat::jsonSyntax()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, wellFormed);
    QFETCH(bool, qtAccepts);
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error == QJsonParseError::NoError, qtAccepts);
    QCOMPARE(Json::isWellFormed(json), wellFormed);
    QCOMPARE(Payload::detectFormat(json) == PayloadFormat::Json, wellFormed || qtAccepts);
}

QTEST_GUILESS_MAIN(tst_PayloadFormat)
#include "tst_payloadformat.moc"

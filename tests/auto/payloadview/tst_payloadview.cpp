// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebuilder.h"
#include "views/hexdumpmodel.h"
#include "views/messagepropertyrows.h"
#include "views/payloadrendering.h"
#include "views/payloadview.h"
#include "views/payloadviewformat.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QCborMap>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

Q_DECLARE_METATYPE(mqttscope::PayloadViewFormat)

namespace {

QByteArray pngBytes(QSize size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(QColor(30, 120, 200, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

Message message(const QByteArray &topic, const QByteArray &payload,
                const Properties &properties = {})
{
    return test::message(topic)
        .payload(payload)
        .qos(1)
        .properties(properties)
        .receivedAt(1700000000000);
}

} // namespace

class tst_PayloadView : public QObject
{
    Q_OBJECT
private slots:
    void guessFormat_data();
    void guessFormat();
    void switchingFormatsKeepsBytes_data();
    void switchingFormatsKeepsBytes();
    void chosenFormatSticksForTheTopic();
    void invalidUtf8IsMarked_data();
    void invalidUtf8IsMarked();
    void invalidBytesAreHighlighted();
    void hexDumpLayout();
    void hexDumpModel();
    void prettyJsonKeepsOrderAndNumbers_data();
    void prettyJsonKeepsOrderAndNumbers();
    void jsonViewIsHighlighted();
    void invalidJsonFallsBackToText();
    void cborDiagnostic();
    void imageShownAtItsSize();
    void base64();
    void saveWritesIdenticalBytes();
    void saveReportsFailure();
    void copyPayload();
    void propertiesShown();
    void multiMegabytePayloadStaysFast();
    void longLinesAreBrokenForDisplay();
    void screenshot();
};

void tst_PayloadView::guessFormat_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<PayloadViewFormat>("expected");

    const QByteArray cborMap = QCborMap{{u"t"_s, 21.5}, {u"ok"_s, true}}.toCborValue().toCbor();
    QTest::newRow("empty") << QByteArray() << QString() << PayloadViewFormat::Text;
    QTest::newRow("number") << QByteArray("21.5") << QString() << PayloadViewFormat::Text;
    QTest::newRow("text") << QByteArray("online") << QString() << PayloadViewFormat::Text;
    QTest::newRow("BM text is not a bitmap") << QByteArray("BMW i3 charging at 7.4 kW, 80% full")
                                             << QString() << PayloadViewFormat::Text;
    QTest::newRow("json object") << QByteArray(" {\"a\": 1}\n") << QString()
                                 << PayloadViewFormat::Json;
    QTest::newRow("json array") << QByteArray("[1,2,3]") << QString() << PayloadViewFormat::Json;
    QTest::newRow("broken json is text")
        << QByteArray("{\"a\": ") << QString() << PayloadViewFormat::Text;
    QTest::newRow("png") << pngBytes(QSize(4, 4)) << QString() << PayloadViewFormat::Image;
    QTest::newRow("jpeg magic") << QByteArray("\xff\xd8\xff\xe0\0\x10JFIF", 10) << QString()
                                << PayloadViewFormat::Image;
    QTest::newRow("cbor map") << cborMap << QString() << PayloadViewFormat::Cbor;
    QTest::newRow("cbor and trailing byte")
        << cborMap + '\xff' << QString() << PayloadViewFormat::Hex;
    QTest::newRow("binary struct")
        << QByteArray("\x01\x00\xfe\x41\x9a\x99\x99\x41\x00\x00\x80\x3f", 12) << QString()
        << PayloadViewFormat::Hex;
    QTest::newRow("content type json")
        << QByteArray("[]") << u"application/json; charset=utf-8"_s << PayloadViewFormat::Json;
    QTest::newRow("content type cbor")
        << cborMap << u"application/cbor"_s << PayloadViewFormat::Cbor;
    QTest::newRow("content type lies")
        << QByteArray("not json") << u"application/json"_s << PayloadViewFormat::Text;
    QTest::newRow("content type text on json")
        << QByteArray("{\"a\":1}") << u"text/plain"_s << PayloadViewFormat::Text;
}

void tst_PayloadView::guessFormat()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, contentType);
    QFETCH(PayloadViewFormat, expected);
    Properties properties;
    if (!contentType.isEmpty())
        properties.contentType = contentType;
    QCOMPARE(guessPayloadViewFormat(payload, properties), expected);

    PayloadView view;
    view.setMessage(message("t", payload, properties));
    QCOMPARE(view.guessedFormat(), expected);
    QCOMPARE(view.format(), expected);
}

void tst_PayloadView::switchingFormatsKeepsBytes_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("json") << QByteArray("{\"temperature\": 21.50, \"ok\": true}");
    QTest::newRow("invalid utf8") << QByteArray("a\xff\xfe\r\nb\0c", 8);
    QTest::newRow("png") << pngBytes(QSize(8, 5));
    QTest::newRow("random") << randomBytes(4096, 7);
}

void tst_PayloadView::switchingFormatsKeepsBytes()
{
    QFETCH(QByteArray, payload);
    // A deep copy: comparing against `payload` itself would pass even if both were changed.
    const QByteArray original(payload.constData(), payload.size());
    PayloadView view;
    view.setMessage(message("dev/x", payload));
    auto *combo = view.findChild<QComboBox *>();
    QVERIFY(combo);
    QSignalSpy formatSpy(&view, &PayloadView::formatChanged);
    for (const PayloadViewFormat format : allPayloadViewFormats()) {
        const int index = combo->findData(int(format));
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
        emit combo->activated(index); // as a user's choice
        QCOMPARE(view.format(), format);
        QCOMPARE(view.message().payload, original);
        QCOMPARE(view.message().payload.size(), original.size());
    }
    QVERIFY(formatSpy.count() >= allPayloadViewFormats().size() - 1);
    QCOMPARE(payload, original);
}

void tst_PayloadView::chosenFormatSticksForTheTopic()
{
    PayloadView view;
    view.setMessage(message("a", "{\"x\":1}"));
    QCOMPARE(view.format(), PayloadViewFormat::Json);
    auto *combo = view.findChild<QComboBox *>();
    const int hex = combo->findData(int(PayloadViewFormat::Hex));
    combo->setCurrentIndex(hex);
    emit combo->activated(hex);
    view.setMessage(message("a", "{\"x\":2}"));
    QCOMPARE(view.format(), PayloadViewFormat::Hex); // same topic: the user's choice stays
    view.setMessage(message("b", "{\"x\":3}"));
    QCOMPARE(view.format(), PayloadViewFormat::Json); // another topic: guessed again
}

void tst_PayloadView::invalidUtf8IsMarked_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qsizetype>>("markers");

    QTest::newRow("valid ascii") << QByteArray("hello") << u"hello"_s << QList<qsizetype>{};
    QTest::newRow("valid multibyte")
        << QByteArray("\xe2\x82\xac \xf0\x9f\x98\x80") << u"€ 😀"_s << QList<qsizetype>{};
    QTest::newRow("literal backslash x") << QByteArray("\\x41") << u"\\x41"_s << QList<qsizetype>{};
    QTest::newRow("lone 0xff") << QByteArray("abc\xff"
                                             "def")
                               << u"abc\\xFFdef"_s << QList<qsizetype>{3};
    QTest::newRow("stray continuation")
        << QByteArray("\x80x") << u"\\x80x"_s << QList<qsizetype>{0};
    QTest::newRow("overlong slash")
        << QByteArray("\xc0\xaf") << u"\\xC0\\xAF"_s << QList<qsizetype>{0, 4};
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80!") << u"\\xED\\xA0\\x80!"_s
                               << QList<qsizetype>{0, 4, 8};
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << u"\\xF4\\x90\\x80\\x80"_s
                                    << QList<qsizetype>{0, 4, 8, 12};
    QTest::newRow("truncated at end")
        << QByteArray("ok\xe2\x82") << u"ok\\xE2\\x82"_s << QList<qsizetype>{2, 6};
    QTest::newRow("after multibyte")
        << QByteArray("\xc3\xa9\xff") << u"é\\xFF"_s << QList<qsizetype>{1};
}

void tst_PayloadView::invalidUtf8IsMarked()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(QList<qsizetype>, markers);
    const MarkedText marked = decodeUtf8Marked(bytes);
    QCOMPARE(marked.text, text);
    QCOMPARE(marked.invalidMarkers, markers);
    QCOMPARE(QByteArrayView(bytes).isValidUtf8(), markers.isEmpty()); // agrees with Qt's validator
}

void tst_PayloadView::invalidBytesAreHighlighted()
{
    PayloadView view;
    // The CRLF before the bad byte must not shift the highlight (the document folds CRLF to one).
    view.setMessage(message("t", QByteArray("line one\r\nbad \xff here\\x41")));
    view.setFormat(PayloadViewFormat::Text);
    QCOMPARE(view.renderedText(), u"line one\nbad \\xFF here\\x41"_s);
    QVERIFY(view.notice().contains(u"\\xNN"_s));
    auto *edit = view.findChild<QPlainTextEdit *>();
    const QTextBlock second = edit->document()->firstBlock().next();
    QTRY_VERIFY(!second.layout()->formats().isEmpty()); // highlighters run from the event loop
    const QList<QTextLayout::FormatRange> formats = second.layout()->formats();
    QCOMPARE(formats.size(), 1); // the literal "\x41" is not marked
    QCOMPARE(formats.first().start, 4);
    QCOMPARE(formats.first().length, 4);
    QVERIFY(formats.first().format.background().style() != Qt::NoBrush);
}

void tst_PayloadView::hexDumpLayout()
{
    const QByteArray bytes("Hello World\n\x00\x01\x7f\x80"
                           "ABCDEFGHIJKLMNOPQ",
                           33);
    QCOMPARE(hexDumpRowCount(bytes.size()), 3);
    QCOMPARE(hexDumpRow(bytes, 0).line(),
             u"00000000  48 65 6c 6c 6f 20 57 6f  72 6c 64 0a 00 01 7f 80  |Hello World.....|"_s);
    QCOMPARE(hexDumpRow(bytes, 1).line(),
             u"00000010  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|"_s);
    // A short last row keeps the hex column at full width so the ASCII column lines up.
    QCOMPARE(hexDumpRow(bytes, 2).line(),
             u"00000020  51                                                |Q|"_s);
    QCOMPARE(hexDumpRow(bytes, 0).line().indexOf(u'|'), hexDumpRow(bytes, 2).line().indexOf(u'|'));
    QCOMPARE(hexDumpRowCount(0), 0);
    QCOMPARE(hexDumpRowCount(16), 1);
    QCOMPARE(hexDumpRowCount(17), 2);
}

void tst_PayloadView::hexDumpModel()
{
    HexDumpModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBytes(QByteArray(33, 'x'));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.index(2, HexDumpModel::OffsetColumn).data().toString(), u"00000020"_s);
    QCOMPARE(model.index(2, HexDumpModel::AsciiColumn).data().toString(), u"x"_s);
    QCOMPARE(model.index(0, HexDumpModel::HexColumn).data().toString(),
             u"78 78 78 78 78 78 78 78  78 78 78 78 78 78 78 78"_s);
}

void tst_PayloadView::prettyJsonKeepsOrderAndNumbers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("pretty");
    QTest::newRow("order and literals")
        << QByteArray("{\"zeta\":1.50,\"alpha\":[1,2e3,{}],\"s\":\"a,b:{[\\\"]\",\"n\":null}")
        << u"{\n  \"zeta\": 1.50,\n  \"alpha\": [\n    1,\n    2e3,\n    {}\n  ],\n  \"s\": \"a,b:{[\\\"]\",\n  \"n\": null\n}"_s;
    QTest::newRow("whitespace replaced") << QByteArray("[ 1 ,\r\n\t2 ]") << u"[\n  1,\n  2\n]"_s;
    QTest::newRow("empty containers")
        << QByteArray("{\"a\": [ ], \"b\": { }}") << u"{\n  \"a\": [],\n  \"b\": {}\n}"_s;
    QTest::newRow("unicode kept") << QByteArray("{\"t\":\"\xc2\xb0"
                                                "C\"}")
                                  << u"{\n  \"t\": \"°C\"\n}"_s;
}

void tst_PayloadView::prettyJsonKeepsOrderAndNumbers()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, pretty);
    QCOMPARE(prettyJson(json), pretty);
    PayloadView view;
    view.setMessage(message("t", json));
    QCOMPARE(view.format(), PayloadViewFormat::Json);
    QCOMPARE(view.renderedText(), pretty);
}

void tst_PayloadView::jsonViewIsHighlighted()
{
    PayloadView view;
    view.setMessage(message("t", "{\"key\":\"value\",\"n\":42}"));
    auto *edit = view.findChild<QPlainTextEdit *>();
    const QTextBlock line = edit->document()->findBlockByNumber(1); // `  "key": "value",`
    QTRY_VERIFY(!line.layout()->formats().isEmpty());
    const QList<QTextLayout::FormatRange> formats = line.layout()->formats();
    QCOMPARE(formats.size(), 2);
    QVERIFY(formats[0].format.foreground() != formats[1].format.foreground()); // key vs string
}

void tst_PayloadView::invalidJsonFallsBackToText()
{
    PayloadView view;
    view.setMessage(message("t", "{\"a\": tru"));
    view.setFormat(PayloadViewFormat::Json);
    QVERIFY(view.notice().startsWith(u"Not JSON"_s));
    QCOMPARE(view.renderedText(), u"{\"a\": tru"_s);
}

void tst_PayloadView::cborDiagnostic()
{
    // {"a": 1, "b": [2, 3]} as in RFC 8949 appendix A.
    const QByteArray cbor = QByteArray::fromHex("a26161016162820203");
    PayloadView view;
    view.setMessage(message("t", cbor));
    QCOMPARE(view.format(), PayloadViewFormat::Cbor);
    QString shown = view.renderedText();
    shown.remove(u' ').remove(u'\n');
    QCOMPARE(shown, u"{\"a\":1,\"b\":[2,3]}"_s);

    QString error;
    QCOMPARE(mqttscope::cborDiagnostic(QByteArray::fromHex("a2616101"), &error), std::nullopt);
    QVERIFY(error.contains(u"byte 0"_s));
    view.setMessage(message("t", QByteArray::fromHex("a2616101")));
    view.setFormat(PayloadViewFormat::Cbor);
    QVERIFY(view.notice().startsWith(u"Not CBOR"_s));
}

void tst_PayloadView::imageShownAtItsSize()
{
    PayloadView view;
    view.resize(400, 300);
    view.setMessage(message("cam/snapshot", pngBytes(QSize(37, 21))));
    QCOMPARE(view.format(), PayloadViewFormat::Image);
    QCOMPARE(view.renderedImage().size(), QSize(37, 21));
    QVERIFY(!view.grab().isNull());

    view.setMessage(message("cam/snapshot",
                            QByteArray("\x89PNG\r\n\x1a\n"
                                       "truncated",
                                       17)));
    view.setFormat(PayloadViewFormat::Image);
    QVERIFY(view.renderedImage().isNull());
    QVERIFY(!view.notice().isEmpty());
}

void tst_PayloadView::base64()
{
    const QByteArray bytes = randomBytes(200, 3);
    const QString lines = base64Lines(bytes);
    for (const QString &line : lines.split(u'\n'))
        QVERIFY(line.size() <= 76);
    QCOMPARE(QByteArray::fromBase64(lines.toLatin1()), bytes);
    PayloadView view;
    view.setMessage(message("t", bytes));
    view.setFormat(PayloadViewFormat::Base64);
    QCOMPARE(view.renderedText(), lines);
}

void tst_PayloadView::saveWritesIdenticalBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray payload = randomBytes(100000, 11) + QByteArray("\0\r\n\xff", 4);
    PayloadView view;
    view.setMessage(message("t", payload));
    const QString path = dir.filePath(u"payload.bin"_s);
    QString error;
    QVERIFY2(view.savePayload(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), payload);
}

void tst_PayloadView::saveReportsFailure()
{
    PayloadView view;
    view.setMessage(message("t", "x"));
    QString error;
    QVERIFY(!view.savePayload(u"/nonexistent-dir-mqttscope/x.bin"_s, &error));
    QVERIFY(!error.isEmpty());
}

void tst_PayloadView::copyPayload()
{
    const QByteArray payload("bin\xff\x00", 5);
    PayloadView view;
    view.setMessage(message("dev/42", payload));
    view.copyPayload();
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        QSKIP("no clipboard on this platform");
    QCOMPARE(mime->data(u"application/octet-stream"_s), payload);
    QCOMPARE(mime->text(), u"62 69 6e ff 00"_s);
    view.copyTopic();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"dev/42"_s);
}

void tst_PayloadView::propertiesShown()
{
    Properties properties;
    properties.contentType = u"application/json"_s;
    properties.payloadFormatIndicator = 1;
    properties.messageExpiryInterval = 30;
    properties.responseTopic = u"reply/here"_s;
    properties.correlationData = QByteArray("\x01\x02", 2);
    properties.subscriptionIdentifiers = {3, 7};
    properties.userProperties = {{u"unit"_s, u"C"_s}, {u"unit"_s, u"F"_s}};

    const QList<PropertyRow> rows = messagePropertyRows(properties);
    QCOMPARE(rows.size(), 8); // both user properties of the same name are kept [MQTT-3.3.2-18]
    QCOMPARE(rows.last().value, u"unit = F"_s);
    QVERIFY(std::any_of(rows.begin(), rows.end(),
                        [](const PropertyRow &row) { return row.value == u"01 02"_s; }));
    QVERIFY(std::any_of(rows.begin(), rows.end(),
                        [](const PropertyRow &row) { return row.value == u"3, 7"_s; }));

    PayloadView view;
    view.setMessage(message("t", "{}", properties));
    auto *tree = view.findChild<QTreeWidget *>();
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 8);
    QVERIFY(!tree->isHidden());
    view.setMessage(message("t", "{}"));
    QCOMPARE(tree->topLevelItemCount(), 0);
    QVERIFY(tree->isHidden());
}

void tst_PayloadView::multiMegabytePayloadStaysFast()
{
    const QByteArray payload = randomBytes(8 * 1024 * 1024, 5);
    PayloadView view;
    view.resize(800, 600);
    view.show();
    QElapsedTimer timer;
    timer.start();
    view.setMessage(message("fw/image", payload));
    QCOMPARE(view.format(), PayloadViewFormat::Hex);
    auto *table = view.findChild<QTableView *>();
    QCOMPARE(table->model()->rowCount(), 8 * 1024 * 1024 / 16);
    QVERIFY(!view.grab().isNull());
    // Generous for a loaded debug build; formatting all half a million rows would take far longer.
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(view.message().payload.size(), payload.size()); // never truncated
}

void tst_PayloadView::longLinesAreBrokenForDisplay()
{
    // One line of megabytes would take QPlainTextEdit seconds to lay out; broken lines take none.
    const QByteArray payload = QByteArray(999, 'a') + "\xff" + QByteArray(4 * 1024 * 1024, 'b');
    PayloadView view;
    view.resize(800, 600);
    QElapsedTimer timer;
    timer.start();
    view.setMessage(message("t", payload));
    view.setFormat(PayloadViewFormat::Text);
    QVERIFY(!view.grab().isNull());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    const QStringList lines = view.renderedText().split(u'\n');
    QCOMPARE(lines.first(), QString(999, u'a') + u"\\xFF"_s); // the marker is not split
    QCOMPARE(lines[1].size(), 1000);
    QCOMPARE(view.message().payload, payload);

    // Markers after a break are still highlighted at their place.
    view.setMessage(message("t", QByteArray(1500, 'a') + "\xfe"));
    view.setFormat(PayloadViewFormat::Text);
    auto *edit = view.findChild<QPlainTextEdit *>();
    const QTextBlock second = edit->document()->firstBlock().next();
    QCOMPARE(second.text(), QString(500, u'a') + u"\\xFE"_s);
    QTRY_VERIFY(!second.layout()->formats().isEmpty());
    QCOMPARE(second.layout()->formats().first().start, 500);
}

void tst_PayloadView::screenshot()
{
    const QString dir = qEnvironmentVariable("MQTTSCOPE_GRAB_DIR");
    if (dir.isEmpty())
        QSKIP("set MQTTSCOPE_GRAB_DIR to save screenshots");
    Properties properties;
    properties.contentType = u"application/json"_s;
    properties.userProperties = {{u"site"_s, u"plant-3"_s}};
    PayloadView view;
    view.resize(560, 420);
    view.setMessage(
        message("demo/factory/line1/sensor-042/telemetry",
                "{\"temperature\":21.5,\"humidity\":48.2,\"battery\":97,\"rssi\":-61,\"ok\":true,"
                "\"tags\":[\"a\",\"b\"]}",
                properties));
    QVERIFY(view.grab().save(dir + u"/payload-json.png"_s));
    view.setMessage(message("t", QByteArray("temp\xff\xfe ok\r\nline 2")));
    view.setFormat(PayloadViewFormat::Text);
    QVERIFY(view.grab().save(dir + u"/payload-text.png"_s));
    view.setMessage(message("b", randomBytes(100, 1)));
    QVERIFY(view.grab().save(dir + u"/payload-hex.png"_s));
    view.setMessage(message("c", pngBytes(QSize(64, 48))));
    QVERIFY(view.grab().save(dir + u"/payload-image.png"_s));
    view.setMessage(message("d", QByteArray::fromHex("a26161016162820203")));
    QVERIFY(view.grab().save(dir + u"/payload-cbor.png"_s));
}

QTEST_MAIN(tst_PayloadView)
#include "tst_payloadview.moc"

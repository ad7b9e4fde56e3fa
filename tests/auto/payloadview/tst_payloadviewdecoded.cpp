// SPDX-License-Identifier: GPL-3.0-or-later
// The payload view reading Sparkplug B, Protobuf and MessagePack through a PayloadDecoder. The
// payloads were made by implementations nobody here wrote: python3-protobuf (fleet.proto and
// the Sparkplug B schema) and python3-msgpack; their bytes are committed so the fixture stays
// simple.
#include "decode/payloaddecoder.h"
#include "messagebuilder.h"
#include "views/hexdumpmodel.h"
#include "views/payloadview.h"
#include "views/payloadviewformat.h"

#include <QComboBox>
#include <QFile>
#include <QTemporaryDir>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

// Position{vehicle:"truck-7", latitude:52.5, longitude:13.25, speed:88}, fleet.v1 (fleet.proto)
const QByteArray protobufPosition =
    QByteArray::fromHex("0a07747275636b2d37110000000000404a40190000000000802a402058");
// {"temperature":21.5,"unit":"C","raw":bin 01 02}, msgpack.packb(use_bin_type=True)
const QByteArray messagePackReading = QByteArray::fromHex(
    "83ab74656d7065726174757265cb4035800000000000a4756e6974a143a3726177c4020102");
// Payload{timestamp, seq:3, metrics:[Temperature Double 21.5]}, org.eclipse.tahu.protobuf
const QByteArray sparkplugData = QByteArray::fromHex(
    "0880d095ffbc31121f0a0b54656d70657261747572651880d095ffbc31200a6900000000008035401803");

Message message(const QByteArray &topic, const QByteArray &payload)
{
    return test::message(topic).payload(payload).qos(0);
}

std::shared_ptr<const PayloadDecoder> fleetDecoder(QList<FormatRule> rules)
{
    QList<ProtobufSchemas::Problem> problems;
    auto schemas = ProtobufSchemas::load({QFINDTESTDATA("data/fleet.proto")}, {}, &problems);
    return std::make_shared<const PayloadDecoder>(std::move(rules), std::move(schemas));
}

} // namespace

class tst_PayloadViewDecoded : public QObject
{
    Q_OBJECT
private slots:
    void sparkplugTopicsDecodeWithoutRules();
    void protobufRuleChoosesFormatAndType();
    void messagePackChosenWithTheCombo();
    void failureShowsOffsetOverHex();
    void protobufWithoutTypeAsksForOne();
    void longTypeNamesDoNotWidenTheView();
};

void tst_PayloadViewDecoded::sparkplugTopicsDecodeWithoutRules()
{
    PayloadView view;
    view.setMessage(message("spBv1.0/plant/DDATA/edge1/press", sparkplugData));
    QCOMPARE(view.format(), PayloadViewFormat::SparkplugB);
    const QString text = view.renderedText();
    QVERIFY2(text.contains(u"\"Temperature\""_s), qPrintable(text));
    QVERIFY2(text.contains(u"21.5"_s), qPrintable(text));
    QVERIFY2(text.contains(u"\"seq\": 3"_s), qPrintable(text));
    QVERIFY(view.notice().isEmpty());
}

void tst_PayloadViewDecoded::protobufRuleChoosesFormatAndType()
{
    PayloadView view;
    view.setDecoder(
        fleetDecoder({{u"fleet/+/position"_s, PayloadEncoding::Protobuf, u"fleet.v1.Position"_s}}));
    view.setMessage(message("fleet/7/position", protobufPosition));
    QCOMPARE(view.format(), PayloadViewFormat::Protobuf);
    QCOMPARE(view.messageType(), u"fleet.v1.Position"_s);
    const QString text = view.renderedText();
    QVERIFY2(text.contains(u"\"vehicle\": \"truck-7\""_s), qPrintable(text));
    QVERIFY2(text.contains(u"52.5"_s) && text.contains(u"88"_s), qPrintable(text));
    auto *types = view.findChildren<QComboBox *>().last();
    QCOMPARE(types->currentText(), u"fleet.v1.Position"_s);
}

void tst_PayloadViewDecoded::messagePackChosenWithTheCombo()
{
    PayloadView view;
    view.setMessage(message("sensors/1", messagePackReading));
    QCOMPARE_NE(view.format(), PayloadViewFormat::MessagePack); // no rule: the bytes decide
    view.setFormat(PayloadViewFormat::MessagePack);
    const QString text = view.renderedText();
    QVERIFY2(text.contains(u"\"temperature\": 21.5"_s), qPrintable(text));
    QVERIFY2(text.contains(u"\"$bin\": \"AQI=\""_s), qPrintable(text));
}

void tst_PayloadViewDecoded::failureShowsOffsetOverHex()
{
    PayloadView view;
    view.setDecoder(
        fleetDecoder({{u"fleet/#"_s, PayloadEncoding::Protobuf, u"fleet.v1.Position"_s}}));
    // Field 1 says 200 bytes follow; 7 do.
    const QByteArray truncated = QByteArray::fromHex("0ac8017472756b2d37");
    view.setMessage(message("fleet/7/position", truncated));
    QCOMPARE(view.format(), PayloadViewFormat::Protobuf);
    QVERIFY(view.renderedText().isEmpty()); // the hex page is shown
    QVERIFY2(view.notice().contains(u"at byte"_s), qPrintable(view.notice()));
    auto *hex = view.findChild<QTableView *>();
    QVERIFY(hex);
    QCOMPARE(hex->model()->data(hex->model()->index(0, HexDumpModel::HexColumn)).toString().left(8),
             u"0a c8 01"_s);
}

void tst_PayloadViewDecoded::protobufWithoutTypeAsksForOne()
{
    PayloadView view;
    view.setDecoder(fleetDecoder({}));
    view.setMessage(message("fleet/7/position", protobufPosition));
    view.setFormat(PayloadViewFormat::Protobuf);
    QVERIFY(view.renderedText().isEmpty());
    QVERIFY(!view.notice().isEmpty());
    view.setMessageType(u"fleet.v1.Position"_s);
    QVERIFY2(view.renderedText().contains(u"truck-7"_s), qPrintable(view.renderedText()));
}

void tst_PayloadViewDecoded::longTypeNamesDoNotWidenTheView()
{
    QTemporaryDir dir;
    const QString type =
        u"com.example.telemetry.fleet.vehicles.v1.VehiclePositionReportWithMetadata"_s;
    QFile proto(dir.filePath(u"long.proto"_s));
    QVERIFY(proto.open(QIODevice::WriteOnly));
    proto.write("syntax = \"proto3\";\npackage com.example.telemetry.fleet.vehicles.v1;\n"
                "message VehiclePositionReportWithMetadata { string vehicle = 1; }\n");
    proto.close();
    QList<ProtobufSchemas::Problem> problems;
    auto schemas = ProtobufSchemas::load({proto.fileName()}, {}, &problems);
    QVERIFY(schemas && schemas->hasMessageType(type));
    PayloadView view;
    view.setDecoder(std::make_shared<const PayloadDecoder>(
        QList<FormatRule>{{u"fleet/#"_s, PayloadEncoding::Protobuf, type}}, std::move(schemas)));
    view.setMessage(message("fleet/7/position", QByteArray::fromHex("0a0174")));
    QCOMPARE(view.messageType(), type);
    // The combo elides the name: the pane beside the tree keeps its width.
    auto *types = view.findChildren<QComboBox *>().last();
    QCOMPARE(types->currentText(), type);
    QVERIFY(types->sizeHint().width() < types->fontMetrics().horizontalAdvance(type));
}

QTEST_MAIN(tst_PayloadViewDecoded)
#include "tst_payloadviewdecoded.moc"

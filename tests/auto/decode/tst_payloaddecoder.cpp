// SPDX-License-Identifier: GPL-3.0-or-later
// Format rules and MessagePack. MessagePack payloads are made by python3-msgpack (Debian's
// /usr/bin/python3), an encoder nobody here wrote, and compared field by field.
#include "decode/messagepack.h"
#include "decode/payloaddecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace mqttscope;

namespace {

// The bytes python3-msgpack makes of `expression` (Python source using `msgpack`).
QByteArray pythonMsgpack(const QString &expression)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import sys, msgpack, datetime\nsys.stdout.buffer.write(%1)")
                      .arg(expression)});
    if (!python.waitForFinished(20000) || python.exitCode() != 0)
        qWarning() << python.readAllStandardError();
    return python.readAllStandardOutput();
}

QJsonObject objectOf(const DecodedPayload &decoded)
{
    return QJsonDocument::fromJson(decoded.json).object();
}

} // namespace

class tst_PayloadDecoder : public QObject
{
    Q_OBJECT

private slots:
    void ruleArgumentParses_data();
    void ruleArgumentParses();
    void badRuleArgumentSaysWhy();
    void ruleJsonRoundTrip();
    void firstMatchingRuleWins();
    void sparkplugTopicsDecodeWithoutARule();
    void messagePackFromPython();
    void messagePackExtAndTimestamp();
    void messagePackNonStringKeys();
    void messagePackBadInputFails();
    void messagePackTooDeepFails();
    void messagePackFromJsonRoundTrip();
    void oversizePayloadNotDecoded();
};

void tst_PayloadDecoder::ruleArgumentParses_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QString>("type");
    QTest::newRow("msgpack") << "fleet/+/pos=msgpack"
                             << "fleet/+/pos" << int(PayloadEncoding::MessagePack) << "";
    QTest::newRow("protobuf") << "fleet/#=protobuf:fleet.v1.Position"
                              << "fleet/#" << int(PayloadEncoding::Protobuf) << "fleet.v1.Position";
    QTest::newRow("case") << "a=SparkPlug"
                          << "a" << int(PayloadEncoding::SparkplugB) << "";
}

void tst_PayloadDecoder::ruleArgumentParses()
{
    QFETCH(QString, argument);
    QFETCH(QString, filter);
    QFETCH(int, encoding);
    QFETCH(QString, type);
    QString error;
    const std::optional<FormatRule> rule = FormatRule::fromArgument(argument, &error);
    QVERIFY2(rule, qPrintable(error));
    QCOMPARE(rule->topicFilter, filter);
    QCOMPARE(int(rule->encoding), encoding);
    QCOMPARE(rule->messageType, type);
}

void tst_PayloadDecoder::badRuleArgumentSaysWhy()
{
    QString error;
    QVERIFY(!FormatRule::fromArgument(u"no-equals", &error));
    QVERIFY(error.contains(QStringLiteral("FILTER=FORMAT")));
    QVERIFY(!FormatRule::fromArgument(u"a/#=yaml", &error));
    QVERIFY(error.contains(QStringLiteral("yaml")));
    QVERIFY(!FormatRule::fromArgument(u"a/#/b=json", &error)); // '#' not last [MQTT-4.7.1-2]
    QVERIFY(error.contains(QStringLiteral("a/#/b")));
    QVERIFY(!FormatRule::fromArgument(u"a=protobuf", &error));
    QVERIFY(error.contains(QStringLiteral("message type")));
}

void tst_PayloadDecoder::ruleJsonRoundTrip()
{
    const FormatRule rule{QStringLiteral("x/+"), PayloadEncoding::Protobuf, QStringLiteral("p.M")};
    QCOMPARE(FormatRule::fromJson(rule.toJson()), rule);
    QVERIFY(!FormatRule::fromJson(QJsonObject{{QStringLiteral("format"), QStringLiteral("nope")}}));
}

void tst_PayloadDecoder::firstMatchingRuleWins()
{
    const PayloadDecoder decoder({{QStringLiteral("a/special"), PayloadEncoding::Text, {}},
                                  {QStringLiteral("a/#"), PayloadEncoding::MessagePack, {}},
                                  {QStringLiteral("spBv1.0/#"), PayloadEncoding::Hex, {}}},
                                 nullptr);
    QCOMPARE(decoder.encodingFor("a/special"), PayloadEncoding::Text);
    QCOMPARE(decoder.encodingFor("a/other"), PayloadEncoding::MessagePack);
    QCOMPARE(decoder.encodingFor("spBv1.0/g/NDATA/n"), PayloadEncoding::Hex); // a rule overrides
    QCOMPARE(decoder.encodingFor("b"), PayloadEncoding::Auto);
    QVERIFY(!decoder.decode("a/special", "x").decoded()); // text: nothing to decode
    QVERIFY(
        decoder.decode("a/other", pythonMsgpack(QStringLiteral("msgpack.packb([1])"))).decoded());
}

void tst_PayloadDecoder::sparkplugTopicsDecodeWithoutARule()
{
    const PayloadDecoder decoder;
    QCOMPARE(decoder.encodingFor("spBv1.0/plant/DDATA/edge/dev"), PayloadEncoding::SparkplugB);
    // STATE carries JSON in Sparkplug 3.0, not protobuf [tck-id-host-topic-phid-birth-payload]
    QCOMPARE(decoder.encodingFor("spBv1.0/STATE/scada"), PayloadEncoding::Auto);
    QCOMPARE(decoder.decode("spBv1.0/plant/DDATA/edge/dev", "\xff\xff").status,
             DecodedPayload::Status::Failed);
}

void tst_PayloadDecoder::messagePackFromPython()
{
    const QByteArray bytes = pythonMsgpack(QStringLiteral(
        "msgpack.packb({'name': 'pump', 'rpm': 1450, 'temp': -3.25, 'on': True, 'none': None,"
        " 'big': 2**63 + 5, 'neg': -2**40, 'list': [1, 'two', [3.5]], 'raw': b'\\x00\\xff'},"
        " use_bin_type=True)"));
    QVERIFY(!bytes.isEmpty());
    const DecodedPayload decoded = MessagePack::toJson(bytes);
    QVERIFY2(decoded.decoded(), qPrintable(decoded.error));
    const QJsonObject json = objectOf(decoded);
    QCOMPARE(json.value(u"name").toString(), QStringLiteral("pump"));
    QCOMPARE(json.value(u"rpm").toInteger(), 1450);
    QCOMPARE(json.value(u"temp").toDouble(), -3.25);
    QCOMPARE(json.value(u"on").toBool(), true);
    QVERIFY(json.value(u"none").isNull());
    QCOMPARE(json.value(u"big").toDouble(), 9223372036854775813.0);
    QCOMPARE(json.value(u"neg").toInteger(), -(qint64(1) << 40));
    QCOMPARE(json.value(u"list").toArray().at(1).toString(), QStringLiteral("two"));
    QCOMPARE(json.value(u"list").toArray().at(2).toArray().at(0).toDouble(), 3.5);
    QCOMPARE(json.value(u"raw").toObject().value(u"$bin").toString(), QStringLiteral("AP8="));
}

void tst_PayloadDecoder::messagePackExtAndTimestamp()
{
    const QByteArray bytes = pythonMsgpack(QStringLiteral(
        "msgpack.packb([msgpack.ExtType(5, b'abc'),"
        " msgpack.Timestamp.from_datetime(datetime.datetime(2026, 12, 2, 10, 30, 0, 250000,"
        " tzinfo=datetime.timezone.utc))], datetime=False)"));
    const DecodedPayload decoded = MessagePack::toJson(bytes);
    QVERIFY2(decoded.decoded(), qPrintable(decoded.error));
    const QJsonArray json = QJsonDocument::fromJson(decoded.json).array();
    QCOMPARE(json.at(0).toObject().value(u"$ext").toInt(), 5);
    QCOMPARE(json.at(0).toObject().value(u"data").toString(), QStringLiteral("YWJj"));
    QCOMPARE(json.at(1).toObject().value(u"$ext").toInt(), -1);
    QCOMPARE(json.at(1).toObject().value(u"time").toString(),
             QStringLiteral("2026-12-02T10:30:00.250Z"));
}

void tst_PayloadDecoder::messagePackNonStringKeys()
{
    const DecodedPayload decoded =
        MessagePack::toJson(pythonMsgpack(QStringLiteral("msgpack.packb({1: 'a', 2.5: 'b'})")));
    QVERIFY2(decoded.decoded(), qPrintable(decoded.error));
    const QJsonObject json = objectOf(decoded);
    QCOMPARE(json.value(u"1").toString(), QStringLiteral("a"));
    QCOMPARE(json.value(u"2.5").toString(), QStringLiteral("b"));
}

void tst_PayloadDecoder::messagePackBadInputFails()
{
    QByteArray truncated = pythonMsgpack(QStringLiteral("msgpack.packb({'a': 'hello world'})"));
    truncated.chop(3);
    DecodedPayload decoded = MessagePack::toJson(truncated);
    QCOMPARE(decoded.status, DecodedPayload::Status::Failed);
    QVERIFY(decoded.error.contains(QStringLiteral("ends early")));
    decoded = MessagePack::toJson(QByteArray("\xc1", 1)); // 0xc1 is never used
    QCOMPARE(decoded.status, DecodedPayload::Status::Failed);
    decoded = MessagePack::toJson(QByteArray("\x01\x02", 2)); // two values
    QCOMPARE(decoded.status, DecodedPayload::Status::Failed);
    QCOMPARE(decoded.errorOffset, 1);
}

void tst_PayloadDecoder::messagePackTooDeepFails()
{
    const QByteArray deep(200, '\x91'); // arrays of one, 200 deep, never closed by a value
    const DecodedPayload decoded = MessagePack::toJson(deep + QByteArray(1, '\x01'));
    QCOMPARE(decoded.status, DecodedPayload::Status::Failed);
    QVERIFY(decoded.error.contains(QStringLiteral("deeper")));
}

void tst_PayloadDecoder::messagePackFromJsonRoundTrip()
{
    const QByteArray json = R"({"a":1,"b":[true,null,"x",2.5],"c":{"$bin":"AP8="},)"
                            R"("d":{"$ext":7,"data":"YWJj"}})";
    QString error;
    const std::optional<QByteArray> packed = MessagePack::fromJson(json, &error);
    QVERIFY2(packed, qPrintable(error));
    QCOMPARE(QJsonDocument::fromJson(MessagePack::toJson(*packed).json),
             QJsonDocument::fromJson(json));
    QVERIFY(!MessagePack::fromJson("{nope", &error));
    QVERIFY(error.contains(QStringLiteral("not JSON")));
}

void tst_PayloadDecoder::oversizePayloadNotDecoded()
{
    const PayloadDecoder decoder;
    const QByteArray big(PayloadDecoder::MaxDecodeBytes + 1, '\x90');
    const DecodedPayload decoded = decoder.decodeAs(PayloadEncoding::MessagePack, big);
    QCOMPARE(decoded.status, DecodedPayload::Status::Failed);
    QVERIFY(decoded.error.contains(QStringLiteral("MiB")));
}

QTEST_GUILESS_MAIN(tst_PayloadDecoder)
#include "tst_payloaddecoder.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Sparkplug B payloads made by Eclipse Tahu's JavaScript encoder, decoded by ours and compared
// field by field with what Tahu was given; our NCMD read back by Tahu's decoder.
#include "decode/sparkplugpayload.h"
#include "decode/sparkplugtopic.h"
#include "tahu.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace mqttscope;
using mqttscope::test::Tahu;

namespace {

bool isIntegerType(const QString &type)
{
    static const QStringList types{u"Int8"_qs,   u"Int16"_qs,  u"Int32"_qs,
                                   u"Int64"_qs,  u"UInt8"_qs,  u"UInt16"_qs,
                                   u"UInt32"_qs, u"UInt64"_qs, u"DateTime"_qs};
    return types.contains(type);
}

// Tahu's inputs write 64-bit integers as strings (JSON numbers cannot hold them).
qint64 expectedInteger(const QJsonValue &v)
{
    return v.isString() ? v.toString().toLongLong() : v.toInteger();
}

QString elementType(const QString &arrayType)
{
    return arrayType.chopped(5); // "Int8Array" -> "Int8"
}

void compareValue(const QString &type, const QJsonValue &expected, const QJsonValue &actual,
                  const QString &where);

void compareMetrics(const QJsonArray &expected, const QJsonObject &actual, const QString &where);

void compareTemplate(const QJsonObject &e, const QJsonObject &a, const QString &where)
{
    QCOMPARE(a.value(u"isDefinition"_qs).toBool(), e.value(u"isDefinition"_qs).toBool());
    QCOMPARE(a.value(u"templateRef"_qs), e.value(u"templateRef"_qs));
    QCOMPARE(a.value(u"version"_qs), e.value(u"version"_qs));
    compareMetrics(e.value(u"metrics"_qs).toArray(), a.value(u"metrics"_qs).toObject(), where);
    const QJsonObject parameters = a.value(u"parameters"_qs).toObject();
    const QJsonArray expectedParameters = e.value(u"parameters"_qs).toArray();
    QCOMPARE(parameters.size(), expectedParameters.size());
    for (const QJsonValue &p : expectedParameters) {
        const QString name = p[u"name"_qs].toString();
        const QJsonObject ours = parameters.value(name).toObject();
        QCOMPARE(ours.value(u"type"_qs).toString(), p[u"type"_qs].toString());
        compareValue(p[u"type"_qs].toString(), p[u"value"_qs], ours.value(u"value"_qs),
                     where + u" parameter "_qs + name);
    }
}

void compareDataSet(const QJsonObject &e, const QJsonObject &a, const QString &where)
{
    QCOMPARE(a.value(u"columns"_qs), e.value(u"columns"_qs));
    QCOMPARE(a.value(u"types"_qs), e.value(u"types"_qs));
    const QJsonArray types = e.value(u"types"_qs).toArray();
    const QJsonArray rows = e.value(u"rows"_qs).toArray();
    const QJsonArray ourRows = a.value(u"rows"_qs).toArray();
    QCOMPARE(ourRows.size(), rows.size());
    for (qsizetype r = 0; r < rows.size(); ++r) {
        QCOMPARE(ourRows[r].toArray().size(), types.size());
        for (qsizetype c = 0; c < types.size(); ++c)
            compareValue(types[c].toString(), rows[r][c], ourRows[r][c],
                         where + u" row %1 column %2"_qs.arg(r).arg(c));
    }
}

void compareProperties(const QJsonObject &e, const QJsonObject &a, const QString &where)
{
    QCOMPARE(a.keys(), e.keys());
    for (const QString &key : e.keys()) {
        const QJsonObject expected = e.value(key).toObject();
        const QJsonObject ours = a.value(key).toObject();
        const QString type = expected.value(u"type"_qs).toString();
        QCOMPARE(ours.value(u"type"_qs).toString(), type);
        if (type == u"PropertySet"_qs) {
            compareProperties(expected.value(u"value"_qs).toObject(),
                              ours.value(u"value"_qs).toObject(), where + u"."_qs + key);
        } else if (type == u"PropertySetList"_qs) {
            const QJsonArray list = expected.value(u"value"_qs).toArray();
            QCOMPARE(ours.value(u"value"_qs).toArray().size(), list.size());
            for (qsizetype i = 0; i < list.size(); ++i)
                compareProperties(list[i].toObject(), ours.value(u"value"_qs)[i].toObject(),
                                  where + u"."_qs + key);
        } else {
            compareValue(type, expected.value(u"value"_qs), ours.value(u"value"_qs),
                         where + u"."_qs + key);
        }
    }
}

void compareValue(const QString &type, const QJsonValue &expected, const QJsonValue &actual,
                  const QString &where)
{
    const QByteArray context = where.toUtf8();
    const char *at = context.constData();
    if (expected.isNull()) {
        QVERIFY2(actual.isNull(), at);
    } else if (type.endsWith(u"Array"_qs)) {
        const QJsonArray e = expected.toArray();
        QVERIFY2(actual.isArray(), at);
        QCOMPARE(actual.toArray().size(), e.size());
        for (qsizetype i = 0; i < e.size(); ++i)
            compareValue(elementType(type), e[i], actual.toArray()[i], where);
    } else if (isIntegerType(type)) {
        QVERIFY2(actual.isDouble(), at);
        QCOMPARE(actual.toInteger(), expectedInteger(expected));
    } else if (type == u"Float"_qs) {
        QCOMPARE(float(actual.toDouble()), float(expected.toDouble()));
    } else if (type == u"Double"_qs) {
        QCOMPARE(actual.toDouble(), expected.toDouble());
    } else if (type == u"DataSet"_qs) {
        compareDataSet(expected.toObject(), actual.toObject(), where);
    } else if (type == u"Template"_qs) {
        compareTemplate(expected.toObject(), actual.toObject(), where);
    } else { // Boolean, String, Text, UUID; Bytes and File as base64 on both sides
        QVERIFY2(actual == expected,
                 (context + " " + QJsonDocument(QJsonArray{actual}).toJson()).constData());
    }
}

void compareMetrics(const QJsonArray &expected, const QJsonObject &actual, const QString &where)
{
    QCOMPARE(actual.size(), expected.size());
    for (const QJsonValue &e : expected) {
        const QString name = e[u"name"_qs].toString();
        QVERIFY2(actual.contains(name), qPrintable(where + u": no metric "_qs + name));
        const QJsonObject m = actual.value(name).toObject();
        const QString type = e[u"type"_qs].toString();
        QCOMPARE(m.value(u"datatype"_qs).toString(), type);
        compareValue(type, e[u"value"_qs], m.value(u"value"_qs), where + u" "_qs + name);
        QCOMPARE(m.value(u"isNull"_qs).toBool(), e[u"value"_qs].isNull());
        if (e[u"alias"_qs].isDouble())
            QCOMPARE(m.value(u"alias"_qs).toInteger(), e[u"alias"_qs].toInteger());
        if (!e[u"timestamp"_qs].isUndefined())
            QCOMPARE(m.value(u"timestamp"_qs).toInteger(), expectedInteger(e[u"timestamp"_qs]));
        QCOMPARE(m.value(u"isHistorical"_qs).toBool(), e[u"isHistorical"_qs].toBool());
        QCOMPARE(m.value(u"isTransient"_qs).toBool(), e[u"isTransient"_qs].toBool());
        if (e[u"properties"_qs].isObject())
            compareProperties(e[u"properties"_qs].toObject(), m.value(u"properties"_qs).toObject(),
                              where + u" "_qs + name);
        if (e[u"metadata"_qs].isObject()) {
            QJsonObject metadata = e[u"metadata"_qs].toObject();
            metadata[u"size"_qs] = expectedInteger(metadata[u"size"_qs]);
            QCOMPARE(m.value(u"metadata"_qs).toObject(), metadata);
        }
    }
}

QByteArray varint(quint64 v)
{
    QByteArray out;
    do {
        out.append(char((v & 0x7f) | (v > 0x7f ? 0x80 : 0)));
        v >>= 7;
    } while (v);
    return out;
}
QByteArray field(int number, const QByteArray &bytes) // a length-delimited field
{
    return varint(quint64(number) << 3 | 2) + varint(quint64(bytes.size())) + bytes;
}
QByteArray varintField(int number, quint64 v)
{
    return varint(quint64(number) << 3) + varint(v);
}
// A metric whose value is a template holding `depth` templates inside each other.
QByteArray nestedTemplates(int depth)
{
    QByteArray metric = field(1, "leaf") + varintField(4, 3) + varintField(10, 1);
    for (int i = 0; i < depth; ++i)
        metric = field(1, "t") + varintField(4, 19) + field(18, field(2, metric));
    return field(2, metric);
}

QJsonObject decodedJson(const DecodedPayload &d)
{
    return QJsonDocument::fromJson(d.json).object();
}

} // namespace

class TestSparkplugPayload : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tahuPayloads_data();
    void tahuPayloads();
    void aliasOnlyMetricsTakeTheBirthsNames();
    void unknownDatatypeIsReportedAndTheRestDecodes();
    void stringsAreEscaped();
    void malformedProtobufFails();
    void deepNestingFailsWithoutCrashing();
    void summaryGivesSeqBdSeqAndAliases();
    void commandRoundTripsThroughTahu();
    void commandRejectsValuesOutsideTheirDatatype();
    void topicNames_data();
    void topicNames();

private:
    Tahu m_tahu;
    QJsonObject m_cases;
};

void TestSparkplugPayload::initTestCase()
{
    if (const QString missing = Tahu::missing(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    QString error;
    QVERIFY2(m_tahu.write(u"encode"_qs, &error), qPrintable(error));
    QFile file(QDir(m_tahu.folder()).filePath(u"cases.json"_qs));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_cases = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(m_cases.size(), 4);
}

void TestSparkplugPayload::tahuPayloads_data()
{
    QTest::addColumn<QString>("name");
    // [tck-id-payloads-metric-datatype-value-type] every datatype, datasets
    // [tck-id-payloads-dataset-types-def] templates [tck-id-payloads-template-definition-nbirth],
    // arrays packed as 3.0 asks, null values
    // [tck-id-operational-behavior-data-publish-nbirth-values]
    for (const char *name : {"scalars", "dataset", "template", "arrays"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestSparkplugPayload::tahuPayloads()
{
    QFETCH(QString, name);
    const QByteArray payload = m_tahu.payload(name);
    QVERIFY(!payload.isEmpty());
    const DecodedPayload decoded = Sparkplug::toJson(payload);
    QVERIFY2(decoded.decoded(), qPrintable(decoded.error));
    QCOMPARE(decoded.error, QString());
    const QJsonObject json = decodedJson(decoded);
    const QJsonObject input = m_cases.value(name).toObject();
    QCOMPARE(json.value(u"timestamp"_qs).toInteger(), expectedInteger(input[u"timestamp"_qs]));
    QCOMPARE(json.value(u"seq"_qs).toInteger(), input[u"seq"_qs].toInteger());
    QCOMPARE(json.value(u"uuid"_qs), input[u"uuid"_qs]);
    QCOMPARE(json.value(u"body"_qs), input[u"body"_qs]);
    compareMetrics(input[u"metrics"_qs].toArray(), json.value(u"metrics"_qs).toObject(), name);
}

void TestSparkplugPayload::aliasOnlyMetricsTakeTheBirthsNames()
{
    // [tck-id-payloads-alias-data-cmd-requirement] DATA may carry the alias and no name
    const QByteArray payload = field(2, varintField(2, 7) + varintField(4, 3) + varintField(10, 42))
        + field(2, varintField(2, 8) + varintField(4, 3) + varintField(10, 1));
    const QJsonObject metrics = decodedJson(Sparkplug::toJson(payload, {{7, u"Temperature"_qs}}))
                                    .value(u"metrics"_qs)
                                    .toObject();
    QCOMPARE(metrics.value(u"Temperature"_qs)[u"value"_qs].toInteger(), 42);
    QCOMPARE(metrics.value(u"alias:8"_qs)[u"value"_qs].toInteger(), 1);
}

void TestSparkplugPayload::unknownDatatypeIsReportedAndTheRestDecodes()
{
    const QByteArray payload = field(2, field(1, "x") + varintField(4, 99) + varintField(10, 5))
        + field(2, field(1, "ok") + varintField(4, 3) + varintField(10, 1));
    const DecodedPayload decoded = Sparkplug::toJson(payload);
    QVERIFY(decoded.decoded());
    QVERIFY2(decoded.error.contains(u"99"_qs), qPrintable(decoded.error));
    const QJsonObject metrics = decodedJson(decoded).value(u"metrics"_qs).toObject();
    QCOMPARE(metrics.value(u"x"_qs)[u"datatype"_qs].toString(), u"Unknown(99)"_qs);
    QCOMPARE(metrics.value(u"x"_qs)[u"value"_qs].toInteger(), 5); // the raw field
    QCOMPARE(metrics.value(u"ok"_qs)[u"value"_qs].toInteger(), 1);
}

void TestSparkplugPayload::stringsAreEscaped()
{
    const QByteArray text("q\"b\\s\n\x01 \xc3\xa9", 11);
    const QByteArray payload = field(2, field(1, "s") + varintField(4, 12) + field(15, text))
        + field(2, field(1, "bad") + varintField(4, 12) + field(15, "\xff"));
    const DecodedPayload decoded = Sparkplug::toJson(payload);
    QJsonParseError error;
    const QJsonObject metrics =
        QJsonDocument::fromJson(decoded.json, &error).object()[u"metrics"_qs].toObject();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(metrics[u"s"_qs][u"value"_qs].toString(), QString::fromUtf8(text));
    QCOMPARE(metrics[u"bad"_qs][u"value"_qs].toString(), QString(QChar::ReplacementCharacter));
}

void TestSparkplugPayload::malformedProtobufFails()
{
    for (const QByteArray &bad : {QByteArray("\x12\xff\x01", 3), QByteArray("\xff\xff\xff", 3),
                                  field(2, field(1, "x")).chopped(1)}) {
        const DecodedPayload decoded = Sparkplug::toJson(bad);
        QCOMPARE(decoded.status, DecodedPayload::Status::Failed);
        QVERIFY(!decoded.error.isEmpty());
        QString error;
        QVERIFY(!Sparkplug::summarize(bad, &error));
        QVERIFY(!error.isEmpty());
    }
}

void TestSparkplugPayload::deepNestingFailsWithoutCrashing()
{
    const DecodedPayload deep = Sparkplug::toJson(nestedTemplates(80));
    QVERIFY2(deep.error.contains(u"deeper"_qs) || deep.status == DecodedPayload::Status::Failed,
             qPrintable(deep.error));
    const DecodedPayload deeper = Sparkplug::toJson(nestedTemplates(5000));
    QCOMPARE(deeper.status, DecodedPayload::Status::Failed);
    const DecodedPayload fine = Sparkplug::toJson(nestedTemplates(10));
    QVERIFY(fine.decoded());
    QCOMPARE(fine.error, QString());
    const QByteArray huge = field(
        2, field(1, "blob") + varintField(4, 17) + field(16, QByteArray(4 * 1024 * 1024, 'x')));
    QVERIFY(Sparkplug::toJson(huge).decoded());
}

void TestSparkplugPayload::summaryGivesSeqBdSeqAndAliases()
{
    const QByteArray payload = m_tahu.payload("scalars");
    QVERIFY(!payload.isEmpty());
    QString error;
    const auto summary = Sparkplug::summarize(payload, &error);
    QVERIFY2(summary, qPrintable(error));
    QCOMPARE(summary->seq, 0u); // [tck-id-payloads-nbirth-seq]
    QCOMPARE(summary->bdSeq, 5u); // [tck-id-payloads-nbirth-bdseq]
    QCOMPARE(summary->timestamp, 1700000000123u);
    QCOMPARE(summary->aliasNames.value(3), u"i32"_qs);
    QCOMPARE(summary->aliasNames.size(), 19);
}

void TestSparkplugPayload::commandRoundTripsThroughTahu()
{
    const QList<Sparkplug::CommandMetric> metrics{
        {u"Node Control/Rebirth"_qs, u"Boolean"_qs, true},
        {u"setpoint"_qs, u"Int16"_qs, -12},
        {u"limit"_qs, u"UInt32"_qs, 4000000000u},
        {u"gain"_qs, u"Double"_qs, 0.125},
        {u"label"_qs, u"String"_qs, u"hi"_qs},
        {u"big"_qs, u"Int64"_qs, qint64(-5000000000)},
    };
    QString error;
    const auto bytes = Sparkplug::encodeCommand(metrics, 1700000000500, &error);
    QVERIFY2(bytes, qPrintable(error));
    const QJsonObject tahu = m_tahu.decode(*bytes, &error);
    QVERIFY2(!tahu.isEmpty(), qPrintable(error));
    QCOMPARE(tahu[u"timestamp"_qs].toString(),
             u"1700000000500"_qs); // [tck-id-payloads-ncmd-timestamp]
    QVERIFY(!tahu.contains(u"seq"_qs)); // [tck-id-payloads-ncmd-seq]
    const QJsonArray decoded = tahu[u"metrics"_qs].toArray();
    QCOMPARE(decoded.size(), metrics.size());
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        QCOMPARE(decoded[i][u"name"_qs].toString(), metrics[i].name);
        QCOMPARE(decoded[i][u"type"_qs].toString(), metrics[i].datatype);
        QCOMPARE(expectedInteger(decoded[i][u"timestamp"_qs]), 1700000000500);
    }
    QCOMPARE(decoded[0][u"value"_qs].toBool(), true);
    QCOMPARE(decoded[1][u"value"_qs].toInteger(), -12);
    QCOMPARE(expectedInteger(decoded[2][u"value"_qs]), 4000000000);
    QCOMPARE(decoded[3][u"value"_qs].toDouble(), 0.125);
    QCOMPARE(decoded[4][u"value"_qs].toString(), u"hi"_qs);
    QCOMPARE(expectedInteger(decoded[5][u"value"_qs]), -5000000000);
}

void TestSparkplugPayload::commandRejectsValuesOutsideTheirDatatype()
{
    QString error;
    QVERIFY(!Sparkplug::encodeCommand({{u"x"_qs, u"Int8"_qs, 300}}, 1, &error));
    QVERIFY(error.contains(u"300"_qs));
    QVERIFY(!Sparkplug::encodeCommand({{u"x"_qs, u"Boolean"_qs, u"maybe"_qs}}, 1, &error));
    QVERIFY(!Sparkplug::encodeCommand({{u"x"_qs, u"DataSet"_qs, 1}}, 1, &error));
    QVERIFY(Sparkplug::datatypeNames().contains(u"UUID"_qs));
    QVERIFY(!Sparkplug::datatypeNames().contains(u"Template"_qs));
}

void TestSparkplugPayload::topicNames_data()
{
    using Sparkplug::MessageType;
    QTest::addColumn<QByteArray>("topic");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("device");
    // [tck-id-topic-structure] spBv1.0/group/type/edge node[/device]
    QTest::newRow("nbirth") << QByteArray("spBv1.0/g/NBIRTH/n") << true << int(MessageType::NBirth)
                            << QString();
    QTest::newRow("ddata") << QByteArray("spBv1.0/g/DDATA/n/d") << true << int(MessageType::DData)
                           << u"d"_qs;
    QTest::newRow("state") << QByteArray("spBv1.0/STATE/host") << true << int(MessageType::State)
                           << QString();
    QTest::newRow("device type without device")
        << QByteArray("spBv1.0/g/DDATA/n") << false << 0 << QString();
    QTest::newRow("node type with device")
        << QByteArray("spBv1.0/g/NDATA/n/d") << false << 0 << QString();
    QTest::newRow("unknown type") << QByteArray("spBv1.0/g/NFOO/n") << false << 0 << QString();
    QTest::newRow("empty level") << QByteArray("spBv1.0//NDATA/n") << false << 0 << QString();
    QTest::newRow("other namespace") << QByteArray("spAv1.0/g/NDATA/n") << false << 0 << QString();
}

void TestSparkplugPayload::topicNames()
{
    QFETCH(QByteArray, topic);
    QFETCH(bool, valid);
    const auto name = Sparkplug::TopicName::parse(topic);
    QCOMPARE(name.has_value(), valid);
    if (!valid)
        return;
    QFETCH(int, type);
    QFETCH(QString, device);
    QCOMPARE(int(name->type), type);
    QCOMPARE(name->device, device);
    QCOMPARE(name->isDeviceMessage(), !device.isEmpty());
    if (name->type == Sparkplug::MessageType::State)
        QCOMPARE(name->hostId, u"host"_qs);
    else
        QCOMPARE(name->group, u"g"_qs);
    QCOMPARE(
        Sparkplug::typeName(name->type),
        QString::fromLatin1(topic.split('/')[2 - (name->type == Sparkplug::MessageType::State)]));
}

QTEST_GUILESS_MAIN(TestSparkplugPayload)
#include "tst_sparkplugpayload.moc"

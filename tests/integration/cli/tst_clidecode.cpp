// SPDX-License-Identifier: GPL-3.0-or-later
// `mqttscope-cli sub --json --decode` against a real mosquitto, at 3.1.1 and 5.0: payloads made
// by encoders nobody here wrote (python3-protobuf from a .proto compiled by protoc, and
// python3-msgpack, both run with Debian's /usr/bin/python3) come out as JSON in "decoded".
#include "fleetproto.h"
#include "mosquittobroker.h"
#include "testprocess.h"
#include "testversions.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;
using L = MosquittoBroker::Listener;

namespace {

const QString cli = QStringLiteral(MQTTSCOPE_CLI_PATH);

} // namespace

class tst_CliDecode : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void decodesProtobufAndMessagePack_data();
    void decodesProtobufAndMessagePack();
    void badProtoStopsWithFileAndLine();
    void unknownMessageTypeStops();

private:
    QStringList tcp() const { return m_broker.tcpArguments(); }

    MosquittoBroker m_broker;
    const MosquittoClients m_mosquittoClients;
    FleetProto m_fleet;
};

void tst_CliDecode::initTestCase()
{
    QVERIFY2(QFile::exists(cli), qPrintable(cli));
    QVERIFY2(m_mosquittoClients.installed(), MosquittoClients::notInstalled);
    QString error;
    QVERIFY2(m_fleet.compile(&error), qPrintable(error));
    MQTTSCOPE_START_BROKER(m_broker, {L::Tcp});
}

void tst_CliDecode::decodesProtobufAndMessagePack_data()
{
    QTest::addColumn<ProtocolVersion>("version");
    for (const ProtocolVersion version : testedVersions)
        QTest::newRow(versionName(version)) << version;
}

void tst_CliDecode::decodesProtobufAndMessagePack()
{
    QFETCH(ProtocolVersion, version);
    const QByteArray position = m_fleet.python(
        u"import fleet_pb2\np = fleet_pb2.Position(vehicle='truck-7', lat=52.5, lon=-13.25,"
        " odometer=2**40, alarms=[3, 9])\nsys.stdout.buffer.write(p.SerializeToString())"_s);
    const QByteArray packed =
        m_fleet.python(u"import msgpack\nsys.stdout.buffer.write(msgpack.packb("
                       "{'rpm': 1450, 'raw': b'\\x01'}, use_bin_type=True))"_s);
    QVERIFY(!position.isEmpty() && !packed.isEmpty());

    const QString id = u"decode-sub-"_s + versionTag(version);
    auto subscriber =
        launch(cli,
               QStringList{u"sub"_s} + tcp()
                   + QStringList{u"-V"_s, versionArgument(version), u"-i"_s, id, u"-t"_s,
                                 u"fleet/#"_s, u"--json"_s, u"-C"_s, u"3"_s, u"--decode"_s,
                                 u"fleet/+/position=protobuf:fleet.v1.Position"_s, u"--decode"_s,
                                 u"fleet/+/engine=msgpack"_s, u"--proto"_s, m_fleet.protoFile()});
    QVERIFY(m_broker.waitForSubscribed(id));
    const auto publish = [&](const QString &topic, const QByteArray &payload) {
        return run(m_mosquittoClients.pub, tcp() + QStringList{u"-t"_s, topic, u"-s"_s}, payload)
            .exitCode;
    };
    QCOMPARE(publish(u"fleet/7/position"_s, position), 0);
    QCOMPARE(publish(u"fleet/7/engine"_s, packed), 0);
    QCOMPARE(publish(u"fleet/7/position"_s, position.left(5)), 0); // cut inside "truck-7"

    const Finished received = waitFor(*subscriber);
    QCOMPARE(received.exitCode, 0);
    const QList<QByteArray> lines = received.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    const QJsonObject decoded =
        QJsonDocument::fromJson(lines.at(0)).object().value("decoded"_L1).toObject();
    QCOMPARE(decoded.value("vehicle"_L1).toString(), u"truck-7"_s);
    QCOMPARE(decoded.value("lat"_L1).toDouble(), 52.5);
    QCOMPARE(decoded.value("lon"_L1).toDouble(), -13.25);
    QCOMPARE(decoded.value("odometer"_L1).toInteger(), qint64(1) << 40);
    QCOMPARE(decoded.value("alarms"_L1).toVariant().toList(), QVariantList({3, 9}));
    const QJsonObject engine = QJsonDocument::fromJson(lines.at(1)).object();
    QCOMPARE(engine.value("decoded"_L1).toObject().value("rpm"_L1).toInt(), 1450);
    QCOMPARE(engine.value("decoded"_L1).toObject().value("raw"_L1).toObject().value("$bin"_L1),
             u"AQ=="_s);
    const QJsonObject broken = QJsonDocument::fromJson(lines.at(2)).object();
    QVERIFY(!broken.contains("decoded"_L1));
    QVERIFY2(!broken.value("decodeError"_L1).toString().isEmpty(), lines.at(2).constData());
    QVERIFY(broken.contains("payload_base64"_L1) || broken.contains("payload"_L1)); // bytes kept
}

void tst_CliDecode::badProtoStopsWithFileAndLine()
{
    const QString bad = m_fleet.filePath(u"bad.proto"_s);
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("syntax = \"proto3\";\nmessage A {\n  Missing field = 1;\n}\n");
    file.close();
    const Finished result = run(cli,
                                QStringList{u"sub"_s} + tcp()
                                    + QStringList{u"-t"_s, u"a"_s, u"--json"_s, u"--proto"_s, bad});
    QCOMPARE(result.exitCode, 1);
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.contains(u"bad.proto:3:"_s), qPrintable(err));
    QVERIFY2(err.contains(u"Missing"_s), qPrintable(err));
}

void tst_CliDecode::unknownMessageTypeStops()
{
    const Finished result =
        run(cli,
            QStringList{u"sub"_s} + tcp()
                + QStringList{u"-t"_s, u"a"_s, u"--json"_s, u"--decode"_s,
                              u"a=protobuf:fleet.v1.Nope"_s, u"--proto"_s, m_fleet.protoFile()});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("fleet.v1.Nope"), result.err.constData());
}

QTEST_GUILESS_MAIN(tst_CliDecode)
#include "tst_clidecode.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// `mqttscope-cli pub --encode` against a real mosquitto, at 3.1.1 and 5.0: the bytes it publishes
// are read back by decoders nobody here wrote (python3-protobuf from a .proto compiled by protoc,
// python3-msgpack, both run with Debian's /usr/bin/python3) and must hold the JSON's fields. A
// message that does not encode publishes nothing. And `sub -F %d` prints the decoded JSON.
#include "fleetproto.h"
#include "mosquittobroker.h"
#include "testprocess.h"
#include "testversions.h"

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

// Python that prints a protobuf Position (hex on stdin) as JSON with the reference's own names.
const QString printPosition = u"import fleet_pb2, json, binascii\n"
                              "p = fleet_pb2.Position()\n"
                              "p.ParseFromString(binascii.unhexlify(sys.stdin.read().strip()))\n"
                              "print(json.dumps({'vehicle': p.vehicle, 'lat': p.lat, 'lon': p.lon,"
                              " 'odometer': p.odometer, 'alarms': list(p.alarms)}))"_s;

// Python that prints each MessagePack payload (hex, one a line on stdin) as a JSON line.
const QString printMsgpackLines = u"import msgpack, json, binascii, base64\n"
                                  "for line in sys.stdin.read().split():\n"
                                  "    v = msgpack.unpackb(binascii.unhexlify(line), raw=False)\n"
                                  "    print(json.dumps(v, sort_keys=True))"_s;

} // namespace

class tst_CliEncode : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void protobufFromMessage_data() { addVersionRows(); }
    void protobufFromMessage();
    void messagePackFromLinesAndFile_data() { addVersionRows(); }
    void messagePackFromLinesAndFile();
    void badJsonPublishesNothing_data();
    void badJsonPublishesNothing();
    void formatStringPrintsDecoded();

private:
    QStringList tcp() const { return m_broker.tcpArguments(); }
    // mosquitto_sub printing `count` payloads on `topic` in hex, one a line, once subscribed.
    std::unique_ptr<QProcess> hexSubscriber(const QString &topic, int count,
                                            const QString &id) const;

    MosquittoBroker m_broker;
    const MosquittoClients m_mosquittoClients;
    FleetProto m_fleet;
};

void tst_CliEncode::initTestCase()
{
    QVERIFY2(QFile::exists(cli), qPrintable(cli));
    QVERIFY2(m_mosquittoClients.installed(), MosquittoClients::notInstalled);
    QString error;
    QVERIFY2(m_fleet.compile(&error), qPrintable(error));
    MQTTSCOPE_START_BROKER(m_broker, {L::Tcp});
}

std::unique_ptr<QProcess> tst_CliEncode::hexSubscriber(const QString &topic, int count,
                                                       const QString &id) const
{
    auto subscriber =
        launch(m_mosquittoClients.sub,
               tcp()
                   + QStringList{u"-i"_s, id, u"-t"_s, topic, u"-C"_s, QString::number(count),
                                 u"-F"_s, u"%x"_s, u"-W"_s, u"20"_s});
    if (!m_broker.waitForSubscribed(id))
        qWarning("%s did not subscribe", qPrintable(id));
    return subscriber;
}

void tst_CliEncode::protobufFromMessage()
{
    QFETCH(ProtocolVersion, version);
    const QString topic = u"fleet/%1/position"_s.arg(versionTag(version));
    auto subscriber = hexSubscriber(topic, 1, u"encode-pb-"_s + versionTag(version));
    // The JSON mapping's names; int64 as a string (beyond 2^53 it must stay exact).
    const Finished published =
        run(cli,
            QStringList{u"pub"_s} + tcp()
                + QStringList{u"-V"_s, versionArgument(version), u"-q"_s, u"1"_s, u"-t"_s, topic,
                              u"--proto"_s, m_fleet.protoFile(), u"--encode"_s,
                              u"protobuf:fleet.v1.Position"_s, u"-m"_s,
                              uR"({"vehicle":"truck-7","lat":52.5,"lon":-13.25,)"
                              uR"("odometer":"9007199254740993","alarms":[3,9]})"_s});
    QVERIFY2(published.exitCode == 0, published.err.constData());
    const Finished received = waitFor(*subscriber);
    QCOMPARE(received.exitCode, 0);
    const QJsonObject position =
        QJsonDocument::fromJson(m_fleet.python(printPosition, received.out)).object();
    QCOMPARE(position.value("vehicle"_L1).toString(), u"truck-7"_s);
    QCOMPARE(position.value("lat"_L1).toDouble(), 52.5);
    QCOMPARE(position.value("lon"_L1).toDouble(), -13.25);
    QCOMPARE(position.value("odometer"_L1).toInteger(), qint64(9007199254740993));
    QCOMPARE(position.value("alarms"_L1).toVariant().toList(), QVariantList({3, 9}));
}

void tst_CliEncode::messagePackFromLinesAndFile()
{
    QFETCH(ProtocolVersion, version);
    const QString topic = u"engine/%1"_s.arg(versionTag(version));
    auto subscriber = hexSubscriber(topic, 3, u"encode-mp-"_s + versionTag(version));
    const QStringList common =
        QStringList{u"pub"_s} + tcp() + QStringList{u"-V"_s,       versionArgument(version),
                                                    u"-q"_s,       u"1"_s,
                                                    u"-t"_s,       topic,
                                                    u"--encode"_s, u"msgpack"_s};
    // -l: the middle line is not JSON; it is named and skipped, the others go out.
    const Finished lines = run(cli, common + QStringList{u"-l"_s},
                               "{\"rpm\":1450,\"on\":true}\n{\"rpm\":\n[1,\"two\",null]\n");
    QCOMPARE(lines.exitCode, 1);
    QVERIFY2(lines.err.contains("line 2"), lines.err.constData());
    QFile file(m_fleet.filePath(u"engine.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"temps":[80.5,81],"name":"V8","nested":{"k":-1}})");
    file.close();
    const Finished fromFile = run(cli, common + QStringList{u"-f"_s, file.fileName()});
    QVERIFY2(fromFile.exitCode == 0, fromFile.err.constData());

    const Finished received = waitFor(*subscriber);
    QCOMPARE(received.exitCode, 0);
    const QList<QByteArray> decoded =
        m_fleet.python(printMsgpackLines, received.out).trimmed().split('\n');
    QCOMPARE(decoded.size(), 3);
    QCOMPARE(decoded.at(0), R"({"on": true, "rpm": 1450})");
    QCOMPARE(decoded.at(1), R"([1, "two", null])");
    QCOMPARE(decoded.at(2), R"({"name": "V8", "nested": {"k": -1}, "temps": [80.5, 81]})");
}

void tst_CliEncode::badJsonPublishesNothing_data()
{
    QTest::addColumn<QString>("encode");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("error"); // what stderr must name
    const QString position = u"protobuf:fleet.v1.Position"_s;
    QTest::newRow("not JSON") << position << uR"({"vehicle":"x",})"_s << u"character 16"_s;
    QTest::newRow("not JSON, msgpack") << u"msgpack"_s << u"[1,2"_s << u"character 4"_s;
    QTest::newRow("unknown field") << position << uR"({"vehicel":"x"})"_s << u"vehicel"_s;
    QTest::newRow("wrong type") << position << uR"({"lat":"north"})"_s << u"lat"_s;
    QTest::newRow("unknown type") << u"protobuf:fleet.v1.Boat"_s << uR"({})"_s
                                  << u"fleet.v1.Boat"_s;
}

void tst_CliEncode::badJsonPublishesNothing()
{
    QFETCH(QString, encode);
    QFETCH(QString, message);
    QFETCH(QString, error);
    const QString topic = u"bad/"_s + QString::fromLatin1(QTest::currentDataTag());
    auto subscriber = hexSubscriber(topic, 1, u"encode-bad"_s);
    const Finished result = run(cli,
                                QStringList{u"pub"_s} + tcp()
                                    + QStringList{u"-t"_s, topic, u"--proto"_s, m_fleet.protoFile(),
                                                  u"--encode"_s, encode, u"-m"_s, message});
    QCOMPARE(result.exitCode, 1);
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.contains(error) && err.contains(encode), qPrintable(err));
    // The next message on the topic is the first one the subscriber gets.
    QCOMPARE(run(m_mosquittoClients.pub, tcp() + QStringList{u"-t"_s, topic, u"-m"_s, u"next"_s})
                 .exitCode,
             0);
    const Finished received = waitFor(*subscriber);
    QCOMPARE(received.exitCode, 0);
    QCOMPARE(received.out.trimmed(), QByteArray("next").toHex());
}

// -F %d: the payload decoded as JSON on a --decode topic, the payload as it is elsewhere, and
// nothing but a line on stderr when it cannot be decoded.
void tst_CliEncode::formatStringPrintsDecoded()
{
    const QString id = u"encode-format"_s;
    auto subscriber = launch(
        cli,
        QStringList{u"sub"_s} + tcp()
            + QStringList{u"-i"_s, id, u"-t"_s, u"fmt/#"_s, u"-C"_s, u"3"_s, u"-F"_s, u"%t %d"_s,
                          u"--decode"_s, u"fmt/pos=protobuf:fleet.v1.Position"_s, u"--decode"_s,
                          u"fmt/bin=msgpack"_s, u"--proto"_s, m_fleet.protoFile()});
    QVERIFY(m_broker.waitForSubscribed(id));
    const QByteArray packed =
        m_fleet.python(u"import msgpack\n"
                       "sys.stdout.buffer.write(msgpack.packb({'rpm': 7}))"_s);
    const auto publish = [&](const QString &topic, const QByteArray &payload) {
        return run(m_mosquittoClients.pub, tcp() + QStringList{u"-t"_s, topic, u"-s"_s}, payload)
            .exitCode;
    };
    QCOMPARE(publish(u"fmt/bin"_s, packed), 0);
    QCOMPARE(publish(u"fmt/bin"_s, "\xc1"), 0); // 0xc1 is never used in MessagePack
    QCOMPARE(publish(u"fmt/text"_s, "plain"), 0);
    const Finished received = waitFor(*subscriber);
    QCOMPARE(received.exitCode, 0);
    QCOMPARE(received.out, "fmt/bin {\"rpm\":7}\nfmt/bin \nfmt/text plain\n");
    QVERIFY2(received.err.contains("could not be decoded on topic fmt/bin"),
             received.err.constData());
}

QTEST_GUILESS_MAIN(tst_CliEncode)
#include "tst_cliencode.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding speed per format (issue 12), each to the JSON text the views show: a Sparkplug B
// DDATA of 20 metrics by alias, SparkplugTracker::observe() over a device's DDATA stream and the
// same through the connection worker's SparkplugStateFeed (the tracker, what changed, kept); a
// Protobuf message of 10 fields through a schema compiled at run time; MessagePack of the same
// data; and, as the peer, the same data as JSON read and written back by QJsonDocument.
// QBENCHMARK per message; msg/s is 1000 / (ms per message). Run with -csv for run_bench.py,
// -callgrind for instruction counts.
#include "decode/messagepack.h"
#include "decode/protobufschemas.h"
#include "decode/sparkplugpayload.h"
#include "decode/sparkplugstatefeed.h"
#include "decode/sparkplugtracker.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttscope;

namespace {

constexpr int MetricCount = 20;

// 20 metrics as an edge node's DBIRTH names them, of the usual mix of datatypes.
QList<Sparkplug::CommandMetric> birthMetrics()
{
    static const char *types[] = {"Float", "Double", "Int32", "Boolean", "Int64"};
    QList<Sparkplug::CommandMetric> metrics;
    for (int i = 0; i < MetricCount; ++i) {
        const QString type = QString::fromLatin1(types[i % 5]);
        const QVariant value = type == u"Boolean"_qs ? QVariant(i % 2 == 0) : QVariant(i * 1.5);
        metrics.append({u"Line/Machine/Sensor%1"_qs.arg(i), type,
                        type.startsWith(u"Int"_qs) ? QVariant(i * 1000) : value, quint64(i + 1)});
    }
    return metrics;
}

QByteArray ddata(quint64 seq)
{
    QList<Sparkplug::CommandMetric> metrics = birthMetrics();
    for (Sparkplug::CommandMetric &m : metrics)
        m.name.clear(); // DATA by alias only
    return *Sparkplug::encodePayload(metrics, 1700000000000, seq, nullptr);
}

Message message(const QByteArray &topic, const QByteArray &payload)
{
    Message m;
    m.topic = topic;
    m.payload = payload;
    return m;
}

// Ten fields of a fleet's telemetry, the shapes devices use: strings, integers of each wire
// type, floating point, an enum, a packed repeated field and a map.
constexpr char TelemetryProto[] = R"(syntax = "proto3";
package bench;
message Telemetry {
  enum Health { UNKNOWN = 0; OK = 1; LOW_BATTERY = 2; }
  string device = 1;
  uint32 seq = 2;
  int64 time_ms = 3;
  double temperature = 4;
  float humidity = 5;
  uint32 battery = 6;
  sint32 rssi = 7;
  Health health = 8;
  repeated float vibration = 9;
  map<string, string> labels = 10;
}
)";

constexpr char TelemetryJson[] =
    R"({"device":"line2/sensor-042","seq":4711,"time_ms":1796217652792,"temperature":23.74,)"
    R"("humidity":48.5,"battery":89,"rssi":-82,"health":"OK","vibration":[0.932,0.808,0.058],)"
    R"("labels":{"line":"2","site":"plant-3"}})";

} // namespace

class BenchDecode : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void decodeDData20Metrics();
    void trackerObserveDData20Metrics_data();
    void trackerObserveDData20Metrics();
    void feedObserveDData20Metrics();
    void decodeProtobuf10Fields();
    void decodeMessagePack10Fields();
    void decodeJson10Fields();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const ProtobufSchemas> m_schemas;
};

void BenchDecode::initTestCase()
{
    QFile proto(m_dir.filePath(u"telemetry.proto"_qs));
    QVERIFY(proto.open(QIODevice::WriteOnly));
    proto.write(TelemetryProto);
    proto.close();
    QList<ProtobufSchemas::Problem> problems;
    m_schemas = ProtobufSchemas::load({proto.fileName()}, {}, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).text()));
}

void BenchDecode::decodeDData20Metrics()
{
    const QByteArray payload = ddata(1);
    QHash<quint64, QString> names;
    for (const Sparkplug::CommandMetric &m : birthMetrics())
        names.insert(*m.alias, m.name);
    QBENCHMARK {
        const DecodedPayload decoded = Sparkplug::toJson(payload, names);
        if (!decoded.decoded())
            QFAIL("decode failed");
    }
}

void BenchDecode::trackerObserveDData20Metrics_data()
{
    QTest::addColumn<SparkplugTracker::Detail>("detail");
    QTest::newRow("state") << SparkplugTracker::Detail::State; // what a connection's feed does
    QTest::newRow("state+json") << SparkplugTracker::Detail::StateAndJson;
}

void BenchDecode::trackerObserveDData20Metrics()
{
    QFETCH(SparkplugTracker::Detail, detail);
    SparkplugTracker tracker;
    const QByteArray birth =
        *Sparkplug::encodePayload({{u"bdSeq"_qs, u"UInt64"_qs, 0}}, 1700000000000, 0, nullptr);
    tracker.observe(message("spBv1.0/g/NBIRTH/n", birth));
    tracker.observe(message("spBv1.0/g/DBIRTH/n/d",
                            *Sparkplug::encodePayload(birthMetrics(), 1700000000000, 1, nullptr)));
    QList<Message> stream; // seq 2..255, 0, 1: one full turn, so the stream repeats in order
    for (int i = 0; i < 256; ++i)
        stream.append(message("spBv1.0/g/DDATA/n/d", ddata(quint64(i + 2) % 256)));
    qsizetype next = 0;
    QBENCHMARK {
        const auto observation = tracker.observe(stream.at(next), detail);
        next = (next + 1) % stream.size();
        if (!observation.reports.isEmpty())
            QFAIL(qPrintable(observation.reports.first().text));
    }
}

void BenchDecode::feedObserveDData20Metrics()
{
    SparkplugStateFeed feed;
    const QByteArray birth =
        *Sparkplug::encodePayload({{u"bdSeq"_qs, u"UInt64"_qs, 0}}, 1700000000000, 0, nullptr);
    feed.observe({message("spBv1.0/g/NBIRTH/n", birth),
                  message("spBv1.0/g/DBIRTH/n/d",
                          *Sparkplug::encodePayload(birthMetrics(), 1700000000000, 1, nullptr))});
    feed.takeChanges();
    QList<QList<Message>> stream; // one message a batch, seq 2..255, 0, 1 as above
    for (int i = 0; i < 256; ++i)
        stream.append({message("spBv1.0/g/DDATA/n/d", ddata(quint64(i + 2) % 256))});
    qsizetype next = 0;
    QBENCHMARK {
        feed.observe(stream.at(next));
        next = (next + 1) % stream.size();
    }
    QVERIFY(!feed.hasChanges()); // a clean stream hands the GUI nothing
}

void BenchDecode::decodeProtobuf10Fields()
{
    QString error;
    const QByteArray payload =
        m_schemas->encode(u"bench.Telemetry"_qs, TelemetryJson, &error).value();
    QBENCHMARK {
        if (!m_schemas->decode(u"bench.Telemetry"_qs, payload).decoded())
            QFAIL("decode failed");
    }
}

void BenchDecode::decodeMessagePack10Fields()
{
    QString error;
    const QByteArray payload = MessagePack::fromJson(TelemetryJson, &error).value();
    QBENCHMARK {
        if (!MessagePack::toJson(payload).decoded())
            QFAIL("decode failed");
    }
}

void BenchDecode::decodeJson10Fields()
{
    const QByteArray payload(TelemetryJson);
    QBENCHMARK {
        const QJsonDocument document = QJsonDocument::fromJson(payload);
        if (document.toJson(QJsonDocument::Compact).isEmpty())
            QFAIL("decode failed");
    }
}

QTEST_GUILESS_MAIN(BenchDecode)
#include "bench_decode.moc"

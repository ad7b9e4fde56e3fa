// SPDX-License-Identifier: GPL-3.0-or-later
// Sparkplug B decoding speed (issue 12): a DDATA of 20 metrics by alias to JSON, and
// SparkplugTracker::observe() over a device's DDATA stream. QBENCHMARK per message; msg/s is
// 1000 / (ms per message). Run with -csv for run_bench.py, -callgrind for instruction counts.
#include "decode/sparkplugpayload.h"
#include "decode/sparkplugtracker.h"

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

} // namespace

class BenchSparkplug : public QObject
{
    Q_OBJECT
private slots:
    void decodeDData20Metrics();
    void trackerObserveDData20Metrics();
};

void BenchSparkplug::decodeDData20Metrics()
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

void BenchSparkplug::trackerObserveDData20Metrics()
{
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
        const auto observation = tracker.observe(stream.at(next));
        next = (next + 1) % stream.size();
        if (!observation.reports.isEmpty())
            QFAIL(qPrintable(observation.reports.first().text));
    }
}

QTEST_GUILESS_MAIN(BenchSparkplug)
#include "bench_sparkplug.moc"

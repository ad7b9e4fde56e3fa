// SPDX-License-Identifier: GPL-3.0-or-later
// The recording's speed, headless (bench/run_bench.py runs it and prints the rows):
//
//   bench_recording write --messages N --topics T --payload BYTES --file F [--rate R]
//       RecordingWriter at its maximum rate: messages built beforehand, handed over in batches
//       of 1000 (as the client delivers them) as fast as the writer takes them; with --rate, at
//       R messages a second (what the writer's CPU costs at a given load, and whether it keeps up).
//   bench_recording generate --messages N --topics T --file F [--force]
//       A recording to measure reading on (and searching: bench/run_bench.py keeps it at a known
//       path for the other sections): message i on topic i % T ("site/S/device/D"), 2 messages a
//       millisecond, payloads {"battery": N, "status": "ok"} ("error" every 997th message). Kept
//       when F holds such a recording already.
//   bench_recording open --file F
//       What reopening costs: open + summary, the state at the middle moment, rate(600), with
//       the peak RSS.
//
// Each result is one JSON object per line.

#include "processstats.h"
#include "recording/recordingreader.h"
#include "recording/recordingwriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <cstdio>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;
using mqttscope::bench::ProcessStats;

namespace {

constexpr qint64 startMs = 1735689600000; // 2025-01-01T00:00:00Z
constexpr int batchSize = 1000;
constexpr qint64 maximumPending = 200000; // as sub --record: the source waits beyond it

struct Options
{
    QString mode;
    QString file;
    qint64 messages = 1'000'000;
    int topics = 10'000;
    int payloadBytes = 47;
    double rate = 0; // messages a second; 0: as fast as the writer takes them
    bool force = false;
};

void print(const QJsonObject &row)
{
    std::printf("%s\n", QJsonDocument(row).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

QByteArray topicOf(qint64 i, int topics)
{
    const qint64 t = i % topics;
    return "site/" + QByteArray::number(t % 100) + "/device/" + QByteArray::number(t);
}

QByteArray batteryPayload(qint64 i)
{
    const bool error = i % 997 == 0;
    return "{\"battery\": " + QByteArray::number((i * 7 + i / 1000) % 101) + ", \"status\": \""
        + (error ? "error" : "ok") + "\"}";
}

// Hands `count` messages made by `make(i)` to `writer` in batches, waiting while it is behind.
// With `rate`, batch k waits until k * batchSize / rate seconds have passed.
template<typename Make>
void feed(RecordingWriter &writer, qint64 count, Make make, double rate = 0)
{
    QElapsedTimer clock;
    clock.start();
    QList<Message> batch;
    for (qint64 i = 0; i < count; ++i) {
        batch.append(make(i));
        if (batch.size() < batchSize && i + 1 < count)
            continue;
        while (rate > 0 && clock.nsecsElapsed() < qint64(1e9 * (i + 1 - batch.size()) / rate))
            QThread::usleep(200);
        while (writer.pendingMessages() > maximumPending)
            QThread::usleep(200);
        writer.recordReceived(batch);
        batch.clear();
    }
}

bool startWriter(RecordingWriter &writer, const QString &file, const QMap<QString, QString> &meta)
{
    RecordingOptions options;
    options.byteBudget = 0; // none: the benchmark's file may be larger than the default
    options.metadata = meta;
    QString error;
    if (!writer.start(file, options, &error)) {
        std::fprintf(stderr, "bench_recording: %s\n", qPrintable(error));
        return false;
    }
    return true;
}

int write(const Options &o)
{
    QFile::remove(o.file);
    QList<Message> messages;
    messages.reserve(o.messages);
    qint64 payloadBytes = 0;
    for (qint64 i = 0; i < o.messages; ++i) {
        Message m;
        m.topic = topicOf(i, o.topics);
        m.payload = QByteArray::number(i).leftJustified(o.payloadBytes, 'x');
        m.receivedMsecsSinceEpoch = startMs + i / 1000;
        payloadBytes += m.payload.size();
        messages.append(m);
    }
    RecordingWriter writer;
    if (!startWriter(writer, o.file, {}))
        return 1;
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = ProcessStats::cpuSeconds();
    feed(
        writer, o.messages, [&](qint64 i) { return messages.at(i); }, o.rate);
    writer.stop(); // everything committed
    const double seconds = timer.nsecsElapsed() / 1e9;
    const qint64 fileBytes = QFileInfo(o.file).size();
    const QString name =
        o.rate > 0 ? u"RecordingWriter at %1 msg/s"_s.arg(o.rate) : u"RecordingWriter headless"_s;
    print({{u"name"_s, name},
           {u"topics"_s, o.topics},
           {u"messages"_s, double(writer.status().messagesWritten)},
           {u"msg_per_s"_s, o.messages / seconds},
           {u"payload_mb_per_s"_s, payloadBytes / seconds / 1e6},
           {u"file_mb_per_s"_s, fileBytes / seconds / 1e6},
           {u"file_bytes_per_message"_s, double(fileBytes) / o.messages},
           {u"cpu_s"_s, ProcessStats::cpuSeconds() - cpuBefore},
           {u"peak_rss_mib"_s, ProcessStats::peakRssMiB()}});
    return writer.status().messagesWritten == o.messages ? 0 : 1;
}

// The generator's parameters, kept in the file's meta table so that a later run knows it.
QString generatorKey(const Options &o)
{
    return u"messages=%1 topics=%2 payload=battery-v1"_s.arg(o.messages).arg(o.topics);
}

int generate(const Options &o)
{
    if (!o.force) {
        if (auto reader = RecordingReader::open(o.file, nullptr); reader
            && reader->summary().metadata.value(u"generator"_s) == generatorKey(o)
            && reader->summary().messageCount == o.messages) {
            print({{u"name"_s, u"generate (kept)"_s},
                   {u"messages"_s, double(o.messages)},
                   {u"file_mib"_s, QFileInfo(o.file).size() / 1048576.0}});
            return 0;
        }
    }
    QFile::remove(o.file);
    RecordingWriter writer;
    if (!startWriter(writer, o.file, {{u"generator"_s, generatorKey(o)}}))
        return 1;
    QElapsedTimer timer;
    timer.start();
    feed(writer, o.messages, [&](qint64 i) {
        Message m;
        m.topic = topicOf(i, o.topics);
        m.payload = batteryPayload(i);
        m.receivedMsecsSinceEpoch = startMs + i / 2;
        return m;
    });
    writer.stop();
    print({{u"name"_s, u"generate"_s},
           {u"messages"_s, double(writer.status().messagesWritten)},
           {u"seconds"_s, timer.nsecsElapsed() / 1e9},
           {u"file_mib"_s, QFileInfo(o.file).size() / 1048576.0},
           {u"file_bytes_per_message"_s, double(QFileInfo(o.file).size()) / o.messages}});
    return writer.status().messagesWritten == o.messages ? 0 : 1;
}

int open(const Options &o)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    auto reader = RecordingReader::open(o.file, &error);
    if (!reader) {
        std::fprintf(stderr, "bench_recording: %s\n", qPrintable(error));
        return 1;
    }
    const RecordingReader::Summary summary = reader->summary();
    const double openMs = timer.nsecsElapsed() / 1e6;
    print({{u"name"_s, u"open + summary"_s},
           {u"messages"_s, double(summary.messageCount)},
           {u"topics"_s, double(summary.topicCount)},
           {u"file_mib"_s, QFileInfo(o.file).size() / 1048576.0},
           {u"ms"_s, openMs}});

    timer.restart();
    const qint64 middle = summary.firstTimeUs + (summary.lastTimeUs - summary.firstTimeUs) / 2;
    const QList<RecordedMessage> state = reader->stateAt(middle);
    print({{u"name"_s, u"stateAt(middle)"_s},
           {u"messages"_s, double(state.size())},
           {u"ms"_s, timer.nsecsElapsed() / 1e6}});

    timer.restart();
    const QList<RecordingReader::RateBucket> rate = reader->rate(600);
    qint64 counted = 0;
    for (const RecordingReader::RateBucket &bucket : rate)
        counted += bucket.messages;
    print({{u"name"_s, u"rate(600)"_s},
           {u"messages"_s, double(counted)},
           {u"ms"_s, timer.nsecsElapsed() / 1e6}});
    print({{u"name"_s, u"reader peak RSS"_s}, {u"peak_rss_mib"_s, ProcessStats::peakRssMiB()}});
    return counted == summary.messageCount ? 0 : 1;
}

std::optional<Options> parse(const QStringList &arguments)
{
    Options o;
    o.mode = arguments.value(1);
    for (int i = 2; i < arguments.size(); ++i) {
        const QString &name = arguments.at(i);
        const QString value = arguments.value(i + 1);
        if (name == "--force"_L1) {
            o.force = true;
            continue;
        }
        ++i;
        if (name == "--file"_L1)
            o.file = value;
        else if (name == "--messages"_L1)
            o.messages = value.toLongLong();
        else if (name == "--topics"_L1)
            o.topics = value.toInt();
        else if (name == "--payload"_L1)
            o.payloadBytes = value.toInt();
        else if (name == "--rate"_L1)
            o.rate = value.toDouble();
        else
            return std::nullopt;
    }
    if (o.file.isEmpty() || o.messages <= 0 || o.topics <= 0)
        return std::nullopt;
    return o;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const std::optional<Options> options = parse(app.arguments());
    if (!options) {
        std::fprintf(stderr,
                     "usage: bench_recording write|generate|open --file F [--messages N] "
                     "[--topics T] [--payload BYTES] [--rate R] [--force]\n");
        return 2;
    }
    if (options->mode == "write"_L1)
        return write(*options);
    if (options->mode == "generate"_L1)
        return generate(*options);
    if (options->mode == "open"_L1)
        return open(*options);
    std::fprintf(stderr, "bench_recording: unknown mode %s\n", qPrintable(options->mode));
    return 2;
}

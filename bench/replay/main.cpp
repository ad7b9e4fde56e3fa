// SPDX-License-Identifier: GPL-3.0-or-later
// The replay's speed and timing (bench/run_bench.py runs it beside mosquitto_pub and prints the
// rows):
//
//   bench_replay generate --messages N --payload BYTES --file F --lines L
//       A recording of N messages on one topic (bench/replay) and the same payloads as lines
//       of the text file L, so that `mqttscope-cli replay --as-fast F` and
//       `mosquitto_pub -l -t bench/replay < L` publish exactly the same messages.
//   bench_replay timing --messages N --seconds S --port P [--speed X]
//       A recording of N messages over S seconds at irregular gaps (exponential, seeded),
//       replayed at X (1) times the recorded pace into the broker on 127.0.0.1:P while a
//       subscriber on a thread of its own takes them in. Prints how far each message was sent
//       from its scheduled time (the replayer's own accuracy) and how far its arrival at the
//       subscriber was from its recorded offset (end to end), p50/p99/max in ms.
//
// Each result is one JSON object per line.

#include "recording/recordingwriter.h"
#include "replay/recordingfilesource.h"
#include "replay/replayer.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

namespace {

struct Options
{
    QString mode;
    QString file;
    QString lines;
    qint64 messages = 200'000;
    int payloadBytes = 47;
    double seconds = 10;
    double speed = 1;
    quint16 port = 0;
};

void print(const QJsonObject &row)
{
    std::printf("%s\n", QJsonDocument(row).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

std::optional<Options> parse(const QStringList &arguments)
{
    Options o;
    o.mode = arguments.value(1);
    for (qsizetype i = 2; i + 1 < arguments.size(); i += 2) {
        const QString &name = arguments.at(i);
        const QString &value = arguments.at(i + 1);
        if (name == "--messages"_L1)
            o.messages = value.toLongLong();
        else if (name == "--payload"_L1)
            o.payloadBytes = value.toInt();
        else if (name == "--file"_L1)
            o.file = value;
        else if (name == "--lines"_L1)
            o.lines = value;
        else if (name == "--seconds"_L1)
            o.seconds = value.toDouble();
        else if (name == "--speed"_L1)
            o.speed = value.toDouble();
        else if (name == "--port"_L1)
            o.port = quint16(value.toUInt());
        else
            return std::nullopt;
    }
    return o;
}

bool writeRecording(const QString &path, const QList<Message> &messages)
{
    QFile::remove(path);
    RecordingWriter writer;
    QString error;
    if (!writer.start(path, RecordingOptions(), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    for (qsizetype i = 0; i < messages.size(); i += 1000)
        writer.recordReceived(messages.mid(i, 1000));
    writer.stop();
    return writer.status().state != RecordingStatus::State::Failed;
}

int generate(const Options &o)
{
    QFile lines(o.lines);
    if (!lines.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 1;
    QList<Message> messages;
    const qint64 startMs = 1735689600000; // 2025-01-01T00:00:00Z
    for (qint64 i = 0; i < o.messages; ++i) {
        Message m;
        m.topic = "bench/replay";
        m.payload = QByteArray::number(i).rightJustified(o.payloadBytes, 'x');
        m.receivedMsecsSinceEpoch = startMs + i / 10;
        lines.write(m.payload + '\n');
        messages.append(m);
    }
    return writeRecording(o.file, messages) ? 0 : 1;
}

QJsonObject percentiles(const QString &name, QList<double> deviationsMs)
{
    std::sort(deviationsMs.begin(), deviationsMs.end());
    const auto at = [&](double q) {
        return deviationsMs.isEmpty()
            ? 0.0
            : deviationsMs.at(qsizetype(std::ceil(q * double(deviationsMs.size())) - 1));
    };
    return {{u"name"_s, name},
            {u"messages"_s, deviationsMs.size()},
            {u"p50_ms"_s, at(0.5)},
            {u"p99_ms"_s, at(0.99)},
            {u"max_ms"_s, deviationsMs.isEmpty() ? 0.0 : deviationsMs.constLast()}};
}

qint64 steadyUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

// A subscriber on a thread of its own, stamping each arrival on the steady clock.
class Subscriber : public QObject
{
public:
    void start(const ClientOptions &options)
    {
        m_client = new MqttClient(this);
        m_client->setOptions(options);
        connect(m_client, &MqttClient::connected, this, [this] {
            m_client->subscribe({Subscription{u"timing/#"_s, 0}});
        });
        connect(m_client, &MqttClient::subscribeFinished, this, [this] { m_ready = true; });
        connect(m_client, &MqttClient::messagesReceived, this, [this](const QList<Message> &m) {
            const qint64 now = steadyUs();
            std::lock_guard lock(m_mutex);
            for (qsizetype i = 0; i < m.size(); ++i)
                m_arrivals.append(now);
        });
        m_client->connectToBroker();
    }
    void stop() { delete std::exchange(m_client, nullptr); } // on its thread, with its timers
    bool ready() const { return m_ready; }
    QList<qint64> arrivals()
    {
        std::lock_guard lock(m_mutex);
        return m_arrivals;
    }

private:
    MqttClient *m_client = nullptr;
    std::atomic<bool> m_ready = false;
    std::mutex m_mutex;
    QList<qint64> m_arrivals;
};

QList<Message> irregularMessages(const Options &o)
{
    QRandomGenerator random(11);
    const double meanGapUs = o.seconds * 1e6 / double(o.messages);
    QList<Message> messages;
    double timeUs = 1735689600000.0 * 1000;
    for (qint64 i = 0; i < o.messages; ++i) {
        timeUs += -std::log(1.0 - random.generateDouble()) * meanGapUs;
        Message m;
        m.topic = "timing/" + QByteArray::number(i % 100);
        m.payload = QByteArray::number(i);
        m.receivedMsecsSinceEpoch = qint64(timeUs / 1000); // a recording keeps milliseconds
        messages.append(m);
    }
    return messages;
}

int timing(const Options &o)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"timing.mqttrec"_s);
    const QList<Message> messages = irregularMessages(o);
    if (!writeRecording(path, messages))
        return 1;
    ClientOptions client;
    client.endpoint.host = u"127.0.0.1"_s;
    client.endpoint.port = o.port;
    client.version = VersionChoice::V5;

    QThread subscriberThread;
    Subscriber subscriber;
    subscriber.moveToThread(&subscriberThread);
    subscriberThread.start();
    QMetaObject::invokeMethod(&subscriber, [&] { subscriber.start(client); });
    const qint64 readyBy = steadyUs() + 10'000'000;
    while (!subscriber.ready() && steadyUs() < readyBy)
        QThread::msleep(5);
    if (!subscriber.ready()) {
        std::fprintf(stderr, "no broker answered on 127.0.0.1:%d\n", o.port);
        QMetaObject::invokeMethod(
            &subscriber, [&] { subscriber.stop(); }, Qt::BlockingQueuedConnection);
        subscriberThread.quit();
        subscriberThread.wait();
        return 1;
    }

    MqttClient publisher;
    publisher.setOptions(client);
    Replayer replayer(&publisher);
    ReplayOptions options;
    options.speed = o.speed;
    options.keepTimings = true;
    replayer.setOptions(options);
    QString error;
    replayer.setSource(RecordingFileSource::open(path, &error));
    QObject::connect(&replayer, &Replayer::finished, qApp, [] { QCoreApplication::quit(); });
    replayer.start();
    QCoreApplication::exec();
    const qint64 waitUntil = steadyUs() + 5'000'000;
    while (subscriber.arrivals().size() < messages.size() && steadyUs() < waitUntil)
        QThread::msleep(10);
    QMetaObject::invokeMethod(
        &subscriber, [&] { subscriber.stop(); }, Qt::BlockingQueuedConnection);
    subscriberThread.quit();
    subscriberThread.wait();

    QList<double> sent;
    for (const ReplayTiming &t : replayer.timings())
        sent.append(double(qAbs(t.sentUs - t.scheduledUs)) / 1000.0);
    QList<double> arrived;
    const QList<qint64> arrivals = subscriber.arrivals();
    const qint64 firstRecordedMs = messages.constFirst().receivedMsecsSinceEpoch;
    for (qsizetype i = 0; i < arrivals.size(); ++i) {
        const double recordedMs =
            double(messages.at(i).receivedMsecsSinceEpoch - firstRecordedMs) / o.speed;
        arrived.append(qAbs(double(arrivals.at(i) - arrivals.constFirst()) / 1000.0 - recordedMs));
    }
    QJsonObject send = percentiles(u"replay on schedule: sent vs due"_s, sent);
    send[u"speed"_s] = o.speed;
    send[u"seconds"_s] = o.seconds;
    print(send);
    QJsonObject end = percentiles(u"replay on schedule: arrival vs recorded"_s, arrived);
    end[u"lost"_s] = messages.size() - arrivals.size();
    print(end);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const std::optional<Options> o = parse(QCoreApplication::arguments());
    if (o && o->mode == "generate"_L1 && !o->file.isEmpty() && !o->lines.isEmpty())
        return generate(*o);
    if (o && o->mode == "timing"_L1 && o->port)
        return timing(*o);
    std::fprintf(stderr,
                 "usage: bench_replay generate --messages N [--payload B] --file F --lines L\n"
                 "       bench_replay timing --port P [--messages N] [--seconds S] [--speed X]\n");
    return 2;
}

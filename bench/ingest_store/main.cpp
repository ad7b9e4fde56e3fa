// SPDX-License-Identifier: GPL-3.0-or-later
// The explorer's data layer (topic tree + message history + statistics) headless: how fast it
// ingests, and what a million topics cost in memory and in filter time.
//
//   ingest_store [--messages N] [--topics T] [--payload BYTES] [--batch B]
//                [--scale-topics M] [--properties] [--json]
//
// Messages arrive in batches of B as the client delivers them; building the batches (what the
// client's decoder does) is timed apart from ingesting them. --properties gives every message of
// the scale run MQTT 5 properties (one shared content type: what the store's column costs, not
// the properties' own allocations). With --json each result is one
// JSON object per line (read by bench/run_bench.py).

#include "processstats.h"
#include "explorer/explorerdata.h"
#include "explorer/mutedtopics.h"
#include "explorer/topicfilter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <ctime>

#include <cstdio>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

using mqttscope::bench::ProcessStats;

namespace {

struct Options
{
    qint64 messages = 1'000'000;
    int topics = 10'000;
    int payloadBytes = 47;
    int batch = 1000;
    int scaleTopics = 1'000'000;
    bool properties = false;
    bool json = false;
};

void report(const Options &options, const QJsonObject &row)
{
    if (options.json) {
        std::printf("%s\n", QJsonDocument(row).toJson(QJsonDocument::Compact).constData());
        return;
    }
    QStringList cells;
    for (auto it = row.begin(); it != row.end(); ++it) {
        const QJsonValue v = it.value();
        cells.append(it.key() + u'='
                     + (v.isString()
                            ? v.toString()
                            : QString::number(v.toDouble(), 'f', v.toDouble() < 100 ? 2 : 0)));
    }
    std::printf("%s\n", qPrintable(cells.join(u"  ")));
}

QByteArray payloadOf(qint64 i, int size)
{
    QByteArray payload(size, ' ');
    const QByteArray text = "{\"value\":" + QByteArray::number(i % 1000) + "}";
    payload.replace(0, qMin(text.size(), payload.size()),
                    text.first(qMin(text.size(), payload.size())));
    return payload;
}

QList<QByteArray> topicNames(int count, const char *prefix)
{
    QList<QByteArray> names;
    names.reserve(count);
    for (int i = 0; i < count; ++i)
        names.append(QByteArray(prefix) + QByteArray::number(i % 1000) + "/device"
                     + QByteArray::number(i));
    return names;
}

void benchIngest(const Options &options)
{
    ExplorerData data;
    const QList<QByteArray> topics = topicNames(options.topics, "bench/");
    QElapsedTimer wall;
    qint64 ingestNanos = 0;
    const double cpuStart = ProcessStats::cpuSeconds();
    wall.start();
    QElapsedTimer ingestTimer;
    QList<Message> batch;
    for (qint64 done = 0; done < options.messages;) {
        batch.clear();
        const qint64 count = qMin<qint64>(options.batch, options.messages - done);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (qint64 i = 0; i < count; ++i, ++done) {
            Message m;
            // A fresh topic and payload per message, as the decoder hands them over.
            m.topic = topics[done % topics.size()];
            m.topic.detach();
            m.payload = payloadOf(done, options.payloadBytes);
            m.receivedMsecsSinceEpoch = now;
            batch.append(std::move(m));
        }
        ingestTimer.start();
        data.ingest(batch, now);
        ingestNanos += ingestTimer.nsecsElapsed();
    }
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = ProcessStats::cpuSeconds() - cpuStart;
    report(options,
           QJsonObject{
               {u"name"_s, u"data layer ingest"_s},
               {u"messages"_s, double(options.messages)},
               {u"topics"_s, double(data.store().topicCount())},
               {u"msg_per_s"_s, double(options.messages) / (double(ingestNanos) / 1e9)},
               {u"msg_per_s_with_batch_building"_s, double(options.messages) / seconds},
               {u"cpu_s"_s, cpu},
               {u"peak_rss_mib"_s, ProcessStats::peakRssMiB()},
               {u"history_mib"_s, double(data.history().bytesUsed()) / (1024.0 * 1024.0)},
           });
}

// This thread's CPU time: on a shared machine wall time also counts other processes.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// What muted topics cost the connection's tab per message (MutedTopics::filter() runs on every
// batch before the tree sees it): none, one filter muting nothing (the lookup alone), and three
// muting a few topics (a batch holding one is copied without it).
void benchMuted(const Options &options)
{
    const QList<QByteArray> topics = topicNames(options.topics, "bench/");
    QList<QList<Message>> batches;
    for (qint64 done = 0; done < options.messages && batches.size() < 1000;) {
        QList<Message> batch;
        for (int i = 0; i < options.batch; ++i, ++done) {
            Message m;
            m.topic = topics[done % topics.size()];
            m.topic.detach(); // as the decoder hands them over: the hash is computed afresh
            batch.append(std::move(m));
        }
        batches.append(std::move(batch));
    }
    const qint64 perRound = qint64(batches.size()) * options.batch;
    const QList<QStringList> cases{
        {},
        {u"$SYS/#"_s},
        {u"$SYS/#"_s, u"bench/7/#"_s, u"bench/+/device42"_s},
    };
    for (const QStringList &patterns : cases) {
        MutedTopics muted;
        muted.setPatterns(patterns);
        const double cpuStart = threadCpuMs();
        qint64 shown = 0;
        for (qint64 done = 0; done < options.messages; done += perRound) {
            for (const QList<Message> &batch : std::as_const(batches))
                shown += muted.filter(batch).size();
        }
        const double cpuMs = threadCpuMs() - cpuStart;
        const qint64 filtered = shown + qint64(muted.mutedTotal());
        report(options,
               QJsonObject{
                   {u"name"_s, u"muted topics filter"_s},
                   {u"patterns"_s, double(patterns.size())},
                   {u"messages"_s, double(filtered)},
                   {u"muted"_s, double(muted.mutedTotal())},
                   {u"ns_per_msg"_s, cpuMs * 1e6 / double(qMax<qint64>(1, filtered))},
               });
    }
}

void benchScale(const Options &options)
{
    if (options.scaleTopics <= 0)
        return;
    // What the runs before freed would otherwise be reused unseen and counted as "before".
    ProcessStats::releaseFreeHeap();
    const double rssBefore = ProcessStats::rssMiB();
    const double heapBefore = ProcessStats::heapInUseMiB();
    ExplorerData data;
    QList<QByteArray> topics = topicNames(options.scaleTopics, "scale/");
    QElapsedTimer wall;
    wall.start();
    const double cpuStart = ProcessStats::cpuSeconds();
    SharedProperties properties;
    if (options.properties)
        properties.edit().contentType = u"application/json"_s;
    QList<Message> batch;
    for (int done = 0; done < options.scaleTopics;) {
        batch.clear();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < options.batch && done < options.scaleTopics; ++i, ++done) {
            Message m;
            m.topic = std::exchange(topics[done], QByteArray()); // the store keeps no topic copy
            m.payload = payloadOf(done, options.payloadBytes);
            m.retain = true;
            m.properties = properties;
            m.receivedMsecsSinceEpoch = now;
            batch.append(std::move(m));
        }
        data.ingest(batch, now);
    }
    batch.clear();
    topics.clear();
    topics.squeeze();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = ProcessStats::cpuSeconds() - cpuStart;
    const double rss = ProcessStats::rssMiB();
    const double perTopic = (rss - rssBefore) * 1024.0 * 1024.0 / options.scaleTopics;
    const double heapPerTopic =
        (ProcessStats::heapInUseMiB() - heapBefore) * 1024.0 * 1024.0 / options.scaleTopics;
    report(options,
           QJsonObject{
               {u"name"_s, u"scale: distinct topics"_s},
               {u"topics"_s, double(data.store().topicCount())},
               {u"nodes"_s, double(data.store().nodeIdLimit())},
               {u"ingest_s"_s, seconds},
               {u"cpu_s"_s, cpu},
               {u"rss_mib"_s, rss},
               {u"bytes_per_topic"_s, perTopic},
               {u"heap_bytes_per_topic"_s, heapPerTopic},
               {u"peak_rss_mib"_s, ProcessStats::peakRssMiB()},
           });

    const TopicStore &store = data.store();
    const struct
    {
        const char *name;
        TopicFilter::Mode mode;
        QString pattern;
    } filters[] = {
        {"filter substring", TopicFilter::Mode::Substring, u"device12345"_s},
        {"filter substring (common)", TopicFilter::Mode::Substring, u"ice9"_s},
        {"filter wildcard", TopicFilter::Mode::Wildcard, u"scale/+/device4242"_s},
        {"filter wildcard #", TopicFilter::Mode::Wildcard, u"scale/7/#"_s},
        {"filter regex", TopicFilter::Mode::RegularExpression, u"device4[0-9]*7$"_s},
        {"filter payload", TopicFilter::Mode::PayloadText, u"\"value\":999}"_s},
    };
    for (const auto &f : filters) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuMs();
        const TopicMatchSet set = TopicFilter(f.mode, f.pattern).match(store);
        const double cpuMs = threadCpuMs() - cpuStart;
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        report(options,
               QJsonObject{{u"name"_s, QString::fromUtf8(f.name)},
                           {u"pattern"_s, f.pattern},
                           {u"ms"_s, ms},
                           {u"cpu_ms"_s, cpuMs},
                           {u"matches"_s, double(set.matchCount())}});
    }
}

Options parseOptions(const QStringList &arguments)
{
    Options options;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        const auto next = [&] {
            return i + 1 < arguments.size() ? arguments[++i].toLongLong() : 0;
        };
        if (a == "--messages"_L1)
            options.messages = next();
        else if (a == "--topics"_L1)
            options.topics = int(qMax<qint64>(1, next()));
        else if (a == "--payload"_L1)
            options.payloadBytes = int(next());
        else if (a == "--batch"_L1)
            options.batch = int(qMax<qint64>(1, next()));
        else if (a == "--scale-topics"_L1)
            options.scaleTopics = int(next());
        else if (a == "--properties"_L1)
            options.properties = true;
        else if (a == "--json"_L1)
            options.json = true;
        else
            qFatal("unknown argument %s", qPrintable(a));
    }
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app.arguments());
    benchIngest(options);
    benchMuted(options);
    benchScale(options);
    return 0;
}

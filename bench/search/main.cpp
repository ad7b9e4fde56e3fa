// SPDX-License-Identifier: GPL-3.0-or-later
// Searching a recording in place (bench/run_bench.py runs it on the big recording that
// `bench_recording generate` made: topics "site/S/device/D", payloads
// {"battery": N, "status": "ok"} with "error" every 997th message):
//
//   bench_search --file F
//       a topic filter + payload substring search (site/7/# containing "error") and a JSON
//       field search (battery < 20) over the whole file, each through RecordingSearch as the
//       Search panel runs it (10,000 hits kept, every match counted): time, CPU time (the
//       machine may be busy), matches, peak RSS.
//
// Each result is one JSON object per line.

#include "processstats.h"
#include "search/hitcollector.h"
#include "search/recordingsearch.h"
#include "search/searchcontrol.h"
#include "search/searchmatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;
using mqttscope::bench::ProcessStats;

namespace {

bool run(const QString &file, const QString &name, const SearchQuery &query)
{
    HitCollector hits(10000);
    SearchControl control;
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = ProcessStats::cpuSeconds();
    const QString error = RecordingSearch::run(file, SearchMatcher(query), hits, control);
    const double ms = timer.nsecsElapsed() / 1e6;
    if (!error.isEmpty()) {
        std::fprintf(stderr, "bench_search: %s\n", qPrintable(error));
        return false;
    }
    SearchResult result;
    hits.finish(result);
    const QJsonObject row{{u"name"_s, name},
                          {u"ms"_s, ms},
                          {u"cpu_s"_s, ProcessStats::cpuSeconds() - cpuBefore},
                          {u"matches"_s, double(result.total)},
                          {u"listed"_s, double(result.hits.size())},
                          {u"peak_rss_mib"_s, ProcessStats::peakRssMiB()}};
    std::printf("%s\n", QJsonDocument(row).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const qsizetype fileAt = arguments.indexOf(u"--file"_s) + 1;
    if (fileAt <= 0 || fileAt >= arguments.size()) {
        std::fprintf(stderr, "usage: bench_search --file RECORDING\n");
        return 2;
    }
    const QString file = arguments.at(fileAt);
    SearchQuery topicAndText;
    topicAndText.topicFilter = u"site/7/#"_s;
    topicAndText.payloadText = u"error"_s;
    SearchQuery jsonField;
    jsonField.jsonPredicate = u"battery < 20"_s;
    const bool ok = run(file, u"search: topic site/7/# + substring \"error\""_s, topicAndText)
        && run(file, u"search: JSON battery < 20"_s, jsonField);
    return ok ? 0 : 1;
}

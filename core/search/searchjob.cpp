// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/searchjob.h"

#include "search/hitcollector.h"
#include "search/historysnapshot.h"
#include "search/recordingsearch.h"
#include "search/searchcontrol.h"

#include <QThread>
#include <QTimer>

namespace mqttscope {
namespace {

// A slice of copying the live history: short enough to keep a 60 Hz window drawing.
constexpr int SliceMsecs = 8;
// Copying is quick next to searching; it is shown as the first part of the progress bar.
constexpr int SnapshotShare = 20;

} // namespace

SearchJob::SearchJob(QObject *parent)
    : QObject(parent)
    , m_sliceTimer(new QTimer(this))
    , m_progressTimer(new QTimer(this))
{
    m_sliceTimer->setInterval(0);
    connect(m_sliceTimer, &QTimer::timeout, this, &SearchJob::takeSnapshotSlice);
    m_progressTimer->setInterval(50);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (const int p = percent(); p != m_lastPercent)
            emit progressChanged(m_lastPercent = p);
    });
}

SearchJob::~SearchJob()
{
    if (m_thread) {
        m_control->cancelRequested = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool SearchJob::isRunning() const
{
    return m_control != nullptr;
}

int SearchJob::percent() const
{
    if (!m_control)
        return 0;
    if (m_data) // still copying
        return m_snapshot->percentTaken(*m_data) * SnapshotShare / 100;
    const int searched = m_control->percent.load(std::memory_order_relaxed);
    return m_snapshot ? SnapshotShare + searched * (100 - SnapshotShare) / 100 : searched;
}

void SearchJob::searchHistory(const ExplorerData &data, const SearchMatcher &matcher,
                              std::unique_ptr<SearchSink> sink)
{
    if (!begin(matcher, std::move(sink)))
        return;
    m_snapshot = std::make_shared<HistorySnapshot>();
    m_data = &data;
    takeSnapshotSlice(); // small histories are copied before this returns
}

bool SearchJob::begin(const SearchMatcher &matcher, std::unique_ptr<SearchSink> sink)
{
    cancel();
    if (!matcher.isValid()) {
        SearchResult result;
        result.error = matcher.problem().message;
        emit finished(result);
        return false;
    }
    m_sink = sink ? std::move(sink) : std::make_unique<HitCollector>(DefaultCap);
    m_control = std::make_shared<SearchControl>();
    m_matcher = matcher;
    m_lastPercent = -1;
    m_progressTimer->start();
    return true;
}

void SearchJob::takeSnapshotSlice()
{
    if (!m_snapshot->takeSlice(*m_data, *m_matcher, SliceMsecs)) {
        m_sliceTimer->start();
        return;
    }
    m_sliceTimer->stop();
    m_data = nullptr;
    std::shared_ptr<const HistorySnapshot> snapshot = m_snapshot;
    const SearchMatcher matcher = *m_matcher;
    runInBackground([snapshot, matcher](SearchSink &sink, SearchControl &control) {
        snapshot->search(matcher, sink, control);
        return QString();
    });
}

void SearchJob::searchRecording(const QString &path, const SearchMatcher &matcher,
                                std::unique_ptr<SearchSink> sink,
                                std::shared_ptr<const PayloadDecoder> decoder)
{
    if (!begin(matcher, std::move(sink)))
        return;
    m_snapshot.reset();
    runInBackground([path, matcher, decoder](SearchSink &sink, SearchControl &control) {
        return RecordingSearch::run(path, matcher, sink, control, decoder);
    });
}

void SearchJob::runInBackground(std::function<QString(SearchSink &, SearchControl &)> search)
{
    SearchSink *sink = m_sink.get();
    std::shared_ptr<SearchControl> control = m_control;
    m_thread =
        QThread::create([this, search, sink, control] { m_error = search(*sink, *control); });
    m_thread->setObjectName(QStringLiteral("search"));
    // A search cancelled and replaced may still have its end queued: only the current one's
    // counts.
    const quint64 generation = ++m_generation;
    connect(m_thread, &QThread::finished, this, [this, generation] {
        if (generation == m_generation && m_thread)
            onThreadFinished();
    });
    m_thread->start(QThread::LowPriority);
}

void SearchJob::onThreadFinished()
{
    m_thread->wait();
    delete std::exchange(m_thread, nullptr);
    SearchResult result;
    m_sink->finish(result);
    result.cancelled = m_control->cancelled();
    result.error = std::exchange(m_error, {});
    stopTimers();
    emit progressChanged(100);
    emit finished(result);
}

void SearchJob::stopTimers()
{
    m_sliceTimer->stop();
    m_progressTimer->stop();
    m_control.reset();
    m_data = nullptr;
    m_snapshot.reset();
}

void SearchJob::cancel()
{
    if (!m_control)
        return;
    m_control->cancelRequested = true;
    if (m_thread) {
        // Returns promptly: the search checks the flag every few thousand messages.
        ++m_generation;
        onThreadFinished();
        return;
    }
    SearchResult result; // still copying: nothing searched yet
    m_sink->finish(result);
    result.cancelled = true;
    stopTimers();
    emit finished(result);
}

} // namespace mqttscope

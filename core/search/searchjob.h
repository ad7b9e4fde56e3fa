// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/searchmatcher.h"
#include "search/searchresult.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QThread;
class QTimer;

namespace mqttscope {

class ExplorerData;
class HistorySnapshot;
class PayloadDecoder;
class SearchSink;
struct SearchControl;

// One search at a time, in the background, over a connection's live history or a recording
// file. Progress and the end come back as signals on the job's thread; cancel() makes the
// search stop within milliseconds. The matches go to a sink: a HitCollector for a results list
// (the default), or a writer exporting them.
class SearchJob : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultCap = 10000;

    explicit SearchJob(QObject *parent = nullptr);
    ~SearchJob() override; // cancels and waits for the search's thread

    // An invalid `matcher` ends at once, finished() carrying its problem as the error. The live
    // history is copied on this thread in slices of at most a few milliseconds (taking `data` must
    // stay alive until finished() or cancel()), then searched on another.
    void searchHistory(const ExplorerData &data, const SearchMatcher &matcher,
                       std::unique_ptr<SearchSink> sink = {});
    // The file is opened anew on the search's thread; the caller's reader is not shared.
    // `decoder`: the topics it decodes are matched as their JSON (see RecordingSearch).
    void searchRecording(const QString &path, const SearchMatcher &matcher,
                         std::unique_ptr<SearchSink> sink = {},
                         std::shared_ptr<const PayloadDecoder> decoder = {});
    void cancel(); // finished() follows with `cancelled` set
    bool isRunning() const;
    int percent() const;

signals:
    void progressChanged(int percent);
    void finished(const mqttscope::SearchResult &result);

private:
    // Cancels what runs and sets up a new search; false (finished() with the problem) when the
    // query cannot be used.
    bool begin(const SearchMatcher &matcher, std::unique_ptr<SearchSink> sink);
    void takeSnapshotSlice();
    void runInBackground(std::function<QString(SearchSink &, SearchControl &)> search);
    void onThreadFinished();
    void stopTimers();

    std::unique_ptr<SearchSink> m_sink;
    std::shared_ptr<SearchControl> m_control;
    std::optional<SearchMatcher> m_matcher;
    std::shared_ptr<HistorySnapshot> m_snapshot;
    const ExplorerData *m_data = nullptr;
    QThread *m_thread = nullptr;
    QString m_error; // written by the search's thread before it ends
    QTimer *m_sliceTimer;
    QTimer *m_progressTimer;
    int m_lastPercent = -1;
    quint64 m_generation = 0;
};

} // namespace mqttscope

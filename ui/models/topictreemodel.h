// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/explorerdata.h"
#include "explorer/topicfilter.h"
#include "models/sparkplugrowstatus.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>

namespace mqttscope {

// The topic tree as an item model: a window onto one connection's ExplorerData.
//
// Incoming batches are only queued; a timer (flushInterval(), 50 ms by default) applies them to
// the data layer and announces the result in one go: one beginInsertRows/endInsertRows per
// parent per contiguous range of new children (a new branch arrives whole with its top node),
// then dataChanged with explicit roles for runs of changed rows. The timer only runs while
// messages arrive; after that a single-shot timer ends the change highlights at their ends, so an
// idle connection costs nothing.
//
// A timed flush takes no more of the GUI thread than flushBudget(): it applies the queue in
// slices, reading the clock after each (a batch may be applied in parts), and leaves the rest to
// a zero-interval catch-up timer, which runs after input and painting, until the queue is empty
// (FlushState). While catching up, what was applied is announced every 33 ms in a flush of its
// own (the views' layout and repaint after each announcement cost as much as a flush), and at
// once when the queue empties. So a burst of a million new topics fills the tree while the
// window stays responsive instead of freezing it per tick.
//
// Rates fall without a message arriving: a second timer, armed only while some rate is above
// zero, announces the rate column once after each second boundary until every rate is zero.
//
// Filtering is computed here with the fast TopicFilter over the store (isNodeVisible());
// TopicSortFilterProxyModel looks rows up in that result. New topics are matched as they
// arrive, and existing ancestors that become visible are announced with VisibleRole.
class TopicTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { TopicColumn, ValueColumn, MessagesColumn, TopicsColumn, RateColumn, ColumnCount };
    enum Role {
        NodeIdRole = Qt::UserRole + 1, // TopicNodeId
        TopicRole, // the full topic name (QString)
        RetainedRole, // bool: the broker holds a retained message for it
        HighlightRole, // bool: its value changed within highlightDuration()
        VisibleRole, // bool: passes the filter (or itself lies on the way)
        SortRole, // the column's value to sort by
        SparkplugOnlineRole, // bool on a Sparkplug node/device/host row, invalid elsewhere
        SparkplugIssueCountRole, // int: the issues its node or device has shown
        SparkplugLastIssueRole, // QString: the last of them ("seq 7 expected, 9 received")
    };

    explicit TopicTreeModel(ExplorerData *data, QObject *parent = nullptr);

    ExplorerData *explorerData() const { return m_data; }
    const TopicStore &store() const { return m_data->store(); }

    // How the queue is being worked off.
    enum class FlushState {
        Idle, // nothing queued, everything applied announced
        Waiting, // batches queued for the next tick of the flush timer
        CatchingUp, // queued or applied messages left by a timed flush; the catch-up timer goes on
    };
    FlushState flushState() const { return m_flushState; }

    int flushInterval() const { return m_timer.interval(); }
    // Restarts a running timer: for settings and tests, never per batch.
    void setFlushInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    std::chrono::nanoseconds flushBudget() const { return m_flushBudget; }
    void setFlushBudget(std::chrono::nanoseconds budget) { m_flushBudget = budget; }
    int highlightDuration() const { return m_highlightMsecs; }
    void setHighlightDuration(int milliseconds) { m_highlightMsecs = milliseconds; }
    bool hasQueued() const { return m_queuedMessages > 0; } // messages waiting for a flush
    qint64 queuedMessages() const { return m_queuedMessages; }
    // Whether a view shows the rows under `parent` (it and every row above it expanded). Once
    // set, rows it does not show get no dataChanged for their messages, highlights and rates: a
    // QTreeView searches its shown rows for each such row only to find it is not there, and a
    // view that expands a row asks for its data afresh. Unset, every changed row is announced.
    void setChildrenShownTest(std::function<bool(TopicNodeId parent)> test)
    {
        m_childrenShown = std::move(test);
    }
    // Whether a refresh of falling rates is pending; never while every rate is zero.
    bool isRefreshingRates() const { return m_rateTimer.isActive(); }
    // Whether any of its timers is armed (flush, catch-up, end of a highlight, rates): none once
    // idle.
    bool isTicking() const
    {
        return m_timer.isActive() || m_catchUpTimer.isActive() || m_fadeTimer.isActive()
            || m_rateTimer.isActive();
    }

    TopicNodeId nodeId(const QModelIndex &index) const;
    QModelIndex indexOf(TopicNodeId node, int column = 0) const;

    void setFilter(const TopicFilter &filter);
    const TopicFilter &filter() const { return m_filter; }
    bool isFiltered() const { return !m_filter.isEmpty(); }
    bool isNodeVisible(TopicNodeId node) const
    {
        return !isFiltered() || m_matches.isVisible(node);
    }
    bool isNodeMatch(TopicNodeId node) const { return !isFiltered() || m_matches.isMatch(node); }
    qint64 filterMatchCount() const { return m_matches.matchCount(); }
    // Whether the row is muted: its value column shows "muted" and the count instead.
    bool isMuted(TopicNodeId node) const { return m_data->muted().isNodeMuted(store(), node); }

    // Removes a topic and everything below it, with its history (after deleting retained
    // messages, say). Pending batches are flushed first.
    void removeSubtree(const QModelIndex &index);
    // The Sparkplug B state the spBv1.0/ rows show (see SparkplugRowStatus): the rows of the
    // changed endpoints are announced with the Sparkplug roles, their tooltip and value.
    void updateSparkplug(const QList<SparkplugEndpointChange> &changes);
    // Forgets every endpoint's state, for a model refilled from the start (a recording's seek
    // clears it, then reads the state as of the new moment).
    void clearSparkplug() { m_sparkplug.clear(); }
    const SparkplugRowStatus &sparkplugStatus() const { return m_sparkplug; }
    void clear();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public slots:
    // Queues a batch as the client delivers it; applied at the next tick.
    void enqueue(const QList<mqttscope::Message> &messages);
    // Applies everything queued now and announces it, whatever the budget.
    void flush();

signals:
    // Before a flush applies queued messages, and after (e.g. for HistoryModel::refresh()).
    void aboutToFlush();
    void flushed();
    // The filter or its result changed wholesale; proxies re-filter.
    void filterChanged();
    // filterMatchCount() changed as topics arrived or were removed.
    void filterMatchCountChanged();

private:
    QVariant toolTip(TopicNodeId node, int column) const;
    QVariant sparkplugData(TopicNodeId node, int column, int role) const;
    QString sparkplugToolTip(const SparkplugRowStatus::Endpoint &endpoint, bool host) const;
    QString sparkplugText(const SparkplugRowStatus::Endpoint &endpoint) const;
    // The timers' flush: as many messages as fit in the budget, by what the last ones cost.
    void flushSome();
    // Applies up to `limit` queued messages to the data layer, unannounced; how many it applied.
    void ingestQueued(qint64 now, std::chrono::nanoseconds budget); // at least one slice
    // Announces what was applied (if announceNow), expires highlights, sets the state and timers.
    void finishFlush(qint64 now, bool announceNow);
    void announceIngested(qint64 now);
    // The children of `node` the views know: applied ones not announced yet are left out.
    int announcedChildCount(TopicNodeId node) const;
    void announce(const TopicStoreChanges &changes, const QList<TopicNodeId> &revealed);
    void expireHighlights(qint64 now);
    enum class Rows { All, Shown };
    // dataChanged for `nodes` (existing rows), one signal per run of adjacent rows; with
    // Rows::Shown only for the rows a view shows (setChildrenShownTest()).
    void emitChanged(QList<TopicNodeId> nodes, const QList<int> &roles, Rows rows = Rows::All);
    bool childrenShown(TopicNodeId parent) const
    {
        return !m_childrenShown || m_childrenShown(parent);
    }
    void updateTimer();
    void scheduleFade();
    void scheduleRateRefresh();
    void refreshRates();
    void announceRates(std::size_t from, std::size_t to); // entries of ratedNodes()
    bool isHighlighted(TopicNodeId node, qint64 now) const;

    ExplorerData *m_data;
    QTimer m_timer; // the tick: runs while messages arrive
    QTimer m_fadeTimer; // single shot at the end of the first highlight, once nothing arrives
    QTimer m_catchUpTimer; // single shot, zero interval, while CatchingUp
    QTimer m_rateTimer; // single shot, just after the next second boundary or the next slice
    std::size_t m_rateCursor = 0; // where in ratedNodes() the refresh goes on; 0 between them
    FlushState m_flushState = FlushState::Idle;
    QList<QList<Message>> m_queue;
    qsizetype m_queueOffset = 0; // the messages of m_queue.first() already applied
    qint64 m_queuedMessages = 0;
    // Applied to the data layer but not yet announced: the views know the nodes below
    // m_announcedLimit only, and rowCount() leaves the others out.
    qint64 m_unannouncedMessages = 0;
    qint64 m_windowStartMsecs = 0; // when the first of them was applied
    TopicNodeId m_announcedLimit = 0;
    QElapsedTimer m_sinceAnnounce;
    std::chrono::nanoseconds m_flushBudget;
    std::function<bool(TopicNodeId)> m_childrenShown;
    int m_highlightMsecs = 1500;
    // Parents whose new rows are being announced: the row count the views know so far.
    QHash<TopicNodeId, int> m_announcedRows;
    // The rows whose highlight ends at `until`: one changed row, or the run of ids created in one
    // announcement (a burst of a million new topics is a few dozen entries, not a million).
    struct Highlight
    {
        qint64 until;
        TopicNodeId first;
        TopicNodeId last;
    };
    std::deque<Highlight> m_highlights; // in time order

    TopicFilter m_filter;
    TopicMatchSet m_matches;
    SparkplugRowStatus m_sparkplug;
};

} // namespace mqttscope

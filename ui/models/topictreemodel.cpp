// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/topictreemodel.h"

#include "decode/payloadencoding.h"
#include "explorer/payloadformat.h"
#include "explorer/payloadpreview.h"

#include <QColor>
#include <QDateTime>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPolygonF>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {
constexpr int DefaultFlushMsecs = 50;
// The GUI thread's time per timed flush: a quarter of a 60 Hz frame, so that a flush with the
// repaint after it stays within one frame however much is queued.
constexpr std::chrono::nanoseconds DefaultFlushBudget = std::chrono::milliseconds(4);
// A timed flush applies the queue in slices of this many and reads the clock after each, so it
// overruns its budget by one slice at most (~0.3 ms), however the cost per message varies (new
// branches, tables growing); it applies one slice whatever the budget, so the queue drains.
constexpr qsizetype SliceMessages = 256;
// While catching up, how often the views are told what was applied: each time costs them a
// layout and a repaint, which need not come more often than a screen shows.
constexpr qint64 AnnounceIntervalMsecs = 33;
// How long after a second boundary the rates are read again: clear of the boundary itself.
constexpr int RateRefreshSlackMsecs = 20;
// Rated rows per slice of a rate refresh: ~1-2 ms of the GUI thread.
constexpr std::size_t RateSliceNodes = 65536;
constexpr int PreviewChars = 60;
constexpr int ToolTipPreviewChars = 200;
// Roles that change whenever a topic receives a message.
const QList<int> MessageRoles{Qt::DisplayRole,
                              Qt::ToolTipRole,
                              Qt::DecorationRole,
                              Qt::BackgroundRole,
                              TopicTreeModel::RetainedRole,
                              TopicTreeModel::HighlightRole};
// A small amber bookmark for "the broker keeps this value": readable on light and dark
// backgrounds and unlike the state dots of the tabs. Painted once, shared by every row.
QIcon paintMarker(bool retained)
{
    QIcon icon;
    for (int size : {10, 12, 16, 20, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        if (retained) {
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            const qreal w = size * 0.6, h = size * 0.85, x = (size - w) / 2, y = (size - h) / 2;
            const QPolygonF bookmark{
                {x, y}, {x + w, y}, {x + w, y + h}, {x + w / 2, y + h * 0.68}, {x, y + h}};
            painter.setPen(QPen(QColor(0x8a, 0x5a, 0x00), qMax(1.0, size / 16.0)));
            painter.setBrush(QColor(0xe0, 0x9a, 0x1e));
            painter.drawPolygon(bookmark);
        }
        icon.addPixmap(pixmap);
    }
    return icon;
}

const QIcon &retainedMarker()
{
    static const QIcon icon = paintMarker(true);
    return icon;
}

const QIcon &noMarker()
{
    static const QIcon icon = paintMarker(false);
    return icon;
}

// A Sparkplug endpoint's state: a green dot when online, a grey ring when offline.
QIcon paintStateDot(bool online)
{
    QIcon icon;
    for (int size : {10, 12, 16, 20, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal pen = qMax(1.5, size / 8.0);
        const QColor color = online ? QColor(0x2e, 0x9d, 0x4a) : QColor(0x8a, 0x8a, 0x8a);
        painter.setPen(QPen(color, pen));
        painter.setBrush(online ? QBrush(color) : QBrush(Qt::NoBrush));
        const qreal inset = size * 0.12 + pen / 2;
        painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

const QIcon &onlineMarker()
{
    static const QIcon icon = paintStateDot(true);
    return icon;
}

const QIcon &offlineMarker()
{
    static const QIcon icon = paintStateDot(false);
    return icon;
}

} // namespace

TopicTreeModel::TopicTreeModel(ExplorerData *data, QObject *parent)
    : QAbstractItemModel(parent)
    , m_data(data)
    , m_flushBudget(DefaultFlushBudget)
{
    m_timer.setInterval(DefaultFlushMsecs);
    connect(&m_timer, &QTimer::timeout, this, &TopicTreeModel::flushSome);
    m_catchUpTimer.setSingleShot(true);
    m_catchUpTimer.setInterval(0);
    connect(&m_catchUpTimer, &QTimer::timeout, this, &TopicTreeModel::flushSome);
    m_fadeTimer.setSingleShot(true);
    // Early, it would find the highlight not yet over and wake again for the rest.
    m_fadeTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_fadeTimer, &QTimer::timeout, this, [this] {
        expireHighlights(QDateTime::currentMSecsSinceEpoch());
        scheduleFade();
    });
    m_sinceAnnounce.start();
    m_announcedLimit = m_data->store().nodeIdLimit();
    m_rateTimer.setSingleShot(true);
    // A coarse timer may fire up to 5% early, before the boundary it waits for.
    m_rateTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_rateTimer, &QTimer::timeout, this, &TopicTreeModel::refreshRates);
}

void TopicTreeModel::enqueue(const QList<Message> &messages)
{
    if (messages.isEmpty())
        return;
    m_queue.append(messages);
    m_queuedMessages += messages.size();
    if (m_flushState == FlushState::Idle)
        m_flushState = FlushState::Waiting;
    updateTimer();
}

void TopicTreeModel::updateTimer()
{
    // Only start and stop, never setInterval(): it restarts a running timer, and done per batch
    // (every tick of the connection, 33 ms) it would hold a 50 ms tick off for good. The tick
    // stops once a flush has caught up (finishFlush()).
    if (m_queuedMessages > 0 && !m_timer.isActive())
        m_timer.start();
    const bool catchingUp = m_flushState == FlushState::CatchingUp;
    if (catchingUp && !m_catchUpTimer.isActive())
        m_catchUpTimer.start();
    else if (!catchingUp)
        m_catchUpTimer.stop();
    scheduleFade();
}

void TopicTreeModel::scheduleFade()
{
    // While the flush timer ticks, its flushes end the highlights.
    if (m_highlights.empty() || m_timer.isActive()) {
        m_fadeTimer.stop();
        return;
    }
    if (m_fadeTimer.isActive())
        return;
    // At the first end, but no sooner than a tick: the ends of a stream's changes come together.
    const qint64 wait = m_highlights.front().until - QDateTime::currentMSecsSinceEpoch();
    m_fadeTimer.start(int(qMax<qint64>(wait, m_timer.interval())));
}

void TopicTreeModel::flush()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ingestQueued(now, std::chrono::nanoseconds::max());
    finishFlush(now, true);
}

void TopicTreeModel::flushSome()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Announcing costs the views a layout and a repaint whatever it announces: while catching
    // up, once per AnnounceIntervalMsecs, in a flush of its own so no flush does both.
    if (m_unannouncedMessages > 0 && m_sinceAnnounce.hasExpired(AnnounceIntervalMsecs)) {
        finishFlush(now, true);
        return;
    }
    ingestQueued(now, m_flushBudget);
    finishFlush(now, m_queuedMessages == 0); // caught up: the views see it all at once
}

void TopicTreeModel::finishFlush(qint64 now, bool announceNow)
{
    if (announceNow && m_unannouncedMessages > 0) {
        const qint64 matchesBefore = m_matches.matchCount();
        emit aboutToFlush();
        announceIngested(now);
        emit flushed();
        if (m_matches.matchCount() != matchesBefore)
            emit filterMatchCountChanged();
    }
    const bool pending = m_queuedMessages > 0 || m_unannouncedMessages > 0;
    if (!pending)
        m_timer.stop(); // caught up: the next batch starts it, highlights end on their own
    m_flushState = pending ? FlushState::CatchingUp : FlushState::Idle;
    expireHighlights(now);
    updateTimer();
    scheduleRateRefresh();
}

void TopicTreeModel::announceIngested(qint64 now)
{
    TopicStore &store = m_data->store();
    const TopicNodeId firstNew = m_announcedLimit;
    const TopicStoreChanges changes = store.takeChanges();
    QList<TopicNodeId> revealed;
    if (isFiltered())
        m_filter.update(store, m_matches, changes.updated, &revealed);
    // Highlighted from when the views learn of it; the rows that had messages of their own.
    for (const TopicNodeId node : changes.updated) {
        if (store.lastChangeMsecs(node) >= m_windowStartMsecs)
            m_highlights.push_back({now + m_highlightMsecs, node, node});
    }
    if (firstNew < store.nodeIdLimit())
        m_highlights.push_back({now + m_highlightMsecs, firstNew, store.nodeIdLimit() - 1});
    m_announcedLimit = store.nodeIdLimit(); // announce() keeps the old counts per range
    m_unannouncedMessages = 0;
    m_sinceAnnounce.start();
    announce(changes, revealed);
}

void TopicTreeModel::ingestQueued(qint64 now, std::chrono::nanoseconds budget)
{
    const bool timed = budget != std::chrono::nanoseconds::max();
    QElapsedTimer spent;
    spent.start();
    qint64 applied = 0;
    while (!m_queue.isEmpty()) {
        const QList<Message> &batch = m_queue.first();
        const qsizetype left = batch.size() - m_queueOffset;
        const qsizetype take = timed ? qMin(left, SliceMessages) : left;
        if (take == batch.size())
            m_data->ingest(batch, now);
        else
            m_data->ingest(batch.mid(m_queueOffset, take), now); // a copy of shared handles
        applied += take;
        m_queueOffset += take;
        if (m_queueOffset == batch.size()) {
            m_queue.removeFirst();
            m_queueOffset = 0;
        }
        if (spent.nsecsElapsed() >= budget.count())
            break;
    }
    m_queuedMessages -= applied;
    if (m_unannouncedMessages == 0)
        m_windowStartMsecs = now;
    m_unannouncedMessages += applied;
}

void TopicTreeModel::announce(const TopicStoreChanges &changes, const QList<TopicNodeId> &revealed)
{
    // Views must see the old row counts until each range is announced.
    for (const TopicStoreChanges::InsertedRows &range : changes.inserted)
        m_announcedRows.insert(range.parent, range.first);
    for (const TopicStoreChanges::InsertedRows &range : changes.inserted) {
        beginInsertRows(indexOf(range.parent), range.first, range.last);
        m_announcedRows.remove(range.parent);
        endInsertRows();
    }
    emitChanged(changes.updated, MessageRoles, Rows::Shown);
    if (!revealed.isEmpty())
        emitChanged(revealed, {VisibleRole});
}

void TopicTreeModel::expireHighlights(qint64 now)
{
    QList<TopicNodeId> expired;
    const TopicStore &store = m_data->store();
    while (!m_highlights.empty() && m_highlights.front().until <= now) {
        const Highlight ended = m_highlights.front();
        m_highlights.pop_front();
        for (TopicNodeId node = ended.first; node <= ended.last; ++node) {
            // A later change re-queued it; only the last entry turns it off. Rows created
            // without a message of their own were never highlighted.
            if (store.isAlive(node) && store.hasMessage(node) && !isHighlighted(node, now))
                expired.append(node);
        }
    }
    emitChanged(expired, {Qt::BackgroundRole, HighlightRole}, Rows::Shown);
}

void TopicTreeModel::scheduleRateRefresh()
{
    if (m_data->store().ratedNodes().empty()) {
        m_rateTimer.stop();
        m_rateCursor = 0;
        return;
    }
    if (!m_rateTimer.isActive()) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_rateTimer.start(int(1000 - now % 1000) + RateRefreshSlackMsecs);
    }
}

// Once a second, and in slices: after a burst a million rows are rated, and one pass over them
// all took 17-43 ms of the GUI thread. Each slice goes on at the next turn of the event loop.
void TopicTreeModel::refreshRates()
{
    TopicStore &store = m_data->store();
    const std::size_t from = qMin(m_rateCursor, store.ratedNodes().size());
    const std::size_t to = qMin(from + RateSliceNodes, store.ratedNodes().size());
    announceRates(from, to);
    m_rateCursor = store.forgetSettledRates(QDateTime::currentMSecsSinceEpoch(), from, to);
    if (m_rateCursor < store.ratedNodes().size()) {
        m_rateTimer.start(0);
        return;
    }
    m_rateCursor = 0;
    scheduleRateRefresh();
}

void TopicTreeModel::announceRates(std::size_t from, std::size_t to)
{
    // One signal per parent over the span of its rated rows, a superset of what changed: under
    // a flood most topics are rated, and one signal per row would cost more than the repaint.
    // The rated nodes come in the order they were first counted, so mostly in runs of one
    // parent: the parent is tested once per run, and the rows no view shows (after a burst,
    // nearly all of a million) never reach the hash.
    const TopicStore &store = m_data->store();
    QHash<TopicNodeId, std::pair<int, int>> spans;
    TopicNodeId runParent = TopicStore::InvalidId;
    bool runShown = false;
    for (std::size_t i = from; i < to; ++i) {
        const TopicNodeId node = store.ratedNodes()[i];
        if (node >= m_announcedLimit || !store.isAlive(node))
            continue;
        const TopicNodeId parent = store.parent(node);
        if (parent != runParent) {
            runParent = parent;
            runShown = childrenShown(parent);
        }
        if (!runShown)
            continue;
        const int row = store.row(node);
        const auto it = spans.find(parent);
        if (it == spans.end())
            spans.insert(parent, {row, row});
        else
            *it = {qMin(it->first, row), qMax(it->second, row)};
    }
    for (auto it = spans.cbegin(); it != spans.cend(); ++it) {
        const QModelIndex parent = indexOf(it.key());
        emit dataChanged(index(it->first, RateColumn, parent),
                         index(it->second, RateColumn, parent), {Qt::DisplayRole, SortRole});
    }
}

void TopicTreeModel::emitChanged(QList<TopicNodeId> nodes, const QList<int> &roles, Rows rows)
{
    if (nodes.isEmpty())
        return;
    const TopicStore &store = m_data->store();
    // Rows not announced yet are painted afresh when they are.
    nodes.removeIf([&store, limit = m_announcedLimit](TopicNodeId n) {
        return n >= limit || !store.isAlive(n);
    });
    // Before sorting: after a burst most rows are under collapsed parents, and sorting them all
    // only to drop them cost most of a flush. They come grouped by parent: one test per group.
    if (rows == Rows::Shown && m_childrenShown) {
        TopicNodeId testedParent = TopicStore::InvalidId;
        bool shown = true;
        nodes.removeIf([&](TopicNodeId n) {
            if (store.parent(n) != testedParent) {
                testedParent = store.parent(n);
                shown = childrenShown(testedParent);
            }
            return !shown;
        });
    }
    std::sort(nodes.begin(), nodes.end(), [&store](TopicNodeId a, TopicNodeId b) {
        const TopicNodeId pa = store.parent(a), pb = store.parent(b);
        return pa != pb ? pa < pb : store.row(a) < store.row(b);
    });
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    for (qsizetype i = 0; i < nodes.size();) {
        const TopicNodeId parent = store.parent(nodes[i]);
        qsizetype j = i + 1;
        while (j < nodes.size() && store.parent(nodes[j]) == parent
               && store.row(nodes[j]) == store.row(nodes[j - 1]) + 1)
            ++j;
        emit dataChanged(indexOf(nodes[i], 0), indexOf(nodes[j - 1], ColumnCount - 1), roles);
        i = j;
    }
}

bool TopicTreeModel::isHighlighted(TopicNodeId node, qint64 now) const
{
    const TopicStore &store = m_data->store();
    return store.hasMessage(node) && now - store.lastChangeMsecs(node) < m_highlightMsecs;
}

void TopicTreeModel::setFilter(const TopicFilter &filter)
{
    flush();
    m_filter = filter;
    m_matches = isFiltered() ? m_filter.match(m_data->store()) : TopicMatchSet();
    emit filterChanged();
}

void TopicTreeModel::removeSubtree(const QModelIndex &index)
{
    const TopicNodeId node = nodeId(index);
    if (node == TopicStore::RootId)
        return;
    flush();
    const QModelIndex parentIndex = index.parent();
    const int row = index.row();
    const qint64 matchesBefore = m_matches.matchCount();
    if (isFiltered())
        TopicFilter::forget(m_data->store(), m_matches, node);
    beginRemoveRows(parentIndex, row, row);
    m_data->removeSubtree(node);
    endRemoveRows();
    if (m_matches.matchCount() != matchesBefore)
        emit filterMatchCountChanged();
}

void TopicTreeModel::clear()
{
    beginResetModel();
    m_queue.clear();
    m_queueOffset = 0;
    m_queuedMessages = 0;
    m_unannouncedMessages = 0;
    m_flushState = FlushState::Idle;
    m_highlights.clear();
    m_rateCursor = 0;
    m_data->clear();
    m_announcedLimit = m_data->store().nodeIdLimit();
    m_matches = isFiltered() ? m_filter.match(m_data->store()) : TopicMatchSet();
    endResetModel();
    m_timer.stop();
    updateTimer();
}

TopicNodeId TopicTreeModel::nodeId(const QModelIndex &index) const
{
    return index.isValid() ? TopicNodeId(index.internalId()) : TopicStore::RootId;
}

QModelIndex TopicTreeModel::indexOf(TopicNodeId node, int column) const
{
    if (node == TopicStore::RootId || !m_data->store().isAlive(node))
        return {};
    return createIndex(m_data->store().row(node), column, quintptr(node));
}

QModelIndex TopicTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    return createIndex(row, column, quintptr(m_data->store().child(nodeId(parent), row)));
}

QModelIndex TopicTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(m_data->store().parent(nodeId(child)));
}

int TopicTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const TopicNodeId node = nodeId(parent);
    const auto announced = m_announcedRows.constFind(node);
    return announced != m_announcedRows.cend() ? *announced : announcedChildCount(node);
}

int TopicTreeModel::announcedChildCount(TopicNodeId node) const
{
    const TopicStore &store = m_data->store();
    const int count = store.childCount(node);
    if (m_announcedLimit >= store.nodeIdLimit() || count == 0
        || store.child(node, count - 1) < m_announcedLimit)
        return count;
    // Children are appended with rising ids: the ones not announced yet are the last.
    int known = 0;
    for (int step = count; step > 0; step /= 2) {
        while (known + step <= count && store.child(node, known + step - 1) < m_announcedLimit)
            known += step;
    }
    return known;
}

int TopicTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool TopicTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant TopicTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const TopicStore &store = m_data->store();
    const TopicNodeId node = nodeId(index);
    const int column = index.column();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_sparkplug.isEmpty()) {
        if (QVariant sparkplug = sparkplugData(node, column, role); sparkplug.isValid())
            return sparkplug;
    }

    switch (role) {
    case NodeIdRole:
        return QVariant::fromValue(node);
    case TopicRole:
        return QString::fromUtf8(store.topic(node));
    case RetainedRole:
        return store.isRetained(node);
    case HighlightRole:
        return isHighlighted(node, now);
    case VisibleRole:
        return isNodeVisible(node);
    case Qt::TextAlignmentRole:
        if (column >= MessagesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::BackgroundRole:
        if (isHighlighted(node, now)) {
            QColor color = QGuiApplication::palette().color(QPalette::Highlight);
            color.setAlpha(60);
            return color;
        }
        return {};
    case Qt::DecorationRole:
        // Every topic has the marker's room, so names line up whether retained or not.
        if (column == TopicColumn)
            return store.isRetained(node) ? retainedMarker() : noMarker();
        return {};
    case Qt::ToolTipRole:
        return toolTip(node, column);
    case Qt::ForegroundRole:
        if (isMuted(node))
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case SortRole:
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (column) {
    case TopicColumn: {
        const QByteArrayView level = store.level(node);
        if (level.isEmpty() && role == Qt::DisplayRole)
            return tr("(empty level)");
        return QString::fromUtf8(level);
    }
    case ValueColumn:
        if (role == SortRole)
            return store.latestPayload(node);
        if (isMuted(node))
            return tr("muted · %L1").arg(m_data->muted().nodeMutedCount(store, node));
        if (!store.hasMessage(node))
            return QString();
        // Said, not left blank: an empty payload is a message too (a deleted retained one, often).
        if (store.latestPayload(node).isEmpty())
            return tr("(empty)");
        return m_data->decoded().preview(node, store.latestPayload(node), PreviewChars);
    case MessagesColumn:
        return qulonglong(store.subtreeMessageCount(node));
    case TopicsColumn:
        return uint(store.subtreeTopicCount(node));
    case RateColumn:
        return uint(store.messagesPerSecond(node, now));
    }
    return {};
}

QVariant TopicTreeModel::toolTip(TopicNodeId node, int column) const
{
    const TopicStore &store = m_data->store();
    if (column == TopicColumn) {
        QString tip = QString::fromUtf8(store.topic(node));
        if (store.isRetained(node))
            tip += u'\n' + tr("Retained");
        const QByteArray topic = store.topic(node);
        if (const SparkplugRowStatus::Endpoint *endpoint = m_sparkplug.forTopic(topic))
            tip += u'\n' + sparkplugToolTip(*endpoint, SparkplugRowStatus::isHostTopic(topic));
        if (isMuted(node))
            tip += u'\n'
                + tr("Muted by %1: its messages are counted, not shown")
                      .arg(m_data->muted().patternsMuting(topic).join(u", "_s));
        return tip;
    }
    if (column == ValueColumn && store.hasMessage(node)) {
        const QByteArray payload = store.latestPayload(node);
        const DecodedPayloads &decoded = m_data->decoded();
        if (!decoded.decodes(node)) {
            return tr("%1, %2").arg(Payload::formatName(Payload::detectFormat(payload)),
                                    Payload::formatSize(payload.size()));
        }
        // The cell shows the start of what was decoded; the tip shows more of it.
        return tr("%1, %2").arg(Encoding::displayName(decoded.encodingOf(node)),
                                Payload::formatSize(payload.size()))
            + u'\n' + decoded.preview(node, payload, ToolTipPreviewChars);
    }
    return {};
}

// The Sparkplug roles on any column; on an endpoint's row the value column shows its state as
// a dot (filled when online, a ring when offline, so the shape tells without color) and text,
// before the decoded preview of the row's own message.
QVariant TopicTreeModel::sparkplugData(TopicNodeId node, int column, int role) const
{
    const bool valueCell = column == ValueColumn && !isMuted(node)
        && (role == Qt::DisplayRole || role == Qt::DecorationRole);
    if (!valueCell && role != SparkplugOnlineRole && role != SparkplugIssueCountRole
        && role != SparkplugLastIssueRole)
        return {};
    const SparkplugRowStatus::Endpoint *endpoint = m_sparkplug.forTopic(store().topic(node));
    if (!endpoint)
        return {};
    switch (role) {
    case SparkplugOnlineRole:
        return endpoint->online;
    case SparkplugIssueCountRole:
        return endpoint->issueCount;
    case SparkplugLastIssueRole:
        return endpoint->lastIssue;
    case Qt::DecorationRole:
        return endpoint->online ? onlineMarker() : offlineMarker();
    default:
        break;
    }
    const QString state = sparkplugText(*endpoint);
    const QByteArray &payload = store().latestPayload(node);
    if (!store().hasMessage(node) || payload.isEmpty())
        return state;
    return state + u" · "_s + m_data->decoded().preview(node, payload, PreviewChars);
}

QString TopicTreeModel::sparkplugText(const SparkplugRowStatus::Endpoint &endpoint) const
{
    const QString state = endpoint.online ? tr("online") : tr("offline");
    if (endpoint.issueCount == 0)
        return state;
    return tr("%1 · %n issue(s): %2", nullptr, endpoint.issueCount).arg(state, endpoint.lastIssue);
}

QString TopicTreeModel::sparkplugToolTip(const SparkplugRowStatus::Endpoint &endpoint,
                                         bool host) const
{
    const QString state = endpoint.online ? tr("online") : tr("offline");
    if (host)
        return tr("Sparkplug host: %1").arg(state);
    QString tip = tr("Sparkplug: %1").arg(state);
    if (endpoint.issueCount > 0)
        tip += u'\n'
            + tr("%n issue(s), the last: %1", nullptr, endpoint.issueCount).arg(endpoint.lastIssue);
    return tip;
}

void TopicTreeModel::updateSparkplug(const QList<SparkplugEndpointChange> &changes)
{
    const TopicStore &store = m_data->store();
    QList<TopicNodeId> rows;
    for (const SparkplugEndpointChange &change : changes) {
        m_sparkplug.update(change);
        SparkplugRowStatus::appendRowsOf(store, change, &rows);
    }
    emitChanged(rows,
                {SparkplugOnlineRole, SparkplugIssueCountRole, SparkplugLastIssueRole,
                 Qt::ToolTipRole, Qt::DisplayRole, Qt::DecorationRole});
}

QVariant TopicTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TopicColumn:
        return tr("Topic");
    case ValueColumn:
        return tr("Value");
    case MessagesColumn:
        return tr("Messages");
    case TopicsColumn:
        return tr("Topics");
    case RateColumn:
        return tr("Msg/s");
    }
    return {};
}

QHash<int, QByteArray> TopicTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(NodeIdRole, "nodeId");
    names.insert(TopicRole, "topic");
    names.insert(RetainedRole, "retained");
    names.insert(HighlightRole, "highlight");
    names.insert(VisibleRole, "visible");
    names.insert(SortRole, "sortValue");
    names.insert(SparkplugOnlineRole, "sparkplugOnline");
    names.insert(SparkplugIssueCountRole, "sparkplugIssueCount");
    names.insert(SparkplugLastIssueRole, "sparkplugLastIssue");
    return names;
}

} // namespace mqttscope

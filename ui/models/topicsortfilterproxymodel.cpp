// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/topicsortfilterproxymodel.h"

#include "models/topictreemodel.h"

#include <QDateTime>

namespace mqttscope {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

char foldAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c;
}

// Topic levels in the order people expect: ASCII case ignored and runs of digits compared by
// value, so "sensor2" < "Sensor10". Works on the UTF-8 bytes; no allocation, no locale (the C
// locale's collator has no numeric mode).
bool naturalLess(QByteArrayView a, QByteArrayView b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            while (i < a.size() && a[i] == '0')
                ++i;
            while (j < b.size() && b[j] == '0')
                ++j;
            qsizetype ei = i, ej = j;
            while (ei < a.size() && isDigit(a[ei]))
                ++ei;
            while (ej < b.size() && isDigit(b[ej]))
                ++ej;
            if (ei - i != ej - j)
                return ei - i < ej - j;
            for (; i < ei; ++i, ++j) {
                if (a[i] != b[j])
                    return a[i] < b[j];
            }
            continue;
        }
        const char ca = foldAscii(a[i]), cb = foldAscii(b[j]);
        if (ca != cb)
            return quint8(ca) < quint8(cb);
        ++i;
        ++j;
    }
    if (a.size() - i != b.size() - j)
        return a.size() - i < b.size() - j;
    return a < b; // equal ignoring case and zeros: fall back to the bytes for a stable order
}

bool isTrafficColumn(int column)
{
    return column == TopicTreeModel::MessagesColumn || column == TopicTreeModel::TopicsColumn
        || column == TopicTreeModel::RateColumn;
}

} // namespace

TopicSortFilterProxyModel::TopicSortFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(false);
    setDynamicSortFilter(true);
    setFilterRole(TopicTreeModel::VisibleRole);
    setSortRole(TopicTreeModel::SortRole);
}

void TopicSortFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = qobject_cast<TopicTreeModel *>(model);
    Q_ASSERT_X(m_model || !model, "TopicSortFilterProxyModel", "needs a TopicTreeModel");
    QSortFilterProxyModel::setSourceModel(model);
    if (m_model) {
        connect(m_model, &TopicTreeModel::filterChanged, this,
                &TopicSortFilterProxyModel::invalidateFilter);
        // Dynamic filtering would map rows the filter reveals when their VisibleRole changes;
        // without it (sorted by traffic) they are mapped here.
        connect(m_model, &TopicTreeModel::dataChanged, this,
                [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    if (!dynamicSortFilter() && roles.contains(TopicTreeModel::VisibleRole))
                        invalidateRowsFilter();
                });
    }
}

void TopicSortFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    const bool traffic = isTrafficColumn(column);
    if (traffic)
        setDynamicSortFilter(false);
    QSortFilterProxyModel::sort(column, order);
    if (!traffic && !dynamicSortFilter())
        setDynamicSortFilter(true);
}

bool TopicSortFilterProxyModel::sortsByTraffic() const
{
    return isTrafficColumn(sortColumn());
}

void TopicSortFilterProxyModel::resort()
{
    if (sortColumn() < 0)
        return;
    m_rateClockMsecs = QDateTime::currentMSecsSinceEpoch();
    // Without dynamic sorting, sort() with the same column sorts again (one layoutChanged,
    // persistent indexes moved with their rows); with it, it returns early, so sort afresh.
    if (dynamicSortFilter())
        invalidate();
    else
        QSortFilterProxyModel::sort(sortColumn(), sortOrder());
    m_rateClockMsecs = 0;
}

bool TopicSortFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                 const QModelIndex &sourceParent) const
{
    if (!m_model->isFiltered())
        return true;
    const TopicStore &store = m_model->store();
    return m_model->isNodeVisible(store.child(m_model->nodeId(sourceParent), sourceRow));
}

bool TopicSortFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const TopicStore &store = m_model->store();
    const TopicNodeId a = m_model->nodeId(left);
    const TopicNodeId b = m_model->nodeId(right);
    switch (left.column()) {
    case TopicTreeModel::MessagesColumn:
        return store.subtreeMessageCount(a) < store.subtreeMessageCount(b);
    case TopicTreeModel::TopicsColumn:
        return store.subtreeTopicCount(a) < store.subtreeTopicCount(b);
    case TopicTreeModel::RateColumn: {
        const qint64 now =
            m_rateClockMsecs != 0 ? m_rateClockMsecs : QDateTime::currentMSecsSinceEpoch();
        return store.messagesPerSecond(a, now) < store.messagesPerSecond(b, now);
    }
    case TopicTreeModel::ValueColumn:
        return store.latestPayload(a) < store.latestPayload(b);
    default:
        break;
    }
    return naturalLess(store.level(a), store.level(b));
}

} // namespace mqttscope

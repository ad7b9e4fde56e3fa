// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace mqttscope {

class TopicTreeModel;

// Sorts and filters a TopicTreeModel without asking it for QVariants: rows are kept when the
// model's precomputed filter result says so (no recursive filtering, which would walk every
// descendant of each hidden row), and compared straight from the store. Sorting by name is
// case-insensitive with numbers in natural order ("sensor2" before "sensor10").
// Columns that traffic changes (messages, topics, rate) are sorted without dynamic sorting:
// QSortFilterProxyModel would otherwise move every row a flush touches, so rows would jump
// under a flood on every tick, and rates that fall to zero without a message would never move.
// resort() puts them in order at a pace the caller chooses (the connection tab: once a second).
// New rows still arrive filtered; rows a filter reveals later are added at once.
class TopicSortFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TopicSortFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    TopicTreeModel *topicModel() const { return m_model; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Whether rows are sorted by a value that traffic changes (messages, topics, rate), so the
    // order goes stale until resort().
    bool sortsByTraffic() const;
    // Sorts the rows again by the current values. Persistent indexes (selection, current item,
    // expanded nodes) follow their rows.
    void resort();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    TopicTreeModel *m_model = nullptr;
    // The time rates are compared at during resort(), so one sort sees one consistent order
    // even when a second boundary passes mid-sort; 0 outside resort().
    qint64 m_rateClockMsecs = 0;
};

} // namespace mqttscope

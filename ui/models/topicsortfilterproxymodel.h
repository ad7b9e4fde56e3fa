// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace mqttscope {

class TopicTreeModel;

// Sorts and filters a TopicTreeModel without asking it for QVariants: rows are kept when the
// model's precomputed filter result says so (no recursive filtering, which would walk every
// descendant of each hidden row), and compared straight from the store. Sorting by name is
// case-insensitive with numbers in natural order ("sensor2" before "sensor10").
// Sorted columns are not re-sorted on every value change (the model's updates do not carry
// SortRole), so rows stay put under a flood; call sort() again to re-order.
class TopicSortFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TopicSortFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    TopicTreeModel *topicModel() const { return m_model; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    TopicTreeModel *m_model = nullptr;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/searchresult.h"

#include <QAbstractTableModel>

namespace mqttscope {

// The messages a search found, one row each, in order of arrival: time, topic and a preview.
class SearchResultModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TopicColumn, SizeColumn, PayloadColumn, ColumnCount };

    explicit SearchResultModel(QObject *parent = nullptr);

    void setResult(const SearchResult &result); // replaces every row
    void clear();
    const SearchHit &hit(int row) const { return m_hits[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<SearchHit> m_hits;
};

} // namespace mqttscope

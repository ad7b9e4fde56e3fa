// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/searchresultmodel.h"

#include "explorer/payloadpreview.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

SearchResultModel::SearchResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SearchResultModel::setResult(const SearchResult &result)
{
    beginResetModel();
    m_hits = result.hits;
    endResetModel();
}

void SearchResultModel::clear()
{
    setResult({});
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const SearchHit &hit = m_hits[index.row()];
    const qint64 msecs = hit.timeUs / 1000;
    if (role == Qt::ToolTipRole && index.column() == TimeColumn)
        return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(msecs).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    case TopicColumn:
        return QString::fromUtf8(hit.topic);
    case SizeColumn:
        return Payload::formatSize(hit.payloadSize);
    case PayloadColumn:
        return Payload::preview(hit.payloadPreview);
    default:
        return {};
    }
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Received");
    case TopicColumn:
        return tr("Topic");
    case SizeColumn:
        return tr("Size");
    case PayloadColumn:
        return tr("Payload");
    default:
        return {};
    }
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/hexdumpmodel.h"

#include "views/payloadrendering.h"

#include <QFontDatabase>

#include <limits>

namespace mqttscope {

HexDumpModel::HexDumpModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void HexDumpModel::setBytes(const QByteArray &bytes)
{
    beginResetModel();
    m_bytes = bytes;
    endResetModel();
}

int HexDumpModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    // A view counts rows in int; 16 bytes a row keeps payloads up to 32 GiB addressable.
    return int(qMin<qsizetype>(hexDumpRowCount(m_bytes.size()), std::numeric_limits<int>::max()));
}

int HexDumpModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HexDumpModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == Qt::FontRole)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role != Qt::DisplayRole)
        return {};
    const HexDumpRow row = hexDumpRow(m_bytes, index.row());
    switch (index.column()) {
    case OffsetColumn:
        return row.offset;
    case HexColumn:
        return row.hex;
    case AsciiColumn:
        return row.ascii;
    default:
        return {};
    }
}

QVariant HexDumpModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OffsetColumn:
        return tr("Offset");
    case HexColumn:
        return tr("Hex");
    case AsciiColumn:
        return tr("ASCII");
    default:
        return {};
    }
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QByteArray>

namespace mqttscope {

// A hex dump of a payload as a table (offset, hex bytes, ASCII), 16 bytes a row. Rows are
// formatted only when the view asks for them, so a payload of many megabytes costs no more than
// the rows on screen.
class HexDumpModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { OffsetColumn, HexColumn, AsciiColumn, ColumnCount };

    explicit HexDumpModel(QObject *parent = nullptr);

    void setBytes(const QByteArray &bytes);
    QByteArray bytes() const { return m_bytes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QByteArray m_bytes;
};

} // namespace mqttscope

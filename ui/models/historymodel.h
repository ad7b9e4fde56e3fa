// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/historyentry.h"
#include "explorer/topicstorechanges.h"

#include <QAbstractTableModel>

namespace mqttscope {

class DecodedPayloads;
class MessageHistory;

// The kept messages of one topic, oldest first, one row each. refresh() (connect it to
// TopicTreeModel::flushed) appends what arrived and drops what the history evicted, as one
// remove at the top and one insert at the bottom, so the rows a user looks at keep their place.
// With `decoded`, the payload column previews what the connection's decoder reads (decoded for
// the rows a view shows only).
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        QosColumn,
        RetainColumn,
        DupColumn,
        SizeColumn,
        PropertiesColumn,
        PayloadColumn,
        ColumnCount
    };
    enum Role {
        PayloadRole = Qt::UserRole + 1, // QByteArray, whole and unaltered
        ReceivedMsecsRole, // qint64 since the epoch
        SequenceRole, // quint64, grows with arrival
    };

    explicit HistoryModel(const MessageHistory *history, QObject *parent = nullptr);
    HistoryModel(const MessageHistory *history, const DecodedPayloads *decoded,
                 QObject *parent = nullptr);

    static constexpr TopicNodeId NoTopic = 0; // the root never has messages
    TopicNodeId topic() const { return m_topic; }
    void setTopic(TopicNodeId topic);
    const HistoryEntry &entry(int row) const { return m_rows[row]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "content-type=…; response-topic=…; …" for MQTT 5 properties; empty for none.
    static QString propertiesSummary(const Properties &properties);

public slots:
    void refresh();

private:
    const MessageHistory *m_history;
    const DecodedPayloads *m_decoded = nullptr;
    TopicNodeId m_topic = NoTopic;
    QList<HistoryEntry> m_rows;
};

} // namespace mqttscope

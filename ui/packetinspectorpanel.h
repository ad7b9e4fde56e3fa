// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/packettraceentry.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTimer;
class QToolButton;
class QTreeWidget;

namespace mqttscope {

class PacketFilterProxyModel;
class PacketListModel;

// A connection's packet inspector: every control packet both ways (time, direction, type,
// flags, id, size, reason code, its QoS flow with the latency of each step, stuck ones marked),
// the selected one decoded field by field below. Filter by type, topic and id; pause, clear,
// export; how many packets it keeps. It wants the trace only while it is shown
// (tracingWanted), so a closed inspector costs the connection nothing.
class PacketInspectorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PacketInspectorPanel(QWidget *parent = nullptr);

    // A batch from the connection; dropped (and counted) while paused.
    void addPackets(const QList<mqttscope::PacketTraceEntry> &packets);
    void setPaused(bool paused);
    bool isPaused() const;
    void clear();

    PacketListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QTreeWidget *details() const { return m_details; }

signals:
    void tracingWanted(bool enabled);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *createToolBar();
    void applyFilter();
    void applyLimits();
    void showDetails();
    void exportPackets();
    void updateCount();

    PacketListModel *m_model;
    PacketFilterProxyModel *m_proxy;
    QTableView *m_table;
    QTreeWidget *m_details;
    QComboBox *m_type = nullptr;
    QLineEdit *m_topic = nullptr;
    QLineEdit *m_packetId = nullptr;
    QToolButton *m_pause = nullptr;
    QSpinBox *m_keepPackets = nullptr;
    QSpinBox *m_keepMiB = nullptr;
    QLabel *m_count = nullptr;
    QTimer *m_stuckTimer;
    qint64 m_droppedWhilePaused = 0;
};

} // namespace mqttscope

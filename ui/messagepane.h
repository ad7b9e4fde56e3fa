// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/explorerdata.h"

#include <QWidget>

class QMenu;
class QModelIndex;
class QTabWidget;
class QTableView;

namespace mqttscope {

class DiffView;
class HistoryModel;
class PayloadView;
class RenderPacer;
class ValuePlot;

// The right of a tab that shows an ExplorerData (a live connection or a recording): the chosen
// topic's history above, and the chosen message below as payload, diff with the one before it,
// or a plot of values over time. Reads the data only; what fills it is the tab's. While it
// follows a topic's newest message, the message views render at a pace their cost allows (a
// megabyte payload arriving 100 times a second is shown a few times a second, the latest each
// time); what a user selects renders at once. The diff is made only while its tab is shown.
class MessagePane : public QWidget
{
    Q_OBJECT
public:
    explicit MessagePane(ExplorerData *data, QWidget *parent = nullptr);

    // Shows the topic's history with its newest message; TopicStore::InvalidId for none.
    void setTopic(TopicNodeId node);
    TopicNodeId topic() const;
    // After a flush: appends what arrived, following the newest unless an older one is read.
    void refresh();
    void addToPlot(const QList<Message> &messages);
    // Selects the shown topic's message with this history sequence (HistoryEntry::sequence);
    // false when the history no longer holds it.
    bool selectMessage(quint64 sequence);
    void clear(); // the payload and diff views

    // Copy payload, Save payload…; and Plot values / Plot JSON field for `node`'s latest payload.
    void addPayloadActions(QMenu *menu);
    void addPlotActions(QMenu *menu, TopicNodeId node);
    // The shown topic's subtree (everything when none is shown), to a file the user picks.
    void exportHistory();

    HistoryModel *historyModel() const { return m_historyModel; }
    QTableView *historyView() const { return m_historyView; }
    PayloadView *payloadView() const { return m_payloadView; }
    DiffView *diffView() const { return m_diffView; }
    RenderPacer *renderPacer() const { return m_pacer; }
    ValuePlot *plot() const { return m_plot; }

private:
    void createHistoryView();
    void onCurrentRowChanged(const QModelIndex &index);
    void showCurrentRow();
    void showDiff(int row);
    void plot(TopicNodeId node, const QString &jsonPath);
    // The JSON paths "Plot JSON field" offers for a payload of `node` (decoded when it is).
    QStringList plotPaths(TopicNodeId node, const QByteArray &payload) const;

    ExplorerData *m_data;
    HistoryModel *m_historyModel;
    QTableView *m_historyView;
    QTabWidget *m_messageTabs;
    PayloadView *m_payloadView;
    DiffView *m_diffView;
    ValuePlot *m_plot;
    RenderPacer *m_pacer;
    bool m_following = false; // the current row moves because messages arrived
    bool m_diffStale = false; // the diff tab, hidden, does not show the current row
};

} // namespace mqttscope

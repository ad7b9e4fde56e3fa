// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/topicstore.h"

#include <QKeySequence>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QTreeView;

namespace mqttscope {

class FieldMessage;
class TopicSortFilterProxyModel;
class TopicTreeModel;

// The left of a connection tab: the topic tree with its filter (substring, wildcard, regex,
// payload text), sort order and expand/collapse buttons. What is done with a topic (its menu,
// deleting, clearing) is the tab's: the pane asks for it through its signals.
class TopicTreePane : public QWidget
{
    Q_OBJECT
public:
    explicit TopicTreePane(TopicTreeModel *model, QWidget *parent = nullptr);

    // How often rows sorted by messages or rate are put in order again.
    static constexpr int resortIntervalMs = 1000;
    // How long typing pauses before the filter applies: a regex over a million topics is not free.
    static constexpr int filterDelayMs = 150;
    // Deletes the retained messages at and below the current topic (the tab asks first).
    static QKeySequence deleteRetainedShortcut();

    // The current topic's node; TopicStore::InvalidId when none is current.
    TopicNodeId currentNode() const;
    void selectNode(TopicNodeId node);
    void focusFilter();

    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *filterModeBox() const { return m_filterMode; }

signals:
    void currentNodeChanged(mqttscope::TopicNodeId node);
    // A right click on `node`; the menu opens at `globalPosition`.
    void menuRequested(mqttscope::TopicNodeId node, const QPoint &globalPosition);
    void clearHistoryRequested(); // Del
    void deleteRetainedRequested(); // Shift+Del

private:
    QLayout *createToolRows();
    void createTree();
    void connectFilter();
    void connectSorting();
    void connectKeys();
    TopicNodeId nodeAt(const QModelIndex &proxyIndex) const;
    void applyFilter();
    void showFilterResult();
    void applySortOrder();
    void resort();
    void requestMenu(const QPoint &position);

    TopicTreeModel *m_model;
    TopicSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_filterMode;
    QComboBox *m_sort;
    QLabel *m_filterMessage;
    FieldMessage *m_filterProblem;
    QTreeView *m_tree;
    QTimer *m_filterDelay;
    QTimer *m_resortTimer;
};

} // namespace mqttscope

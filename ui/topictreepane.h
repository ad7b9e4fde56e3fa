// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/topicstore.h"

#include <QKeySequence>
#include <QPersistentModelIndex>
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
class ViewInteraction;

// The left of a connection tab: the topic tree with its filter (substring, wildcard, regex,
// payload text), sort order and expand/collapse buttons. What is done with a topic (its menu,
// deleting, clearing) is the tab's: the pane asks for it through its signals.
//
// The rows hold still under the user: while they work in the tree (ViewInteraction) the
// traffic order is not redone, and new rows arriving above keep the row under the pointer (or,
// scrolled down, the first row shown) where it is. The first topics open the first levels.
class TopicTreePane : public QWidget
{
    Q_OBJECT
public:
    explicit TopicTreePane(TopicTreeModel *model, QWidget *parent = nullptr);

    // How often rows sorted by messages or rate are put in order again.
    static constexpr int resortIntervalMs = 1000;
    // How long typing pauses before the filter applies: a regex over a million topics is not free.
    static constexpr int filterDelayMs = 150;
    // When the first topics arrive, the first levels open while at most this many rows show.
    static constexpr int firstArrivalLevels = 2;
    static constexpr int firstArrivalRows = 40;
    // Deletes the retained messages at and below the current topic (the tab asks first).
    static QKeySequence deleteRetainedShortcut();

    // The current topic's node; TopicStore::InvalidId when none is current.
    TopicNodeId currentNode() const;
    void selectNode(TopicNodeId node);
    void focusFilter();

    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *filterModeBox() const { return m_filterMode; }
    QLabel *filterResultLabel() const { return m_filterMessage; }
    ViewInteraction *interaction() const { return m_interaction; }

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
    bool showsChildrenOf(TopicNodeId node) const;
    void applyFilter();
    void showFilterResult();
    void showMatchCount();
    void applySortOrder();
    void resort();
    void holdAnchor();
    void restoreAnchor();
    void expandFirstLevels();
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
    ViewInteraction *m_interaction;
    // The row kept in place across a change of the rows above it, and its top in the viewport.
    QPersistentModelIndex m_anchorRow;
    int m_anchorTop = 0;
    QMetaObject::Connection m_firstArrival;
};

} // namespace mqttscope

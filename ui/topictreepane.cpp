// SPDX-License-Identifier: GPL-3.0-or-later
#include "topictreepane.h"

#include "fieldmessage.h"
#include "models/topicsortfilterproxymodel.h"
#include "models/topictreemodel.h"
#include "viewinteraction.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QScrollBar>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QVarLengthArray>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

TopicTreePane::TopicTreePane(TopicTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new TopicSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_filterMode(new QComboBox(this))
    , m_sort(new QComboBox(this))
    , m_filterMessage(new QLabel(this))
    , m_filterProblem(new FieldMessage(this))
    , m_tree(new QTreeView(this))
    , m_filterDelay(new QTimer(this))
    , m_resortTimer(new QTimer(this))
    , m_interaction(new ViewInteraction(m_tree))
{
    setObjectName(u"topicTreePane"_s);
    m_proxy->setSourceModel(m_model);
    m_model->setChildrenShownTest([pane = QPointer<TopicTreePane>(this)](TopicNodeId node) {
        return pane && pane->showsChildrenOf(node);
    });
    createTree();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(createToolRows());
    layout->addWidget(m_tree, 1);
    connectFilter();
    connectSorting();
    connectKeys();
}

QLayout *TopicTreePane::createToolRows()
{
    m_filter->setObjectName(u"topicFilter"_s);
    m_filter->setPlaceholderText(tr("Filter topics (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filterMode->setObjectName(u"filterMode"_s);
    m_filterMode->addItem(tr("Substring"), int(TopicFilter::Mode::Substring));
    m_filterMode->addItem(tr("Wildcard"), int(TopicFilter::Mode::Wildcard));
    m_filterMode->addItem(tr("Regex"), int(TopicFilter::Mode::RegularExpression));
    m_filterMode->addItem(tr("Payload"), int(TopicFilter::Mode::PayloadText));
    m_filterMode->setToolTip(
        tr("How the filter matches: topic substring, MQTT wildcard filter (+, #), "
           "regular expression, or text in the latest payload"));
    m_sort->setObjectName(u"sortOrder"_s);
    m_sort->addItem(tr("Arrival order"), -1);
    m_sort->addItem(tr("By name"), int(TopicTreeModel::TopicColumn));
    m_sort->addItem(tr("By messages"), int(TopicTreeModel::MessagesColumn));
    m_sort->addItem(tr("By rate"), int(TopicTreeModel::RateColumn));
    auto *expand = new QToolButton(this);
    expand->setText(tr("Expand all"));
    connect(expand, &QToolButton::clicked, m_tree, &QTreeView::expandAll);
    auto *collapse = new QToolButton(this);
    collapse->setText(tr("Collapse all"));
    connect(collapse, &QToolButton::clicked, m_tree, &QTreeView::collapseAll);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_filterMode);
    auto *toolRow = new QHBoxLayout;
    toolRow->addWidget(m_sort);
    toolRow->addStretch();
    toolRow->addWidget(m_filterMessage);
    toolRow->addWidget(expand);
    toolRow->addWidget(collapse);
    auto *rows = new QVBoxLayout;
    rows->addLayout(filterRow);
    rows->addWidget(m_filterProblem);
    rows->addLayout(toolRow);
    return rows;
}

void TopicTreePane::createTree()
{
    m_tree->setObjectName(u"topicTree"_s);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    // The retained marker (and the room for it on other rows) no taller than the text.
    const int markerSize = m_tree->fontMetrics().height() * 3 / 4;
    m_tree->setIconSize(QSize(markerSize, markerSize));
    // The value takes what the pane has left, so every column shows without scrolling sideways;
    // the topic column is the one to drag.
    QHeaderView *header = m_tree->header();
    header->setSectionResizeMode(TopicTreeModel::TopicColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(TopicTreeModel::ValueColumn, QHeaderView::Stretch);
    header->resizeSection(TopicTreeModel::TopicColumn, 220);
    const int numberWidth = m_tree->fontMetrics().horizontalAdvance(u"00000000"_s);
    for (int column :
         {TopicTreeModel::MessagesColumn, TopicTreeModel::TopicsColumn, TopicTreeModel::RateColumn})
        header->resizeSection(column, numberWidth);
    header->setStretchLastSection(false);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { emit currentNodeChanged(currentNode()); });
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &TopicTreePane::requestMenu);
    connect(m_model, &TopicTreeModel::aboutToFlush, this, &TopicTreePane::holdAnchor);
    connect(m_model, &TopicTreeModel::flushed, this, &TopicTreePane::restoreAnchor);
    m_firstArrival =
        connect(m_model, &TopicTreeModel::flushed, this, &TopicTreePane::expandFirstLevels);
}

void TopicTreePane::connectFilter()
{
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(filterDelayMs);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, &TopicTreePane::applyFilter);
    connect(m_filterMode, &QComboBox::currentIndexChanged, this, &TopicTreePane::applyFilter);
    connect(m_model, &TopicTreeModel::filterChanged, this, &TopicTreePane::showFilterResult);
    connect(m_model, &TopicTreeModel::filterMatchCountChanged, this,
            &TopicTreePane::showMatchCount);
}

void TopicTreePane::connectSorting()
{
    // Counts and rates change with every message but the rows stay put between ticks of this
    // timer, so a flood cannot make the tree jump under the mouse.
    m_resortTimer->setInterval(resortIntervalMs);
    connect(m_resortTimer, &QTimer::timeout, this, &TopicTreePane::resort);
    connect(m_sort, &QComboBox::currentIndexChanged, this, &TopicTreePane::applySortOrder);
    // Queued: a menu opening takes the pointer away first and must count as open by then.
    connect(
        m_interaction, &ViewInteraction::settled, this,
        [this] {
            if (m_resortTimer->isActive())
                resort();
        },
        Qt::QueuedConnection);
}

QKeySequence TopicTreePane::deleteRetainedShortcut()
{
    return QKeySequence(Qt::SHIFT | Qt::Key_Delete);
}

void TopicTreePane::connectKeys()
{
    // Del clears the current topic's history (everything when none is current).
    auto *clear = new QShortcut(QKeySequence::Delete, m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(clear, &QShortcut::activated, this, &TopicTreePane::clearHistoryRequested);
    auto *deleteRetained =
        new QShortcut(deleteRetainedShortcut(), m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteRetained, &QShortcut::activated, this, &TopicTreePane::deleteRetainedRequested);
}

TopicNodeId TopicTreePane::nodeAt(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid())
        return TopicStore::InvalidId;
    return m_model->nodeId(m_proxy->mapToSource(proxyIndex));
}

TopicNodeId TopicTreePane::currentNode() const
{
    return nodeAt(m_tree->currentIndex());
}

void TopicTreePane::selectNode(TopicNodeId node)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(node));
    m_tree->scrollTo(index);
    m_tree->setCurrentIndex(index);
}

void TopicTreePane::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void TopicTreePane::applyFilter()
{
    const auto mode = TopicFilter::Mode(m_filterMode->currentData().toInt());
    m_model->setFilter(TopicFilter(mode, m_filter->text()));
    if (!m_filter->text().isEmpty())
        m_tree->expandAll();
}

void TopicTreePane::showFilterResult()
{
    m_filterProblem->showMessage(m_model->filter().problem());
    showMatchCount();
}

void TopicTreePane::showMatchCount()
{
    m_filterMessage->setText(m_model->isFiltered()
                                 ? tr("%n match(es)", nullptr, int(m_model->filterMatchCount()))
                                 : QString());
}

void TopicTreePane::applySortOrder()
{
    const int column = m_sort->currentData().toInt();
    const Qt::SortOrder order =
        column == TopicTreeModel::TopicColumn ? Qt::AscendingOrder : Qt::DescendingOrder;
    m_proxy->sort(column, order);
    if (m_proxy->sortsByTraffic())
        m_resortTimer->start();
    else
        m_resortTimer->stop();
}

void TopicTreePane::resort()
{
    // Selection, current item and expansion are persistent indexes and follow their rows.
    if (!m_tree->isVisible() || m_interaction->isActive())
        return;
    holdAnchor();
    m_proxy->resort();
    restoreAnchor();
}

bool TopicTreePane::showsChildrenOf(TopicNodeId node) const
{
    if (!m_tree->isVisible())
        return false;
    const TopicStore &store = m_model->store();
    QVarLengthArray<TopicNodeId, 16> path; // node up to its top-level ancestor
    for (TopicNodeId n = node; n != TopicStore::RootId; n = store.parent(n))
        path.append(n);
    // From the top down, stopping at the first collapsed row: each row asked for lies under an
    // expanded one, whose rows the proxy has mapped already (it builds no mapping for this).
    for (qsizetype i = path.size() - 1; i >= 0; --i) {
        const QModelIndex row = m_proxy->mapFromSource(m_model->indexOf(path[i]));
        if (!row.isValid() || !m_tree->isExpanded(row))
            return false;
    }
    return true;
}

void TopicTreePane::holdAnchor()
{
    if (!m_tree->isVisible())
        return;
    // Under the pointer, the row there stays there. Otherwise, scrolled down, the first row shown
    // stays first; at the top, the top stays shown (where the busiest topics sort to).
    const QScrollBar *scrollBar = m_tree->verticalScrollBar();
    const std::optional<QPoint> pointer = m_interaction->pointerPosition();
    if (pointer)
        m_anchorRow = m_tree->indexAt(*pointer);
    else if (scrollBar->value() != scrollBar->minimum())
        m_anchorRow = m_tree->indexAt(QPoint(0, 0));
    else
        m_anchorRow = QPersistentModelIndex();
    m_anchorTop = m_anchorRow.isValid() ? m_tree->visualRect(m_anchorRow).top() : 0;
}

void TopicTreePane::restoreAnchor()
{
    if (!m_anchorRow.isValid())
        return;
    const QRect rect = m_tree->visualRect(m_anchorRow);
    m_anchorRow = QPersistentModelIndex();
    const int shift = rect.top() - m_anchorTop;
    if (!rect.isValid() || shift == 0)
        return;
    // Scrolling per item, the scroll bar counts rows (all of one height); per pixel, pixels.
    const bool perPixel = m_tree->verticalScrollMode() == QAbstractItemView::ScrollPerPixel;
    QScrollBar *scrollBar = m_tree->verticalScrollBar();
    scrollBar->setValue(scrollBar->value() + shift / (perPixel ? 1 : rect.height()));
}

void TopicTreePane::expandFirstLevels()
{
    if (m_proxy->rowCount() == 0)
        return; // nothing to see yet (or all hidden by the filter): wait for more
    disconnect(m_firstArrival); // once per tab, so what the user collapses stays collapsed
    // Level by level, so every first-level topic opens before any second level does.
    int shown = m_proxy->rowCount();
    QModelIndexList level;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        level.append(m_proxy->index(row, 0));
    for (int depth = 0; depth < firstArrivalLevels; ++depth) {
        QModelIndexList next;
        for (const QModelIndex &index : std::as_const(level)) {
            const int children = m_proxy->rowCount(index);
            if (children == 0 || shown + children > firstArrivalRows)
                continue;
            m_tree->expand(index);
            shown += children;
            for (int row = 0; row < children; ++row)
                next.append(m_proxy->index(row, 0, index));
        }
        level = std::move(next);
    }
}

void TopicTreePane::requestMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    emit menuRequested(nodeAt(index), m_tree->viewport()->mapToGlobal(position));
}

} // namespace mqttscope

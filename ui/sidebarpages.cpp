// SPDX-License-Identifier: GPL-3.0-or-later
#include "sidebarpages.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPixmap>
#include <QStackedWidget>
#include <QStyle>

namespace mqttscope {

namespace {
constexpr int FlaggedRole = Qt::UserRole + 1;

// Keeps the sign's room on every entry, so that flagging one does not shift its text.
QIcon blankIcon(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    return QIcon(pixmap);
}
} // namespace

SidebarPages::SidebarPages(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
{
    m_list->setObjectName(QStringLiteral("pageList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_list->setIconSize({icon, icon});
    m_list->setSpacing(2);
    connect(m_list, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addWidget(m_stack, 1);
}

int SidebarPages::addPage(QWidget *page, const QString &title)
{
    const int index = m_stack->addWidget(page);
    auto *item = new QListWidgetItem(title, m_list);
    item->setIcon(blankIcon(m_list->iconSize().height()));
    if (m_list->currentRow() < 0)
        m_list->setCurrentRow(index);
    fitListWidth();
    return index;
}

int SidebarPages::count() const
{
    return m_stack->count();
}

int SidebarPages::currentIndex() const
{
    return m_stack->currentIndex();
}

void SidebarPages::setCurrentIndex(int index)
{
    m_list->setCurrentRow(index);
}

QString SidebarPages::pageTitle(int index) const
{
    const QListWidgetItem *item = m_list->item(index);
    return item ? item->text() : QString();
}

void SidebarPages::setPageEnabled(int index, bool enabled)
{
    QListWidgetItem *item = m_list->item(index);
    if (!item)
        return;
    item->setFlags(enabled ? item->flags() | Qt::ItemIsEnabled | Qt::ItemIsSelectable
                           : item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
    m_stack->widget(index)->setEnabled(enabled);
    if (!enabled && m_list->currentRow() == index)
        m_list->setCurrentRow(0);
}

bool SidebarPages::isPageEnabled(int index) const
{
    const QListWidgetItem *item = m_list->item(index);
    return item && item->flags().testFlag(Qt::ItemIsEnabled);
}

void SidebarPages::setPageFlagged(int index, bool flagged)
{
    QListWidgetItem *item = m_list->item(index);
    if (!item || item->data(FlaggedRole).toBool() == flagged)
        return;
    item->setData(FlaggedRole, flagged);
    item->setIcon(flagged ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                          : blankIcon(m_list->iconSize().height()));
}

bool SidebarPages::isPageFlagged(int index) const
{
    const QListWidgetItem *item = m_list->item(index);
    return item && item->data(FlaggedRole).toBool();
}

int SidebarPages::pageOf(const QWidget *widget) const
{
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        if (w->parentWidget() == m_stack)
            return m_stack->indexOf(const_cast<QWidget *>(w));
    }
    return -1;
}

void SidebarPages::fitListWidth()
{
    const int frame = 2 * m_list->frameWidth();
    m_list->setFixedWidth(m_list->sizeHintForColumn(0) + frame + 4);
}

} // namespace mqttscope

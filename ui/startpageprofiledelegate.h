// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace mqttscope {

// Paints a start page row as a command link reads: the arrow, the profile's name in bold and
// under it its address and when it last connected; raised like a button under the mouse. Every
// row is as tall as the next, so a view of a thousand lays them out at once.
class StartPageProfileDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static QFont titleFont(const QFont &base);
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "startpageprofiledelegate.h"

#include "startpageprofilemodel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace mqttscope {
namespace {

constexpr int Margin = 7;
constexpr int IconSize = 20;
constexpr int LineGap = 2;

QStyle *styleOf(const QStyleOptionViewItem &option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

} // namespace

QFont StartPageProfileDelegate::titleFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    return font;
}

void StartPageProfileDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QStyle *style = styleOf(option);
    if (option.state & QStyle::State_MouseOver) {
        QStyleOptionButton panel;
        panel.QStyleOption::operator=(option);
        panel.state = QStyle::State_Enabled | QStyle::State_Raised | QStyle::State_MouseOver;
        style->drawPrimitive(QStyle::PE_PanelButtonCommand, &panel, painter, option.widget);
    }
    if (option.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(option);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, option.widget);
    }
    const QRect area = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
    const QIcon arrow = style->standardIcon(QStyle::SP_CommandLink, &option, option.widget);
    arrow.paint(painter, QRect(area.topLeft(), QSize(IconSize, IconSize)));

    const int textLeft = area.left() + IconSize + Margin;
    const QFont title = titleFont(option.font);
    const QFontMetrics titleMetrics(title);
    const QFontMetrics metrics(option.font);
    const int width = area.right() - textLeft;
    painter->save();
    painter->setPen(option.palette.color(QPalette::ButtonText));
    painter->setFont(title);
    painter->drawText(QRect(textLeft, area.top(), width, titleMetrics.height()), Qt::AlignLeft,
                      titleMetrics.elidedText(index.data().toString(), Qt::ElideRight, width));
    painter->setFont(option.font);
    const QString description = index.data(StartPageProfileModel::DescriptionRole).toString();
    painter->drawText(
        QRect(textLeft, area.top() + titleMetrics.height() + LineGap, width, metrics.height()),
        Qt::AlignLeft, metrics.elidedText(description, Qt::ElideRight, width));
    painter->restore();
}

QSize StartPageProfileDelegate::sizeHint(const QStyleOptionViewItem &option,
                                         const QModelIndex &) const
{
    const int text = QFontMetrics(titleFont(option.font)).height() + LineGap
        + QFontMetrics(option.font).height();
    return {IconSize + 3 * Margin, 2 * Margin + std::max(IconSize, text)};
}

} // namespace mqttscope

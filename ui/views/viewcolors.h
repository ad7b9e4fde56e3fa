// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

namespace mqttscope {

// Colours derived from the widget's palette so that the views read well in light and dark themes:
// a tint is the accent blended into the base colour, a foreground accent is pushed towards enough
// contrast with the base.
QColor tintedBackground(const QPalette &palette, const QColor &accent, qreal amount = 0.28);
QColor readableAccent(const QPalette &palette, const QColor &accent);
bool isDarkPalette(const QPalette &palette);

} // namespace mqttscope

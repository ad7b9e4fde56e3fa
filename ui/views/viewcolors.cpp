// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/viewcolors.h"

namespace mqttscope {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor tintedBackground(const QPalette &palette, const QColor &accent, qreal amount)
{
    const QColor base = palette.color(QPalette::Base);
    const auto mix = [amount](float from, float to) { return from + (to - from) * float(amount); };
    return QColor::fromRgbF(mix(base.redF(), accent.redF()), mix(base.greenF(), accent.greenF()),
                            mix(base.blueF(), accent.blueF()));
}

QColor readableAccent(const QPalette &palette, const QColor &accent)
{
    // The same hue, lighter on a dark base and darker on a light one.
    return isDarkPalette(palette) ? accent.lighter(150) : accent.darker(130);
}

} // namespace mqttscope

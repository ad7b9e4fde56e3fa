// SPDX-License-Identifier: GPL-3.0-or-later
#include "darkpalette.h"

namespace mqttscope {

QPalette darkFusionPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x54, 0x8a, 0xf7));
    p.setColor(QPalette::LinkVisited, QColor(0x9e, 0x7b, 0xf0));
    p.setColor(QPalette::Light, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::Midlight, QColor(0x35, 0x37, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x24, 0x25, 0x27));
    p.setColor(QPalette::Dark, QColor(0x19, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    // Disabled text must stay readable on the dark window yet look off.
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6f, 0x72, 0x77));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x44, 0x47, 0x4b));
    return p;
}

} // namespace mqttscope

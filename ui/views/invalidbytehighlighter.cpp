// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/invalidbytehighlighter.h"

#include "views/payloadrendering.h"
#include "views/viewcolors.h"

#include <QTextBlock>

#include <algorithm>

namespace mqttscope {

InvalidByteHighlighter::InvalidByteHighlighter(const QPalette &palette, QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setPalette(palette);
}

void InvalidByteHighlighter::setPalette(const QPalette &palette)
{
    m_format.setBackground(tintedBackground(palette, QColor(0xe0, 0x30, 0x30), 0.45));
    m_format.setForeground(palette.color(QPalette::Text));
    m_format.setFontWeight(QFont::Bold);
    rehighlight();
}

void InvalidByteHighlighter::setMarkers(const QList<qsizetype> &positions)
{
    m_markers = positions;
    rehighlight();
}

void InvalidByteHighlighter::highlightBlock(const QString &text)
{
    const qsizetype blockStart = currentBlock().position();
    const qsizetype blockEnd = blockStart + text.size();
    for (auto it = std::lower_bound(m_markers.cbegin(), m_markers.cend(), blockStart);
         it != m_markers.cend() && *it < blockEnd; ++it) {
        setFormat(int(*it - blockStart), int(MarkedText::markerLength), m_format);
    }
}

} // namespace mqttscope

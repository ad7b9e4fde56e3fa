// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/jsonhighlighter.h"

#include "views/viewcolors.h"

namespace mqttscope {

JsonHighlighter::JsonHighlighter(const QPalette &palette, QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setPalette(palette);
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    m_key.setForeground(readableAccent(palette, QColor(0x1f, 0x5f, 0xbf)));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(readableAccent(palette, QColor(0x2e, 0x8b, 0x2e)));
    m_number.setForeground(readableAccent(palette, QColor(0xc0, 0x60, 0x00)));
    m_literal.setForeground(readableAccent(palette, QColor(0x9b, 0x30, 0xb0)));
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = text[i];
        if (c == u'"') {
            const qsizetype start = i;
            for (++i; i < size && text[i] != u'"'; ++i) {
                if (text[i] == u'\\')
                    ++i;
            }
            ++i; // past the closing quote
            qsizetype after = i;
            while (after < size && text[after].isSpace())
                ++after;
            const bool isKey = after < size && text[after] == u':';
            setFormat(int(start), int(qMin(i, size) - start), isKey ? m_key : m_string);
        } else if (c == u'-' || c.isDigit()) {
            const qsizetype start = i;
            while (i < size
                   && (text[i].isDigit() || text[i] == u'.' || text[i] == u'e' || text[i] == u'E'
                       || text[i] == u'+' || text[i] == u'-'))
                ++i;
            setFormat(int(start), int(i - start), m_number);
        } else if (c.isLetter()) {
            const qsizetype start = i;
            while (i < size && text[i].isLetter())
                ++i;
            setFormat(int(start), int(i - start), m_literal);
        } else {
            ++i;
        }
    }
}

} // namespace mqttscope

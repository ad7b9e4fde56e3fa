// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace mqttscope {

// Marks the `\xNN` stand-ins for invalid UTF-8 bytes made by decodeUtf8Marked(). It colours the
// positions the decoder recorded, not every `\x` in the text, so a payload that literally
// contains a backslash and an x is not flagged.
class InvalidByteHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    InvalidByteHighlighter(const QPalette &palette, QTextDocument *document);

    void setPalette(const QPalette &palette);
    // Positions in the document, ascending; each marks MarkedText::markerLength characters.
    void setMarkers(const QList<qsizetype> &positions);

protected:
    void highlightBlock(const QString &text) override;

private:
    QList<qsizetype> m_markers;
    QTextCharFormat m_format;
};

} // namespace mqttscope

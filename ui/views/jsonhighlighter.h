// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace mqttscope {

// Colours JSON keys, strings, numbers and literals. Works line by line, which is exact for JSON
// because a JSON string cannot hold a raw line break. Colours come from the palette given, so
// they stay readable in dark themes; setPalette() re-colours when the theme changes.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    JsonHighlighter(const QPalette &palette, QTextDocument *document);

    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/diffview.h"

#include "explorer/payloadformat.h"
#include "views/payloadrendering.h"
#include "views/viewcolors.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
{
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_text, 1);
    clear();
}

QStringList DiffView::comparableLines(const QByteArray &payload, bool asJson, bool asText)
{
    if (asJson) {
        if (const std::optional<QString> pretty = prettyJson(payload))
            return pretty->split(u'\n');
    }
    if (asText) {
        QStringList lines = QString::fromUtf8(payload).split(u'\n');
        for (QString &line : lines) {
            if (line.endsWith(u'\r'))
                line.chop(1);
        }
        return lines;
    }
    QStringList lines;
    const qsizetype rows = hexDumpRowCount(payload.size());
    lines.reserve(rows);
    for (qsizetype row = 0; row < rows; ++row)
        lines.append(hexDumpRow(payload, row).line());
    return lines;
}

void DiffView::setPayloads(const QByteArray &before, const QByteArray &after)
{
    if (before.size() > maximumBytes || after.size() > maximumBytes) {
        // Decided from the sizes, before anything is pretty-printed or split.
        const QLocale locale;
        showTooBig(before == after,
                   tr("Differs from the previous message of this topic (%1 and %2: too big to "
                      "compare line by line)")
                       .arg(locale.formattedDataSize(before.size()),
                            locale.formattedDataSize(after.size())));
        return;
    }
    const bool asJson = Payload::detectFormat(before) == PayloadFormat::Json
        && Payload::detectFormat(after) == PayloadFormat::Json;
    const bool asText = QByteArrayView(before).isValidUtf8() && QByteArrayView(after).isValidUtf8();
    const QStringList beforeLines = comparableLines(before, asJson, asText);
    const QStringList afterLines = comparableLines(after, asJson, asText);
    if (beforeLines.size() > maximumLines || afterLines.size() > maximumLines) {
        showTooBig(before == after,
                   tr("Differs from the previous message of this topic (%1 and %2 "
                      "lines: too long to compare line by line)")
                       .arg(beforeLines.size())
                       .arg(afterLines.size()));
        return;
    }
    m_lines = diffLines(beforeLines, afterLines);
    showLines();
}

void DiffView::showTooBig(bool identical, const QString &differs)
{
    m_lines.clear();
    m_text->clear();
    m_summary->setText(identical ? tr("Identical to the previous message of this topic") : differs);
}

void DiffView::showNoPrevious()
{
    m_lines.clear();
    m_text->clear();
    m_summary->setText(
        tr("This is the first message of its topic: there is nothing to compare it with."));
}

void DiffView::clear()
{
    m_lines.clear();
    m_text->clear();
    m_summary->setText(tr("No message selected"));
}

void DiffView::showLines()
{
    int added = 0;
    int removed = 0;
    QStringList shown;
    shown.reserve(m_lines.size());
    for (const DiffLine &line : std::as_const(m_lines)) {
        QString prefix = u"  "_s;
        if (line.kind == DiffLine::Added) {
            prefix = u"+ "_s;
            ++added;
        } else if (line.kind == DiffLine::Removed) {
            prefix = u"- "_s;
            ++removed;
        }
        // A lone carriage return would start a new block and misalign the colours below it.
        shown.append(prefix + QString(line.text).replace(u'\r', QChar(0x240D)));
    }
    const QString text = shown.join(u'\n');
    m_text->setPlainText(text);
    if (added == 0 && removed == 0)
        m_summary->setText(tr("Identical to the previous message of this topic"));
    else
        m_summary->setText(
            tr("Against the previous message of this topic: lines added %1, removed %2")
                .arg(added)
                .arg(removed));

    // Block backgrounds span the full width in QPlainTextEdit, unlike character formats.
    QTextBlockFormat addedFormat;
    addedFormat.setBackground(tintedBackground(palette(), QColor(0x30, 0xb0, 0x40)));
    QTextBlockFormat removedFormat;
    removedFormat.setBackground(tintedBackground(palette(), QColor(0xe0, 0x40, 0x40)));
    QTextCursor cursor(m_text->document());
    QTextBlock block = m_text->document()->firstBlock();
    for (const DiffLine &line : std::as_const(m_lines)) {
        if (!block.isValid())
            break;
        if (line.kind != DiffLine::Same) {
            cursor.setPosition(block.position());
            cursor.setBlockFormat(line.kind == DiffLine::Added ? addedFormat : removedFormat);
        }
        block = block.next();
    }
}

void DiffView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && !m_lines.isEmpty())
        showLines();
    QWidget::changeEvent(event);
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/linediff.h"

#include <QByteArray>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace mqttscope {

// A line diff of one payload against the previous payload of the same topic: added lines on a
// green tint, removed lines on a red one, both taken from the palette so dark themes work. Two
// JSON payloads are pretty-printed first so that a change of one field is one changed line; two
// payloads that are not both UTF-8 text are compared as hex dumps.
//
// Payloads of more than maximumBytes or maximumLines lines are not diffed line by line (that
// would take seconds and show a wall of colour); the view then says only whether they are
// identical.
class DiffView : public QWidget
{
    Q_OBJECT
public:
    static constexpr qsizetype maximumLines = 20000;
    static constexpr qsizetype maximumBytes = 512 * 1024;

    explicit DiffView(QWidget *parent = nullptr);

    void setPayloads(const QByteArray &before, const QByteArray &after);
    // The selected message is the first of its topic: nothing to compare it with.
    void showNoPrevious();
    void clear();

    QList<DiffLine> lines() const { return m_lines; }

    // The lines a payload is compared as (see the class comment); `asJson` pretty-prints it.
    static QStringList comparableLines(const QByteArray &payload, bool asJson, bool asText);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showLines();
    void showTooBig(bool identical, const QString &differs);

    QList<DiffLine> m_lines;
    QLabel *m_summary;
    QPlainTextEdit *m_text;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

namespace mqttscope {

// One line of text that fits whatever width it gets: cut with "…" at the end when too long,
// the whole text in the tooltip. It never asks for more width, so neighbours never overlap.
class ElidedLabel : public QFrame
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    // What the label shows at its current width.
    QString shownText() const;
    // Said in the tooltip below the text itself.
    void setDetail(const QString &detail);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateToolTip();

    QString m_text;
    QString m_detail;
};

} // namespace mqttscope

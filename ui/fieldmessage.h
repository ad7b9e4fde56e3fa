// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace mqttscope {

// A one-line message shown next to (under) an input field: a warning icon and the text, hidden
// when there is nothing to say. Takes its colours from the palette, so it reads in dark themes.
class FieldMessage : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Error, Warning };

    explicit FieldMessage(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind = Kind::Error);
    void clearMessage();
    QString text() const;

private:
    QLabel *m_icon;
    QLabel *m_text;
};

} // namespace mqttscope

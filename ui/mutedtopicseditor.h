// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace mqttscope {

class FieldMessage;

// The profile editor's muted topics: topic filters whose messages the explorer only counts.
// Offers $SYS/# (the broker's own chatter) as a suggestion until it is in the list.
class MutedTopicsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MutedTopicsEditor(QWidget *parent = nullptr);

    QStringList patterns() const;
    void setPatterns(const QStringList &patterns);

signals:
    void changed();

private:
    void addPattern(const QString &pattern);
    void updateButtons();

    QListWidget *m_list;
    QLineEdit *m_pattern;
    FieldMessage *m_problem;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_suggestion;
};

} // namespace mqttscope

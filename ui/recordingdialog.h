// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recording/recordingoptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace mqttscope {

// Asks where to record and what: the file (a timestamped one under Recordings by default), the
// topic filters to keep (none: everything received), whether to keep what was published, the
// size budget and what to do when it is reached.
class RecordingDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RecordingDialog(const QString &defaultPath, QWidget *parent = nullptr);

    QString path() const;
    RecordingOptions options() const;

    void accept() override; // only with a file and valid filters

private:
    void browse();
    QList<QString> filters() const;
    QString problem() const; // why the choices cannot be recorded; empty when they can

    QLineEdit *m_path;
    QPlainTextEdit *m_filters;
    QCheckBox *m_published;
    QSpinBox *m_budgetMiB;
    QComboBox *m_whenFull;
    QLabel *m_problem;
};

} // namespace mqttscope

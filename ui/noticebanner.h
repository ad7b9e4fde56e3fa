// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace mqttscope {

// A banner across the top of a connection tab. A problem (a refused login, an untrusted
// certificate) shows its whole reason, what to check, and the ways on: "Edit connection…" and
// "Retry"; a warning (a recording that failed) shows its whole reason and what to do, and can be
// closed; a notice (the outcome of an action) just says what happened and can be closed.
// Hidden while there is nothing to say.
class NoticeBanner : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBanner(QWidget *parent = nullptr);

    enum class Kind { None, Problem, Warning, Notice };
    Kind kind() const { return m_kind; }

    void showProblem(const QString &title, const QString &reason, const QString &hint);
    void showWarning(const QString &title, const QString &reason, const QString &hint);
    void showNotice(const QString &text);
    void dismiss();

    QString title() const;
    QString reason() const;
    QString hint() const;

signals:
    void editRequested();
    void retryRequested();

private:
    void show(Kind kind);

    Kind m_kind = Kind::None;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_reason;
    QLabel *m_hint;
    QPushButton *m_edit;
    QPushButton *m_retry;
    QToolButton *m_close;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QListWidget;
class QStackedWidget;

namespace mqttscope {

// Pages chosen from a list down the left side, as settings dialogs do: unlike tabs, a dozen
// pages stay readable at any width, and a page can be marked as holding a problem.
class SidebarPages : public QWidget
{
    Q_OBJECT
public:
    explicit SidebarPages(QWidget *parent = nullptr);

    int addPage(QWidget *page, const QString &title);
    int count() const;
    int currentIndex() const;
    void setCurrentIndex(int index);
    QString pageTitle(int index) const;
    void setPageEnabled(int index, bool enabled);
    bool isPageEnabled(int index) const;
    // Marks the page's entry with a warning sign, e.g. while a field on it has a bad value.
    void setPageFlagged(int index, bool flagged);
    bool isPageFlagged(int index) const;
    // The page that holds widget, or -1.
    int pageOf(const QWidget *widget) const;

private:
    void fitListWidth();

    QListWidget *m_list;
    QStackedWidget *m_stack;
};

} // namespace mqttscope

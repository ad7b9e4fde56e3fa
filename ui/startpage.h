// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionprofile.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;

namespace mqttscope {

class ProfileStore;
class StartPageProfileModel;

// The page the window shows while no connection is open: the saved profiles, most recently
// connected first, each one click from connecting (name, address, when it last connected), with
// a filter above a long list; an offer to reopen the tabs of the last session; and, before any
// profile exists, what to do first. The list is a view of a model, so a thousand profiles cost
// the rows on screen, not a widget each.
class StartPage : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(const ProfileStore *profiles, QWidget *parent = nullptr);

    // Offers to reopen the last session's `tabCount` tabs; 0 withdraws the offer.
    void offerSession(int tabCount);
    QPushButton *reopenButton() const { return m_reopenButton; }
    QListView *profileList() const { return m_list; } // rows of StartPageProfileModel
    QLineEdit *profileFilter() const { return m_filter; }

    // "Folder / Name", or the name alone: how lists and menus name a profile.
    static QString profileLabel(const ConnectionProfile &profile);
    // "Last connected today at 14:05", "… yesterday at 09:12", "… on 03/04/2024", "Never
    // connected".
    static QString lastConnectedText(const QDateTime &when, const QDateTime &now);

signals:
    void connectRequested(const QUuid &profile);
    void reopenSessionRequested();
    void newConnectionRequested();
    void manageConnectionsRequested();

protected:
    // The last-connected times change while the page is hidden behind the tabs.
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override; // Enter on a row connects

private:
    QWidget *createButtonRow();
    void setUpProfileList();
    void refreshProfileList();
    void connectTo(const QModelIndex &row);

    const ProfileStore *m_profiles;
    StartPageProfileModel *m_model;
    QSortFilterProxyModel *m_filtered;
    QPushButton *m_reopenButton;
    QLabel *m_listTitle;
    QLabel *m_emptyText;
    QLineEdit *m_filter;
    QListView *m_list;
};

} // namespace mqttscope

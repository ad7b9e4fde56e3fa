// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QUuid>

namespace mqttscope {

class ProfileStore;

// The start page's saved profiles, most recently connected first, then the never connected by
// name: one row each, its texts made only when a view asks for them (a thousand profiles make
// a thousand rows, of which a screenful is painted).
class StartPageProfileModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        DescriptionRole = Qt::UserRole + 1, // "address · Last connected today at 14:05"
        ProfileIdRole,
        FilterTextRole, // what a filter looks in: the label, address and tags
    };

    explicit StartPageProfileModel(const ProfileStore *profiles, QObject *parent = nullptr);

    // Reads the profiles and when each last connected again; the times are told against now.
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QUuid id;
        QString label; // StartPage::profileLabel
        QString address;
        QString tags;
        QDateTime lastConnected;
    };

    const ProfileStore *m_profiles;
    QList<Row> m_rows;
    QDateTime m_now;
};

} // namespace mqttscope

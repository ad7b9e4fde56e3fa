// SPDX-License-Identifier: GPL-3.0-or-later
#include "startpageprofilemodel.h"

#include "profiles/profilestore.h"
#include "recentconnections.h"
#include "startpage.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

StartPageProfileModel::StartPageProfileModel(const ProfileStore *profiles, QObject *parent)
    : QAbstractListModel(parent)
    , m_profiles(profiles)
{
}

void StartPageProfileModel::refresh()
{
    beginResetModel();
    const QHash<QUuid, QDateTime> connected = RecentConnections().lastConnectedTimes();
    const QList<ConnectionProfile> profiles = m_profiles->profiles();
    m_rows.clear();
    m_rows.reserve(profiles.size());
    for (const ConnectionProfile &profile : profiles)
        m_rows.append({profile.id, StartPage::profileLabel(profile), profile.displayAddress(),
                       profile.tags.join(u' '), connected.value(profile.id)});
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        if (a.lastConnected.isValid() != b.lastConnected.isValid())
            return a.lastConnected.isValid();
        if (a.lastConnected != b.lastConnected)
            return a.lastConnected > b.lastConnected;
        return a.label.compare(b.label, Qt::CaseInsensitive) < 0;
    });
    m_now = QDateTime::currentDateTime();
    endResetModel();
}

int StartPageProfileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant StartPageProfileModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return row.label;
    case DescriptionRole:
    case Qt::AccessibleDescriptionRole:
        return row.address + u" · "_s + StartPage::lastConnectedText(row.lastConnected, m_now);
    case Qt::ToolTipRole:
        return StartPage::tr("Connect to %1").arg(row.address);
    case ProfileIdRole:
        return row.id;
    case FilterTextRole:
        return row.label + u' ' + row.address + u' ' + row.tags;
    default:
        return {};
    }
}

} // namespace mqttscope

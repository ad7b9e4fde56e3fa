// SPDX-License-Identifier: GPL-3.0-or-later
#include "startpage.h"

#include "profiles/profilestore.h"
#include "recentconnections.h"

#include <QCommandLinkButton>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

constexpr int ColumnWidth = 560; // wide enough for a long name with its address

struct ProfileUse
{
    ConnectionProfile profile;
    QDateTime lastConnected;
};

// Most recently connected first, then the never connected by name.
QList<ProfileUse> byLastConnected(const QList<ConnectionProfile> &profiles)
{
    const RecentConnections recent;
    QList<ProfileUse> uses;
    for (const ConnectionProfile &profile : profiles)
        uses.append({profile, recent.lastConnected(profile.id)});
    std::stable_sort(uses.begin(), uses.end(), [](const ProfileUse &a, const ProfileUse &b) {
        if (a.lastConnected.isValid() != b.lastConnected.isValid())
            return a.lastConnected.isValid();
        if (a.lastConnected != b.lastConnected)
            return a.lastConnected > b.lastConnected;
        return StartPage::profileLabel(a.profile).compare(StartPage::profileLabel(b.profile),
                                                          Qt::CaseInsensitive)
            < 0;
    });
    return uses;
}

} // namespace

StartPage::StartPage(const ProfileStore *profiles, QWidget *parent)
    : QWidget(parent)
    , m_profiles(profiles)
    , m_reopenButton(new QPushButton(this))
    , m_listTitle(new QLabel(tr("<b>Saved connections</b>"), this))
    , m_emptyText(new QLabel(this))
    , m_scrollArea(new QScrollArea(this))
{
    setObjectName(u"startPage"_s);
    m_reopenButton->setObjectName(u"reopenSession"_s);
    m_reopenButton->hide();
    connect(m_reopenButton, &QPushButton::clicked, this, &StartPage::reopenSessionRequested);
    m_emptyText->setObjectName(u"noProfiles"_s);
    m_emptyText->setWordWrap(true);
    m_emptyText->setText(tr(
        "<p>No saved connections yet.</p><p>Create one for your broker with <b>New "
        "connection…</b> (a local mosquitto listens on <i>localhost</i>, port 1883), or start "
        "mqttscope with a broker's URL: <tt>mqttscope mqtt://localhost:1883/sensors/#</tt></p>"));

    auto *list = new QWidget(m_scrollArea);
    m_profileLayout = new QVBoxLayout(list);
    m_profileLayout->setContentsMargins(0, 0, 0, 0);
    m_profileLayout->setSpacing(2);
    m_scrollArea->setWidget(list);
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // As tall as the list when it is short, so the page stays centred; scrolled when it is long.
    m_scrollArea->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);

    auto *column = new QWidget(this);
    column->setFixedWidth(ColumnWidth);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->addWidget(new QLabel(tr("<h2>mqttscope</h2>"), column), 0, Qt::AlignHCenter);
    columnLayout->addWidget(
        new QLabel(tr("Open a connection to browse a broker's topics live."), column), 0,
        Qt::AlignHCenter);
    columnLayout->addSpacing(12);
    columnLayout->addWidget(m_reopenButton, 0, Qt::AlignHCenter);
    columnLayout->addWidget(m_listTitle);
    columnLayout->addWidget(m_scrollArea);
    columnLayout->addWidget(m_emptyText);
    columnLayout->addWidget(createButtonRow());

    // Centred by stretches, not by an alignment flag: an aligned item gets its size hint, which
    // is too short for the wrapped text of an empty list; a box row asks for the height at
    // the column's width.
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(column);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addLayout(row);
    layout->addStretch();
    connect(m_profiles, &ProfileStore::profilesChanged, this, &StartPage::rebuildProfileList);
    rebuildProfileList();
}

QWidget *StartPage::createButtonRow()
{
    auto *row = new QWidget(this);
    auto *newButton = new QPushButton(tr("New connection…"), row);
    newButton->setObjectName(u"startNewConnection"_s);
    auto *manageButton = new QPushButton(tr("Saved connections…"), row);
    manageButton->setObjectName(u"startManageConnections"_s);
    connect(newButton, &QPushButton::clicked, this, &StartPage::newConnectionRequested);
    connect(manageButton, &QPushButton::clicked, this, &StartPage::manageConnectionsRequested);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch();
    layout->addWidget(newButton);
    layout->addWidget(manageButton);
    layout->addStretch();
    return row;
}

void StartPage::offerSession(int tabCount)
{
    m_reopenButton->setText(tr("Reopen last session (%n tab(s))", nullptr, tabCount));
    m_reopenButton->setVisible(tabCount > 0);
}

void StartPage::showEvent(QShowEvent *event)
{
    rebuildProfileList();
    QWidget::showEvent(event);
}

void StartPage::rebuildProfileList()
{
    while (QLayoutItem *item = m_profileLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QList<ProfileUse> uses = byLastConnected(m_profiles->profiles());
    const QDateTime now = QDateTime::currentDateTime();
    for (const ProfileUse &use : uses) {
        QPushButton *button = createProfileButton(use.profile, use.lastConnected, now);
        m_profileLayout->addWidget(button);
        button->show(); // now, not on the next event, so that the list's size counts it
    }
    const bool empty = uses.isEmpty();
    m_listTitle->setVisible(!empty);
    m_scrollArea->setVisible(!empty);
    m_emptyText->setVisible(empty);
}

QPushButton *StartPage::createProfileButton(const ConnectionProfile &profile, const QDateTime &when,
                                            const QDateTime &now)
{
    auto *button = new QCommandLinkButton(
        profileLabel(profile), profile.displayAddress() + u" · "_s + lastConnectedText(when, now),
        m_scrollArea->widget());
    button->setObjectName(u"startProfile"_s);
    button->setToolTip(tr("Connect to %1").arg(profile.displayAddress()));
    const QUuid id = profile.id;
    connect(button, &QPushButton::clicked, this, [this, id] { emit connectRequested(id); });
    return button;
}

QString StartPage::profileLabel(const ConnectionProfile &profile)
{
    return profile.folder.isEmpty() ? profile.name : profile.folder + u" / "_s + profile.name;
}

QString StartPage::lastConnectedText(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return tr("Never connected");
    const QLocale locale;
    const QString time = locale.toString(when.time(), QLocale::ShortFormat);
    const qint64 daysAgo = when.date().daysTo(now.date());
    if (daysAgo == 0)
        return tr("Last connected today at %1").arg(time);
    if (daysAgo == 1)
        return tr("Last connected yesterday at %1").arg(time);
    return tr("Last connected on %1").arg(locale.toString(when.date(), QLocale::ShortFormat));
}

} // namespace mqttscope

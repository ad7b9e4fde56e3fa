// SPDX-License-Identifier: GPL-3.0-or-later
#include "startpage.h"

#include "profiles/profilestore.h"
#include "startpageprofiledelegate.h"
#include "startpageprofilemodel.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

constexpr int ColumnWidth = 560; // wide enough for a long name with its address
constexpr int FilterFromProfiles = 9; // below this many the whole list fits: no filter

} // namespace

StartPage::StartPage(const ProfileStore *profiles, QWidget *parent)
    : QWidget(parent)
    , m_profiles(profiles)
    , m_reopenButton(new QPushButton(this))
    , m_listTitle(new QLabel(tr("<b>Saved connections</b>"), this))
    , m_emptyText(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QListView(this))
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

    setUpProfileList();

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
    columnLayout->addWidget(m_filter);
    columnLayout->addWidget(m_list);
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
    // Filled when shown (showEvent), not here as well: with a thousand profiles a refresh is
    // 11 M instructions of a start's 336 M.
    connect(m_profiles, &ProfileStore::profilesChanged, this, &StartPage::refreshProfileList);
}

void StartPage::setUpProfileList()
{
    m_model = new StartPageProfileModel(m_profiles, this);
    m_filtered = new QSortFilterProxyModel(this);
    m_filtered->setSourceModel(m_model);
    m_filtered->setFilterRole(StartPageProfileModel::FilterTextRole);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setObjectName(u"startProfileFilter"_s);
    m_filter->setPlaceholderText(tr("Filter saved connections"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_filtered,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::returnPressed, this,
            [this] { connectTo(m_filtered->index(0, 0)); });

    m_list->setObjectName(u"startProfiles"_s);
    m_list->setModel(m_filtered);
    m_list->setItemDelegate(new StartPageProfileDelegate(m_list));
    m_list->setUniformItemSizes(true); // laid out at once however many rows there are
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->viewport()->setAttribute(Qt::WA_Hover);
    m_list->viewport()->setBackgroundRole(QPalette::Window);
    // As tall as the list when it is short, so the page stays centred; scrolled when it is long.
    m_list->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_list->installEventFilter(this);
    connect(m_list, &QListView::clicked, this, &StartPage::connectTo);
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
    refreshProfileList();
    QWidget::showEvent(event);
}

bool StartPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            connectTo(m_list->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void StartPage::refreshProfileList()
{
    m_model->refresh();
    const int count = m_model->rowCount();
    m_listTitle->setVisible(count > 0);
    m_list->setVisible(count > 0);
    m_filter->setVisible(count >= FilterFromProfiles);
    m_emptyText->setVisible(count == 0);
}

void StartPage::connectTo(const QModelIndex &row)
{
    if (row.isValid())
        emit connectRequested(row.data(StartPageProfileModel::ProfileIdRole).toUuid());
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

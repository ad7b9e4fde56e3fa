// SPDX-License-Identifier: GPL-3.0-or-later
#include "subscriptionspanel.h"

#include "fieldmessage.h"
#include "protocol/topic.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

enum Column { FilterColumn, QosColumn, OptionsColumn, ResultColumn };
constexpr int RequestIdRole = Qt::UserRole + 1;
constexpr int SubscriptionRole = Qt::UserRole + 2; // packed options, see pack()
constexpr int SubscriptionIdRole = Qt::UserRole + 3;
constexpr int StateRole = Qt::UserRole + 4; // RowState

// Where a listed filter stands; an unsubscribed one is kept to show the broker's answer.
enum class RowState { Subscribing, Subscribed, Unsubscribing, Unsubscribed };

RowState rowState(const QTreeWidgetItem *item)
{
    return RowState(item->data(FilterColumn, StateRole).toInt());
}

int pack(const Subscription &s)
{
    return s.qos | (s.noLocal ? 4 : 0) | (s.retainAsPublished ? 8 : 0)
        | (int(s.retainHandling) << 4);
}

Subscription unpack(const QString &filter, int packed)
{
    return Subscription{.filter = filter,
                        .qos = quint8(packed & 3),
                        .noLocal = bool(packed & 4),
                        .retainAsPublished = bool(packed & 8),
                        .retainHandling = RetainHandling((packed >> 4) & 3)};
}

} // namespace

SubscriptionsPanel::SubscriptionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_filterMessage(new FieldMessage(this))
    , m_qos(new QComboBox(this))
    , m_noLocal(new QCheckBox(tr("No local"), this))
    , m_retainAsPublished(new QCheckBox(tr("Retain as published"), this))
    , m_retainHandling(new QComboBox(this))
    , m_subscriptionId(new QSpinBox(this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(u"subscriptionsPanel"_s);
    m_filter->setObjectName(u"subscriptionFilter"_s);
    m_filter->setPlaceholderText(tr("Topic filter, e.g. sensors/+/temperature or #"));
    m_filter->setClearButtonEnabled(true);
    for (int qos = 0; qos <= 2; ++qos)
        m_qos->addItem(tr("QoS %1").arg(qos), qos);
    m_noLocal->setToolTip(tr("Do not receive the messages this connection publishes"));
    m_retainAsPublished->setObjectName(u"subscriptionRetainAsPublished"_s);
    m_retainAsPublished->setToolTip(tr("Keep the retain flag as the publisher set it"));
    // On, like the profile's own subscriptions: without it the broker clears the flag on live
    // messages [MQTT-3.3.1-12], and the tree could not mark the values the broker keeps.
    m_retainAsPublished->setChecked(true);
    m_retainHandling->addItem(tr("Send retained"), int(RetainHandling::SendAtSubscribe));
    m_retainHandling->addItem(tr("Send retained if new"),
                              int(RetainHandling::SendAtSubscribeIfNew));
    m_retainHandling->addItem(tr("No retained"), int(RetainHandling::DoNotSend));
    m_subscriptionId->setRange(0, 268435455); // a variable byte integer [MQTT-3.8.2.1.2]
    m_subscriptionId->setSpecialValueText(tr("no id"));
    m_subscriptionId->setToolTip(tr("Subscription identifier"));

    auto *add = new QPushButton(tr("Subscribe"), this);
    add->setObjectName(u"subscribeButton"_s);
    auto *remove = new QPushButton(tr("Unsubscribe"), this);
    remove->setObjectName(u"unsubscribeButton"_s);
    remove->setToolTip(tr("Unsubscribe the selected filters (Del)"));

    m_list->setObjectName(u"subscriptionList"_s);
    m_list->setHeaderLabels({tr("Filter"), tr("QoS"), tr("Options"), tr("Result")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // The filter takes the room left; the others show their whole text ("granted QoS 1").
    QHeaderView *header = m_list->header();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FilterColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);

    auto *formRow = new QHBoxLayout;
    formRow->addWidget(m_filter, 1);
    formRow->addWidget(m_qos);
    formRow->addWidget(add);
    auto *optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_noLocal);
    optionsRow->addWidget(m_retainAsPublished);
    optionsRow->addWidget(m_retainHandling);
    optionsRow->addWidget(m_subscriptionId);
    optionsRow->addStretch();
    optionsRow->addWidget(remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(formRow);
    layout->addWidget(m_filterMessage);
    layout->addLayout(optionsRow);
    layout->addWidget(m_list, 1);

    connect(add, &QPushButton::clicked, this, &SubscriptionsPanel::addFromForm);
    connect(m_filter, &QLineEdit::returnPressed, this, &SubscriptionsPanel::addFromForm);
    connect(m_filter, &QLineEdit::textChanged, m_filterMessage, &FieldMessage::clearMessage);
    connect(remove, &QPushButton::clicked, this, &SubscriptionsPanel::removeSelected);
    auto *del = new QShortcut(QKeySequence::Delete, m_list);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &SubscriptionsPanel::removeSelected);
}

void SubscriptionsPanel::setMqtt5(bool enabled)
{
    m_mqtt5 = enabled;
    for (QWidget *w : std::initializer_list<QWidget *>{m_noLocal, m_retainAsPublished,
                                                       m_retainHandling, m_subscriptionId})
        w->setVisible(enabled);
}

void SubscriptionsPanel::addFromForm()
{
    const QString filter = m_filter->text();
    const QString problem =
        filter.isEmpty() ? tr("Enter a topic filter") : Topic::filterProblem(filter.toUtf8());
    if (!problem.isEmpty()) {
        m_filterMessage->showMessage(problem);
        return;
    }
    Subscription s{.filter = filter, .qos = quint8(m_qos->currentData().toInt())};
    quint32 subscriptionId = 0;
    if (m_mqtt5) {
        s.noLocal = m_noLocal->isChecked();
        s.retainAsPublished = m_retainAsPublished->isChecked();
        s.retainHandling = RetainHandling(m_retainHandling->currentData().toInt());
        subscriptionId = quint32(m_subscriptionId->value());
    }
    m_filter->clear();
    emit subscribeRequested(s, subscriptionId);
}

void SubscriptionsPanel::removeSelected()
{
    const auto selected = m_list->selectedItems();
    for (QTreeWidgetItem *item : selected) {
        switch (rowState(item)) {
        case RowState::Unsubscribed:
            delete item; // the broker has already answered; only the row was left
            break;
        case RowState::Unsubscribing:
            break;
        case RowState::Subscribing:
        case RowState::Subscribed:
            emit unsubscribeRequested(item->text(FilterColumn));
            break;
        }
    }
}

void SubscriptionsPanel::subscribeStarted(quint64 requestId, const Subscription &subscription,
                                          quint32 subscriptionId)
{
    QTreeWidgetItem *item = itemFor(subscription.filter);
    if (!item)
        item = new QTreeWidgetItem(m_list);
    QStringList options;
    if (subscription.noLocal)
        options << tr("no local");
    if (subscription.retainAsPublished)
        options << tr("retain as published");
    if (subscription.retainHandling != RetainHandling::SendAtSubscribe)
        options << (subscription.retainHandling == RetainHandling::DoNotSend
                        ? tr("no retained")
                        : tr("retained if new"));
    if (subscriptionId != 0)
        options << tr("id %1").arg(subscriptionId);
    item->setText(FilterColumn, subscription.filter);
    item->setText(QosColumn, QString::number(subscription.qos));
    item->setText(OptionsColumn, options.join(u", "_s));
    item->setText(ResultColumn, tr("waiting…"));
    item->setToolTip(ResultColumn, {});
    setUnsubscribed(item, false);
    item->setData(FilterColumn, StateRole, int(RowState::Subscribing));
    item->setData(FilterColumn, RequestIdRole, requestId);
    item->setData(FilterColumn, SubscriptionRole, pack(subscription));
    item->setData(FilterColumn, SubscriptionIdRole, subscriptionId);
}

void SubscriptionsPanel::subscribeFinished(quint64 requestId, const SubackPacket &suback)
{
    QTreeWidgetItem *item = itemForRequest(requestId);
    if (!item || suback.reasons.isEmpty())
        return;
    const ReasonCode reason = suback.reasons.constFirst();
    const QString text = isError(reason) ? tr("refused: %1").arg(reasonCodeName(reason))
                                         : tr("granted QoS %1").arg(int(reason));
    item->setText(ResultColumn, text);
    item->setToolTip(ResultColumn, suback.properties.reasonString.value_or(text));
    item->setData(FilterColumn, StateRole, int(RowState::Subscribed));
}

void SubscriptionsPanel::unsubscribeStarted(quint64 requestId, const QString &filter)
{
    QTreeWidgetItem *item = itemFor(filter);
    if (!item)
        return;
    item->setText(ResultColumn, tr("unsubscribing…"));
    item->setToolTip(ResultColumn, {});
    item->setData(FilterColumn, RequestIdRole, requestId);
    item->setData(FilterColumn, StateRole, int(RowState::Unsubscribing));
}

void SubscriptionsPanel::unsubscribeFinished(quint64 requestId, const UnsubackPacket &unsuback)
{
    QTreeWidgetItem *item = itemForRequest(requestId);
    if (!item || rowState(item) != RowState::Unsubscribing)
        return;
    // 3.1.1's UNSUBACK carries no reason: it only says the request was processed. 5.0 gives one
    // per filter, and a request carries one filter per row.
    const std::optional<ReasonCode> reason =
        unsuback.reasons.isEmpty() ? std::nullopt : std::optional(unsuback.reasons.constFirst());
    QString text;
    if (!reason)
        text = tr("unsubscribed");
    else if (isError(*reason))
        text = tr("unsubscribe refused: %1").arg(reasonCodeName(*reason));
    else
        text = tr("unsubscribed: %1").arg(reasonCodeName(*reason));
    item->setText(ResultColumn, text);
    item->setToolTip(ResultColumn, unsuback.properties.reasonString.value_or(text));
    const bool removed = !reason || !isError(*reason);
    // A reason of 0x80 or above means the broker kept the subscription.
    item->setData(FilterColumn, StateRole,
                  int(removed ? RowState::Unsubscribed : RowState::Subscribed));
    setUnsubscribed(item, removed);
}

void SubscriptionsPanel::requestFailed(quint64 requestId, const QString &error)
{
    QTreeWidgetItem *item = itemForRequest(requestId);
    if (!item)
        return;
    if (rowState(item) == RowState::Unsubscribing) {
        item->setText(ResultColumn, tr("unsubscribe failed: %1").arg(error));
        item->setData(FilterColumn, StateRole, int(RowState::Subscribed));
    } else {
        item->setText(ResultColumn, tr("failed: %1").arg(error));
    }
    item->setToolTip(ResultColumn, error);
}

void SubscriptionsPanel::setUnsubscribed(QTreeWidgetItem *item, bool unsubscribed)
{
    // Greyed like disabled text but still selectable, so Del can remove the row.
    const QBrush brush =
        unsubscribed ? palette().brush(QPalette::Disabled, QPalette::Text) : QBrush();
    for (int column = 0; column < m_list->columnCount(); ++column) {
        if (column != ResultColumn)
            item->setForeground(column, brush);
    }
}

QList<std::pair<Subscription, quint32>> SubscriptionsPanel::subscriptions() const
{
    QList<std::pair<Subscription, quint32>> result;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (rowState(item) == RowState::Unsubscribed)
            continue;
        result.append(
            {unpack(item->text(FilterColumn), item->data(FilterColumn, SubscriptionRole).toInt()),
             item->data(FilterColumn, SubscriptionIdRole).toUInt()});
    }
    return result;
}

void SubscriptionsPanel::clearResults()
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (rowState(item) != RowState::Unsubscribed)
            item->setText(ResultColumn, tr("waiting…"));
    }
}

QString SubscriptionsPanel::resultOf(const QString &filter) const
{
    const QTreeWidgetItem *item = itemFor(filter);
    return item ? item->text(ResultColumn) : QString();
}

QTreeWidgetItem *SubscriptionsPanel::itemFor(const QString &filter) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->text(FilterColumn) == filter)
            return m_list->topLevelItem(i);
    }
    return nullptr;
}

QTreeWidgetItem *SubscriptionsPanel::itemForRequest(quint64 requestId) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(FilterColumn, RequestIdRole).toULongLong() == requestId)
            return m_list->topLevelItem(i);
    }
    return nullptr;
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/packets.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace mqttscope {

class FieldMessage;

// The connection's live subscriptions: add one (filter, QoS and the 5.0 options no local,
// retain as published, retain handling, subscription identifier), remove the selected ones,
// and see the SUBACK result of each filter (granted QoS or the reason it was refused) and the
// UNSUBACK result of each removal. An unsubscribed filter stays listed, greyed, with its
// result until it is removed again (Del) or subscribed anew.
class SubscriptionsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SubscriptionsPanel(QWidget *parent = nullptr);

    void setMqtt5(bool enabled);

    // The connection's answers. A subscription request carries one filter per row.
    void subscribeStarted(quint64 requestId, const Subscription &subscription,
                          quint32 subscriptionId);
    void subscribeFinished(quint64 requestId, const SubackPacket &suback);
    void unsubscribeStarted(quint64 requestId, const QString &filter);
    void unsubscribeFinished(quint64 requestId, const UnsubackPacket &unsuback);
    void requestFailed(quint64 requestId, const QString &error);
    // Every subscription listed (not those unsubscribed), e.g. to subscribe again after a reconnect
    // without a session.
    QList<std::pair<Subscription, quint32>> subscriptions() const;
    // Marks every row as waiting (after a reconnect) before subscriptions are sent again.
    void clearResults();
    // The result shown for `filter` ("granted QoS 1", "waiting…", "unsubscribed"); empty when
    // not listed.
    QString resultOf(const QString &filter) const;

public slots:
    void addFromForm();
    void removeSelected();

signals:
    void subscribeRequested(const mqttscope::Subscription &subscription, quint32 subscriptionId);
    void unsubscribeRequested(const QString &filter);

private:
    QTreeWidgetItem *itemFor(const QString &filter) const;
    QTreeWidgetItem *itemForRequest(quint64 requestId) const;
    void setUnsubscribed(QTreeWidgetItem *item, bool unsubscribed);

    QLineEdit *m_filter;
    FieldMessage *m_filterMessage;
    QComboBox *m_qos;
    QCheckBox *m_noLocal;
    QCheckBox *m_retainAsPublished;
    QComboBox *m_retainHandling;
    QSpinBox *m_subscriptionId;
    QTreeWidget *m_list;
    bool m_mqtt5 = true;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientstate.h"
#include "connectionindicator.h"
#include "explorer/explorerdata.h"
#include "profiles/connectionprofile.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QComboBox;
class QItemSelection;
class QLabel;
class QLineEdit;
class QSplitter;
class QTabWidget;
class QTableView;
class QThread;
class QTimer;
class QTreeView;

namespace mqttscope {

class ConnectionWorker;
class DiffView;
class HistoryModel;
class PayloadView;
class PublishPanel;
class SecretStore;
class SubscriptionsPanel;
class TopicSortFilterProxyModel;
class TopicTreeModel;
class ValuePlot;

// One open connection: its client on a thread of its own, the topic tree on the left, the
// selected topic's history, payload, diff and plot on the right, the publish and subscriptions
// panels below, and a status line (state, ping, traffic, the broker's limits).
class ConnectionTab : public QWidget
{
    Q_OBJECT
public:
    ConnectionTab(const ConnectionProfile &profile, SecretStore *secrets,
                  QWidget *parent = nullptr);
    ~ConnectionTab() override;

    // How often rows sorted by messages or rate are put in order again.
    static constexpr int resortIntervalMs = 1000;

    const ConnectionProfile &profile() const { return m_profile; }
    ClientState state() const { return m_state; }
    QString title() const; // the profile name with its state, for the tab
    ConnectionIndicator indicator() const; // the state as the tab's colored dot shows it
    QString statusText() const; // "Connected · ping 3 ms", "Reconnecting in 4 s", ...
    // The client stopped reading until the tree has caught up with what it already received.
    bool isCatchingUp() const { return m_catchingUp; }
    QString trafficText() const;

    // Connects, reading the secrets from the keychain first and asking for the password when
    // the profile has one the keychain cannot give.
    void connectToBroker();
    void disconnectFromBroker();

    // Publishes on behalf of a caller other than the publish panel (delete retained); the
    // outcome comes back as publishFinished.
    quint64 publish(const Message &message);
    // Publishes an empty retained message to every retained topic at or below `topic`, after
    // asking (the question names the count) when `confirm` is set. Returns how many.
    int deleteRetained(const QByteArray &topic, bool confirm = true);

    // The topic selected in the tree (empty when none).
    QByteArray selectedTopic() const;
    void selectTopic(const QByteArray &topic);

    void focusFilter();
    void clearHistory(); // of the selected topic, or everything when none is selected
    void copySelectedTopic();
    void exportHistory();

    QSplitter *mainSplitter() const { return m_mainSplitter; }
    QSplitter *topSplitter() const { return m_topSplitter; }

    // For tests and the screenshot tool.
    const TopicStore &topicStore() const { return m_data.store(); }
    const ExplorerData &explorerData() const { return m_data; }
    TopicTreeModel *topicModel() const { return m_treeModel; }
    ConnectionWorker *worker() const { return m_worker; } // lives on the connection's thread
    HistoryModel *historyModel() const { return m_historyModel; }
    QTreeView *topicTree() const { return m_tree; }
    QTableView *historyView() const { return m_historyView; }
    PayloadView *payloadView() const { return m_payloadView; }
    PublishPanel *publishPanel() const { return m_publishPanel; }
    SubscriptionsPanel *subscriptionsPanel() const { return m_subscriptionsPanel; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *filterModeBox() const { return m_filterMode; }

signals:
    void stateChanged(mqttscope::ClientState state);
    void titleChanged(const QString &title);
    void statusChanged();
    void publishFinished(quint64 requestId, bool ok, const QString &text);

private:
    enum class Request { Publish, PanelPublish, Subscribe, Unsubscribe };
    std::optional<Request> takeRequest(quint64 requestId);

    QWidget *createTreePane();
    QWidget *createMessagePane();
    QWidget *createStatusLine();
    void openWithSecrets(const ProfileSecrets &secrets);
    void askForPassword();
    void subscribe(const Subscription &subscription, quint32 subscriptionId);
    void unsubscribe(const QString &filter);
    void subscribeAll();

    void onStateChanged(ClientState state);
    void onConnected(const ConnackPacket &connack, ProtocolVersion version);
    void onConnectionRefused(const ConnackPacket &connack);
    void onDisconnected(const QString &reason);
    void onReconnectScheduled(int delayMs);
    void onMessagesReceived(const QList<Message> &messages);
    void onFlushed();
    // Tells the worker that everything handed to the tree model so far has been consumed.
    void reportApplied();
    void plotSelected(const QString &jsonPath);
    void onPublishFinished(quint64 requestId, ReasonCode reason, const QString &reasonString);
    void onSubscribeFinished(quint64 requestId, const SubackPacket &suback);
    void onRequestFailed(quint64 requestId, const QString &error);
    void onTraffic(qint64 bytesIn, qint64 bytesOut, qint64 messagesIn, qint64 messagesOut);
    void onTopicSelected();
    void showHistoryRow(const QModelIndex &index);
    void applyFilter();
    void resortTree();
    void updateStatus();
    void setStateDetail(const QString &detail);
    void showTreeMenu(const QPoint &position);

protected:
    void changeEvent(QEvent *event) override;

private:
    ConnectionProfile m_profile;
    SecretStore *m_secrets;
    QThread *m_thread;
    ConnectionWorker *m_worker;

    ExplorerData m_data;

    ClientState m_state = ClientState::Disconnected;
    QString m_stateDetail; // why it is disconnected or refused
    bool m_refused = false; // the last attempt ended in a refusing CONNACK
    qint64 m_reconnectAtMsecs = 0;
    int m_pingMs = -1;
    ConnackPacket m_connack;
    ProtocolVersion m_version = ProtocolVersion::V5;
    bool m_everConnected = false;
    quint64 m_nextRequestId = 1;
    QHash<quint64, Request> m_requests;
    qint64 m_unappliedMessages = 0; // handed to the tree model since the last reportApplied()
    bool m_catchingUp = false;

    TopicTreeModel *m_treeModel;
    TopicSortFilterProxyModel *m_proxy;
    HistoryModel *m_historyModel;

    QSplitter *m_mainSplitter;
    QSplitter *m_topSplitter;
    QLineEdit *m_filter;
    QComboBox *m_filterMode;
    QComboBox *m_sort;
    QLabel *m_filterMessage;
    QTreeView *m_tree;
    QTableView *m_historyView;
    QTabWidget *m_messageTabs;
    PayloadView *m_payloadView;
    DiffView *m_diffView;
    ValuePlot *m_plot;
    PublishPanel *m_publishPanel;
    SubscriptionsPanel *m_subscriptionsPanel;
    QLabel *m_stateIcon;
    QLabel *m_stateLabel;
    QLabel *m_trafficLabel;
    QLabel *m_limitsLabel;
    QTimer *m_statusTimer;
    QTimer *m_resortTimer;
};

} // namespace mqttscope

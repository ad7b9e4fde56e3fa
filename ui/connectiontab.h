// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientstate.h"
#include "connectioncontroller.h"
#include "connectionindicator.h"
#include "explorer/explorerdata.h"
#include "profiles/connectionprofile.h"
#include "recording/recordedmessage.h"
#include "recording/recordingoptions.h"
#include "recording/recordingstatus.h"

#include <QSet>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLineEdit;
class QMenu;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeView;

namespace mqttscope {

class ConnectionRecorder;
class ConnectionStatusLine;
class ConnectionWorker;
class HistoryModel;
class MessagePane;
class NoticeBanner;
class PacketInspectorPanel;
class PayloadView;
class PublishPanel;
class RecordingBar;
class SavedMessageLibrary;
class SavedMessagesPanel;
class SearchPanel;
class SecretStore;
class SubscriptionsPanel;
class TopicPresentation;
class TopicTreeModel;
class TopicTreePane;

// One open connection: its client (through a ConnectionController, on a thread of its own), the
// topic tree on the left, the selected topic's history, payload, diff and plot on the right, the
// publish and subscriptions panels below, and a status line (state, ping, traffic, limits).
class ConnectionTab : public QWidget
{
    Q_OBJECT
public:
    ConnectionTab(const ConnectionProfile &profile, SecretStore *secrets,
                  QWidget *parent = nullptr);
    ~ConnectionTab() override;

    const ConnectionProfile &profile() const { return m_profile; }
    // The profile as edited: used from the next connection attempt on.
    void setProfile(const ConnectionProfile &profile);
    // Mutes exactly these topic filters from now on (the tree's Mute/Unmute); the profile's
    // list, announced by mutedTopicsChanged so that the saved profile keeps it.
    void setMutedTopics(const QStringList &patterns);
    // The saved-message library the Saved panel shows (the window's, shared by its tabs).
    void setSavedMessages(SavedMessageLibrary *library);
    // Puts `rule` first in the profile's format rules (in place of one with the same filter),
    // re-decodes what the tab shows, and announces formatRulesChanged for a saved profile.
    void decodeTopicsAs(const FormatRule &rule);
    ClientState state() const;
    QString title() const; // the profile name with its state, for the tab
    ConnectionIndicator indicator() const; // the state as the tab's colored dot shows it
    QString statusText() const; // "Connected · ping 3 ms", "Reconnecting in 4 s", ...
    // The client stopped reading until the tree has caught up with what it already received.
    bool isCatchingUp() const;
    QString trafficText() const;
    // Whether the status line's one-second tick runs: only while its texts move by themselves.
    bool isStatusTicking() const;

    // Connects, reading the secrets from the keychain first and asking, in one dialog, for
    // those the keychain cannot give.
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
    void showSearch(); // the search panel, its first field focused
    // Selects `topic` in the tree and the message with that history sequence in the history.
    void showMessage(const QByteArray &topic, quint64 sequence);

    // Records what the connection receives and publishes to `path`; false (shown in the banner
    // too) with `error` saying why it cannot.
    bool startRecording(const QString &path, const RecordingOptions &options, QString *error);
    void stopRecording();
    void askToRecord(); // the file and options in a dialog, then startRecording()
    ConnectionRecorder *recorder() const { return m_recorder; }
    RecordingBar *recordingBar() const { return m_recordingBar; }
    NoticeBanner *banner() const { return m_banner; }

    QSplitter *mainSplitter() const { return m_mainSplitter; }
    QSplitter *topSplitter() const { return m_topSplitter; }

    // For tests and the screenshot tool.
    const TopicStore &topicStore() const { return m_data.store(); }
    const ExplorerData &explorerData() const { return m_data; }
    TopicTreeModel *topicModel() const { return m_treeModel; }
    ConnectionWorker *worker() const; // lives on the connection's thread
    HistoryModel *historyModel() const;
    QTreeView *topicTree() const;
    QTableView *historyView() const;
    PayloadView *payloadView() const;
    PublishPanel *publishPanel() const { return m_publishPanel; }
    SavedMessagesPanel *savedMessagesPanel() const { return m_savedPanel; }
    SubscriptionsPanel *subscriptionsPanel() const { return m_subscriptionsPanel; }
    SearchPanel *searchPanel() const { return m_searchPanel; }
    PacketInspectorPanel *packetInspector() const { return m_packetInspector; }
    QLineEdit *filterEdit() const;
    QComboBox *filterModeBox() const;

signals:
    void stateChanged(mqttscope::ClientState state);
    void titleChanged(const QString &title);
    // The user wants to change this connection's settings (after a failure they must fix).
    void editConnectionRequested(const QUuid &profileId);
    // "Replay…" on the tree: the kept history of `topic`'s subtree, in arrival order.
    void replayRequested(const QString &topic, const QList<mqttscope::RecordedMessage> &messages);
    void statusChanged();
    void publishFinished(quint64 requestId, bool ok, const QString &text);
    void mutedTopicsChanged(const QUuid &profileId, const QStringList &patterns);
    void formatRulesChanged(const QUuid &profileId, const QList<mqttscope::FormatRule> &rules);

private:
    QWidget *createPanels();
    void createPresentation(); // after the views it wires
    void connectController();
    void connectPanels();
    void connectSavedMessages();
    void openWithSecrets(const ProfileSecrets &secrets);
    void retry();
    void showFailure();
    void subscribe(const Subscription &subscription, quint32 subscriptionId);
    void unsubscribe(const QString &filter);
    void subscribeAll();

    void onConnected(const ConnackPacket &connack, ProtocolVersion version);
    void onMessagesReceived(const QList<Message> &messages);
    void onFlushed();
    void onPublishFinished(quint64 requestId, ReasonCode reason, const QString &reasonString);
    void onRequestFailed(quint64 requestId, ConnectionController::Request kind,
                         const QString &error);
    void onTraffic(qint64 bytesIn, qint64 bytesOut, qint64 messagesOut);
    void showTopicMenu(TopicNodeId node, const QPoint &globalPosition);
    // Counts a deletion's publish as done; the last one reports the outcome in the banner.
    void countDeleted(quint64 requestId, const QString &error);
    void updateStatus();
    void onRecordingEnded(const RecordingStatus &status);

    ConnectionProfile m_profile;
    SecretStore *m_secrets;
    ConnectionController *m_controller;
    ExplorerData m_data;
    // Decoded, muted and Sparkplug-named topics. Made after the views it wires and gone after
    // them (their destructors do not read it).
    std::unique_ptr<TopicPresentation> m_presentation;
    QString m_title; // as last announced by titleChanged
    // The retained messages being deleted: the empty publishes still unanswered.
    struct RetainedDeletion
    {
        QString where;
        QSet<quint64> pending;
        qsizetype total = 0;
        qsizetype failed = 0;
        QString firstError;
    };
    std::optional<RetainedDeletion> m_deletion;

    TopicTreeModel *m_treeModel;

    QSplitter *m_mainSplitter;
    QSplitter *m_topSplitter;
    TopicTreePane *m_treePane;
    MessagePane *m_messagePane;
    PublishPanel *m_publishPanel;
    SavedMessagesPanel *m_savedPanel;
    SubscriptionsPanel *m_subscriptionsPanel;
    SearchPanel *m_searchPanel;
    PacketInspectorPanel *m_packetInspector = nullptr;
    NoticeBanner *m_banner;
    ConnectionRecorder *m_recorder;
    RecordingBar *m_recordingBar;
    ConnectionStatusLine *m_statusLine;
    QTimer *m_statusTimer;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontab.h"

#include "connectionrecorder.h"
#include "connectionstatusline.h"
#include "connectionstatustext.h"
#include "connectionworker.h"
#include "messagepane.h"
#include "noticebanner.h"
#include "packetinspectorpanel.h"
#include "profilesecretsrequest.h"
#include "replaydialog.h"
#include "savedmessagespanel.h"
#include "publishpanel.h"
#include "recordingbar.h"
#include "recordingdialog.h"
#include "recordingstatustext.h"
#include "searchpanel.h"
#include "subscriptionspanel.h"
#include "topicpresentation.h"
#include "topictreepane.h"
#include "models/topictreemodel.h"
#include "profiles/secretstore.h"
#include "views/payloadview.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDateTime>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

qint64 nowMsecs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

ConnectionTab::ConnectionTab(const ConnectionProfile &profile, SecretStore *secrets,
                             QWidget *parent)
    : QWidget(parent)
    , m_profile(profile)
    , m_secrets(secrets)
    , m_controller(new ConnectionController(profile.name, this))
    , m_data(MessageHistory::Limits{profile.historyByteBudget, profile.historyMessagesPerTopic})
    , m_treeModel(new TopicTreeModel(&m_data, this))
    , m_treePane(new TopicTreePane(m_treeModel, this))
    , m_banner(new NoticeBanner(this))
    , m_recorder(new ConnectionRecorder(m_controller, this))
    , m_recordingBar(new RecordingBar(this))
    , m_statusLine(new ConnectionStatusLine(this))
    , m_statusTimer(new QTimer(this))
{
    setObjectName(u"connectionTab"_s);
    m_topSplitter = new QSplitter(Qt::Horizontal, this);
    m_topSplitter->setObjectName(u"topSplitter"_s);
    m_topSplitter->addWidget(m_treePane);
    m_messagePane = new MessagePane(&m_data, this);
    m_topSplitter->addWidget(m_messagePane);
    m_topSplitter->setStretchFactor(0, 1);
    m_topSplitter->setStretchFactor(1, 1);

    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_topSplitter);
    m_mainSplitter->addWidget(createPanels());
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 1);
    // First-run layout; the window restores the user's own afterwards.
    m_mainSplitter->setSizes({620, 240});
    m_topSplitter->setSizes({640, 760});
    createPresentation();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_recordingBar);
    layout->addWidget(m_mainSplitter, 1);
    layout->addWidget(m_statusLine);

    connectController();
    connectPanels();
    m_statusTimer->setInterval(1000);
    connect(m_statusTimer, &QTimer::timeout, this, &ConnectionTab::updateStatus);
    updateStatus();
}

ConnectionTab::~ConnectionTab()
{
    delete m_controller; // stops the client before anything it reports to goes
    delete m_recorder; // then commits all the client handed it
    // Views and models read m_data: they go before it does.
    const auto children = findChildren<QObject *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(children);
}

QWidget *ConnectionTab::createPanels()
{
    m_publishPanel = new PublishPanel(this);
    m_publishPanel->setCompletionModel(m_treeModel);
    m_subscriptionsPanel = new SubscriptionsPanel(this);
    auto *panels = new QTabWidget(this);
    panels->setObjectName(u"panelTabs"_s);
    panels->addTab(m_publishPanel, tr("Publish"));
    m_savedPanel = new SavedMessagesPanel(this);
    m_savedPanel->setProfileId(m_profile.id);
    m_savedPanel->setShortcutScope(this);
    panels->addTab(m_savedPanel, tr("Saved"));
    panels->addTab(m_subscriptionsPanel, tr("Subscriptions"));
    m_searchPanel = new SearchPanel(this);
    m_searchPanel->setHistory(&m_data);
    panels->addTab(m_searchPanel, tr("Search"));
    m_packetInspector = new PacketInspectorPanel(this);
    panels->addTab(m_packetInspector, tr("Packets"));
    return panels;
}

void ConnectionTab::createPresentation()
{
    m_presentation = std::make_unique<TopicPresentation>(
        m_profile,
        TopicPresentation::Views{&m_data, m_banner, m_publishPanel, m_savedPanel, payloadView(),
                                 m_messagePane, topicTree(), m_treeModel});
    connect(
        m_presentation.get(), &TopicPresentation::formatRulesChanged, this,
        [this](const QList<FormatRule> &rules) { emit formatRulesChanged(m_profile.id, rules); });
    connect(m_presentation.get(), &TopicPresentation::mutedTopicsChanged, this,
            [this](const QStringList &patterns) {
                updateStatus();
                emit mutedTopicsChanged(m_profile.id, patterns);
            });
}

void ConnectionTab::connectController()
{
    ConnectionController *c = m_controller;
    connect(c, &ConnectionController::statusChanged, this, &ConnectionTab::updateStatus);
    connect(c, &ConnectionController::stateChanged, this, &ConnectionTab::stateChanged);
    connect(c, &ConnectionController::connected, this, &ConnectionTab::onConnected);
    connect(c, &ConnectionController::messagesReceived, this, &ConnectionTab::onMessagesReceived);
    connect(c, &ConnectionController::sparkplugChanged, m_presentation.get(),
            &TopicPresentation::onSparkplugChanged);
    // The trace runs only while the inspector is shown.
    connect(c, &ConnectionController::packetsTraced, m_packetInspector,
            &PacketInspectorPanel::addPackets);
    connect(m_packetInspector, &PacketInspectorPanel::tracingWanted, c,
            &ConnectionController::setPacketTracing);
    connect(c, &ConnectionController::publishFinished, this, &ConnectionTab::onPublishFinished);
    connect(c, &ConnectionController::subscribeFinished, m_subscriptionsPanel,
            &SubscriptionsPanel::subscribeFinished);
    connect(c, &ConnectionController::unsubscribeFinished, m_subscriptionsPanel,
            &SubscriptionsPanel::unsubscribeFinished);
    connect(c, &ConnectionController::requestFailed, this, &ConnectionTab::onRequestFailed);
    connect(c, &ConnectionController::trafficCounted, this, &ConnectionTab::onTraffic);
    connect(c, &ConnectionController::errorOccurred, m_statusLine,
            &ConnectionStatusLine::setLastError);
    connect(c, &ConnectionController::stateChanged, this, &ConnectionTab::showFailure);
    connect(m_banner, &NoticeBanner::retryRequested, this, &ConnectionTab::retry);
    connect(m_banner, &NoticeBanner::editRequested, this,
            [this] { emit editConnectionRequested(m_profile.id); });
    connect(m_treeModel, &TopicTreeModel::flushed, this, &ConnectionTab::onFlushed);
    connect(m_recorder, &ConnectionRecorder::statusChanged, m_recordingBar,
            &RecordingBar::setStatus);
    connect(m_recorder, &ConnectionRecorder::ended, this, &ConnectionTab::onRecordingEnded);
    connect(m_recordingBar, &RecordingBar::recordRequested, this, &ConnectionTab::askToRecord);
    connect(m_recordingBar, &RecordingBar::stopRequested, this, &ConnectionTab::stopRecording);
}

void ConnectionTab::connectPanels()
{
    // The panel ignores results for publishes it did not start (delete retained).
    connect(m_publishPanel, &PublishPanel::publishRequested, this, [this](const Message &message) {
        m_publishPanel->publishStarted(publish(message), message);
    });
    connectSavedMessages();
    connect(m_subscriptionsPanel, &SubscriptionsPanel::subscribeRequested, this,
            &ConnectionTab::subscribe);
    connect(m_subscriptionsPanel, &SubscriptionsPanel::unsubscribeRequested, this,
            &ConnectionTab::unsubscribe);
    connect(m_treePane, &TopicTreePane::currentNodeChanged, m_messagePane, &MessagePane::setTopic);
    connect(
        m_searchPanel, &SearchPanel::messageActivated, this,
        [this](const QByteArray &topic, qint64, qint64 key) { showMessage(topic, quint64(key)); });
    connect(m_treePane, &TopicTreePane::menuRequested, this, &ConnectionTab::showTopicMenu);
    connect(m_treePane, &TopicTreePane::clearHistoryRequested, this, &ConnectionTab::clearHistory);
    connect(m_treePane, &TopicTreePane::deleteRetainedRequested, this, [this] {
        if (state() == ClientState::Connected)
            deleteRetained(selectedTopic());
    });
}

void ConnectionTab::connectSavedMessages()
{
    const auto showPanel = [this](QWidget *panel) {
        if (auto *panels = findChild<QTabWidget *>(u"panelTabs"_s))
            panels->setCurrentWidget(panel);
    };
    connect(m_savedPanel, &SavedMessagesPanel::publishRequested, this,
            [this](const Message &message, const QString &name) {
                m_savedPanel->publishStarted(publish(message), name);
            });
    connect(this, &ConnectionTab::publishFinished, m_savedPanel,
            &SavedMessagesPanel::publishFinished);
    connect(m_savedPanel, &SavedMessagesPanel::loadRequested, this,
            [this, showPanel](const SavedMessage &message) {
                m_publishPanel->loadSavedMessage(message);
                showPanel(m_publishPanel);
            });
    connect(m_publishPanel, &PublishPanel::saveToLibraryRequested, this,
            [this, showPanel](const SavedMessage &message) {
                showPanel(m_savedPanel);
                m_savedPanel->edit(message);
            });
}

void ConnectionTab::setSavedMessages(SavedMessageLibrary *library)
{
    m_savedPanel->setLibrary(library);
}

void ConnectionTab::setProfile(const ConnectionProfile &profile)
{
    const bool mutingChanged = profile.mutedTopics != m_profile.mutedTopics;
    m_profile = profile;
    m_presentation->applyPayloadFormats();
    if (mutingChanged)
        m_presentation->applyMutedTopics();
    updateStatus(); // the name in the title, the address in the status line
}

ClientState ConnectionTab::state() const
{
    return m_controller->status().state;
}

bool ConnectionTab::isCatchingUp() const
{
    return m_controller->status().catchingUp;
}

ConnectionWorker *ConnectionTab::worker() const
{
    return m_controller->worker();
}

QTreeView *ConnectionTab::topicTree() const
{
    return m_treePane->tree();
}

QLineEdit *ConnectionTab::filterEdit() const
{
    return m_treePane->filterEdit();
}

QComboBox *ConnectionTab::filterModeBox() const
{
    return m_treePane->filterModeBox();
}

QString ConnectionTab::title() const
{
    return ConnectionStatusText::title(m_profile.name, m_controller->status());
}

ConnectionIndicator ConnectionTab::indicator() const
{
    return ConnectionStatusText::indicator(m_controller->status());
}

QString ConnectionTab::statusText() const
{
    return ConnectionStatusText::state(m_profile.displayAddress(), m_controller->status(),
                                       nowMsecs());
}

QString ConnectionTab::trafficText() const
{
    const QString traffic = ConnectionStatusText::traffic(m_data.statistics().snapshot(nowMsecs()));
    if (const quint64 muted = m_data.muted().mutedTotal())
        return tr("%L1 muted · %2").arg(muted).arg(traffic); // first: the line elides its end
    return traffic;
}

bool ConnectionTab::isStatusTicking() const
{
    return m_statusTimer->isActive();
}

void ConnectionTab::updateStatus()
{
    // The line changes by itself only while a rate falls or a reconnection counts down; the tick
    // runs only then. Traffic and every change of state start it again. (Settled now means
    // settled when the texts are made just after, so the last tick shows the zero rates.)
    const bool moving = !m_data.statistics().isSettled(nowMsecs())
        || m_controller->status().state == ClientState::Reconnecting;
    if (!moving)
        m_statusTimer->stop();
    else if (!m_statusTimer->isActive())
        m_statusTimer->start();
    m_statusLine->setState(indicator(), statusText());
    m_statusLine->setTraffic(trafficText());
    // Muted messages never reach the model: their rows' counts are repainted from here.
    if (m_data.muted().takeCountsChanged())
        m_treePane->tree()->viewport()->update();
    if (const QString text = title(); text != m_title) {
        m_title = text;
        emit titleChanged(text);
    }
    emit statusChanged();
}

void ConnectionTab::connectToBroker()
{
    requestProfileSecrets(m_profile, m_secrets, this,
                          [this](const ProfileSecrets &secrets) { openWithSecrets(secrets); });
}

void ConnectionTab::retry()
{
    m_banner->dismiss();
    // Secrets typed this run may be what was refused: ask again (the keychain's are read anew).
    m_secrets->forget(m_profile.id);
    connectToBroker();
}

void ConnectionTab::showFailure()
{
    const ConnectionStatus &status = m_controller->status();
    if (status.needsUser()) {
        const QString address = m_profile.displayAddress();
        m_banner->showProblem(ConnectionStatusText::failureTitle(status.failure->cause, address),
                              status.failure->reason,
                              ConnectionStatusText::failureHint(status.failure->cause));
    } else if (m_banner->kind() == NoticeBanner::Kind::Problem) {
        m_banner->dismiss();
    }
}

void ConnectionTab::openWithSecrets(const ProfileSecrets &secrets)
{
    m_controller->open(m_profile.toClientOptions(secrets));
}

void ConnectionTab::disconnectFromBroker()
{
    m_controller->close();
}

quint64 ConnectionTab::publish(const Message &message)
{
    return m_controller->publish(message);
}

void ConnectionTab::subscribe(const Subscription &subscription, quint32 subscriptionId)
{
    const quint64 requestId = m_controller->subscribe(subscription, subscriptionId);
    m_subscriptionsPanel->subscribeStarted(requestId, subscription, subscriptionId);
}

void ConnectionTab::unsubscribe(const QString &filter)
{
    m_subscriptionsPanel->unsubscribeStarted(m_controller->unsubscribe(filter), filter);
}

void ConnectionTab::subscribeAll()
{
    auto subscriptions = m_subscriptionsPanel->subscriptions();
    if (subscriptions.isEmpty() && !m_controller->hasEverConnected()) {
        for (const Subscription &s : std::as_const(m_profile.subscriptions))
            subscriptions.append({s, 0});
    }
    for (const auto &[subscription, id] : std::as_const(subscriptions))
        subscribe(subscription, id);
}

void ConnectionTab::onConnected(const ConnackPacket &connack, ProtocolVersion version)
{
    const bool v5 = version == ProtocolVersion::V5;
    m_publishPanel->setMqtt5(v5);
    m_subscriptionsPanel->setMqtt5(v5);
    // Without a session the broker forgot our subscriptions: make them again.
    if (!connack.sessionPresent) {
        m_subscriptionsPanel->clearResults();
        subscribeAll();
    }
    m_statusLine->setBrokerLimits(connack.properties);
}

void ConnectionTab::onMessagesReceived(const QList<Message> &messages)
{
    const QList<Message> shown = m_data.muted().filter(messages);
    m_treeModel->enqueue(shown);
    m_messagePane->addToPlot(shown);
    // A batch all muted is applied as it stands: no flush would report it to flow control.
    if (shown.isEmpty() && !m_treeModel->hasQueued())
        m_controller->reportApplied();
}

void ConnectionTab::setMutedTopics(const QStringList &patterns)
{
    m_presentation->setMutedTopics(patterns);
}

void ConnectionTab::decodeTopicsAs(const FormatRule &rule)
{
    m_presentation->decodeTopicsAs(rule);
}

void ConnectionTab::onFlushed()
{
    // A timed flush may stop at its budget: what it left queued is not applied yet.
    m_controller->reportApplied(m_treeModel->queuedMessages());
    m_messagePane->refresh();
}

void ConnectionTab::onPublishFinished(quint64 requestId, ReasonCode reason,
                                      const QString &reasonString)
{
    m_publishPanel->publishFinished(requestId, reason, reasonString);
    countDeleted(requestId, isError(reason) ? reasonCodeName(reason) : QString());
    emit publishFinished(requestId, !isError(reason),
                         reasonString.isEmpty() ? reasonCodeName(reason) : reasonString);
}

void ConnectionTab::onRequestFailed(quint64 requestId, ConnectionController::Request kind,
                                    const QString &error)
{
    switch (kind) {
    case ConnectionController::Request::Publish:
        m_publishPanel->publishFailed(requestId, error);
        countDeleted(requestId, error);
        emit publishFinished(requestId, false, error);
        break;
    case ConnectionController::Request::Subscribe:
    case ConnectionController::Request::Unsubscribe:
        m_subscriptionsPanel->requestFailed(requestId, error);
        break;
    }
}

void ConnectionTab::onTraffic(qint64 bytesIn, qint64 bytesOut, qint64 messagesOut)
{
    const qint64 now = nowMsecs();
    m_data.statistics().addBytes(bytesIn, bytesOut, now);
    if (messagesOut > 0)
        m_data.statistics().addMessagesOut(messagesOut, now);
    if (!m_statusTimer->isActive())
        m_statusTimer->start(); // the totals and rates move: see updateStatus()
}

QByteArray ConnectionTab::selectedTopic() const
{
    const TopicNodeId node = m_treePane->currentNode();
    return node == TopicStore::InvalidId ? QByteArray() : m_data.store().topic(node);
}

void ConnectionTab::selectTopic(const QByteArray &topic)
{
    m_treeModel->flush();
    const TopicNodeId node = m_data.store().find(topic);
    if (node != TopicStore::InvalidId)
        m_treePane->selectNode(node);
}

void ConnectionTab::showSearch()
{
    m_searchPanel->reveal();
}

void ConnectionTab::showMessage(const QByteArray &topic, quint64 sequence)
{
    selectTopic(topic);
    m_messagePane->selectMessage(sequence);
}

void ConnectionTab::exportHistory()
{
    m_messagePane->exportHistory();
}

HistoryModel *ConnectionTab::historyModel() const
{
    return m_messagePane->historyModel();
}

QTableView *ConnectionTab::historyView() const
{
    return m_messagePane->historyView();
}

PayloadView *ConnectionTab::payloadView() const
{
    return m_messagePane->payloadView();
}

void ConnectionTab::askToRecord()
{
    RecordingDialog dialog(ConnectionRecorder::defaultPath(m_profile.name), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    startRecording(dialog.path(), dialog.options(), &error);
}

bool ConnectionTab::startRecording(const QString &path, const RecordingOptions &options,
                                   QString *error)
{
    RecordingOptions withMetadata = options;
    withMetadata.metadata.insert(u"profile"_s, m_profile.name);
    // The tab that reopens the file finds the profile's payload formats by it.
    withMetadata.metadata.insert(u"profile_id"_s, m_profile.id.toString(QUuid::WithoutBraces));
    withMetadata.metadata.insert(u"broker"_s, m_profile.displayAddress());
    if (!m_profile.clientId.isEmpty())
        withMetadata.metadata.insert(u"client_id"_s, m_profile.clientId);
    if (state() == ClientState::Connected)
        withMetadata.metadata.insert(
            u"protocol_version"_s,
            QString::fromLatin1(protocolVersionName(m_controller->status().version)));
    if (m_recorder->start(path, withMetadata, error)) {
        if (m_banner->kind() == NoticeBanner::Kind::Warning)
            m_banner->dismiss(); // an earlier recording's failure
        return true;
    }
    m_banner->showWarning(tr("Cannot record to %1").arg(QDir::toNativeSeparators(path)), *error,
                          tr("Choose a folder you can write to, with space to spare."));
    return false;
}

void ConnectionTab::stopRecording()
{
    m_recorder->stop();
}

void ConnectionTab::onRecordingEnded(const RecordingStatus &status)
{
    const QString file = QDir::toNativeSeparators(m_recorder->path());
    const QString hint = status.state == RecordingStatus::State::Failed
        ? tr("Free some space or choose another folder, then record again.")
        : tr("Record again with a larger budget, or to drop the oldest "
             "messages when full.");
    m_banner->showWarning(RecordingStatusText::endTitle(status, file), status.error, hint);
}

void ConnectionTab::focusFilter()
{
    m_treePane->focusFilter();
}

void ConnectionTab::clearHistory()
{
    const TopicNodeId node = m_treePane->currentNode();
    if (node == TopicStore::InvalidId) {
        m_treeModel->clear();
        m_controller->reportApplied(); // what was queued is gone with the rest
        m_messagePane->setTopic(TopicStore::InvalidId);
    } else {
        m_data.history().clearTopic(node);
        m_messagePane->setTopic(node);
    }
}

void ConnectionTab::copySelectedTopic()
{
    const QByteArray topic = selectedTopic();
    if (!topic.isEmpty())
        QApplication::clipboard()->setText(QString::fromUtf8(topic));
}

int ConnectionTab::deleteRetained(const QByteArray &topic, bool confirm)
{
    m_treeModel->flush();
    const TopicStore &store = m_data.store();
    const TopicNodeId node = topic.isEmpty() ? TopicStore::RootId : store.find(topic);
    if (node == TopicStore::InvalidId)
        return 0;
    const QList<TopicNodeId> retained = store.retainedUnder(node);
    if (retained.isEmpty())
        return 0;
    const QString where = topic.isEmpty() ? tr("the whole broker") : QString::fromUtf8(topic);
    if (confirm) {
        const auto answer =
            QMessageBox::question(this, tr("Delete retained messages"),
                                  tr("Delete %n retained message(s) under %1?\nAn empty retained "
                                     "message is published to each topic.",
                                     nullptr, int(retained.size()))
                                      .arg(where));
        if (answer != QMessageBox::Yes)
            return 0;
    }
    RetainedDeletion deletion;
    deletion.where = where;
    deletion.total = retained.size();
    for (TopicNodeId n : retained) {
        Message empty;
        empty.topic = store.topic(n);
        empty.qos = 1;
        // An empty retained payload removes the retained message [MQTT-3.3.1-10].
        empty.retain = true;
        deletion.pending.insert(publish(empty));
    }
    m_deletion = std::move(deletion);
    m_banner->showNotice(
        tr("Deleting %n retained message(s) under %1…", nullptr, int(m_deletion->total))
            .arg(m_deletion->where));
    return int(retained.size());
}

void ConnectionTab::countDeleted(quint64 requestId, const QString &error)
{
    if (!m_deletion || !m_deletion->pending.remove(requestId))
        return;
    if (!error.isEmpty() && m_deletion->failed++ == 0)
        m_deletion->firstError = error;
    if (!m_deletion->pending.isEmpty())
        return;
    const RetainedDeletion done = *std::exchange(m_deletion, std::nullopt);
    const qsizetype deleted = done.total - done.failed;
    if (done.failed == 0) {
        m_banner->showNotice(
            tr("Deleted %n retained message(s) under %1.", nullptr, int(deleted)).arg(done.where));
    } else {
        m_banner->showNotice(tr("Deleted %1 of %2 retained messages under %3; %4 failed: %5")
                                 .arg(deleted)
                                 .arg(done.total)
                                 .arg(done.where)
                                 .arg(done.failed)
                                 .arg(done.firstError));
    }
}

void ConnectionTab::showTopicMenu(TopicNodeId node, const QPoint &globalPosition)
{
    const QByteArray topic = m_data.store().topic(node);
    QMenu menu(this);
    menu.addAction(tr("Copy topic"), this, &ConnectionTab::copySelectedTopic);
    m_messagePane->addPayloadActions(&menu);
    m_presentation->addDecodeAsMenu(&menu, node);
    menu.addAction(tr("Publish to this topic"), this,
                   [this, topic] { m_publishPanel->setTopic(QString::fromUtf8(topic)); });
    menu.addSeparator();
    m_messagePane->addPlotActions(&menu, node);
    menu.addSeparator();
    m_presentation->addMuteActions(&menu, node);
    menu.addSeparator();
    // Offered only where there is something retained to delete.
    if (const int retainedCount = int(m_data.store().retainedUnder(node).size())) {
        QAction *deleteAction =
            menu.addAction(tr("Delete %n retained message(s) here…", nullptr, retainedCount), this,
                           [this, topic] { deleteRetained(topic); });
        deleteAction->setEnabled(state() == ClientState::Connected);
        // Shown as a hint; the tree's own shortcut acts.
        deleteAction->setShortcut(TopicTreePane::deleteRetainedShortcut());
    }
    menu.addAction(tr("Clear history of this topic"), this, &ConnectionTab::clearHistory)
        ->setShortcut(QKeySequence::Delete);
    menu.addAction(tr("Export history…"), m_messagePane, &MessagePane::exportHistory);
    menu.addAction(tr("Replay…"), this, [this, node, topic] {
        m_treeModel->flush();
        emit replayRequested(QString::fromUtf8(topic),
                             ReplayDialog::subtreeMessages(m_data.store(), m_data.history(), node));
    });
    menu.exec(globalPosition);
}

} // namespace mqttscope

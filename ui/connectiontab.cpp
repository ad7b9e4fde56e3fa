// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontab.h"

#include "connectionworker.h"
#include "fieldmessage.h"
#include "publishpanel.h"
#include "subscriptionspanel.h"
#include "explorer/historyexporter.h"
#include "models/historymodel.h"
#include "models/topicsortfilterproxymodel.h"
#include "models/topictreemodel.h"
#include "profiles/secretstore.h"
#include "views/diffview.h"
#include "views/payloadview.h"
#include "views/valueextractor.h"
#include "views/valueplot.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QShortcut>
#include <QPointer>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

qint64 nowMsecs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QKeySequence deleteRetainedShortcut()
{
    return QKeySequence(Qt::SHIFT | Qt::Key_Delete);
}

QString dataSize(double bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1);
}

} // namespace

ConnectionTab::ConnectionTab(const ConnectionProfile &profile, SecretStore *secrets,
                             QWidget *parent)
    : QWidget(parent)
    , m_profile(profile)
    , m_secrets(secrets)
    , m_thread(new QThread(this))
    , m_worker(new ConnectionWorker)
    , m_data(MessageHistory::Limits{profile.historyByteBudget, profile.historyMessagesPerTopic})
    , m_treeModel(new TopicTreeModel(&m_data, this))
    , m_proxy(new TopicSortFilterProxyModel(this))
    , m_historyModel(new HistoryModel(&m_data.history(), this))
    , m_statusTimer(new QTimer(this))
{
    setObjectName(u"connectionTab"_s);
    m_proxy->setSourceModel(m_treeModel);

    m_topSplitter = new QSplitter(Qt::Horizontal, this);
    m_topSplitter->setObjectName(u"topSplitter"_s);
    m_topSplitter->addWidget(createTreePane());
    m_topSplitter->addWidget(createMessagePane());
    m_topSplitter->setStretchFactor(0, 1);
    m_topSplitter->setStretchFactor(1, 1);

    m_publishPanel = new PublishPanel(this);
    m_publishPanel->setCompletionModel(m_treeModel);
    m_subscriptionsPanel = new SubscriptionsPanel(this);
    auto *panels = new QTabWidget(this);
    panels->setObjectName(u"panelTabs"_s);
    panels->addTab(m_publishPanel, tr("Publish"));
    panels->addTab(m_subscriptionsPanel, tr("Subscriptions"));

    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_topSplitter);
    m_mainSplitter->addWidget(panels);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 1);
    // First-run layout; the window restores the user's own afterwards.
    m_mainSplitter->setSizes({660, 200});
    m_topSplitter->setSizes({640, 760});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_mainSplitter, 1);
    layout->addWidget(createStatusLine());

    // The client lives on its own thread: calls go in queued, results come back queued.
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->setObjectName(u"connection: "_s + profile.name);
    m_thread->start();
    connect(m_worker, &ConnectionWorker::stateChanged, this, &ConnectionTab::onStateChanged);
    connect(m_worker, &ConnectionWorker::connected, this, &ConnectionTab::onConnected);
    connect(m_worker, &ConnectionWorker::connectionRefused, this,
            &ConnectionTab::onConnectionRefused);
    connect(m_worker, &ConnectionWorker::disconnected, this, &ConnectionTab::onDisconnected);
    connect(m_worker, &ConnectionWorker::reconnectScheduled, this,
            &ConnectionTab::onReconnectScheduled);
    connect(m_worker, &ConnectionWorker::messagesReceived, this,
            &ConnectionTab::onMessagesReceived);
    connect(m_worker, &ConnectionWorker::receivingPausedChanged, this, [this](bool paused) {
        m_catchingUp = paused;
        updateStatus();
    });
    connect(m_worker, &ConnectionWorker::publishFinished, this, &ConnectionTab::onPublishFinished);
    connect(m_worker, &ConnectionWorker::subscribeFinished, this,
            &ConnectionTab::onSubscribeFinished);
    connect(m_worker, &ConnectionWorker::unsubscribeFinished, this,
            [this](quint64 requestId, const UnsubackPacket &unsuback) {
                m_requests.remove(requestId);
                m_subscriptionsPanel->unsubscribeFinished(requestId, unsuback);
            });
    connect(m_worker, &ConnectionWorker::requestFailed, this, &ConnectionTab::onRequestFailed);
    connect(m_worker, &ConnectionWorker::trafficCounted, this, &ConnectionTab::onTraffic);
    connect(m_worker, &ConnectionWorker::pingRoundTrip, this, [this](int ms) {
        m_pingMs = ms;
        updateStatus();
    });
    connect(m_worker, &ConnectionWorker::errorOccurred, this,
            [this](const QString &message) { m_stateLabel->setToolTip(message); });

    connect(m_treeModel, &TopicTreeModel::flushed, this, &ConnectionTab::onFlushed);
    connect(m_publishPanel, &PublishPanel::publishRequested, this, [this](const Message &message) {
        const quint64 requestId = publish(message);
        m_requests.insert(requestId, Request::PanelPublish);
        m_publishPanel->publishStarted(requestId, message);
    });
    connect(m_subscriptionsPanel, &SubscriptionsPanel::subscribeRequested, this,
            &ConnectionTab::subscribe);
    connect(m_subscriptionsPanel, &SubscriptionsPanel::unsubscribeRequested, this,
            &ConnectionTab::unsubscribe);

    m_statusTimer->setInterval(1000);
    connect(m_statusTimer, &QTimer::timeout, this, &ConnectionTab::updateStatus);
    m_statusTimer->start();
    updateStatus();
}

ConnectionTab::~ConnectionTab()
{
    QMetaObject::invokeMethod(m_worker, &ConnectionWorker::close, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    // Views and models read m_data: they go before it does.
    const auto children = findChildren<QObject *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(children);
}

QWidget *ConnectionTab::createTreePane()
{
    auto *pane = new QWidget(this);
    m_filter = new QLineEdit(pane);
    m_filter->setObjectName(u"topicFilter"_s);
    m_filter->setPlaceholderText(tr("Filter topics (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filterMode = new QComboBox(pane);
    m_filterMode->setObjectName(u"filterMode"_s);
    m_filterMode->addItem(tr("Substring"), int(TopicFilter::Mode::Substring));
    m_filterMode->addItem(tr("Wildcard"), int(TopicFilter::Mode::Wildcard));
    m_filterMode->addItem(tr("Regex"), int(TopicFilter::Mode::RegularExpression));
    m_filterMode->addItem(tr("Payload"), int(TopicFilter::Mode::PayloadText));
    m_filterMode->setToolTip(
        tr("How the filter matches: topic substring, MQTT wildcard filter (+, #), "
           "regular expression, or text in the latest payload"));
    m_sort = new QComboBox(pane);
    m_sort->setObjectName(u"sortOrder"_s);
    m_sort->addItem(tr("Arrival order"), -1);
    m_sort->addItem(tr("By name"), int(TopicTreeModel::TopicColumn));
    m_sort->addItem(tr("By messages"), int(TopicTreeModel::MessagesColumn));
    m_sort->addItem(tr("By rate"), int(TopicTreeModel::RateColumn));
    auto *expand = new QToolButton(pane);
    expand->setText(tr("Expand all"));
    auto *collapse = new QToolButton(pane);
    collapse->setText(tr("Collapse all"));

    m_filterMessage = new QLabel(pane);
    auto *filterProblem = new FieldMessage(pane);

    m_tree = new QTreeView(pane);
    m_tree->setObjectName(u"topicTree"_s);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    // The retained marker (and the room for it on other rows) no taller than the text.
    const int markerSize = m_tree->fontMetrics().height() * 3 / 4;
    m_tree->setIconSize(QSize(markerSize, markerSize));
    // The value takes what the pane has left, so every column shows without scrolling sideways;
    // the topic column is the one to drag.
    m_tree->header()->setSectionResizeMode(TopicTreeModel::TopicColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(TopicTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->header()->resizeSection(TopicTreeModel::TopicColumn, 220);
    for (int column :
         {TopicTreeModel::MessagesColumn, TopicTreeModel::TopicsColumn, TopicTreeModel::RateColumn})
        m_tree->header()->resizeSection(column,
                                        m_tree->fontMetrics().horizontalAdvance(u"00000000"_s));
    m_tree->header()->setStretchLastSection(false);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_filterMode);
    auto *toolRow = new QHBoxLayout;
    toolRow->addWidget(m_sort);
    toolRow->addStretch();
    toolRow->addWidget(m_filterMessage);
    toolRow->addWidget(expand);
    toolRow->addWidget(collapse);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(filterProblem);
    layout->addLayout(toolRow);
    layout->addWidget(m_tree, 1);

    // Typing filters after a short pause: a regex over a million topics is not free.
    auto *filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(150);
    connect(m_filter, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, &ConnectionTab::applyFilter);
    connect(m_filterMode, &QComboBox::currentIndexChanged, this, &ConnectionTab::applyFilter);
    connect(m_treeModel, &TopicTreeModel::filterChanged, this, [this, filterProblem] {
        filterProblem->showMessage(m_treeModel->filter().problem());
        m_filterMessage->setText(m_treeModel->isFiltered() ? tr(
                                     "%n match(es)", nullptr, int(m_treeModel->filterMatchCount()))
                                                           : QString());
    });
    // Counts and rates change with every message but the rows stay put between ticks of this
    // timer, so a flood cannot make the tree jump under the mouse.
    m_resortTimer = new QTimer(this);
    m_resortTimer->setInterval(resortIntervalMs);
    connect(m_resortTimer, &QTimer::timeout, this, &ConnectionTab::resortTree);
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] {
        const int column = m_sort->currentData().toInt();
        const Qt::SortOrder order =
            column == TopicTreeModel::TopicColumn ? Qt::AscendingOrder : Qt::DescendingOrder;
        m_proxy->sort(column, order);
        if (m_proxy->sortsByTraffic())
            m_resortTimer->start();
        else
            m_resortTimer->stop();
    });
    connect(expand, &QToolButton::clicked, m_tree, &QTreeView::expandAll);
    connect(collapse, &QToolButton::clicked, m_tree, &QTreeView::collapseAll);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ConnectionTab::onTopicSelected);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &ConnectionTab::showTreeMenu);
    // Del in the tree clears the selected topic's history (everything when none is selected).
    auto *clear = new QShortcut(QKeySequence::Delete, m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(clear, &QShortcut::activated, this, &ConnectionTab::clearHistory);
    // Shift+Del deletes the retained messages at and below it, after a question naming the count.
    auto *deleteRetainedKey =
        new QShortcut(deleteRetainedShortcut(), m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteRetainedKey, &QShortcut::activated, this, [this] {
        if (m_state == ClientState::Connected)
            deleteRetained(selectedTopic());
    });
    return pane;
}

QWidget *ConnectionTab::createMessagePane()
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_historyView = new QTableView(splitter);
    m_historyView->setObjectName(u"historyView"_s);
    m_historyView->setModel(m_historyModel);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->verticalHeader()->hide();
    m_historyView->verticalHeader()->setDefaultSectionSize(m_historyView->fontMetrics().height()
                                                           + 6);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    // Fixed widths: measuring contents would walk every row on each flush.
    const QFontMetrics metrics = m_historyView->fontMetrics();
    const auto width = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 16;
    };
    m_historyView->setColumnWidth(HistoryModel::TimeColumn, width(u"2026-12-31 23:59:59.999"_s));
    for (int column :
         {HistoryModel::QosColumn, HistoryModel::RetainColumn, HistoryModel::DupColumn})
        m_historyView->setColumnWidth(
            column, width(m_historyModel->headerData(column, Qt::Horizontal).toString()));
    m_historyView->setColumnWidth(HistoryModel::SizeColumn, width(u"1000.0 KiB"_s));
    m_historyView->setColumnWidth(HistoryModel::PropertiesColumn,
                                  width(u"content-type=application/json"_s));
    m_historyView->setWordWrap(false);
    m_historyView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *exportAction = new QAction(tr("Export history…"), m_historyView);
    connect(exportAction, &QAction::triggered, this, &ConnectionTab::exportHistory);
    m_historyView->addAction(exportAction);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConnectionTab::showHistoryRow);

    m_payloadView = new PayloadView(this);
    m_payloadView->setObjectName(u"payloadView"_s);
    m_diffView = new DiffView(this);
    m_diffView->setObjectName(u"diffView"_s);
    m_plot = new ValuePlot(this);
    m_plot->setObjectName(u"valuePlot"_s);
    m_messageTabs = new QTabWidget(splitter);
    m_messageTabs->addTab(m_payloadView, tr("Payload"));
    m_messageTabs->addTab(m_diffView, tr("Diff with previous"));
    m_messageTabs->addTab(m_plot, tr("Plot"));
    splitter->addWidget(m_historyView);
    splitter->addWidget(m_messageTabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    return splitter;
}

QWidget *ConnectionTab::createStatusLine()
{
    auto *line = new QWidget(this);
    m_stateIcon = new QLabel(line);
    m_stateIcon->setObjectName(u"stateIcon"_s);
    m_stateLabel = new QLabel(line);
    m_stateLabel->setObjectName(u"stateLabel"_s);
    m_trafficLabel = new QLabel(line);
    m_trafficLabel->setObjectName(u"trafficLabel"_s);
    m_limitsLabel = new QLabel(line);
    m_limitsLabel->setObjectName(u"limitsLabel"_s);
    // Long lines are cut rather than widening the window; the tooltips hold them whole.
    for (QLabel *label : {m_stateLabel, m_trafficLabel, m_limitsLabel}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }
    auto *layout = new QHBoxLayout(line);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_stateIcon);
    layout->addWidget(m_stateLabel, 2);
    layout->addWidget(m_trafficLabel, 3);
    layout->addSpacing(12);
    layout->addWidget(m_limitsLabel, 2);
    return line;
}

QString ConnectionTab::title() const
{
    QString state;
    switch (m_state) {
    case ClientState::Connecting:
        state = tr("connecting");
        break;
    case ClientState::Connected:
        state = tr("connected");
        break;
    case ClientState::Reconnecting:
        state = tr("reconnecting");
        break;
    case ClientState::Disconnected:
        state = m_stateDetail.isEmpty() ? tr("disconnected") : tr("offline");
        break;
    }
    return tr("%1 · %2").arg(m_profile.name, state);
}

ConnectionIndicator ConnectionTab::indicator() const
{
    switch (m_state) {
    case ClientState::Connecting:
        return ConnectionIndicator::Connecting;
    case ClientState::Connected:
        return ConnectionIndicator::Connected;
    case ClientState::Reconnecting:
        return ConnectionIndicator::Reconnecting;
    case ClientState::Disconnected:
        break;
    }
    return m_refused ? ConnectionIndicator::Refused : ConnectionIndicator::Disconnected;
}

QString ConnectionTab::statusText() const
{
    switch (m_state) {
    case ClientState::Connecting:
        return tr("Connecting to %1…").arg(m_profile.displayAddress());
    case ClientState::Connected: {
        const QString version = m_version == ProtocolVersion::V5 ? u"5.0"_s
            : m_version == ProtocolVersion::V311                 ? u"3.1.1"_s
                                                                 : u"3.1"_s;
        QString text = tr("Connected to %1 (MQTT %2)").arg(m_profile.displayAddress(), version);
        if (m_pingMs >= 0)
            text += tr(" · ping %1 ms").arg(m_pingMs);
        if (m_catchingUp)
            text += tr(" · catching up…");
        return text;
    }
    case ClientState::Reconnecting: {
        const qint64 seconds = qMax<qint64>(0, (m_reconnectAtMsecs - nowMsecs() + 999) / 1000);
        QString text = tr("Reconnecting in %n s", nullptr, int(seconds));
        if (!m_stateDetail.isEmpty())
            text += u" · "_s + m_stateDetail;
        return text;
    }
    case ClientState::Disconnected:
        break;
    }
    return m_stateDetail.isEmpty() ? tr("Disconnected") : tr("Disconnected: %1").arg(m_stateDetail);
}

QString ConnectionTab::trafficText() const
{
    const Statistics::Snapshot s = m_data.statistics().snapshot(nowMsecs());
    return tr("In %1 msg/s, %2/s · out %3 msg/s, %4/s · total in %5 (%6), out %7 (%8)")
        .arg(QLocale().toString(s.perSecond[Statistics::MessagesIn], 'f', 0),
             dataSize(s.perSecond[Statistics::BytesIn]),
             QLocale().toString(s.perSecond[Statistics::MessagesOut], 'f', 0),
             dataSize(s.perSecond[Statistics::BytesOut]),
             QLocale().toString(s.totals[Statistics::MessagesIn]),
             dataSize(s.totals[Statistics::BytesIn]),
             QLocale().toString(s.totals[Statistics::MessagesOut]),
             dataSize(s.totals[Statistics::BytesOut]));
}

void ConnectionTab::updateStatus()
{
    const int iconSize = m_stateLabel->fontMetrics().height();
    m_stateIcon->setPixmap(indicatorIcon(indicator(), palette())
                               .pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_stateLabel->setText(statusText());
    m_trafficLabel->setText(trafficText());
    m_trafficLabel->setToolTip(m_trafficLabel->text());
    emit statusChanged();
}

void ConnectionTab::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateStatus(); // the dot's colors follow light and dark palettes
}

void ConnectionTab::setStateDetail(const QString &detail)
{
    m_stateDetail = detail;
    updateStatus();
    emit titleChanged(title());
}

void ConnectionTab::connectToBroker()
{
    const bool needsSecrets =
        m_profile.hasPassword || !m_profile.keyFile.isEmpty() || !m_profile.pkcs12File.isEmpty();
    if (!needsSecrets) {
        openWithSecrets({});
        return;
    }
    QPointer<ConnectionTab> self(this);
    m_secrets->read(m_profile.id, [self](std::optional<ProfileSecrets> secrets, const QString &) {
        if (!self)
            return;
        if (self->m_profile.hasPassword && (!secrets || !secrets->password))
            self->askForPassword();
        else
            self->openWithSecrets(secrets.value_or(ProfileSecrets{}));
    });
}

void ConnectionTab::askForPassword()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"passwordDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Password for %1").arg(m_profile.name));
    dialog->setLabelText(tr("The keychain holds no password for %1 (%2).\nIt is kept in memory "
                            "until mqttscope exits.")
                             .arg(m_profile.username, m_profile.displayAddress()));
    dialog->setTextEchoMode(QLineEdit::Password);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &password) {
        ProfileSecrets secrets;
        secrets.password = password.toUtf8();
        m_secrets->remember(m_profile.id, secrets);
        openWithSecrets(secrets);
    });
    dialog->open();
}

void ConnectionTab::openWithSecrets(const ProfileSecrets &secrets)
{
    m_stateDetail.clear();
    m_refused = false;
    const ClientOptions options = m_profile.toClientOptions(secrets);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, options] { worker->open(options); });
}

void ConnectionTab::disconnectFromBroker()
{
    QMetaObject::invokeMethod(m_worker, &ConnectionWorker::close);
}

quint64 ConnectionTab::publish(const Message &message)
{
    const quint64 requestId = m_nextRequestId++;
    m_requests.insert(requestId, Request::Publish);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, requestId, message] { worker->publish(requestId, message); });
    return requestId;
}

void ConnectionTab::subscribe(const Subscription &subscription, quint32 subscriptionId)
{
    const quint64 requestId = m_nextRequestId++;
    m_requests.insert(requestId, Request::Subscribe);
    m_subscriptionsPanel->subscribeStarted(requestId, subscription, subscriptionId);
    Properties properties;
    if (subscriptionId != 0 && m_version == ProtocolVersion::V5)
        properties.subscriptionIdentifiers = {subscriptionId};
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, requestId, subscription, properties] {
        worker->subscribe(requestId, {subscription}, properties);
    });
}

void ConnectionTab::unsubscribe(const QString &filter)
{
    const quint64 requestId = m_nextRequestId++;
    m_requests.insert(requestId, Request::Unsubscribe);
    m_subscriptionsPanel->unsubscribeStarted(requestId, filter);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, requestId, filter] {
        worker->unsubscribe(requestId, {filter});
    });
}

void ConnectionTab::subscribeAll()
{
    auto subscriptions = m_subscriptionsPanel->subscriptions();
    if (subscriptions.isEmpty() && !m_everConnected) {
        for (const Subscription &s : std::as_const(m_profile.subscriptions))
            subscriptions.append({s, 0});
    }
    for (const auto &[subscription, id] : std::as_const(subscriptions))
        subscribe(subscription, id);
}

void ConnectionTab::onStateChanged(ClientState state)
{
    if (state == m_state)
        return;
    m_state = state;
    if (state != ClientState::Connected)
        m_pingMs = -1;
    if (state == ClientState::Connected) {
        m_stateDetail.clear();
        m_refused = false;
    }
    updateStatus();
    emit titleChanged(title());
    emit stateChanged(state);
}

void ConnectionTab::onConnected(const ConnackPacket &connack, ProtocolVersion version)
{
    m_connack = connack;
    m_version = version;
    const bool v5 = version == ProtocolVersion::V5;
    m_publishPanel->setMqtt5(v5);
    m_subscriptionsPanel->setMqtt5(v5);
    // Without a session the broker forgot our subscriptions: make them again.
    if (!connack.sessionPresent) {
        m_subscriptionsPanel->clearResults();
        subscribeAll();
    }
    m_everConnected = true;

    const Properties &p = connack.properties;
    QStringList limits;
    if (p.maximumQoS)
        limits << tr("max QoS %1").arg(*p.maximumQoS);
    if (p.receiveMaximum)
        limits << tr("receive max %1").arg(*p.receiveMaximum);
    if (p.maximumPacketSize)
        limits << tr("max packet %1").arg(dataSize(*p.maximumPacketSize));
    if (p.topicAliasMaximum)
        limits << tr("topic aliases %1").arg(*p.topicAliasMaximum);
    if (p.retainAvailable && *p.retainAvailable == 0)
        limits << tr("no retain");
    if (p.wildcardSubscriptionAvailable && *p.wildcardSubscriptionAvailable == 0)
        limits << tr("no wildcards");
    if (p.sharedSubscriptionAvailable && *p.sharedSubscriptionAvailable == 0)
        limits << tr("no shared subscriptions");
    if (p.subscriptionIdentifierAvailable && *p.subscriptionIdentifierAvailable == 0)
        limits << tr("no subscription ids");
    if (p.serverKeepAlive)
        limits << tr("keepalive %1 s").arg(*p.serverKeepAlive);
    m_limitsLabel->setText(limits.isEmpty() ? QString()
                                            : tr("Broker: %1").arg(limits.join(u" · "_s)));
    // The id the broker chose is no limit and long: in the tooltip only.
    if (p.assignedClientIdentifier)
        limits << tr("assigned id %1").arg(*p.assignedClientIdentifier);
    m_limitsLabel->setToolTip(
        limits.isEmpty() ? QString() : tr("Broker limits (CONNACK):\n%1").arg(limits.join(u'\n')));
    updateStatus();
}

void ConnectionTab::onConnectionRefused(const ConnackPacket &connack)
{
    m_refused = true;
    QString reason = reasonCodeName(connack.reason);
    if (connack.properties.reasonString)
        reason += u" ("_s + *connack.properties.reasonString + u')';
    setStateDetail(tr("refused: %1").arg(reason));
}

void ConnectionTab::onDisconnected(const QString &reason)
{
    // A refusal already said why; keep that rather than the transport's "closed".
    if (!m_refused)
        setStateDetail(reason);
}

void ConnectionTab::onReconnectScheduled(int delayMs)
{
    m_reconnectAtMsecs = nowMsecs() + delayMs;
    updateStatus();
}

void ConnectionTab::onMessagesReceived(const QList<Message> &messages)
{
    m_unappliedMessages += messages.size();
    m_treeModel->enqueue(messages);
    if (m_plot->seriesCount() > 0) {
        for (const Message &m : messages)
            m_plot->addMessage(m);
    }
}

void ConnectionTab::reportApplied()
{
    if (m_unappliedMessages == 0)
        return;
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, count = std::exchange(m_unappliedMessages, 0)] {
                                  worker->messagesApplied(count);
                              });
}

void ConnectionTab::onFlushed()
{
    reportApplied(); // a flush applies everything queued
    const int rowsBefore = m_historyModel->rowCount();
    const QModelIndex current = m_historyView->currentIndex();
    const bool following = !current.isValid() || current.row() == rowsBefore - 1;
    m_historyModel->refresh();
    const int rows = m_historyModel->rowCount();
    // Follow the newest message unless the user is reading an older one.
    if (following && rows > 0 && (rows != rowsBefore || !current.isValid()))
        m_historyView->setCurrentIndex(m_historyModel->index(rows - 1, 0));
}

void ConnectionTab::onPublishFinished(quint64 requestId, ReasonCode reason,
                                      const QString &reasonString)
{
    const auto kind = takeRequest(requestId);
    if (!kind)
        return;
    if (*kind == Request::PanelPublish)
        m_publishPanel->publishFinished(requestId, reason, reasonString);
    emit publishFinished(requestId, !isError(reason),
                         reasonString.isEmpty() ? reasonCodeName(reason) : reasonString);
}

void ConnectionTab::onSubscribeFinished(quint64 requestId, const SubackPacket &suback)
{
    m_requests.remove(requestId);
    m_subscriptionsPanel->subscribeFinished(requestId, suback);
}

void ConnectionTab::onRequestFailed(quint64 requestId, const QString &error)
{
    const auto kind = takeRequest(requestId);
    if (!kind)
        return;
    switch (*kind) {
    case Request::PanelPublish:
        m_publishPanel->publishFailed(requestId, error);
        [[fallthrough]];
    case Request::Publish:
        emit publishFinished(requestId, false, error);
        break;
    case Request::Subscribe:
    case Request::Unsubscribe:
        m_subscriptionsPanel->requestFailed(requestId, error);
        break;
    }
}

std::optional<ConnectionTab::Request> ConnectionTab::takeRequest(quint64 requestId)
{
    const auto it = m_requests.constFind(requestId);
    if (it == m_requests.cend()) {
        // A result for no request of ours would be reported against the wrong one.
        qWarning() << "Result for unknown request" << requestId << "ignored";
        return std::nullopt;
    }
    const Request kind = *it;
    m_requests.erase(it);
    return kind;
}

void ConnectionTab::onTraffic(qint64 bytesIn, qint64 bytesOut, qint64, qint64 messagesOut)
{
    const qint64 now = nowMsecs();
    m_data.statistics().addBytes(bytesIn, bytesOut, now);
    if (messagesOut > 0)
        m_data.statistics().addMessagesOut(messagesOut, now);
}

QByteArray ConnectionTab::selectedTopic() const
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid())
        return {};
    return m_data.store().topic(m_treeModel->nodeId(m_proxy->mapToSource(index)));
}

void ConnectionTab::selectTopic(const QByteArray &topic)
{
    m_treeModel->flush();
    const TopicNodeId node = m_data.store().find(topic);
    if (node == TopicStore::InvalidId)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_treeModel->indexOf(node));
    m_tree->scrollTo(index);
    m_tree->setCurrentIndex(index);
}

void ConnectionTab::onTopicSelected()
{
    const QModelIndex index = m_tree->currentIndex();
    const TopicNodeId node =
        index.isValid() ? m_treeModel->nodeId(m_proxy->mapToSource(index)) : HistoryModel::NoTopic;
    m_historyModel->setTopic(node);
    const int rows = m_historyModel->rowCount();
    if (rows > 0) {
        m_historyView->setCurrentIndex(m_historyModel->index(rows - 1, 0));
    } else {
        m_payloadView->clear();
        m_diffView->clear();
    }
}

void ConnectionTab::showHistoryRow(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const HistoryEntry &entry = m_historyModel->entry(index.row());
    Message message;
    message.topic = m_data.store().topic(m_historyModel->topic());
    message.payload = entry.payload;
    message.qos = entry.qos;
    message.retain = entry.retain;
    message.dup = entry.dup;
    if (entry.properties)
        message.properties = *entry.properties;
    message.receivedMsecsSinceEpoch = entry.receivedMsecs;
    m_payloadView->setMessage(message);
    if (index.row() > 0)
        m_diffView->setPayloads(m_historyModel->entry(index.row() - 1).payload, entry.payload);
    else
        m_diffView->setPayloads({}, entry.payload);
}

void ConnectionTab::resortTree()
{
    if (!m_tree->isVisible())
        return;
    // The rows the user looks at stay in view: at the top of the list the top stays shown (the
    // busiest topics), further down the first visible row stays first. Selection, current item
    // and expansion are persistent indexes and follow their rows by themselves.
    const bool atTop =
        m_tree->verticalScrollBar()->value() == m_tree->verticalScrollBar()->minimum();
    const QPersistentModelIndex anchor = atTop ? QModelIndex() : m_tree->indexAt(QPoint(0, 0));
    m_proxy->resort();
    if (anchor.isValid())
        m_tree->scrollTo(anchor, QAbstractItemView::PositionAtTop);
}

void ConnectionTab::applyFilter()
{
    const auto mode = TopicFilter::Mode(m_filterMode->currentData().toInt());
    m_treeModel->setFilter(TopicFilter(mode, m_filter->text()));
    if (!m_filter->text().isEmpty())
        m_tree->expandAll();
}

void ConnectionTab::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void ConnectionTab::clearHistory()
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid()) {
        m_treeModel->clear();
        reportApplied(); // what was queued is gone with the rest
        m_historyModel->setTopic(HistoryModel::NoTopic);
        m_payloadView->clear();
        m_diffView->clear();
        return;
    }
    const TopicNodeId node = m_treeModel->nodeId(m_proxy->mapToSource(index));
    m_data.history().removeTopic(node);
    m_historyModel->setTopic(node);
    m_payloadView->clear();
    m_diffView->clear();
}

void ConnectionTab::copySelectedTopic()
{
    const QByteArray topic = selectedTopic();
    if (!topic.isEmpty())
        QApplication::clipboard()->setText(QString::fromUtf8(topic));
}

void ConnectionTab::exportHistory()
{
    const QByteArray topic = selectedTopic();
    QString selectedFilter;
    const QString jsonLines = tr("JSON lines (*.jsonl)");
    const QString csv = tr("CSV (*.csv)");
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Export history"), u"history.jsonl"_s, jsonLines + u";;"_s + csv, &selectedFilter);
    if (fileName.isEmpty())
        return;
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(this, tr("Export history"),
                             tr("Cannot write %1: %2").arg(fileName, file.errorString()));
        return;
    }
    const TopicNodeId node = topic.isEmpty() ? TopicStore::RootId : m_data.store().find(topic);
    const HistoryExporter exporter(m_data.store(), m_data.history());
    const bool asCsv = selectedFilter == csv || fileName.endsWith(u".csv"_s, Qt::CaseInsensitive);
    if (asCsv)
        exporter.writeCsv(file, node, HistoryExporter::Scope::Subtree);
    else
        exporter.writeJsonLines(file, node, HistoryExporter::Scope::Subtree);
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
    if (confirm) {
        const QString where = topic.isEmpty() ? tr("the whole broker") : QString::fromUtf8(topic);
        const auto answer =
            QMessageBox::question(this, tr("Delete retained messages"),
                                  tr("Delete %n retained message(s) under %1?\nAn empty retained "
                                     "message is published to each topic.",
                                     nullptr, int(retained.size()))
                                      .arg(where));
        if (answer != QMessageBox::Yes)
            return 0;
    }
    for (TopicNodeId n : retained) {
        Message empty;
        empty.topic = store.topic(n);
        empty.qos = 1;
        empty.retain =
            true; // an empty retained payload removes the retained message [MQTT-3.3.1-10]
        publish(empty);
    }
    return int(retained.size());
}

void ConnectionTab::plotSelected(const QString &jsonPath)
{
    const QByteArray topic = selectedTopic();
    if (topic.isEmpty())
        return;
    const int series = m_plot->addSeries(topic, jsonPath);
    // Start the series with what the history already holds.
    const TopicNodeId node = m_data.store().find(topic);
    const auto entries = m_data.history().entries(node);
    for (const HistoryEntry &entry : entries) {
        if (auto value = extractValue(entry.payload, jsonPath))
            m_plot->addValue(series, entry.receivedMsecs, *value);
    }
    m_messageTabs->setCurrentWidget(m_plot);
}

void ConnectionTab::showTreeMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    const TopicNodeId node = m_treeModel->nodeId(m_proxy->mapToSource(index));
    const QByteArray topic = m_data.store().topic(node);
    const QByteArray payload = m_data.store().latestPayload(node);

    QMenu menu(this);
    menu.addAction(tr("Copy topic"), this, &ConnectionTab::copySelectedTopic);
    menu.addAction(tr("Copy payload"), m_payloadView, &PayloadView::copyPayload);
    menu.addAction(tr("Save payload…"), m_payloadView, &PayloadView::savePayloadAs);
    menu.addAction(tr("Publish to this topic"), this,
                   [this, topic] { m_publishPanel->setTopic(QString::fromUtf8(topic)); });
    menu.addSeparator();
    if (extractValue(payload))
        menu.addAction(tr("Plot values"), this, [this] { plotSelected({}); });
    const QStringList paths = numericJsonPaths(payload, 20);
    if (!paths.isEmpty()) {
        QMenu *plotMenu = menu.addMenu(tr("Plot JSON field"));
        for (const QString &path : paths)
            plotMenu->addAction(path, this, [this, path] { plotSelected(path); });
    }
    menu.addSeparator();
    const int retainedCount = int(m_data.store().retainedUnder(node).size());
    QAction *deleteAction =
        menu.addAction(tr("Delete %n retained message(s) here…", nullptr, retainedCount), this,
                       [this, topic] { deleteRetained(topic); });
    deleteAction->setEnabled(retainedCount > 0 && m_state == ClientState::Connected);
    deleteAction->setShortcut(
        deleteRetainedShortcut()); // shown as a hint; the tree's own shortcut acts
    menu.addAction(tr("Clear history of this topic"), this, &ConnectionTab::clearHistory)
        ->setShortcut(QKeySequence::Delete);
    menu.addAction(tr("Export history…"), this, &ConnectionTab::exportHistory);
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

} // namespace mqttscope

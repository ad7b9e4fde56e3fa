// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingtab.h"

#include "messagepane.h"
#include "noticebanner.h"
#include "profilepayloaddecoder.h"
#include "recordingplayer.h"
#include "searchpanel.h"
#include "timelinepanel.h"
#include "topictreepane.h"
#include "models/topictreemodel.h"
#include "explorer/recordedsparkplug.h"
#include "recording/recordingreader.h"
#include "decode/payloaddecoder.h"
#include "profiles/profilestore.h"
#include "views/payloadview.h"
#include "views/ratetimeline.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

RecordingTab *RecordingTab::open(const QString &path, QString *error, QWidget *parent)
{
    std::unique_ptr<RecordingReader> reader = RecordingReader::open(path, error);
    return reader ? new RecordingTab(std::move(reader), parent) : nullptr;
}

RecordingTab::RecordingTab(std::unique_ptr<RecordingReader> reader, QWidget *parent)
    : QWidget(parent)
    , m_reader(std::move(reader))
    , m_treeModel(new TopicTreeModel(&m_data, this))
    , m_treePane(new TopicTreePane(m_treeModel, this))
    , m_messagePane(new MessagePane(&m_data, this))
    , m_timeline(new TimelinePanel(this))
    , m_player(new RecordingPlayer(m_reader.get(), this))
    , m_searchPanel(new SearchPanel(this))
    , m_banner(new NoticeBanner(this))
    , m_summary(new QLabel(this))
{
    setObjectName(u"recordingTab"_s);
    const RecordingReader::Summary summary = m_reader->summary();
    m_firstUs = summary.firstTimeUs;
    m_lastUs = summary.lastTimeUs;
    m_timeline->timeline()->setSpan(m_firstUs, m_lastUs);
    m_summary->setObjectName(u"recordingSummary"_s);
    m_summary->setText(summaryText());
    m_messagePane->payloadView()->setSparkplugAliases(&m_sparkplugAliases);
    m_data.decoded().setSparkplugAliases(&m_sparkplugAliases);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"topSplitter"_s);
    splitter->addWidget(createLeftSide());
    splitter->addWidget(createRightSide());
    splitter->setSizes({640, 760});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_summary);

    connect(m_treeModel, &TopicTreeModel::flushed, m_messagePane, &MessagePane::refresh);
    connect(m_treePane, &TopicTreePane::currentNodeChanged, this, &RecordingTab::onTopicSelected);
    connect(m_treePane, &TopicTreePane::menuRequested, this, &RecordingTab::showTopicMenu);
    connect(m_timeline, &TimelinePanel::seekRequested, this, &RecordingTab::seek);
    connect(m_timeline, &TimelinePanel::playToggled, this, &RecordingTab::togglePlay);
    connect(m_timeline, &TimelinePanel::speedChanged, m_player, &RecordingPlayer::setSpeed);
    connect(m_timeline->timeline(), &RateTimeline::columnsChanged, this, &RecordingTab::showRates);
    connect(m_player, &RecordingPlayer::messagesPlayed, this, &RecordingTab::onPlayed);
    connect(m_searchPanel, &SearchPanel::messageActivated, this,
            [this](const QByteArray &topic, qint64 timeUs, qint64) { showFound(topic, timeUs); });
    connect(m_player, &RecordingPlayer::positionChanged, m_timeline, &TimelinePanel::setPosition);
    connect(m_player, &RecordingPlayer::playingChanged, m_timeline, &TimelinePanel::setPlaying);

    loadTopicIds();
    seek(m_lastUs); // what the recording ended with, as its connection's tab last showed it
}

void RecordingTab::setPayloadFormats(const ConnectionProfile &profile)
{
    QStringList problems;
    auto decoder = payloadDecoderFor(profile, &problems);
    if (!problems.isEmpty())
        m_banner->showWarning(tr("Some .proto files of %1 did not compile").arg(profile.name),
                              problems.join(u'\n'),
                              tr("Their message types are shown as hex until fixed."));
    m_messagePane->payloadView()->setDecoder(decoder);
    m_data.decoded().setDecoder(std::move(decoder));
    m_searchPanel->setRecording(m_reader->path(), m_data.decoded().decoder());
    m_messagePane->setTopic(m_messagePane->topic());
    topicTree()->viewport()->update();
}

std::optional<ConnectionProfile> RecordingTab::recordedProfile(const ProfileStore &saved) const
{
    const QMap<QString, QString> meta = m_reader->summary().metadata;
    if (const auto byId = saved.profile(QUuid(meta.value(u"profile_id"_s))))
        return byId;
    // Recordings made before the id was written name their profile only.
    const QString name = meta.value(u"profile"_s);
    return name.isEmpty() ? std::nullopt : saved.profileNamed(name);
}

RecordingTab::~RecordingTab()
{
    // Views and models read m_data: they go before it does.
    const auto children = findChildren<QObject *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(children);
}

QWidget *RecordingTab::createLeftSide()
{
    auto *left = new QWidget(this);
    auto *layout = new QVBoxLayout(left);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_treePane, 1);
    layout->addWidget(m_timeline);
    return left;
}

QWidget *RecordingTab::createRightSide()
{
    // Search reads the file on a reader of its own, in the background.
    m_searchPanel->setRecording(m_reader->path(), m_data.decoded().decoder());
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_messagePane);
    right->addWidget(m_searchPanel);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    return right;
}

void RecordingTab::showFound(const QByteArray &topic, qint64 timeUs)
{
    // The state as of the message found, with it the newest of its topic's history.
    pause();
    seek(timeUs);
    selectTopic(topic);
}

QString RecordingTab::path() const
{
    return m_reader->path();
}

QString RecordingTab::title() const
{
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(m_firstUs / 1000);
    const QDateTime last = QDateTime::fromMSecsSinceEpoch(m_lastUs / 1000);
    const QString format = first.date() == last.date() ? u"HH:mm:ss"_s : u"yyyy-MM-dd HH:mm"_s;
    return tr("%1 (%2 %3–%4)")
        .arg(QFileInfo(path()).fileName(), first.toString(u"yyyy-MM-dd"_s),
             first.toString(u"HH:mm:ss"_s), last.toString(format));
}

QString RecordingTab::summaryText() const
{
    const RecordingReader::Summary summary = m_reader->summary();
    const QLocale locale;
    QStringList parts{
        tr("%1 messages").arg(locale.toString(summary.messageCount)),
        tr("%1 topics").arg(locale.toString(summary.topicCount)),
    };
    const auto broker = summary.metadata.constFind(u"broker"_s);
    if (broker != summary.metadata.cend())
        parts.append(tr("recorded from %1").arg(*broker));
    const auto version = summary.metadata.constFind(u"protocol_version"_s);
    if (version != summary.metadata.cend())
        parts.append(tr("MQTT %1").arg(*version));
    parts.append(tr("read-only"));
    return parts.join(u" · "_s);
}

void RecordingTab::loadTopicIds()
{
    const QList<RecordingReader::Topic> topics = m_reader->topics();
    m_topicIds.reserve(topics.size());
    for (const RecordingReader::Topic &topic : topics)
        m_topicIds.insert(topic.name, topic.id);
    m_lifecycleTopicIds = RecordedSparkplug::lifecycleTopicIds(topics);
}

qint64 RecordingTab::position() const
{
    return m_player->position();
}

bool RecordingTab::isPlaying() const
{
    return m_player->isPlaying();
}

void RecordingTab::seek(qint64 us)
{
    const qint64 moment = std::clamp(us, m_firstUs, m_lastUs);
    const QByteArray selected = selectedTopic();
    const QList<QByteArray> expanded = expandedTopics();
    m_treeModel->clear();
    m_historyLoaded.clear();
    readSparkplug(moment);
    const QList<Message> state = RecordingPlayer::messagesOf(m_reader->stateAt(moment));
    m_player->seek(moment);
    m_treeModel->enqueue(state);
    m_treeModel->flush();
    m_messagePane->addToPlot(state);
    expandTopics(expanded);
    if (!selected.isEmpty())
        selectTopic(selected);
}

void RecordingTab::play()
{
    if (m_player->position() >= m_lastUs)
        seek(m_firstUs); // from the start again, as a player does at its end
    m_player->setSpeed(m_timeline->speed());
    m_player->play();
}

void RecordingTab::pause()
{
    m_player->pause();
}

void RecordingTab::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void RecordingTab::readSparkplug(qint64 toUs)
{
    const QList<Message> lifecycle =
        RecordedSparkplug::lifecycleUpTo(*m_reader, m_lifecycleTopicIds, toUs);
    m_sparkplugAliases.clear();
    for (const Message &message : lifecycle) {
        if (const auto birth = RecordedSparkplug::birthOf(message))
            m_sparkplugAliases.add(*birth);
    }
    m_data.decoded().forgetDecoded();
    m_sparkplugState = SparkplugStateFeed();
    m_treeModel->clearSparkplug();
    showSparkplugState(lifecycle);
}

void RecordingTab::showSparkplugState(const QList<Message> &lifecycle)
{
    m_sparkplugState.observe(lifecycle);
    if (!m_sparkplugState.hasChanges())
        return;
    QList<SparkplugEndpointChange> endpoints = m_sparkplugState.takeChanges().endpoints;
    // A recording's rows show no issues: the feed reads no DATA, so each DEATH's seq would seem
    // to skip those sent before it.
    for (SparkplugEndpointChange &endpoint : endpoints) {
        endpoint.issueCount = 0;
        endpoint.lastIssue.clear();
    }
    m_treeModel->updateSparkplug(endpoints);
}

void RecordingTab::onPlayed(const QList<Message> &messages)
{
    QList<Message> lifecycle;
    for (const Message &message : messages) {
        if (RecordedSparkplug::isLifecycleTopic(message.topic))
            lifecycle.append(message);
    }
    bool born = false;
    for (const Message &message : lifecycle) {
        if (const auto birth = RecordedSparkplug::birthOf(message)) {
            m_sparkplugAliases.add(*birth);
            born = true;
        }
    }
    if (born) { // what the rows show of a DATA is named as of now
        m_data.decoded().forgetDecoded();
        topicTree()->viewport()->update();
        m_messagePane->historyView()->viewport()->update();
    }
    m_treeModel->enqueue(messages);
    m_messagePane->addToPlot(messages);
    showSparkplugState(lifecycle);
}

void RecordingTab::showRates(int columns)
{
    // The file counts messages per second: a bucket is never shorter than that.
    const qint64 seconds = (m_lastUs - m_firstUs) / 1000000 + 1;
    QList<qint64> counts;
    const QList<RecordingReader::RateBucket> buckets =
        m_reader->rate(int(std::min<qint64>(columns, seconds)));
    counts.reserve(buckets.size());
    for (const RecordingReader::RateBucket &bucket : buckets)
        counts.append(bucket.messages);
    m_timeline->timeline()->setCounts(counts);
}

void RecordingTab::onTopicSelected(TopicNodeId node)
{
    if (node != TopicStore::InvalidId)
        loadHistory(node);
    m_messagePane->setTopic(node);
}

void RecordingTab::loadHistory(TopicNodeId node)
{
    if (m_historyLoaded.contains(node))
        return;
    m_historyLoaded.insert(node);
    const auto id = m_topicIds.constFind(m_data.store().topic(node));
    if (id == m_topicIds.cend())
        return; // a level with no message of its own
    m_treeModel->flush(); // what was played so far is in the history the file replaces
    const int limit = m_data.history().limits().messagesPerTopic;
    const QList<Message> messages = RecordingPlayer::messagesOf(
        m_reader->topicMessages(*id, m_firstUs, m_player->position(), limit));
    m_data.replaceHistory(node, messages);
}

QByteArray RecordingTab::selectedTopic() const
{
    const TopicNodeId node = m_treePane->currentNode();
    return node == TopicStore::InvalidId ? QByteArray() : m_data.store().topic(node);
}

void RecordingTab::selectTopic(const QByteArray &topic)
{
    m_treeModel->flush();
    const TopicNodeId node = m_data.store().find(topic);
    if (node != TopicStore::InvalidId)
        m_treePane->selectNode(node);
}

void RecordingTab::focusFilter()
{
    m_treePane->focusFilter();
}

QTreeView *RecordingTab::topicTree() const
{
    return m_treePane->tree();
}

QList<QByteArray> RecordingTab::expandedTopics() const
{
    // Only the open rows are walked: bounded by what the user opened, not by the topics.
    QList<QByteArray> topics;
    const QTreeView *tree = topicTree();
    const QAbstractItemModel *model = tree->model();
    QList<QModelIndex> pending{QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex child = model->index(row, 0, parent);
            if (!tree->isExpanded(child))
                continue;
            topics.append(child.data(TopicTreeModel::TopicRole).toString().toUtf8());
            pending.append(child);
        }
    }
    return topics;
}

void RecordingTab::expandTopics(const QList<QByteArray> &topics)
{
    QTreeView *tree = topicTree();
    const auto *proxy = qobject_cast<const QAbstractProxyModel *>(tree->model());
    for (const QByteArray &topic : topics) {
        const TopicNodeId node = m_data.store().find(topic);
        if (node != TopicStore::InvalidId && proxy)
            tree->expand(proxy->mapFromSource(m_treeModel->indexOf(node)));
    }
}

void RecordingTab::showTopicMenu(TopicNodeId node, const QPoint &globalPosition)
{
    const QString topic = QString::fromUtf8(m_data.store().topic(node));
    QMenu menu(this);
    menu.addAction(tr("Copy topic"), this, [topic] { QApplication::clipboard()->setText(topic); });
    m_messagePane->addPayloadActions(&menu);
    menu.addSeparator();
    m_messagePane->addPlotActions(&menu, node);
    menu.addSeparator();
    menu.addAction(tr("Export history…"), m_messagePane, &MessagePane::exportHistory);
    menu.exec(globalPosition);
}

} // namespace mqttscope

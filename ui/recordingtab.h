// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/sparkplugaliasbook.h"
#include "decode/sparkplugstatefeed.h"
#include "explorer/explorerdata.h"
#include "profiles/connectionprofile.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QTreeView;

namespace mqttscope {

class MessagePane;
class NoticeBanner;
class ProfileStore;
class RecordingPlayer;
class RecordingReader;
class SearchPanel;
class TimelinePanel;
class TopicTreeModel;
class TopicTreePane;

// A recording opened read-only, like a connection's tab without the publish and subscribe
// panels: the same tree, history, payload, diff, plot and export over an ExplorerData, and a
// timeline under the tree. The data holds the state as of the chosen moment (the latest
// message of each topic then, RecordingReader::stateAt), a topic's history is read from the file
// when it is chosen, and Play feeds the messages after the moment through the tree's usual
// ingest. Nothing is loaded whole: the work of a seek is bounded by the topics, not the messages.
// Sparkplug B as of the moment: metrics sent by alias are named by the BIRTHs recorded before
// them, and endpoints show online or offline by the BIRTHs, DEATHs and STATEs before it. A seek
// reads those lifecycle messages up to the moment (RecordedSparkplug), Play adds those it plays.
class RecordingTab : public QWidget
{
    Q_OBJECT
public:
    // Null, with `error` saying why, when the file is not a recording.
    static RecordingTab *open(const QString &path, QString *error, QWidget *parent = nullptr);
    ~RecordingTab() override;

    QString path() const;
    QString title() const; // the file's name and the span it covers

    // Shows the state as of `us` (clamped to the recording's span).
    void seek(qint64 us);
    qint64 position() const;
    void play(); // from the moment shown, at the speed chosen
    void pause();
    bool isPlaying() const;

    // The payload formats of the profile the recording was made with; .proto files that do not
    // compile are named in the banner.
    void setPayloadFormats(const ConnectionProfile &profile);
    // The saved profile the recording was made with (by id, else by name), if there is one.
    std::optional<ConnectionProfile> recordedProfile(const ProfileStore &saved) const;

    QByteArray selectedTopic() const;
    void selectTopic(const QByteArray &topic);
    void focusFilter();

    const RecordingReader &reader() const { return *m_reader; }
    const ExplorerData &explorerData() const { return m_data; }
    TopicTreeModel *topicModel() const { return m_treeModel; }
    TopicTreePane *treePane() const { return m_treePane; }
    QTreeView *topicTree() const;
    MessagePane *messagePane() const { return m_messagePane; }
    TimelinePanel *timelinePanel() const { return m_timeline; }
    RecordingPlayer *player() const { return m_player; }
    SearchPanel *searchPanel() const { return m_searchPanel; }
    NoticeBanner *banner() const { return m_banner; }

private:
    RecordingTab(std::unique_ptr<RecordingReader> reader, QWidget *parent);
    QWidget *createLeftSide();
    QWidget *createRightSide();
    void showFound(const QByteArray &topic, qint64 timeUs);
    QString summaryText() const;
    void loadTopicIds();
    void loadHistory(TopicNodeId node);
    void onTopicSelected(TopicNodeId node);
    void onPlayed(const QList<Message> &messages);
    void readSparkplug(qint64 toUs);
    void showSparkplugState(const QList<Message> &lifecycle);
    void showRates(int columns);
    void togglePlay();
    void showTopicMenu(TopicNodeId node, const QPoint &globalPosition);
    QList<QByteArray> expandedTopics() const;
    void expandTopics(const QList<QByteArray> &topics);

    std::unique_ptr<RecordingReader> m_reader;
    ExplorerData m_data;
    QHash<QByteArray, qint64> m_topicIds; // the file's id of each topic name
    QSet<TopicNodeId> m_historyLoaded; // since the last seek
    QList<qint64> m_lifecycleTopicIds; // the file's Sparkplug BIRTH, DEATH and STATE topics
    SparkplugAliasBook m_sparkplugAliases; // as of the moment shown
    SparkplugStateFeed m_sparkplugState; // fed the lifecycle messages up to the moment shown
    qint64 m_firstUs = 0;
    qint64 m_lastUs = 0;
    TopicTreeModel *m_treeModel;
    TopicTreePane *m_treePane;
    MessagePane *m_messagePane;
    TimelinePanel *m_timeline;
    RecordingPlayer *m_player;
    SearchPanel *m_searchPanel;
    NoticeBanner *m_banner;
    QLabel *m_summary;
};

} // namespace mqttscope

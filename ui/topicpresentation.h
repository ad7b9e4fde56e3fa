// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/formatrule.h"
#include "decode/sparkplugaliasbook.h"
#include "decode/sparkplugstatechanges.h"
#include "explorer/topicstore.h"
#include "profiles/connectionprofile.h"

#include <QObject>

class QMenu;
class QTreeView;

namespace mqttscope {

class ExplorerData;
class MessagePane;
class NoticeBanner;
class PayloadView;
class PublishPanel;
class SavedMessagesPanel;
class TopicTreeModel;

// How a connection tab shows its topics: payloads decoded by the profile's format rules and
// .proto files (and "Decode as" on the tree), muted topics (and Mute/Unmute on the tree), and
// Sparkplug DATA named by the BIRTHs' aliases. It edits the tab's profile in place; its words
// keep the ConnectionTab context the translations carry them in.
class TopicPresentation : public QObject
{
    Q_OBJECT
public:
    struct Views
    {
        ExplorerData *data;
        NoticeBanner *banner;
        PublishPanel *publishPanel;
        SavedMessagesPanel *savedPanel;
        PayloadView *payloadView;
        MessagePane *messagePane;
        QTreeView *tree;
        TopicTreeModel *treeModel;
    };

    TopicPresentation(ConnectionProfile &profile, const Views &views);

    // The profile's format rules and .proto files, compiled now so that a schema that does not
    // compile is reported once, with the compiler's file:line:column, rather than per message.
    void applyPayloadFormats();
    void decodeTopicsAs(const FormatRule &rule); // see ConnectionTab::decodeTopicsAs
    void addDecodeAsMenu(QMenu *menu, TopicNodeId node);

    void applyMutedTopics();
    void setMutedTopics(const QStringList &patterns); // see ConnectionTab::setMutedTopics
    void addMuteActions(QMenu *menu, TopicNodeId node);

    void onSparkplugChanged(const SparkplugStateChanges &changes);

signals:
    void formatRulesChanged(const QList<mqttscope::FormatRule> &rules);
    void mutedTopicsChanged(const QStringList &patterns);

private:
    ConnectionProfile &m_profile;
    Views m_views;
    SparkplugAliasBook m_sparkplugAliases; // the payload view reads DATA by these names
};

} // namespace mqttscope

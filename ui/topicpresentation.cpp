// SPDX-License-Identifier: GPL-3.0-or-later
#include "topicpresentation.h"

#include "decodeasmenu.h"
#include "messagepane.h"
#include "noticebanner.h"
#include "profilepayloaddecoder.h"
#include "publishpanel.h"
#include "savedmessagespanel.h"
#include "models/topictreemodel.h"
#include "decode/payloaddecoder.h"
#include "explorer/explorerdata.h"
#include "views/payloadview.h"

#include <QCoreApplication>
#include <QMenu>
#include <QTableView>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
TopicPresentation::TopicPresentation(ConnectionProfile &profile, const Views &views)
    : m_profile(profile)
    , m_views(views)
{
    applyPayloadFormats();
    m_views.payloadView->setSparkplugAliases(&m_sparkplugAliases);
    m_views.data->muted().setPatterns(m_profile.mutedTopics);
    m_views.data->decoded().setSparkplugAliases(&m_sparkplugAliases);
}

void TopicPresentation::applyPayloadFormats()
{
    QStringList problems;
    auto decoder = payloadDecoderFor(m_profile, &problems);
    if (!problems.isEmpty())
        m_views.banner->showWarning(
            QCoreApplication::translate("ConnectionTab",
                                        "Some .proto files of this connection did not compile"),
            problems.join(u'\n'),
            QCoreApplication::translate("ConnectionTab",
                                        "Their message types are shown as hex until fixed."));
    m_views.publishPanel->setProtobufSchemas(decoder->schemas());
    m_views.savedPanel->setProtobufSchemas(decoder->schemas());
    m_views.payloadView->setDecoder(decoder);
    // The tree, the history, diff, plot, search and export read the same table.
    m_views.data->decoded().setDecoder(std::move(decoder));
    m_views.messagePane->setTopic(m_views.messagePane->topic());
    m_views.tree->viewport()->update();
}

void TopicPresentation::decodeTopicsAs(const FormatRule &rule)
{
    m_profile.formatRules.removeIf(
        [&rule](const FormatRule &r) { return r.topicFilter == rule.topicFilter; });
    m_profile.formatRules.prepend(rule);
    applyPayloadFormats();
    emit formatRulesChanged(m_profile.formatRules);
}

void TopicPresentation::addDecodeAsMenu(QMenu *menu, TopicNodeId node)
{
    const TopicStore &store = m_views.data->store();
    const PayloadDecoder *decoder = m_views.payloadView->decoder();
    auto *decodeAs = new DecodeAsMenu(store.topic(node), store.childCount(node) > 0,
                                      decoder ? decoder->schemas().get() : nullptr, menu);
    connect(decodeAs, &DecodeAsMenu::ruleChosen, this, &TopicPresentation::decodeTopicsAs);
    menu->addMenu(decodeAs);
}

void TopicPresentation::applyMutedTopics()
{
    m_views.data->muted().setPatterns(m_profile.mutedTopics);
    m_views.tree->viewport()->update();
}

void TopicPresentation::setMutedTopics(const QStringList &patterns)
{
    m_profile.mutedTopics = patterns;
    applyMutedTopics();
    emit mutedTopicsChanged(patterns);
}

void TopicPresentation::addMuteActions(QMenu *menu, TopicNodeId node)
{
    const QByteArray topic = m_views.data->store().topic(node);
    const QStringList muting = m_views.data->muted().patternsMuting(topic);
    if (!muting.isEmpty()) {
        menu->addAction(
            QCoreApplication::translate("ConnectionTab", "Unmute (%1)").arg(muting.join(u", "_s)),
            this, [this, muting] {
                QStringList patterns = m_profile.mutedTopics;
                for (const QString &pattern : muting)
                    patterns.removeAll(pattern);
                setMutedTopics(patterns);
            });
        return;
    }
    const QString name = QString::fromUtf8(topic);
    menu->addAction(QCoreApplication::translate("ConnectionTab", "Mute topic"), this,
                    [this, name] { setMutedTopics(m_profile.mutedTopics + QStringList{name}); });
    menu->addAction(
        QCoreApplication::translate("ConnectionTab", "Mute subtree"), this,
        [this, name] { setMutedTopics(m_profile.mutedTopics + QStringList{name + u"/#"_s}); });
}

void TopicPresentation::onSparkplugChanged(const SparkplugStateChanges &changes)
{
    for (const SparkplugBirth &birth : changes.births)
        m_sparkplugAliases.add(birth);
    // A DATA shown before its BIRTH came through is named once it has.
    if (!changes.births.isEmpty()) {
        m_views.data->decoded().forgetDecoded();
        m_views.tree->viewport()->update();
        m_views.messagePane->historyView()->viewport()->update();
    }
    m_views.treeModel->updateSparkplug(changes.endpoints);
}

} // namespace mqttscope

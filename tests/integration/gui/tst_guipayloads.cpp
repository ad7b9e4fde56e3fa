// SPDX-License-Identifier: GPL-3.0-or-later
// The payload sizes of issue 8, 0 B to 16 MiB, through the window's own path: a ConnectionTab
// (its worker on the connection's thread, the topic tree model and the history model its views
// show) over tcp and ws at 3.1.1 and 5.0, offscreen, against a real mosquitto, with a second
// client publishing each size. The topic's node in the tree and its row in the history must
// hold the exact bytes (size and SHA-256) and show the size right: nothing cut on the way.
#include "client/mqttclient.h"
#include "connectiontab.h"
#include "explorer/payloadpreview.h"
#include "models/historymodel.h"
#include "models/topictreemodel.h"
#include "mosquittobroker.h"
#include "mosquittoloopwaker.h"
#include "payloadrows.h"
#include "profiles/secretstore.h"
#include "subscriptionspanel.h"
#include "versionchoice.h"
#include "views/payloadview.h"

#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <map>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr int connectTimeoutMs = 10000;
// 16 MiB takes up to 6 s over ws here; the rest is room for a loaded machine.
constexpr int transferTimeoutMs = 60000;

const QList<TransportKind> transports{TransportKind::Tcp, TransportKind::WebSocket};
QString topicPrefix(TransportKind transport, ProtocolVersion version)
{
    return u"guipayloads/%1/%2"_s.arg(versionTag(version), transportName(transport));
}

// The row of `topic` in a tree model, level by level ("a/b" is row "b" under row "a");
// invalid while a level is not there.
QModelIndex rowOf(const QAbstractItemModel *model, const QByteArray &topic)
{
    QModelIndex parent;
    for (const QByteArray &level : topic.split('/')) {
        QModelIndex found;
        for (int row = 0; row < model->rowCount(parent) && !found.isValid(); ++row) {
            if (model->index(row, 0, parent).data().toString() == QString::fromUtf8(level))
                found = model->index(row, 0, parent);
        }
        if (!found.isValid())
            return {};
        parent = found;
    }
    return parent;
}

} // namespace

class tst_GuiPayloads : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void treeAndHistoryHoldTheWholePayload_data();
    void treeAndHistoryHoldTheWholePayload();

private:
    QTemporaryDir m_config;
    MosquittoBroker m_broker;
    MosquittoLoopWaker m_waker;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<MqttClient> m_publisher;
    std::map<std::pair<TransportKind, ProtocolVersion>, std::unique_ptr<ConnectionTab>> m_tabs;
    QHash<qsizetype, QByteArray> m_payloads;
};

void tst_GuiPayloads::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    using L = MosquittoBroker::Listener;
    MQTTSCOPE_START_BROKER(m_broker, {L::Tcp, L::Ws});
    for (const qsizetype size : payloadSizes)
        m_payloads.insert(size, payloadPattern(size));

    m_publisher = std::make_unique<MqttClient>();
    ClientOptions options;
    options.endpoint = m_broker.endpoint(L::Tcp);
    options.version = VersionChoice::V5;
    options.reconnect.enabled = false;
    m_publisher->setOptions(options);
    m_publisher->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_publisher->state(), ClientState::Connected, connectTimeoutMs);

    m_secrets = std::make_unique<SecretStore>(u"mqttscope-test"_s);
    for (const TransportKind transport : transports) {
        for (const ProtocolVersion version : testedVersions) {
            ConnectionProfile profile;
            profile.name = u"payloads "_s + transportName(transport) + u' '
                + QString::fromLatin1(versionName(version));
            profile.transport = transport;
            profile.host = u"127.0.0.1"_s;
            profile.port = m_broker.port(transport == TransportKind::WebSocket ? L::Ws : L::Tcp);
            profile.version = versionChoice(version);
            profile.autoReconnect = false; // a lost connection fails the test, not hides
            profile.subscriptions = {
                Subscription{.filter = topicPrefix(transport, version) + u"/#"_s, .qos = 1}};
            auto tab = std::make_unique<ConnectionTab>(profile, m_secrets.get());
            tab->resize(1200, 800);
            tab->show();
            tab->connectToBroker();
            m_tabs[{transport, version}] = std::move(tab);
        }
    }
    for (const auto &[key, tab] : m_tabs) {
        QTRY_VERIFY2_WITH_TIMEOUT(tab->state() == ClientState::Connected,
                                  qPrintable(tab->statusText()), connectTimeoutMs);
        const QString filter = topicPrefix(key.first, key.second) + u"/#"_s;
        QTRY_COMPARE_WITH_TIMEOUT(tab->subscriptionsPanel()->resultOf(filter), u"granted QoS 1"_s,
                                  connectTimeoutMs);
    }
}

void tst_GuiPayloads::cleanupTestCase()
{
    m_tabs.clear();
    m_publisher.reset();
}

void tst_GuiPayloads::treeAndHistoryHoldTheWholePayload_data()
{
    addPayloadRows(transports);
}

void tst_GuiPayloads::treeAndHistoryHoldTheWholePayload()
{
    QFETCH(qsizetype, size);
    QFETCH(TransportKind, transport);
    QFETCH(ProtocolVersion, version);
    ConnectionTab *tab = m_tabs.at({transport, version}).get();
    const QByteArray &payload = m_payloads[size];
    const QByteArray topic =
        (topicPrefix(transport, version) + u'/' + QString::number(size)).toUtf8();
    if (transport == TransportKind::WebSocket)
        QVERIFY2(m_waker.start(m_broker.port(MosquittoBroker::Listener::Tcp)),
                 qPrintable(m_waker.errorString()));
    const auto sleepAgain = qScopeGuard([this] { m_waker.stop(); });

    QSignalSpy published(m_publisher.get(), &MqttClient::publishFinished);
    Message message;
    message.topic = topic;
    message.payload = payload;
    message.qos = 1;
    QVERIFY(m_publisher->publish(message) != 0);
    QVERIFY(published.wait(transferTimeoutMs));
    QCOMPARE(published.constFirst().at(1).value<ReasonCode>(), ReasonCode::Success);

    // Applied to the tree once it is whole: the topic's node has its one message.
    const TopicStore &store = tab->topicStore();
    QTRY_VERIFY2_WITH_TIMEOUT(store.find(topic) != TopicStore::InvalidId
                                  && store.messageCount(store.find(topic)) > 0,
                              qPrintable(tab->statusText()), transferTimeoutMs);
    const TopicNodeId node = store.find(topic);
    QCOMPARE(store.messageCount(node), quint64(1));
    QString mismatch = payloadMismatch(payload, store.latestPayload(node));
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"topic store: "_s + mismatch));

    // The tree model: the value column holds the bytes and its tooltip names the size.
    const TopicTreeModel *model = tab->topicModel();
    const QModelIndex value = model->indexOf(node, TopicTreeModel::ValueColumn);
    QVERIFY(value.isValid());
    mismatch = payloadMismatch(payload, value.data(TopicTreeModel::SortRole).toByteArray());
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"tree model: "_s + mismatch));
    const QString shownSize = Payload::formatSize(size);
    const QString tooltip = value.data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.endsWith(u", "_s + shownSize), qPrintable(tooltip));
    // Random bytes show as binary with their size from 16 on (a few might pass for text).
    const QString preview = value.data().toString();
    if (size >= 16)
        QVERIFY2(preview.endsWith(u"(%1 binary)"_s.arg(shownSize)), qPrintable(preview));
    QCOMPARE(model->indexOf(node, TopicTreeModel::MessagesColumn).data().toULongLong(), 1ull);
    // And the view shows the row, through the sort/filter proxy.
    QTRY_VERIFY(rowOf(tab->topicTree()->model(), topic).isValid());
    const QModelIndex viewed = rowOf(tab->topicTree()->model(), topic);
    QCOMPARE(viewed.siblingAtColumn(TopicTreeModel::ValueColumn).data(Qt::ToolTipRole).toString(),
             tooltip);

    // The history: one row, the whole payload, its size in bytes.
    tab->selectTopic(topic);
    QCOMPARE(tab->selectedTopic(), topic);
    const HistoryModel *history = tab->historyModel();
    QTRY_COMPARE(history->rowCount(), 1);
    mismatch = payloadMismatch(payload, history->entry(0).payload);
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"history entry: "_s + mismatch));
    mismatch = payloadMismatch(payload,
                               history->index(0, HistoryModel::PayloadColumn)
                                   .data(HistoryModel::PayloadRole)
                                   .toByteArray());
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"history model: "_s + mismatch));
    QCOMPARE(history->index(0, HistoryModel::SizeColumn).data().toLongLong(), qlonglong(size));
    QCOMPARE(tab->historyView()->currentIndex().row(), 0);
    // The payload pane was handed the same bytes.
    mismatch = payloadMismatch(payload, tab->payloadView()->message().payload);
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"payload view: "_s + mismatch));
}

QTEST_MAIN(tst_GuiPayloads)
#include "tst_guipayloads.moc"

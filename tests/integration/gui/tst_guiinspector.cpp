// SPDX-License-Identifier: GPL-3.0-or-later
// The Packets panel of a connection tab against a real mosquitto, offscreen: shown before the
// connection, it lists CONNECT onwards in wire order, a QoS 1 and a QoS 2 publish (ours and the
// broker's copy) and a ping as complete flows, decodes the selected packet, filters by id; and
// once hidden the connection stops tracing.

#include "connectiontab.h"
#include "mosquittobroker.h"
#include "packetinspectorpanel.h"
#include "subscriptionspanel.h"
#include "testversions.h"
#include "versionchoice.h"
#include "models/packetlistmodel.h"
#include "profiles/secretstore.h"

#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace mqttscope;
using namespace mqttscope::test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int waitMs = 10000;

int rowOf(const PacketListModel *model, PacketType type, PacketDirection direction, int from = 0)
{
    for (int row = from; row < model->rowCount(); ++row) {
        const PacketTraceEntry &e = model->packetAt(row).entry;
        if (e.type == type && e.direction == direction)
            return row;
    }
    return -1;
}

const PacketFlow *completeFlow(const PacketListModel *model, FlowKind kind,
                               PacketDirection initiator)
{
    const FlowTracker &flows = model->log().flows();
    for (qsizetype i = 0; i < flows.size(); ++i) {
        const PacketFlow &flow = flows.at(i);
        if (flow.kind == kind && flow.initiator == initiator && flow.state == FlowState::Complete)
            return &flow;
    }
    return nullptr;
}

QString detail(const QTreeWidget *details, const QString &field)
{
    const QList<QTreeWidgetItem *> items = details->findItems(field, Qt::MatchExactly, 0);
    return items.isEmpty() ? u"(missing)"_s : items.first()->text(1);
}

void select(PacketInspectorPanel *panel, int sourceRow)
{
    QTableView *table = panel->table();
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(table->model());
    table->setCurrentIndex(proxy->mapFromSource(panel->model()->index(sourceRow, 0)));
}

} // namespace

class tst_GuiInspector : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void listsFlowsWhileShown_data() { addVersionRows(); }
    void listsFlowsWhileShown();

private:
    MosquittoBroker m_broker;
    std::unique_ptr<SecretStore> m_secrets;
};

void tst_GuiInspector::initTestCase()
{
    MQTTSCOPE_START_BROKER(m_broker);
    m_secrets = std::make_unique<SecretStore>(u"mqttscope-test"_s);
    m_secrets->setTimeoutMs(2000);
}

void tst_GuiInspector::listsFlowsWhileShown()
{
    QFETCH(ProtocolVersion, version);
    const QString topic = u"inspector/gui/"_s + versionTag(version);
    ConnectionProfile profile;
    profile.name = u"Inspector"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = m_broker.port(MosquittoBroker::Listener::Tcp);
    profile.version = versionChoice(version);
    profile.keepAliveSeconds = 1; // a ping within the test
    profile.autoReconnect = false;
    profile.subscriptions = {Subscription{.filter = topic + u"/#"_s, .qos = 2}};
    ConnectionTab tab(profile, m_secrets.get());
    auto *panels = tab.findChild<QTabWidget *>(u"panelTabs"_s);
    QVERIFY(panels);
    PacketInspectorPanel *panel = tab.packetInspector();
    panels->setCurrentWidget(panel); // open before connecting: CONNECT is traced too
    tab.resize(1200, 800);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(tab.state(), ClientState::Connected, waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(tab.subscriptionsPanel()->resultOf(topic + u"/#"_s),
                              u"granted QoS 2"_s, waitMs);
    tab.publish(Message{(topic + u"/one"_s).toUtf8(), "1", 1, false, false, {}, 0});
    tab.publish(Message{(topic + u"/two"_s).toUtf8(), "2", 2, false, false, {}, 0});

    const PacketListModel *model = panel->model();
    QTRY_VERIFY_WITH_TIMEOUT(
        completeFlow(model, FlowKind::PublishQos2, PacketDirection::Received)
            && completeFlow(model, FlowKind::PublishQos2, PacketDirection::Sent)
            && completeFlow(model, FlowKind::Ping, PacketDirection::Sent),
        waitMs);
    QCOMPARE(model->packetAt(0).entry.type, PacketType::Connect);
    QCOMPARE(model->packetAt(1).entry.type, PacketType::Connack);
    QCOMPARE(model->packetAt(2).entry.type, PacketType::Subscribe);
    QCOMPARE(model->packetAt(3).entry.type, PacketType::Suback);
    QCOMPARE(model->packetAt(3).entry.packetId, model->packetAt(2).entry.packetId);
    for (const auto &[kind, initiator] :
         {std::pair{FlowKind::PublishQos1, PacketDirection::Sent},
          std::pair{FlowKind::PublishQos1, PacketDirection::Received},
          std::pair{FlowKind::PublishQos2, PacketDirection::Sent},
          std::pair{FlowKind::PublishQos2, PacketDirection::Received},
          std::pair{FlowKind::Ping, PacketDirection::Sent}}) {
        const PacketFlow *flow = completeFlow(model, kind, initiator);
        QVERIFY2(flow, qPrintable(flowKindName(kind)));
        QCOMPARE(flow->steps.size(), flowSteps(kind).size());
        for (const FlowStep &step : flow->steps)
            QVERIFY(step.latencyUs >= 0);
    }

    // The CONNACK beside what the CONNECT asked.
    select(panel, rowOf(model, PacketType::Connack, PacketDirection::Received));
    QCOMPARE(detail(panel->details(), u"Keep alive"_s), u"asked 1 s, granted 1 s"_s);
    // A PUBREC of our QoS 2 flow: its flow on top, then its fields.
    const PacketFlow *ours = completeFlow(model, FlowKind::PublishQos2, PacketDirection::Sent);
    const int pubrec = rowOf(model, PacketType::Pubrec, PacketDirection::Received);
    select(panel, pubrec);
    QCOMPARE(detail(panel->details(), u"Packet identifier"_s), QString::number(ours->packetId));
    QVERIFY(detail(panel->details(), u"Flow"_s).startsWith(flowKindName(FlowKind::PublishQos2)));

    // By id: our QoS 2 id shows its four packets, and the broker's with the same id if any.
    panel->findChild<QLineEdit *>(u"packetIdFilter"_s)->setText(QString::number(ours->packetId));
    const QAbstractItemModel *shown = panel->table()->model();
    QVERIFY(shown->rowCount() >= 4);
    for (int row = 0; row < shown->rowCount(); ++row)
        QCOMPARE(shown->index(row, 0).data(PacketListModel::PacketIdRole).toInt(), ours->packetId);

    // Hidden, the panel stops the trace: what happens next is not listed.
    panels->setCurrentIndex(0);
    QTest::qWait(100);
    const int rows = model->rowCount();
    const quint64 token =
        tab.publish(Message{(topic + u"/three"_s).toUtf8(), "3", 1, false, false, {}, 0});
    QVERIFY(token);
    QTest::qWait(1500); // a publish, its ack, the broker's copy and a ping at least
    QCOMPARE(model->rowCount(), rows);
}

QTEST_MAIN(tst_GuiInspector)
#include "tst_guiinspector.moc"

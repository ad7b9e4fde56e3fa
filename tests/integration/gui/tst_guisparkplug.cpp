// SPDX-License-Identifier: GPL-3.0-or-later
// A Sparkplug B edge node's session through a real mosquitto, at MQTT 3.1.1 and 5.0, as a
// connection tab shows it (issue 12): the payloads made by Eclipse Tahu's JavaScript encoder,
// published by an edge node client (its NDEATH as the will, sent by the broker when its
// connection breaks), received by the tab's own client and worked out on its connection thread;
// the topic tree's rows and roles are checked after each step, and the payload view of a DDATA
// names its metrics from the DBIRTH's aliases.
#include "connectiontab.h"
#include "guitestbench.h"
#include "decode/sparkplugpayload.h"
#include "messagebuilder.h"
#include "mosquittobroker.h"
#include "subscriptionspanel.h"
#include "tahu.h"
#include "testclient.h"
#include "testversions.h"
#include "versionchoice.h"
#include "models/topictreemodel.h"
#include "views/payloadview.h"

#include <QAbstractItemModel>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr int arrivalTimeoutMs = 10000;

// A payload of our own encoder, for sessions longer than Tahu's steps.
QByteArray payload(const QList<Sparkplug::CommandMetric> &metrics, std::optional<quint64> seq)
{
    QString error;
    const auto bytes = Sparkplug::encodePayload(metrics, 1700000000000, seq, &error);
    if (!bytes)
        qFatal("%s", qPrintable(error));
    return *bytes;
}

} // namespace

class tst_GuiSparkplug : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void session_data() { addVersionRows(); }
    void session();
    void cleanDataFloodAnnouncesNothing();

private:
    ClientOptions nodeOptions(ProtocolVersion version, const QByteArray &willTopic) const;
    std::unique_ptr<ConnectionTab> openTab(ProtocolVersion version, const QString &filter);
    // The tree row of `topic` (invalid while the tree has none) and one of its roles.
    QModelIndex row(const QByteArray &topic) const;
    QVariant role(const QByteArray &topic, int role) const;
    bool isOnline(const QByteArray &topic) const;

    GuiTestBench m_bench;
    Tahu m_tahu;
    ConnectionTab *m_tab = nullptr;
};

void tst_GuiSparkplug::initTestCase()
{
    if (const QString missing = Tahu::missing(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    QString error;
    QVERIFY2(m_tahu.write(u"session"_s, &error), qPrintable(error));
    QVERIFY2(m_bench.start(&error), qPrintable(error));
}

ClientOptions tst_GuiSparkplug::nodeOptions(ProtocolVersion version,
                                            const QByteArray &willTopic) const
{
    ClientOptions options;
    options.endpoint = m_bench.broker().endpoint(MosquittoBroker::Listener::Tcp);
    options.version = versionChoice(version);
    options.clientId = u"edge-"_s + versionTag(version);
    options.reconnect.enabled = false;
    // [tck-id-payloads-ndeath-will-message] the NDEATH is the node's will
    return withWill(options, willTopic, m_tahu.payload("ndeath"));
}

std::unique_ptr<ConnectionTab> tst_GuiSparkplug::openTab(ProtocolVersion version,
                                                         const QString &filter)
{
    ConnectionProfile profile = m_bench.profile(u"Sparkplug "_s + versionTag(version),
                                                Subscription{.filter = filter, .qos = 1});
    profile.version = versionChoice(version);
    auto tab = std::make_unique<ConnectionTab>(profile, m_bench.secrets());
    tab->resize(1200, 800);
    tab->show();
    tab->connectToBroker();
    return tab;
}

QModelIndex tst_GuiSparkplug::row(const QByteArray &topic) const
{
    const TopicNodeId node = m_tab->topicStore().find(topic);
    return node == TopicStore::InvalidId ? QModelIndex() : m_tab->topicModel()->indexOf(node);
}

QVariant tst_GuiSparkplug::role(const QByteArray &topic, int role) const
{
    return row(topic).data(role);
}

bool tst_GuiSparkplug::isOnline(const QByteArray &topic) const
{
    const QVariant online = role(topic, TopicTreeModel::SparkplugOnlineRole);
    return online.isValid() && online.toBool();
}

void tst_GuiSparkplug::session()
{
    QFETCH(ProtocolVersion, version);
    const QByteArray group = "plant" + versionTag(version).toUtf8();
    const QByteArray prefix = "spBv1.0/" + group;
    const QByteArray host = "spBv1.0/STATE/scada" + versionTag(version).toUtf8();
    const std::unique_ptr<ConnectionTab> tab = openTab(version, u"spBv1.0/#"_s);
    m_tab = tab.get();
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->state(), ClientState::Connected, arrivalTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->subscriptionsPanel()->resultOf(u"spBv1.0/#"_s),
                              u"granted QoS 1"_s, arrivalTimeoutMs);
    TestClient node;
    node->setOptions(nodeOptions(version, prefix + "/NDEATH/edge"));
    QVERIFY(connectClient(node));
    const auto publish = [&](const QByteArray &topic, const char *name) {
        node->publish(message(topic).payload(m_tahu.payload(name)).qos(1));
    };
    const auto issues = [&](const QByteArray &topic) {
        return role(topic, TopicTreeModel::SparkplugIssueCountRole).toInt();
    };
    const auto lastIssue = [&](const QByteArray &topic) {
        return role(topic, TopicTreeModel::SparkplugLastIssueRole).toString();
    };

    // A host application's STATE [tck-id-host-topic-phid-birth-payload]: its row says online.
    node->publish(message(host).payload(R"({"online":true,"timestamp":1})").qos(1));
    QTRY_VERIFY_WITH_TIMEOUT(isOnline(host), arrivalTimeoutMs);
    QVERIFY(row(host).data(Qt::ToolTipRole).toString().contains(u"online"_s));

    // A device of a node that never announced itself is flagged on its row: before its
    // node's NBIRTH, and before its own DBIRTH.
    publish(prefix + "/DDATA/stray/pump", "ddata");
    QTRY_COMPARE_WITH_TIMEOUT(issues(prefix + "/DDATA/stray/pump"), 2, arrivalTimeoutMs);
    QCOMPARE(lastIssue(prefix + "/DDATA/stray/pump"),
             u"DDATA from %1/stray/pump before its DBIRTH"_s.arg(QString::fromUtf8(group)));
    QVERIFY(!isOnline(prefix + "/DDATA/stray/pump"));

    // [tck-id-payloads-nbirth-bdseq] the NBIRTH puts the node online, no issue.
    publish(prefix + "/NBIRTH/edge", "nbirth");
    QTRY_VERIFY_WITH_TIMEOUT(isOnline(prefix + "/NBIRTH/edge"), arrivalTimeoutMs);
    QCOMPARE(issues(prefix + "/NBIRTH/edge"), 0);
    const auto value = [&](const QByteArray &topic) {
        return row(topic).siblingAtColumn(TopicTreeModel::ValueColumn).data().toString();
    };
    // The state, then the decoded NBIRTH.
    QVERIFY2(value(prefix + "/NBIRTH/edge").startsWith(TopicTreeModel::tr("online") + u" · "_s),
             qPrintable(value(prefix + "/NBIRTH/edge")));
    QVERIFY2(value(prefix + "/NBIRTH/edge").contains(u"bdSeq"_s),
             qPrintable(value(prefix + "/NBIRTH/edge")));

    publish(prefix + "/DBIRTH/edge/pump", "dbirth");
    QTRY_VERIFY_WITH_TIMEOUT(isOnline(prefix + "/DBIRTH/edge/pump"), arrivalTimeoutMs);
    QVERIFY(isOnline(prefix + "/DBIRTH/edge")); // the node's state on its level of DBIRTH too

    // [tck-id-payloads-alias-data-cmd-requirement] aliases only: the tree's device row is
    // online, and the payload view names the metric from the DBIRTH.
    publish(prefix + "/DDATA/edge/pump", "ddata");
    QTRY_VERIFY_WITH_TIMEOUT(isOnline(prefix + "/DDATA/edge/pump"), arrivalTimeoutMs);
    QVERIFY(isOnline(prefix + "/DDATA/edge"));
    QCOMPARE(issues(prefix + "/DDATA/edge/pump"), 0);
    m_tab->selectTopic(prefix + "/DDATA/edge/pump");
    PayloadView *payload = m_tab->payloadView();
    QTRY_COMPARE_WITH_TIMEOUT(payload->message().topic, prefix + "/DDATA/edge/pump", 2000);
    QCOMPARE(payload->format(), PayloadViewFormat::SparkplugB);
    QVERIFY2(payload->renderedText().contains(u"\"Temperature\""_s),
             qPrintable(payload->renderedText()));
    QVERIFY(payload->renderedText().contains(u"21.25"_s));
    QVERIFY(!payload->renderedText().contains(u"alias:10"_s));

    // [tck-id-payloads-sequence-num-incrementing] seq 3 never came: the node is flagged.
    publish(prefix + "/DDATA/edge/pump", "ddataskip");
    QTRY_COMPARE_WITH_TIMEOUT(issues(prefix + "/NBIRTH/edge"), 1, arrivalTimeoutMs);
    QCOMPARE(issues(prefix + "/DDATA/edge"), 1);
    QCOMPARE(lastIssue(prefix + "/DDATA/edge"), u"seq 3 expected, 4 received"_s);
    QVERIFY(row(prefix + "/NBIRTH/edge")
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"seq 3 expected, 4 received"_s));
    QVERIFY(value(prefix + "/NBIRTH/edge").contains(u"seq 3 expected, 4 received"_s));
    QVERIFY(isOnline(prefix + "/NBIRTH/edge"));

    publish(prefix + "/DDEATH/edge/pump", "ddeath");
    QTRY_VERIFY_WITH_TIMEOUT(!isOnline(prefix + "/DDATA/edge/pump"), arrivalTimeoutMs);
    QVERIFY(!isOnline(prefix + "/DBIRTH/edge/pump"));
    QTRY_VERIFY_WITH_TIMEOUT(row(prefix + "/DDEATH/edge/pump").isValid(), arrivalTimeoutMs);
    QVERIFY(!isOnline(prefix + "/DDEATH/edge/pump"));
    QVERIFY(isOnline(prefix + "/NBIRTH/edge"));
    QCOMPARE(issues(prefix + "/NBIRTH/edge"), 1); // the DDEATH was in sequence

    // The node's connection drops: the broker publishes its will, the NDEATH, whose bdSeq is
    // the NBIRTH's [tck-id-payloads-ndeath-bdseq].
    node->abortConnection();
    QTRY_VERIFY_WITH_TIMEOUT(role(prefix + "/NBIRTH/edge", TopicTreeModel::SparkplugOnlineRole)
                                 == QVariant(false),
                             arrivalTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(row(prefix + "/NDEATH/edge").isValid(), arrivalTimeoutMs);
    QVERIFY(!isOnline(prefix + "/NDEATH/edge"));
    QVERIFY(!isOnline(prefix + "/DDATA/edge"));
    QCOMPARE(issues(prefix + "/NBIRTH/edge"), 1); // no bdSeq mismatch
    // A row without a message of its own: the state alone.
    QCOMPARE(value(prefix + "/DDATA/edge"),
             TopicTreeModel::tr("%1 · %n issue(s): %2", nullptr, 1)
                 .arg(TopicTreeModel::tr("offline"), u"seq 3 expected, 4 received"_s));

    // The host goes offline [tck-id-host-topic-phid-death-payload].
    TestClient hostClient;
    ClientOptions hostOptions = nodeOptions(version, {});
    hostOptions.will.reset();
    hostOptions.clientId = u"scada-"_s + versionTag(version);
    hostClient->setOptions(hostOptions);
    QVERIFY(connectClient(hostClient));
    hostClient->publish(message(host).payload(R"({"online":false,"timestamp":2})").qos(1));
    QTRY_VERIFY_WITH_TIMEOUT(role(host, TopicTreeModel::SparkplugOnlineRole) == QVariant(false),
                             arrivalTimeoutMs);
    m_tab = nullptr;
}

// A flood of well-formed DDATA is worked out on the connection's thread: the tree takes every
// message, and no row is announced as changed in its Sparkplug state until a seq is skipped
// [tck-id-payloads-sequence-num-incrementing].
void tst_GuiSparkplug::cleanDataFloodAnnouncesNothing()
{
    constexpr int floodSize = 3000;
    const QByteArray prefix = "spBv1.0/flood";
    const std::unique_ptr<ConnectionTab> tab = openTab(ProtocolVersion::V5, u"spBv1.0/flood/#"_s);
    m_tab = tab.get();
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->state(), ClientState::Connected, arrivalTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->subscriptionsPanel()->resultOf(u"spBv1.0/flood/#"_s),
                              u"granted QoS 1"_s, arrivalTimeoutMs);
    TestClient node;
    node->setOptions(nodeOptions(ProtocolVersion::V5, prefix + "/NDEATH/edge"));
    QVERIFY(connectClient(node));
    const auto send = [&](const QByteArray &topic, const QByteArray &bytes) {
        node->publish(message(topic).payload(bytes).qos(1));
    };
    send(prefix + "/NBIRTH/edge", payload({{u"bdSeq"_s, u"UInt64"_s, 1}}, 0));
    send(prefix + "/DBIRTH/edge/press", payload({{u"Pressure"_s, u"Double"_s, 4.0, 7}}, 1));
    const QByteArray data = prefix + "/DDATA/edge/press";
    QTRY_VERIFY_WITH_TIMEOUT(isOnline(prefix + "/DBIRTH/edge/press"), arrivalTimeoutMs);

    int announced = 0;
    connect(m_tab->topicModel(), &QAbstractItemModel::dataChanged, this,
            [&](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                announced += roles.contains(TopicTreeModel::SparkplugOnlineRole);
            });
    for (int i = 0; i < floodSize; ++i)
        send(data, payload({{QString(), u"Double"_s, 4.0 + i, 7}}, quint64(i + 2) % 256));
    const auto received = [&] {
        const TopicNodeId node = m_tab->topicStore().find(data);
        return node == TopicStore::InvalidId ? 0 : m_tab->topicStore().messageCount(node);
    };
    QTRY_COMPARE_WITH_TIMEOUT(received(), quint64(floodSize), 30000);
    QCOMPARE(announced, 0);
    QCOMPARE(role(data, TopicTreeModel::SparkplugIssueCountRole).toInt(), 0);

    send(data, payload({{QString(), u"Double"_s, 1.0, 7}}, quint64(floodSize + 3) % 256));
    QTRY_COMPARE_WITH_TIMEOUT(
        role(prefix + "/NBIRTH/edge", TopicTreeModel::SparkplugIssueCountRole).toInt(), 1,
        arrivalTimeoutMs);
    QVERIFY(announced > 0);
    disconnect(m_tab->topicModel(), nullptr, this, nullptr);
    m_tab = nullptr;
}

QTEST_MAIN(tst_GuiSparkplug)
#include "tst_guisparkplug.moc"

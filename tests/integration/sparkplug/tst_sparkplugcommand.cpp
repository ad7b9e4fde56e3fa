// SPDX-License-Identifier: GPL-3.0-or-later
// The Sparkplug B command composer (SparkplugCommandDialog) driven through its widgets: what it
// composes is read by Eclipse Tahu's JavaScript decoder (npm sparkplug-payload) and must be what
// was entered, with the payload and metric timestamps of the sending time and no seq; its topic,
// QoS and retain flag are those the specification asks of commands; and the demo's edge node,
// through a real mosquitto, publishes its NBIRTH again when "Send rebirth" is clicked.
#include "fieldmessage.h"
#include "models/topictreemodel.h"
#include "mosquittobroker.h"
#include "sparkplugcommanddialog.h"
#include "tahu.h"
#include "testclient.h"

#include "decode/sparkplugpayload.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr int waitMs = 10000;

template<typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no %s", qPrintable(name));
    return found;
}

// A topic tree as TopicTreeModel presents it (each row's full topic in TopicRole).
void addTopic(QStandardItemModel *model, const QString &topic)
{
    QStandardItem *parent = model->invisibleRootItem();
    QString prefix;
    for (const QString &level : topic.split(u'/')) {
        prefix = prefix.isEmpty() ? level : prefix + u'/' + level;
        QStandardItem *found = nullptr;
        for (int row = 0; row < parent->rowCount() && !found; ++row) {
            if (parent->child(row)->data(TopicTreeModel::TopicRole).toString() == prefix)
                found = parent->child(row);
        }
        if (!found) {
            found = new QStandardItem(level);
            found->setData(prefix, TopicTreeModel::TopicRole);
            parent->appendRow(found);
        }
        parent = found;
    }
}

} // namespace

class tst_SparkplugCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void offersTheNodesOfTheTree();
    void composedCommandReadsBackInTahu();
    void refusesWhatCannotBeSent_data();
    void refusesWhatCannotBeSent();
    void demoEdgeNodeRebirthsOnTheButton();

private:
    MosquittoBroker m_broker;
    Tahu m_tahu;
};

void tst_SparkplugCommand::initTestCase()
{
    if (const QString missing = Tahu::missing(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    QVERIFY(!m_tahu.folder().isEmpty());
    MQTTSCOPE_START_BROKER(m_broker, {MosquittoBroker::Listener::Tcp});
}

void tst_SparkplugCommand::offersTheNodesOfTheTree()
{
    QStandardItemModel tree;
    for (const char *topic :
         {"spBv1.0/plant/NBIRTH/edge-2", "spBv1.0/plant/DBIRTH/edge-2/pump-3",
          "spBv1.0/plant/DDATA/edge-2/pump-1", "spBv1.0/lab/NDATA/edge-9", "spBv1.0/STATE/host",
          "spBv1.0/plant/NOPE/edge-x", "other/spBv1.0/plant/NBIRTH/edge-y"})
        addTopic(&tree, QString::fromLatin1(topic));
    const SparkplugNodeList nodes = SparkplugNodeList::fromTopicTree(&tree);
    QCOMPARE(nodes.groups(), QStringList({u"lab"_s, u"plant"_s}));
    QCOMPARE(nodes.edgeNodes(u"plant"_s), QStringList{u"edge-2"_s});
    QCOMPARE(nodes.devices(u"plant"_s, u"edge-2"_s), QStringList({u"pump-1"_s, u"pump-3"_s}));

    SparkplugCommandDialog dialog(nodes);
    auto *group = child<QComboBox>(&dialog, u"sparkplugGroup"_s);
    QCOMPARE(group->count(), 2);
    group->setCurrentText(u"plant"_s);
    QCOMPARE(child<QComboBox>(&dialog, u"sparkplugEdgeNode"_s)->currentText(), u"edge-2"_s);
    auto *device = child<QComboBox>(&dialog, u"sparkplugDevice"_s);
    QCOMPARE(device->count(), 3); // none, pump-1, pump-3
    QCOMPARE(child<QLabel>(&dialog, u"sparkplugTopic"_s)->text(), u"spBv1.0/plant/NCMD/edge-2"_s);
    device->setCurrentText(u"pump-3"_s);
    QCOMPARE(child<QLabel>(&dialog, u"sparkplugTopic"_s)->text(),
             u"spBv1.0/plant/DCMD/edge-2/pump-3"_s);
}

void tst_SparkplugCommand::composedCommandReadsBackInTahu()
{
    SparkplugCommandDialog dialog({});
    child<QComboBox>(&dialog, u"sparkplugGroup"_s)->setEditText(u"plant"_s);
    child<QComboBox>(&dialog, u"sparkplugEdgeNode"_s)->setEditText(u"edge-2"_s);
    child<QComboBox>(&dialog, u"sparkplugDevice"_s)->setEditText(u"pump-3"_s);
    child<QComboBox>(&dialog, u"sparkplugMetric"_s)->setEditText(u"Outputs/Speed"_s);
    child<QComboBox>(&dialog, u"sparkplugDatatype"_s)->setCurrentText(u"Int32"_s);
    child<QLineEdit>(&dialog, u"sparkplugValue"_s)->setText(u"-1200"_s);
    const std::optional<Message> command = dialog.composeCommand(1700000000777);
    QVERIFY(command);
    QCOMPARE(command->topic, "spBv1.0/plant/DCMD/edge-2/pump-3"); // [tck-id-topics-dcmd-topic]
    QCOMPARE(command->qos, 0); // [tck-id-payloads-dcmd-qos]
    QVERIFY(!command->retain); // [tck-id-payloads-dcmd-retain]

    QString error;
    const QJsonObject tahu = m_tahu.decode(command->payload, &error);
    QVERIFY2(!tahu.isEmpty(), qPrintable(error));
    QCOMPARE(tahu.value("timestamp"_L1).toString(), u"1700000000777"_s);
    // [tck-id-payloads-dcmd-timestamp] ^ and [tck-id-payloads-dcmd-seq]:
    QVERIFY(!tahu.contains("seq"_L1));
    const QJsonArray metrics = tahu.value("metrics"_L1).toArray();
    QCOMPARE(metrics.size(), 1);
    const QJsonObject metric = metrics.at(0).toObject();
    QCOMPARE(metric.value("name"_L1).toString(), u"Outputs/Speed"_s);
    QCOMPARE(metric.value("type"_L1).toString(), u"Int32"_s);
    QCOMPARE(metric.value("value"_L1).toInteger(), -1200);
    QCOMPARE(metric.value("timestamp"_L1).toString(), u"1700000000777"_s);

    // The preset: Node Control/Rebirth, Boolean true, to the edge node [tck-id-payloads-ncmd-*].
    dialog.fillRebirth();
    const std::optional<Message> rebirth = dialog.composeCommand(1700000000999);
    QVERIFY(rebirth);
    QCOMPARE(rebirth->topic, "spBv1.0/plant/NCMD/edge-2"); // [tck-id-topics-ncmd-topic]
    QCOMPARE(rebirth->qos, 0); // [tck-id-payloads-ncmd-qos]
    QVERIFY(!rebirth->retain); // [tck-id-payloads-ncmd-retain]
    const QJsonObject ncmd = m_tahu.decode(rebirth->payload, &error);
    QVERIFY2(!ncmd.isEmpty(), qPrintable(error));
    QCOMPARE(ncmd.value("timestamp"_L1).toString(), u"1700000000999"_s);
    QVERIFY(!ncmd.contains("seq"_L1)); // [tck-id-payloads-ncmd-seq]
    const QJsonObject rebirthMetric = ncmd.value("metrics"_L1).toArray().at(0).toObject();
    QCOMPARE(rebirthMetric.value("name"_L1).toString(), u"Node Control/Rebirth"_s);
    QCOMPARE(rebirthMetric.value("type"_L1).toString(), u"Boolean"_s);
    QCOMPARE(rebirthMetric.value("value"_L1).toBool(), true);
}

void tst_SparkplugCommand::refusesWhatCannotBeSent_data()
{
    QTest::addColumn<QString>("edgeNode");
    QTest::addColumn<QString>("datatype");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("value out of range") << u"e"_s << u"Int8"_s << u"300"_s << u"Int8"_s;
    QTest::newRow("not a boolean") << u"e"_s << u"Boolean"_s << u"yes"_s << u"Boolean"_s;
    // [tck-id-topic-structure-namespace-valid-edge-node-id]
    QTest::newRow("slash in the edge node") << u"a/b"_s << u"Int8"_s << u"1"_s << u"a/b"_s;
    QTest::newRow("no edge node") << QString() << u"Int8"_s << u"1"_s << u"edge node"_s;
}

void tst_SparkplugCommand::refusesWhatCannotBeSent()
{
    QFETCH(QString, edgeNode);
    QFETCH(QString, datatype);
    QFETCH(QString, value);
    QFETCH(QString, error);
    SparkplugCommandDialog dialog({});
    child<QComboBox>(&dialog, u"sparkplugGroup"_s)->setEditText(u"g"_s);
    child<QComboBox>(&dialog, u"sparkplugEdgeNode"_s)->setEditText(edgeNode);
    child<QComboBox>(&dialog, u"sparkplugMetric"_s)->setEditText(u"m"_s);
    child<QComboBox>(&dialog, u"sparkplugDatatype"_s)->setCurrentText(datatype);
    child<QLineEdit>(&dialog, u"sparkplugValue"_s)->setText(value);
    QSignalSpy requested(&dialog, &SparkplugCommandDialog::publishRequested);
    child<QPushButton>(&dialog, u"sparkplugSend"_s)->click();
    QCOMPARE(requested.size(), 0);
    const QString shown = dialog.findChild<FieldMessage *>()->text();
    QVERIFY2(shown.contains(error), qPrintable(shown));
}

// [tck-id-operational-behavior-data-commands-rebirth-action-1]: the edge node publishes a new
// NBIRTH on Node Control/Rebirth.
void tst_SparkplugCommand::demoEdgeNodeRebirthsOnTheButton()
{
    TestClient host;
    ClientOptions options;
    options.endpoint = m_broker.endpoint(MosquittoBroker::Listener::Tcp);
    options.reconnect.enabled = false;
    host->setOptions(options);
    QVERIFY(connectClient(host));
    Subscription births;
    births.filter = u"spBv1.0/demo/NBIRTH/#"_s;
    QVERIFY(subscribeAndWait(host, {births}));

    QProcess demo;
    demo.setProgram(QStringLiteral(MQTTSCOPE_DEMO_PROGRAM));
    demo.setArguments({u"--url"_s, m_broker.url(MosquittoBroker::Listener::Tcp), u"--sensors"_s,
                       u"5"_s, u"--duration"_s, u"30"_s});
    demo.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    demo.start();
    QVERIFY(demo.waitForStarted(5000));
    QTRY_COMPARE_WITH_TIMEOUT(host.recorder.messages.size(), 1, waitMs);

    SparkplugNodeList nodes;
    nodes.add(u"demo"_s, u"edge-node-1"_s, u"conveyor-1"_s);
    SparkplugCommandDialog dialog(nodes);
    child<QComboBox>(&dialog, u"sparkplugDevice"_s)->setEditText(u"conveyor-1"_s);
    connect(&dialog, &SparkplugCommandDialog::publishRequested, host.client.get(),
            [&](const Message &message) { host->publish(message); });
    child<QPushButton>(&dialog, u"sparkplugSendRebirth"_s)->click(); // an NCMD, not a DCMD
    QTRY_COMPARE_WITH_TIMEOUT(host.recorder.messages.size(), 2, waitMs);
    QString error;
    const auto birth = Sparkplug::summarize(host.recorder.messages.last().payload, &error);
    QVERIFY2(birth, qPrintable(error));
    QCOMPARE(birth->seq, 0u); // [tck-id-payloads-nbirth-seq]
    QVERIFY(child<QLabel>(&dialog, u"sparkplugSent"_s)->text().contains(u"NCMD/edge-node-1"_s));
    demo.kill();
    demo.waitForFinished();
}

QTEST_MAIN(tst_SparkplugCommand)
#include "tst_sparkplugcommand.moc"

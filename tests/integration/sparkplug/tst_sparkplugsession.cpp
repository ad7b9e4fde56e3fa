// SPDX-License-Identifier: GPL-3.0-or-later
// A Sparkplug B edge node's session through a real mosquitto, at MQTT 3.1.1 and 5.0: the
// payloads made by Eclipse Tahu's JavaScript encoder, published by our MqttClient (the NDEATH as
// its will, sent by the broker when the node's connection breaks), received by another of ours
// and fed to SparkplugTracker; its state is checked after each step.
#include "client/mqttclient.h"
#include "decode/sparkplugtracker.h"
#include "messagebuilder.h"
#include "mosquittobroker.h"
#include "tahu.h"
#include "testclient.h"
#include "testversions.h"
#include "versionchoice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

using namespace mqttscope;
using namespace mqttscope::test;
using Issue = SparkplugTracker::Issue;

namespace {

constexpr int kTimeoutMs = 10000;

QList<Issue> issues(const SparkplugTracker::Observation &o)
{
    QList<Issue> out;
    for (const auto &r : o.reports)
        out.append(r.issue);
    return out;
}

} // namespace

class TestSparkplugSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void session_data() { addVersionRows(); }
    void session();

private:
    ClientOptions optionsFor(ProtocolVersion version) const;
    // Publishes (QoS 1) and feeds what the subscriber receives on `topic` to the tracker.
    SparkplugTracker::Observation relay(TestClient &node, TestClient &host, const QByteArray &topic,
                                        const QByteArray &payload);

    MosquittoBroker m_broker;
    Tahu m_tahu;
    SparkplugTracker m_tracker;
    qsizetype m_seen = 0;
};

void TestSparkplugSession::initTestCase()
{
    if (const QString missing = Tahu::missing(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    QString error;
    QVERIFY2(m_tahu.write(u"session"_qs, &error), qPrintable(error));
    MQTTSCOPE_START_BROKER(m_broker, {MosquittoBroker::Listener::Tcp});
}

ClientOptions TestSparkplugSession::optionsFor(ProtocolVersion version) const
{
    ClientOptions options;
    options.endpoint = m_broker.endpoint(MosquittoBroker::Listener::Tcp);
    options.version = versionChoice(version);
    options.clientId = u"sp-"_qs + QUuid::createUuid().toString(QUuid::WithoutBraces).left(18);
    options.reconnect.enabled = false;
    return options;
}

SparkplugTracker::Observation TestSparkplugSession::relay(TestClient &node, TestClient &host,
                                                          const QByteArray &topic,
                                                          const QByteArray &payload)
{
    if (!payload.isNull())
        node->publish(message(topic).payload(payload).qos(1));
    if (!QTest::qWaitFor([&] { return host.recorder.messages.size() > m_seen; }, kTimeoutMs))
        return {};
    const Message received = host.recorder.messages.at(m_seen++);
    if (received.topic != topic)
        qWarning("expected %s, received %s", topic.constData(), received.topic.constData());
    return m_tracker.observe(received);
}

void TestSparkplugSession::session()
{
    QFETCH(ProtocolVersion, version);
    m_tracker.clear();
    m_seen = 0;
    const QByteArray group = "plant" + versionTag(version).toUtf8();
    const QString g = QString::fromUtf8(group);
    const QByteArray prefix = "spBv1.0/" + group;
    TestClient host;
    host->setOptions(optionsFor(version));
    QVERIFY(connectClient(host));
    QVERIFY(subscribeAndWait(host, {Subscription{QString::fromUtf8(prefix) + u"/#"_qs, 1}}));
    TestClient node;
    // [tck-id-payloads-ndeath-will-message] the NDEATH is the node's will
    node->setOptions(
        withWill(optionsFor(version), prefix + "/NDEATH/edge", m_tahu.payload("ndeath")));
    QVERIFY(connectClient(node));

    auto o = relay(node, host, prefix + "/NBIRTH/edge", m_tahu.payload("nbirth"));
    QVERIFY2(o.topic && o.reports.isEmpty(), qPrintable(o.decoded.error));
    QVERIFY(m_tracker.node(g, u"edge"_qs)->online);
    QCOMPARE(m_tracker.node(g, u"edge"_qs)->bdSeq, 1u); // [tck-id-payloads-nbirth-bdseq]

    o = relay(node, host, prefix + "/DBIRTH/edge/pump", m_tahu.payload("dbirth"));
    QVERIFY(o.reports.isEmpty());
    QVERIFY(m_tracker.device(g, u"edge"_qs, u"pump"_qs)->online);

    // [tck-id-payloads-alias-data-cmd-requirement] aliases only, named from the DBIRTH
    o = relay(node, host, prefix + "/DDATA/edge/pump", m_tahu.payload("ddata"));
    QVERIFY(o.reports.isEmpty());
    const QJsonObject metrics =
        QJsonDocument::fromJson(o.decoded.json).object()[u"metrics"_qs].toObject();
    QCOMPARE(metrics[u"Temperature"_qs][u"value"_qs].toDouble(), 21.25);

    // [tck-id-payloads-sequence-num-incrementing] seq 3 never came
    o = relay(node, host, prefix + "/DDATA/edge/pump", m_tahu.payload("ddataskip"));
    QCOMPARE(issues(o), QList<Issue>{Issue::SequenceGap});
    QCOMPARE(m_tracker.node(g, u"edge"_qs)->issueCount, 1);
    QCOMPARE(m_tracker.node(g, u"edge"_qs)->lastSeq, 4u);

    o = relay(node, host, prefix + "/DDEATH/edge/pump", m_tahu.payload("ddeath"));
    QVERIFY(o.reports.isEmpty());
    QVERIFY(!m_tracker.device(g, u"edge"_qs, u"pump"_qs)->online);
    QVERIFY(m_tracker.node(g, u"edge"_qs)->online);

    node->abortConnection(); // the broker publishes the will
    o = relay(node, host, prefix + "/NDEATH/edge", QByteArray());
    QVERIFY2(o.topic, "no NDEATH will arrived");
    QVERIFY(o.reports.isEmpty()); // [tck-id-payloads-ndeath-bdseq] the NBIRTH's bdSeq
    QVERIFY(!m_tracker.node(g, u"edge"_qs)->online);
}

QTEST_GUILESS_MAIN(TestSparkplugSession)
#include "tst_sparkplugsession.moc"

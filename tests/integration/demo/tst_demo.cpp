// SPDX-License-Identifier: GPL-3.0-or-later
// mqttscope-demo against a real mosquitto: what a new user's first minute depends on.
#include "client/mqttclient.h"
#include "decode/formatrule.h"
#include "decode/payloaddecoder.h"
#include "decode/protobufschemas.h"
#include "decode/sparkplugpayload.h"
#include "decode/sparkplugtracker.h"
#include "mosquittobroker.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using mqttscope::test::MosquittoBroker;

namespace {

// A subscriber that keeps everything it receives.
class Collector
{
public:
    explicit Collector(const Endpoint &endpoint)
    {
        ClientOptions options;
        options.endpoint = endpoint;
        options.version = VersionChoice::V5;
        options.reconnect.enabled = false;
        client.setOptions(options);
        QObject::connect(&client, &MqttClient::messagesReceived, &client,
                         [this](const QList<Message> &batch) { messages += batch; });
    }

    bool subscribe(const QString &filter)
    {
        QSignalSpy connected(&client, &MqttClient::connected);
        client.connectToBroker();
        if (!connected.wait(5000))
            return false;
        QSignalSpy subscribed(&client, &MqttClient::subscribeFinished);
        Subscription subscription;
        subscription.filter = filter;
        subscription.qos = 1;
        client.subscribe({subscription});
        return subscribed.wait(5000);
    }

    QList<Message> withSuffix(const QByteArray &suffix) const
    {
        QList<Message> found;
        for (const Message &message : messages) {
            if (message.topic.endsWith(suffix))
                found.append(message);
        }
        return found;
    }

    MqttClient client;
    QList<Message> messages;
};

} // namespace

class tst_Demo : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void publishesTelemetryAndRetainedState();
    void protobufAndMessagePackDecodeAsRunShSays();
    void rateIsBounded();
    void willMarksPublisherOffline();
    void sparkplugEdgeNodeSession_data();
    void sparkplugEdgeNodeSession();
    void sparkplugEdgeNodeRebirthsOnCommand();
    void rejectsBadOptions_data();
    void rejectsBadOptions();

private:
    void startDemo(const QStringList &extraArguments);

    MosquittoBroker m_broker;
    QProcess m_demo;
};

void tst_Demo::initTestCase()
{
    MQTTSCOPE_START_BROKER(m_broker, {});
}

void tst_Demo::init()
{
    // Each test starts from a broker without the previous test's retained messages.
    QVERIFY2(m_broker.restart(), qPrintable(m_broker.errorString()));
}

void tst_Demo::cleanup()
{
    if (m_demo.state() != QProcess::NotRunning) {
        m_demo.kill();
        m_demo.waitForFinished(5000);
    }
}

void tst_Demo::sparkplugEdgeNodeSession_data()
{
    QTest::addColumn<bool>("killed");
    QTest::newRow("stopped") << false; // its own NDEATH, then DISCONNECT
    QTest::newRow("killed") << true; // the will [tck-id-payloads-ndeath-will-message]
}

void tst_Demo::sparkplugEdgeNodeSession()
{
    QFETCH(bool, killed);
    Collector live(m_broker.endpoint(MosquittoBroker::Listener::Tcp));
    QVERIFY(live.subscribe(u"spBv1.0/#"_s));
    startDemo(
        {u"--sensors"_s, u"10"_s, u"--rate"_s, u"50"_s, u"--duration"_s, killed ? u"0"_s : u"3"_s});
    QTRY_VERIFY_WITH_TIMEOUT(live.withSuffix("/press-1").size() >= 3, 10000); // DBIRTH, 2 DDATA
    if (killed)
        m_demo.kill();
    QVERIFY(m_demo.waitForFinished(15000));
    QTRY_VERIFY_WITH_TIMEOUT(!live.withSuffix("/edge-node-1").isEmpty()
                                 && live.messages.last().topic.contains("/NDEATH/"),
                             10000);

    SparkplugTracker tracker;
    int resolved = 0;
    for (const Message &message : std::as_const(live.messages)) {
        const SparkplugTracker::Observation o = tracker.observe(message);
        QVERIFY2(o.reports.isEmpty(),
                 qPrintable(QString::fromUtf8(message.topic) + u": "_s + o.reports.value(0).text));
        QVERIFY2(o.decoded.decoded(), message.topic.constData());
        const QJsonObject metrics =
            QJsonDocument::fromJson(o.decoded.json).object().value(u"metrics"_s).toObject();
        if (message.topic.startsWith("spBv1.0/demo/DDATA/edge-node-1/press-1")) {
            QVERIFY(metrics.value(u"Temperature"_s).toObject().value(u"value"_s).isDouble());
            ++resolved; // the alias named by the DBIRTH
        }
    }
    QVERIFY(resolved >= 2);
    QVERIFY(!tracker.node(u"demo"_s, u"edge-node-1"_s)->online);
    QVERIFY(!tracker.device(u"demo"_s, u"edge-node-1"_s, u"conveyor-1"_s)->online);
}

void tst_Demo::sparkplugEdgeNodeRebirthsOnCommand()
{
    Collector live(m_broker.endpoint(MosquittoBroker::Listener::Tcp));
    QVERIFY(live.subscribe(u"spBv1.0/demo/NBIRTH/#"_s));
    startDemo({u"--sensors"_s, u"10"_s, u"--rate"_s, u"50"_s});
    QTRY_COMPARE_WITH_TIMEOUT(live.messages.size(), 1, 10000);
    // [tck-id-operational-behavior-data-commands-rebirth-action-1]
    QString error;
    const auto command = Sparkplug::encodeCommand({{u"Node Control/Rebirth"_s, u"Boolean"_s, true}},
                                                  QDateTime::currentMSecsSinceEpoch(), &error);
    QVERIFY2(command, qPrintable(error));
    Message ncmd;
    ncmd.topic = "spBv1.0/demo/NCMD/edge-node-1";
    ncmd.payload = *command;
    live.client.publish(ncmd);
    QTRY_COMPARE_WITH_TIMEOUT(live.messages.size(), 2, 10000);
    QString summaryError;
    const auto birth = Sparkplug::summarize(live.messages.last().payload, &summaryError);
    QVERIFY2(birth, qPrintable(summaryError));
    QCOMPARE(birth->seq, 0u); // [tck-id-payloads-nbirth-seq]
    QCOMPARE(birth->bdSeq, 0u); // the same session
}

void tst_Demo::startDemo(const QStringList &extraArguments)
{
    m_demo.setProgram(QStringLiteral(MQTTSCOPE_DEMO_PROGRAM));
    m_demo.setArguments(QStringList{u"--url"_s, m_broker.url(MosquittoBroker::Listener::Tcp)}
                        + extraArguments);
    m_demo.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_demo.start();
    QVERIFY2(m_demo.waitForStarted(5000), qPrintable(m_demo.errorString()));
}

void tst_Demo::publishesTelemetryAndRetainedState()
{
    Collector live(m_broker.endpoint(MosquittoBroker::Listener::Tcp));
    QVERIFY(live.subscribe(u"demo/#"_s));
    startDemo({u"--sensors"_s, u"40"_s, u"--rate"_s, u"400"_s, u"--duration"_s, u"2"_s});
    QVERIFY(m_demo.waitForFinished(15000));
    QCOMPARE(m_demo.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_demo.exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(live.withSuffix("/telemetry").size() >= 100, 5000);

    // JSON telemetry with plausible numbers.
    const QList<Message> telemetry = live.withSuffix("/telemetry");
    for (const Message &message : telemetry) {
        QVERIFY(message.topic.startsWith("demo/factory/line"));
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(message.payload, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const double temperature = object.value(u"temperature"_s).toDouble(-999);
        QVERIFY2(temperature > 5 && temperature < 40, message.payload.constData());
        QVERIFY(object.value(u"humidity"_s).isDouble());
        QVERIFY(object.value(u"battery"_s).isDouble());
        QVERIFY(object.value(u"rssi"_s).toInt() < 0);
    }
    // Some carry MQTT 5 properties.
    QVERIFY(std::any_of(telemetry.begin(), telemetry.end(), [](const Message &m) {
        return m.properties->contentType == u"application/json"_s
            && !m.properties->userProperties.isEmpty();
    }));
    // The other payload kinds are there too.
    QVERIFY(!live.withSuffix("/temperature").isEmpty());
    bool ok = false;
    live.withSuffix("/temperature").first().payload.toDouble(&ok);
    QVERIFY(ok);
    QVERIFY(!live.withSuffix("/raw").isEmpty());
    QCOMPARE(live.withSuffix("/raw").first().payload.size(), 10);
    QVERIFY(!live.withSuffix("/cbor").isEmpty());
    const QList<Message> snapshots = live.withSuffix("/snapshot");
    QVERIFY(!snapshots.isEmpty());
    QVERIFY(snapshots.first().payload.startsWith("\x89PNG\r\n\x1a\n"));
    QCOMPARE(snapshots.first().properties->contentType, u"image/png"_s);

    // A subscriber that comes later gets every sensor's status and firmware as retained
    // messages, with the retain flag set [MQTT-3.3.1-6] [MQTT-3.3.1-9].
    Collector late(m_broker.endpoint(MosquittoBroker::Listener::Tcp));
    QVERIFY(late.subscribe(u"demo/factory/+/+/status"_s));
    QTRY_COMPARE_WITH_TIMEOUT(late.messages.size(), 40, 5000);
    for (const Message &status : std::as_const(late.messages)) {
        QVERIFY(status.retain);
        QVERIFY2(status.payload == "online" || status.payload == "offline",
                 status.payload.constData());
    }
    Collector firmware(m_broker.endpoint(MosquittoBroker::Listener::Tcp));
    QVERIFY(firmware.subscribe(u"demo/factory/+/+/firmware"_s));
    QTRY_COMPARE_WITH_TIMEOUT(firmware.messages.size(), 40, 5000);
    QVERIFY(
        QJsonDocument::fromJson(firmware.messages.first().payload).object().contains(u"version"_s));
}

namespace {

// scripts/run.sh opens the window with --proto and --decode for the demo's Protobuf and
// MessagePack devices; those very arguments decode what the demo sends.
PayloadDecoder runShDecoder()
{
    QFile script(QStringLiteral(MQTTSCOPE_SOURCE_DIR "/scripts/run.sh"));
    if (!script.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(script.readAll());
    QStringList protoFiles;
    for (const auto &match : QRegularExpression(u"--proto (\\S+)"_s).globalMatch(text))
        protoFiles.append(QStringLiteral(MQTTSCOPE_SOURCE_DIR "/") + match.captured(1));
    QList<FormatRule> rules;
    QString error;
    for (const auto &match : QRegularExpression(u"--decode '([^']+)'"_s).globalMatch(text)) {
        if (const auto rule = FormatRule::fromArgument(match.captured(1), &error))
            rules.append(*rule);
    }
    QList<ProtobufSchemas::Problem> problems;
    return PayloadDecoder(rules, ProtobufSchemas::load(protoFiles, {}, &problems));
}

} // namespace

void tst_Demo::protobufAndMessagePackDecodeAsRunShSays()
{
    const PayloadDecoder decoder = runShDecoder();
    QCOMPARE(decoder.rules().size(), 2);
    QVERIFY(decoder.schemas() && decoder.schemas()->hasMessageType(u"mqttscope.demo.Telemetry"_s));
    Collector live(m_broker.endpoint(MosquittoBroker::Listener::Tcp));
    QVERIFY(live.subscribe(u"demo/#"_s));
    startDemo({u"--sensors"_s, u"40"_s, u"--rate"_s, u"400"_s, u"--duration"_s, u"2"_s});
    QVERIFY(m_demo.waitForFinished(15000));
    QTRY_VERIFY_WITH_TIMEOUT(live.withSuffix("/msgpack").size() >= 4, 5000);

    const QList<Message> protobuf = live.withSuffix("/protobuf");
    QVERIFY(protobuf.size() >= 6);
    for (const Message &message : protobuf) {
        const DecodedPayload decoded = decoder.decode(message.topic, message.payload);
        QVERIFY2(decoded.decoded(), qPrintable(decoded.error));
        const QJsonObject object = QJsonDocument::fromJson(decoded.json).object();
        QVERIFY2(message.topic.contains(object.value(u"device"_s).toString().toUtf8()),
                 decoded.json.constData());
        const double temperature = object.value(u"temperature"_s).toDouble(-999);
        QVERIFY2(temperature > 5 && temperature < 40, decoded.json.constData());
        QVERIFY(object.value(u"time"_s).toString().endsWith(u'Z'));
        QCOMPARE(object.value(u"vibration"_s).toArray().size(), 3);
        QCOMPARE(object.value(u"labels"_s).toObject().value(u"site"_s).toString(), u"plant-3"_s);
    }
    for (const Message &message : live.withSuffix("/msgpack")) {
        QCOMPARE(decoder.encodingFor(message.topic), PayloadEncoding::MessagePack);
        const DecodedPayload decoded = decoder.decode(message.topic, message.payload);
        QVERIFY2(decoded.decoded(), qPrintable(decoded.error));
        QVERIFY(QJsonDocument::fromJson(decoded.json).object().value(u"battery"_s).isDouble());
    }
}

void tst_Demo::rateIsBounded()
{
    Collector live(m_broker.endpoint(MosquittoBroker::Listener::Tcp));
    QVERIFY(live.subscribe(u"demo/factory/+/+/telemetry"_s));
    startDemo({u"--sensors"_s, u"50"_s, u"--rate"_s, u"100"_s, u"--duration"_s, u"2"_s});
    QVERIFY(m_demo.waitForFinished(15000));
    QTest::qWait(300);
    // 100 msg/s for 2 s is 200 messages of all kinds; telemetry is most of them. The initial
    // retained state is not telemetry, so it does not count here.
    const qsizetype count = live.messages.size();
    QVERIFY2(count >= 60 && count <= 260, qPrintable(QString::number(count)));
}

void tst_Demo::willMarksPublisherOffline()
{
    startDemo({u"--sensors"_s, u"5"_s, u"--rate"_s, u"50"_s});
    Collector status(m_broker.endpoint(MosquittoBroker::Listener::Tcp));
    QVERIFY(status.subscribe(u"demo/publisher/status"_s));
    QTRY_VERIFY_WITH_TIMEOUT(
        !status.messages.isEmpty() && status.messages.last().payload == "online", 5000);
    m_demo.kill(); // no DISCONNECT: the broker sends the will [MQTT-3.1.2-8]
    QTRY_VERIFY_WITH_TIMEOUT(status.messages.last().payload == "offline", 5000);
}

void tst_Demo::rejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("bad url") << QStringList{u"--url"_s, u"gopher://x"_s};
    QTest::newRow("zero rate") << QStringList{u"--rate"_s, u"0"_s};
    QTest::newRow("sensors not a number") << QStringList{u"--sensors"_s, u"many"_s};
}

void tst_Demo::rejectsBadOptions()
{
    QFETCH(QStringList, arguments);
    QProcess demo;
    demo.setProgram(QStringLiteral(MQTTSCOPE_DEMO_PROGRAM));
    demo.setArguments(arguments);
    demo.start();
    QVERIFY(demo.waitForFinished(5000));
    QCOMPARE(demo.exitCode(), 2);
    QVERIFY(!demo.readAllStandardError().isEmpty());
}

QTEST_GUILESS_MAIN(tst_Demo)
#include "tst_demo.moc"

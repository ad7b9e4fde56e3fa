// SPDX-License-Identifier: GPL-3.0-or-later
// mqttscope-demo: publishes realistic device traffic until killed (or for --duration seconds).
#include "client/mqttclient.h"
#include "demotraffic.h"
#include "sparkplugedgenode.h"
#include "transport/endpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

// The options, by their long names.
const QString urlOption = u"url"_s;
const QString sensorsOption = u"sensors"_s;
const QString rateOption = u"rate"_s;
const QString rootOption = u"root"_s;
const QString durationOption = u"duration"_s;
const QString clientIdOption = u"client-id"_s;

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Plays realistic device traffic (JSON telemetry, retained status, binary, CBOR and image "
        "payloads, MQTT 5 properties) to a broker until stopped."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {urlOption,
         QCoreApplication::translate(
             "main", "Broker URL: mqtt[s]://|ws[s]://[user[:pass]@]host[:port][/path]."),
         u"url"_s, u"mqtt://127.0.0.1:1883"_s},
        {sensorsOption, QCoreApplication::translate("main", "Number of simulated sensors."), u"n"_s,
         u"300"_s},
        {rateOption, QCoreApplication::translate("main", "Messages per second at most."),
         u"msg/s"_s, u"500"_s},
        {rootOption,
         QCoreApplication::translate("main", "First topic level of everything published."),
         u"topic"_s, u"demo"_s},
        {durationOption,
         QCoreApplication::translate("main", "Stop after this many seconds (0: run until killed)."),
         u"s"_s, u"0"_s},
        {clientIdOption,
         QCoreApplication::translate("main", "Client identifier (default: chosen by the broker)."),
         u"id"_s},
    });
}

int positiveOption(const QCommandLineParser &parser, const QString &name, bool allowZero = false)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    return ok && (value > 0 || (allowZero && value == 0)) ? value : -1;
}

// What the command line asks for, once checked.
struct DemoRun
{
    EndpointUrl endpoint;
    DemoTraffic::Settings settings;
    int seconds = 0; // 0: until killed
};

// The command line's run, or nullopt after printing why it is wrong.
std::optional<DemoRun> readRun(const QCommandLineParser &parser, QTextStream &err)
{
    QString error;
    const std::optional<EndpointUrl> endpoint = parseEndpointUrl(parser.value(urlOption), &error);
    if (!endpoint) {
        err << QCoreApplication::translate("main", "mqttscope-demo: invalid --url: %1").arg(error)
            << Qt::endl;
        return std::nullopt;
    }
    DemoRun run{*endpoint, {}, positiveOption(parser, durationOption, true)};
    run.settings.sensors = positiveOption(parser, sensorsOption);
    run.settings.messagesPerSecond = positiveOption(parser, rateOption);
    run.settings.root = parser.value(rootOption).toUtf8();
    if (run.settings.sensors < 0 || run.settings.messagesPerSecond < 0 || run.seconds < 0
        || run.settings.root.isEmpty()) {
        err << QCoreApplication::translate(
            "main",
            "mqttscope-demo: --sensors and --rate must be positive numbers, "
            "--duration zero or more, --root not empty")
            << Qt::endl;
        return std::nullopt;
    }
    return run;
}

ClientOptions clientOptions(const EndpointUrl &endpoint, const QString &clientId,
                            const DemoTraffic &traffic)
{
    ClientOptions options;
    options.endpoint = endpoint.endpoint;
    options.username = endpoint.username;
    options.password = endpoint.password;
    options.clientId = clientId;
    // The broker tells everyone when the demo is gone.
    Will will;
    will.topic = traffic.publisherStatusTopic();
    will.payload = "offline";
    will.qos = 1;
    will.retain = true;
    options.will = will;
    return options;
}

// One line on stderr for each change of the connection.
void reportConnection(MqttClient &client, const QString &url, const DemoTraffic::Settings &settings,
                      QTextStream &err)
{
    QObject::connect(&client, &MqttClient::connected, &client, [&err, url, settings] {
        err << QCoreApplication::translate("main",
                                           "mqttscope-demo: connected to %1, publishing %2 sensors "
                                           "at up to %3 msg/s under %4/")
                   .arg(url)
                   .arg(settings.sensors)
                   .arg(settings.messagesPerSecond)
                   .arg(QString::fromUtf8(settings.root))
            << Qt::endl;
    });
    QObject::connect(&client, &MqttClient::disconnected, &client, [&err](const QString &reason) {
        err << QCoreApplication::translate("main", "mqttscope-demo: disconnected: %1").arg(reason)
            << Qt::endl;
    });
    QObject::connect(&client, &MqttClient::connectionRefused, &client,
                     [&err](const ConnackPacket &connack) {
                         err << QCoreApplication::translate(
                                    "main", "mqttscope-demo: connection refused (reason 0x%1)")
                                    .arg(int(connack.reason), 2, 16, QChar(u'0'))
                             << Qt::endl;
                     });
}

// Disconnects after `seconds` and quits once the DISCONNECT has had time to reach the broker.
void stopAfter(int seconds, MqttClient &client, const DemoTraffic &traffic, QTextStream &err)
{
    QTimer::singleShot(seconds * 1000, &client, [&client, &traffic, &err] {
        err << QCoreApplication::translate("main", "mqttscope-demo: %1 messages published")
                   .arg(traffic.publishedCount())
            << Qt::endl;
        client.disconnectFromBroker();
        QTimer::singleShot(500, QCoreApplication::instance(), &QCoreApplication::quit);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"mqttscope-demo"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MQTTSCOPE_VERSION));
    QTextStream err(stderr);

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    const std::optional<DemoRun> run = readRun(parser, err);
    if (!run)
        return 2;

    MqttClient client;
    DemoTraffic traffic(&client, run->settings);
    client.setOptions(clientOptions(run->endpoint, parser.value(clientIdOption), traffic));
    reportConnection(client, parser.value(urlOption), run->settings, err);
    // On a connection of its own: its will is its NDEATH.
    SparkplugEdgeNode edgeNode(clientOptions(run->endpoint, {}, traffic), run->settings.root);
    if (run->seconds > 0) {
        stopAfter(run->seconds, client, traffic, err);
        QTimer::singleShot(run->seconds * 1000, &edgeNode, &SparkplugEdgeNode::stop);
    }
    client.connectToBroker();
    edgeNode.start();
    return app.exec();
}

// SPDX-License-Identifier: GPL-3.0-or-later
// mqttscope-demo: publishes realistic device traffic until killed (or for --duration seconds).
#include "client/mqttclient.h"
#include "demotraffic.h"
#include "transport/endpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

int positiveOption(const QCommandLineParser &parser, const QString &name, bool allowZero = false)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    return ok && (value > 0 || (allowZero && value == 0)) ? value : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"mqttscope-demo"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MQTTSCOPE_VERSION));
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "Plays realistic device traffic (JSON telemetry, retained status, binary, CBOR and image "
        "payloads, MQTT 5 properties) to a broker until stopped."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QString url = u"url"_s, sensors = u"sensors"_s, rate = u"rate"_s, root = u"root"_s,
                  duration = u"duration"_s, clientId = u"client-id"_s;
    parser.addOptions({
        {url,
         QCoreApplication::translate(
             "main", "Broker URL: mqtt[s]://|ws[s]://[user[:pass]@]host[:port][/path]."),
         u"url"_s, u"mqtt://127.0.0.1:1883"_s},
        {sensors, QCoreApplication::translate("main", "Number of simulated sensors."), u"n"_s,
         u"300"_s},
        {rate, QCoreApplication::translate("main", "Messages per second at most."), u"msg/s"_s,
         u"500"_s},
        {root, QCoreApplication::translate("main", "First topic level of everything published."),
         u"topic"_s, u"demo"_s},
        {duration,
         QCoreApplication::translate("main", "Stop after this many seconds (0: run until killed)."),
         u"s"_s, u"0"_s},
        {clientId,
         QCoreApplication::translate("main", "Client identifier (default: chosen by the broker)."),
         u"id"_s},
    });
    parser.process(app);

    QString error;
    const std::optional<EndpointUrl> endpoint = parseEndpointUrl(parser.value(url), &error);
    if (!endpoint) {
        err << QCoreApplication::translate("main", "mqttscope-demo: invalid --url: %1").arg(error)
            << Qt::endl;
        return 2;
    }
    DemoTraffic::Settings settings;
    settings.sensors = positiveOption(parser, sensors);
    settings.messagesPerSecond = positiveOption(parser, rate);
    settings.root = parser.value(root).toUtf8();
    const int seconds = positiveOption(parser, duration, true);
    if (settings.sensors < 0 || settings.messagesPerSecond < 0 || seconds < 0
        || settings.root.isEmpty()) {
        err << QCoreApplication::translate(
            "main",
            "mqttscope-demo: --sensors and --rate must be positive numbers, "
            "--duration zero or more, --root not empty")
            << Qt::endl;
        return 2;
    }

    MqttClient client;
    DemoTraffic traffic(&client, settings);
    ClientOptions options;
    options.endpoint = endpoint->endpoint;
    options.username = endpoint->username;
    options.password = endpoint->password;
    options.clientId = parser.value(clientId);
    // The broker tells everyone when the demo is gone.
    Will will;
    will.topic = traffic.publisherStatusTopic();
    will.payload = "offline";
    will.qos = 1;
    will.retain = true;
    options.will = will;
    client.setOptions(options);

    QObject::connect(&client, &MqttClient::connected, &app, [&] {
        err << QCoreApplication::translate("main",
                                           "mqttscope-demo: connected to %1, publishing %2 sensors "
                                           "at up to %3 msg/s under %4/")
                   .arg(parser.value(url))
                   .arg(settings.sensors)
                   .arg(settings.messagesPerSecond)
                   .arg(QString::fromUtf8(settings.root))
            << Qt::endl;
    });
    QObject::connect(&client, &MqttClient::disconnected, &app, [&](const QString &reason) {
        err << QCoreApplication::translate("main", "mqttscope-demo: disconnected: %1").arg(reason)
            << Qt::endl;
    });
    QObject::connect(&client, &MqttClient::connectionRefused, &app,
                     [&](const ConnackPacket &connack) {
                         err << QCoreApplication::translate(
                                    "main", "mqttscope-demo: connection refused (reason 0x%1)")
                                    .arg(int(connack.reason), 2, 16, QChar(u'0'))
                             << Qt::endl;
                     });
    if (seconds > 0) {
        QTimer::singleShot(seconds * 1000, &app, [&] {
            err << QCoreApplication::translate("main", "mqttscope-demo: %1 messages published")
                       .arg(traffic.publishedCount())
                << Qt::endl;
            client.disconnectFromBroker();
            QTimer::singleShot(500, &app,
                               &QCoreApplication::quit); // let DISCONNECT reach the broker
        });
    }
    client.connectToBroker();
    return app.exec();
}

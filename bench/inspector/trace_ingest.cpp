// SPDX-License-Identifier: GPL-3.0-or-later
// Receives N messages with MqttClient, counting them, with the packet inspector open or closed:
//
//   trace_ingest --trace on|off -h HOST -p PORT -q QOS -C N [-t FILTER] [-V mqttv311|mqttv5] [-v]
//
// With --trace on every packet's trace entry goes into a PacketLog of the inspector's default
// bounds (ring and flows), as the Packets panel keeps them; off, the client traces nothing. The
// other options are mosquitto_sub's, so that run_bench.py measures it as it does the CLIs.

#include "client/mqttclient.h"
#include "inspector/packetlog.h"

#include <QCoreApplication>

#include <cstdio>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const auto value = [&](const QString &name, const QString &fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
    };
    const bool trace = value(u"--trace"_s, u"off"_s) == "on"_L1;
    const qint64 wanted = value(u"-C"_s, u"100000"_s).toLongLong();
    ClientOptions options;
    options.endpoint.host = value(u"-h"_s, u"127.0.0.1"_s);
    options.endpoint.port = quint16(value(u"-p"_s, u"1883"_s).toUInt());
    options.version =
        value(u"-V"_s, u"mqttv5"_s) == "mqttv311"_L1 ? VersionChoice::V311 : VersionChoice::V5;
    options.reconnect.enabled = false;
    const Subscription subscription{value(u"-t"_s, u"#"_s),
                                    quint8(value(u"-q"_s, u"0"_s).toUInt())};

    MqttClient client;
    client.setOptions(options);
    PacketLog log;
    if (trace) {
        client.setPacketTracing(true);
        QObject::connect(&client, &MqttClient::packetsTraced,
                         [&log](const QList<PacketTraceEntry> &entries) { log.append(entries); });
    }
    qint64 received = 0;
    QObject::connect(&client, &MqttClient::connected, [&] { client.subscribe({subscription}); });
    QObject::connect(&client, &MqttClient::messagesReceived, [&](const QList<Message> &messages) {
        received += messages.size();
        if (received >= wanted)
            client.disconnectFromBroker();
    });
    QObject::connect(&client, &MqttClient::disconnected, [&](const QString &reason) {
        if (received < wanted)
            std::fprintf(stderr, "disconnected after %lld messages: %s\n", received,
                         qPrintable(reason));
        app.exit(received >= wanted ? 0 : 1);
    });
    client.connectToBroker();
    return app.exec();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "subcommandoptions.h"

#include "client/mqttclient.h"

#include <QObject>
#include <QTimer>

namespace mqttscope::cli {

// What `sub` and `pub` share: one MqttClient, -d lines on stderr, and how the run ends. Before
// the first CONNACK any failure ends the run with one line on stderr (the client's own words:
// "Host not found", a TLS certificate problem, a refusal with its reason code); after it, a lost
// connection is the client's to re-establish and the command carries on.
class ClientCommand : public QObject
{
    Q_OBJECT
public:
    explicit ClientCommand(const SubcommandOptions &options, QObject *parent = nullptr);
    ~ClientCommand() override;

    // Connects; finished() follows sooner or later.
    virtual void start();
    // Disconnects cleanly (sending DISCONNECT when connected) and emits finished(exitCode).
    // An error line, when given, goes to stderr first. Later calls are ignored.
    void finish(int exitCode, const QString &errorLine = {});
    // SIGINT or SIGTERM: ends the run the way -C does, status 0 (a subcommand may say more).
    virtual void interrupt() { finish(0); }

signals:
    void finished(int exitCode);

protected:
    // Called on every CONNACK that accepts, the first and after each reconnect.
    virtual void onConnected(const ConnackPacket &connack, bool firstTime) = 0;
    virtual void onConnectionLost() { }
    // With -d, after a packet's lines are printed.
    virtual void onPacketPrinted(const PacketTraceEntry &) { }
    // Called once when the run ends, before the DISCONNECT; returns the exit status, which a
    // subcommand may turn into a failure (a recording that could not be written to the end).
    virtual int onFinishing(int exitCode) { return exitCode; }

    const SubcommandOptions &options() const { return m_options; }
    MqttClient &client() { return m_client; }
    bool isFinishing() const { return m_finishing; }
    // "Client <id> <what>" on stderr with -d, like mosquitto's clients; the packets sent and
    // received are printed from the client's trace.
    void debug(const QString &what) const;
    static void printError(const QString &line);

private:
    void printPackets(const QList<PacketTraceEntry> &packets);
    void disconnectOnceReleased();
    void handleStateChanged(ClientState state);
    void handleConnected(const ConnackPacket &connack);
    void handleRefused(const ConnackPacket &connack);
    void handleDisconnected(const QString &reason);
    void emitFinished();

    SubcommandOptions m_options;
    MqttClient m_client;
    bool m_everConnected = false;
    bool m_finishing = false;
    bool m_finishedEmitted = false;
    int m_exitCode = 0;
    QTimer m_disconnectTimeout;
};

} // namespace mqttscope::cli

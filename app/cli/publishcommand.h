// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientcommand.h"
#include "stdinlinereader.h"

#include "decode/payloadencoder.h"

#include <QSet>
#include <QTimer>

#include <memory>

namespace mqttscope::cli {

// `mqttscope-cli pub`: publishes -m/-f/-n/-s (--repeat times, --repeat-delay apart) or each
// line of stdin with -l, and exits once every message is acknowledged (PUBACK/PUBCOMP, or
// written for QoS 0). With -l a lost connection is re-established and the lines carry on.
// With --encode the message (each line with -l) is JSON, sent as Protobuf or MessagePack.
class PublishCommand : public ClientCommand
{
    Q_OBJECT
public:
    explicit PublishCommand(const SubcommandOptions &options, QObject *parent = nullptr);

    // Reads the message of -f or -s and encodes it (--encode) before connecting. False with
    // *error set when it cannot: nothing is published then.
    bool prepare(QString *error);

protected:
    void onConnected(const ConnackPacket &connack, bool firstTime) override;

private:
    bool readMessage(QString *error);
    bool prepareEncoder(QString *error);
    QString encodeArgument() const; // "protobuf:fleet.v1.Position", for error lines
    void publishRepeated();
    void publishLines();
    bool send(const QByteArray &payload); // false when the client refused at once
    void sendLine(const QByteArray &line); // -l: encoded first with --encode
    void handlePublished(quint64 token, ReasonCode reason, const QString &reasonString);
    void finishWhenDone();

    QByteArray m_payload;
    std::optional<PayloadEncoder> m_encoder; // --encode
    qint64 m_linesTaken = 0; // -l lines read so far, to name a line that does not encode
    std::unique_ptr<StdinLineReader> m_lines;
    QSet<quint64> m_inFlight;
    QTimer m_repeatTimer;
    int m_published = 0; // of --repeat
    bool m_failed = false;
};

} // namespace mqttscope::cli

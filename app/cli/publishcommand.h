// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientcommand.h"
#include "stdinlinereader.h"

#include <QSet>
#include <QTimer>

#include <memory>

namespace mqttscope::cli {

// `mqttscope-cli pub`: publishes -m/-f/-n/-s (--repeat times, --repeat-delay apart) or each
// line of stdin with -l, and exits once every message is acknowledged (PUBACK/PUBCOMP, or
// written for QoS 0). With -l a lost connection is re-established and the lines carry on.
class PublishCommand : public ClientCommand
{
    Q_OBJECT
public:
    explicit PublishCommand(const SubcommandOptions &options, QObject *parent = nullptr);

    // Reads the message of -f or -s before connecting. False with *error set when it cannot.
    bool prepare(QString *error);

protected:
    void onConnected(const ConnackPacket &connack, bool firstTime) override;

private:
    void publishRepeated();
    void publishLines();
    bool send(const QByteArray &payload); // false when the client refused at once
    void handlePublished(quint64 token, ReasonCode reason, const QString &reasonString);
    void finishWhenDone();

    QByteArray m_payload;
    std::unique_ptr<StdinLineReader> m_lines;
    QSet<quint64> m_inFlight;
    QTimer m_repeatTimer;
    int m_published = 0; // of --repeat
    bool m_failed = false;
};

} // namespace mqttscope::cli

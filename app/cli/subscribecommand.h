// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientcommand.h"
#include "messageformatter.h"
#include "outputwriter.h"

#include <QTimer>

namespace mqttscope::cli {

// `mqttscope-cli sub`: subscribes (again after each reconnect), prints every message with
// MessageFormatter through one buffered writer flushed at the end of each batch, and stops on
// -C, -W, -E or --retained-only the way mosquitto_sub does.
class SubscribeCommand : public ClientCommand
{
    Q_OBJECT
public:
    explicit SubscribeCommand(const SubcommandOptions &options, QObject *parent = nullptr);

    // Exit status on -W, as mosquitto_sub (MOSQ_ERR_TIMEOUT).
    static constexpr int timedOutExitCode = 27;

protected:
    void onConnected(const ConnackPacket &connack, bool firstTime) override;

private:
    void handleMessages(const QList<Message> &messages);
    // False when the run is over and later messages must be dropped.
    bool handleMessage(const Message &message);
    void handleSubscribed(quint64 token, const SubackPacket &suback);
    void handleUnsubscribed(quint64 token);
    void maybeExitAfterSubscribe();
    void handlePublished(quint64 token);
    void stop(int exitCode, const QString &errorLine = {});

    MessageFormatter m_formatter;
    OutputWriter m_output;
    QTimer m_timeout;
    QList<quint64> m_pendingAcks; // SUBSCRIBE/UNSUBSCRIBE tokens not yet acknowledged
    QList<quint64> m_pendingRemovals; // --remove-retained publishes in flight
    QList<QByteArray> m_filterOut; // -T, as UTF-8 for matching without conversions
    int m_received = 0;
    int m_stopExitCode = 0;
    QString m_stopErrorLine;
    bool m_processing = true;
};

} // namespace mqttscope::cli

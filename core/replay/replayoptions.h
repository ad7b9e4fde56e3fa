// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/message.h"
#include "protocol/properties.h"

#include <QByteArray>

#include <optional>

namespace mqttscope {

// How a Replayer publishes what it replays: when, which messages, and what it changes in them.
struct ReplayOptions
{
    enum class Pace {
        Recorded, // the recorded schedule, `speed` times as fast
        AsFast, // as fast as the broker acknowledges (QoS 1/2) or the socket takes (QoS 0)
    };

    Pace pace = Pace::Recorded;
    double speed = 1.0; // for Recorded: 0.5 half as fast, 10 ten times as fast
    bool replayReceived = true; // what the broker delivered to the recording connection
    bool replayPublished = false; // what the recording connection published itself

    // Overrides; unset: as recorded.
    std::optional<quint8> qos;
    std::optional<bool> retain;
    std::optional<Properties> properties; // replaces the recorded MQTT 5 properties whole

    // A topic that starts with `rewriteFrom` has that prefix replaced by `rewriteTo`
    // ("prod/" -> "test/"); an empty `rewriteFrom` puts `rewriteTo` before every topic.
    QByteArray rewriteFrom;
    QByteArray rewriteTo;

    // AsFast: QoS 1/2 messages handed to the client and not yet acknowledged, at most; 0: twice the
    // client's in-flight window, so that the window never waits for us.
    int asFastWindow = 0;
    // Keep each message's scheduled and actual send time (16 bytes a message), to measure the
    // timing; see Replayer::timings().
    bool keepTimings = false;

    // The message as it is published: overrides and rewrite applied, and what only the
    // recording connection's broker could give it taken out.
    Message messageToPublish(const Message &recorded) const;
    QByteArray rewrittenTopic(const QByteArray &topic) const;
};

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recording/recordedmessage.h"

#include <QList>
#include <QString>

namespace mqttscope {

// Where a Replayer takes its messages from, a batch at a time, in the order they are replayed:
// a recording file (RecordingFileSource) or messages already in memory (MessageListSource).
class ReplaySource
{
public:
    virtual ~ReplaySource() = default;

    // The next messages, at most `limit`; fewer only at the end (or on an error, which
    // errorString() then names).
    virtual QList<RecordedMessage> read(int limit) = 0;
    virtual QString errorString() const { return {}; }
    // How many messages the source holds in all (both directions), for the progress.
    virtual qint64 messageCount() const = 0;
    // The time of its last message (µs since the epoch), for the time left.
    virtual qint64 lastTimeUs() const = 0;
};

} // namespace mqttscope

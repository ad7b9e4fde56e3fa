// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/sparkplugstatechanges.h"
#include "protocol/message.h"
#include "recording/recordingreader.h"

#include <QByteArrayView>
#include <QList>

#include <optional>

namespace mqttscope {

class SparkplugAliasBook;

// The Sparkplug B lifecycle a recording holds: its BIRTHs, DEATHs and host STATEs, for showing
// a moment of it as the connection's tab showed it live: DATA sent by alias read with the names
// of the last BIRTH before them, endpoints online or offline. Only those topics are read, at
// most SparkplugAliasBook::KeptBirths messages each.
namespace RecordedSparkplug {

// spBv1.0/<group>/NBIRTH|DBIRTH|NDEATH|DDEATH/..., or a host's STATE.
bool isLifecycleTopic(QByteArrayView topic);
// The file's ids of its lifecycle topics.
QList<qint64> lifecycleTopicIds(const QList<RecordingReader::Topic> &topics);
// The aliases a BIRTH message defines; nullopt for another message or a payload that does not
// decode (the tracker ignores those too).
std::optional<SparkplugBirth> birthOf(const Message &message);
// The last messages of each topic of `lifecycleTopics` at or before `toUs`, in the order they
// arrived, stamped with the time they were recorded.
QList<Message> lifecycleUpTo(const RecordingReader &reader, const QList<qint64> &lifecycleTopics,
                             qint64 toUs);
// Adds to `book`, in time order, the last BIRTHs at or before `toUs`.
void readBirths(const RecordingReader &reader, const QList<qint64> &lifecycleTopics, qint64 toUs,
                SparkplugAliasBook *book);

} // namespace RecordedSparkplug
} // namespace mqttscope

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

// The Sparkplug B BIRTHs a recording holds, for reading its DATA messages sent by alias with the
// names of the last BIRTH before them, as the connection's tab read them when they arrived. Only
// the NBIRTH/DBIRTH topics are read, at most SparkplugAliasBook::KeptBirths messages each.
namespace RecordedBirths {

bool isBirthTopic(QByteArrayView topic); // spBv1.0/<group>/NBIRTH|DBIRTH/...
// The file's ids of its BIRTH topics.
QList<qint64> birthTopicIds(const QList<RecordingReader::Topic> &topics);
// The aliases a BIRTH message defines; nullopt for another message or a payload that does not
// decode (the tracker ignores those too).
std::optional<SparkplugBirth> birthOf(const Message &message);
// Adds to `book`, in time order, the last BIRTHs of each topic of `birthTopics` at or before
// `toUs`.
void read(const RecordingReader &reader, const QList<qint64> &birthTopics, qint64 toUs,
          SparkplugAliasBook *book);

} // namespace RecordedBirths
} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

namespace mqttscope {

// Topic names and filters (MQTT 3.1.1 section 4.7, 5.0 section 4.7/4.8). Work on UTF-8 bytes
// so the ingest path never converts to QString.
namespace Topic {

// The problems are translated lower-case phrases that read well alone or after "...: ".
// Empty string when `name` is a valid topic name to publish to, otherwise the problem:
// empty, contains a wildcard, longer than 65535 bytes, invalid UTF-8 [MQTT-4.7.3-1..3].
QString nameProblem(QByteArrayView name);

// Empty string when `filter` is a valid topic filter, otherwise the problem: '#' not last or
// not alone in its level, '+' not alone in its level, malformed $share/{group}/{filter}
// [MQTT-4.7.1-1..3], [MQTT-4.8.2-1..2].
QString filterProblem(QByteArrayView filter);

// Whether `name` matches `filter`, including '+', '#', the rule that wildcards at the start do
// not match '$' topics [MQTT-4.7.2-1], and $share/{group}/ stripped before matching.
bool matches(QByteArrayView filter, QByteArrayView name);

// For "$share/group/a/b" returns "a/b", otherwise the filter itself.
QByteArrayView stripSharePrefix(QByteArrayView filter);

// Whether `topic` contains '+' or '#' (which a topic name must not [MQTT-3.3.2-2]).
bool containsWildcard(QByteArrayView topic);

// Whether `filter` is a shared subscription "$share/{group}/{filter}" (5.0 section 4.8.2).
bool isShared(QByteArrayView filter);

} // namespace Topic
} // namespace mqttscope

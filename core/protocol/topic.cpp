// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/topic.h"

#include "protocol/codec.h"

#include <QCoreApplication>

#include <cstring>

namespace mqttscope::Topic {

namespace {

constexpr qsizetype MaximumLength = 65535; // a UTF-8 string's two-byte length [MQTT-4.7.3-3]
constexpr QByteArrayView SharePrefix = "$share/";

// The translation context of this file's messages, in the form lupdate understands.
struct TopicText
{
    Q_DECLARE_TR_FUNCTIONS(mqttscope::Topic)
};

// The problems names and filters share: length and UTF-8 [MQTT-4.7.3-1..3].
QString stringProblem(QByteArrayView topic)
{
    if (topic.isEmpty())
        return TopicText::tr("topic is empty");
    if (topic.size() > MaximumLength)
        return TopicText::tr("topic is longer than 65535 bytes");
    if (const QString problem = utf8Problem(topic); !problem.isEmpty())
        return TopicText::tr("topic is not valid UTF-8 (%1)").arg(problem);
    return {};
}

// The end of the level starting at `from`: the next '/' or the end of `topic`.
qsizetype levelEnd(QByteArrayView topic, qsizetype from)
{
    const qsizetype slash = topic.indexOf('/', from);
    return slash < 0 ? topic.size() : slash;
}

// '#' only as a whole last level [MQTT-4.7.1-2], '+' only as a whole level [MQTT-4.7.1-3].
QString wildcardProblem(QByteArrayView filter)
{
    qsizetype start = 0;
    while (true) {
        const qsizetype end = levelEnd(filter, start);
        const QByteArrayView level = filter.sliced(start, end - start);
        if (level.contains('#') && (level.size() != 1 || end != filter.size()))
            return TopicText::tr("'#' must be a whole level and the last one");
        if (level.contains('+') && level.size() != 1)
            return TopicText::tr("'+' must be a whole level");
        if (end == filter.size())
            return {};
        start = end + 1;
    }
}

} // namespace

bool containsWildcard(QByteArrayView topic)
{
    return topic.size() > 0
        && (std::memchr(topic.data(), '+', topic.size())
            || std::memchr(topic.data(), '#', topic.size()));
}

QString nameProblem(QByteArrayView name)
{
    QString problem = stringProblem(name);
    if (problem.isEmpty() && containsWildcard(name))
        problem = TopicText::tr("a topic name must not contain a wildcard ('+' or '#')");
    return problem;
}

QString filterProblem(QByteArrayView filter)
{
    if (QString problem = stringProblem(filter); !problem.isEmpty())
        return problem;
    if (filter.startsWith(SharePrefix)) {
        // $share/{ShareName}/{filter}: a non-empty share name without '/', '+' or '#'
        // [MQTT-4.8.2-1], then '/' and a topic filter [MQTT-4.8.2-2].
        const QByteArrayView rest = filter.sliced(SharePrefix.size());
        const qsizetype slash = rest.indexOf('/');
        const QByteArrayView shareName = rest.first(slash < 0 ? rest.size() : slash);
        if (shareName.isEmpty())
            return TopicText::tr("shared subscription has an empty share name");
        if (containsWildcard(shareName))
            return TopicText::tr("shared subscription's share name contains a wildcard");
        if (slash < 0 || slash + 1 == rest.size())
            return TopicText::tr("shared subscription has no topic filter after the share name");
        return wildcardProblem(rest.sliced(slash + 1));
    }
    return wildcardProblem(filter);
}

QByteArrayView stripSharePrefix(QByteArrayView filter)
{
    if (!filter.startsWith(SharePrefix))
        return filter;
    const qsizetype slash = filter.indexOf('/', SharePrefix.size());
    return slash < 0 ? filter : filter.sliced(slash + 1);
}

bool isShared(QByteArrayView filter)
{
    return filter.startsWith(SharePrefix);
}

bool matches(QByteArrayView filter, QByteArrayView name)
{
    filter = stripSharePrefix(filter);
    if (filter.isEmpty() || name.isEmpty())
        return false;
    // [MQTT-4.7.2-1]: a filter starting with a wildcard does not match names starting with '$'.
    if (name.front() == '$' && (filter.front() == '+' || filter.front() == '#'))
        return false;
    qsizetype f = 0;
    qsizetype n = 0;
    while (true) {
        const qsizetype fEnd = levelEnd(filter, f);
        const QByteArrayView filterLevel = filter.sliced(f, fEnd - f);
        if (filterLevel == "#")
            return true;
        const qsizetype nEnd = levelEnd(name, n);
        if (filterLevel != "+" && filterLevel != name.sliced(n, nEnd - n))
            return false;
        const bool filterDone = fEnd == filter.size();
        const bool nameDone = nEnd == name.size();
        if (filterDone || nameDone) {
            // "sport/#" also matches "sport", the parent level [MQTT-4.7.1-2].
            return filterDone == nameDone || (nameDone && filter.sliced(fEnd + 1) == "#");
        }
        f = fEnd + 1;
        n = nEnd + 1;
    }
}

} // namespace mqttscope::Topic

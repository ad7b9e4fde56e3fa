// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/searchmatcher.h"

#include "protocol/properties.h"
#include "protocol/topic.h"

#include <QCoreApplication>

namespace mqttscope {

SearchMatcher::SearchMatcher(const SearchQuery &query)
    : m_query(query)
    , m_topicFilter(query.topicFilter.trimmed().toUtf8())
    , m_substring(query.payloadText.toUtf8())
    , m_substringMatcher(m_substring)
    , m_correlationData(query.correlationData.toUtf8())
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("SearchMatcher", text);
    };
    if (!m_topicFilter.isEmpty()) {
        if (const QString problem = Topic::filterProblem(m_topicFilter); !problem.isEmpty())
            m_problem = {Part::TopicFilter, -1, problem};
    }
    if (query.payloadMode == SearchQuery::PayloadMode::RegularExpression
        && !query.payloadText.isEmpty()) {
        m_expression.setPattern(query.payloadText);
        m_expression.optimize();
        if (!m_expression.isValid() && m_problem.part == Part::None)
            m_problem = {Part::Payload, int(m_expression.patternErrorOffset()),
                         m_expression.errorString()};
    }
    JsonPredicate::ParseError error;
    m_predicate = JsonPredicate::parse(query.jsonPredicate, &error);
    if (error.isError() && m_problem.part == Part::None)
        m_problem = {Part::JsonPredicate, error.position, error.message};
    for (const QByteArray &key : m_predicate.requiredKeys())
        m_requiredKeys.append(QByteArrayMatcher(key));
    if (query.fromUs && query.toUs && *query.fromUs > *query.toUs && m_problem.part == Part::None)
        m_problem = {Part::TimeRange, -1, tr("the time range ends before it starts")};
}

bool SearchMatcher::matchesTopic(QByteArrayView topic) const
{
    return m_topicFilter.isEmpty() || Topic::matches(m_topicFilter, topic);
}

bool SearchMatcher::matchesTime(qint64 timeUs) const
{
    return (!m_query.fromUs || timeUs >= *m_query.fromUs)
        && (!m_query.toUs || timeUs <= *m_query.toUs);
}

QList<QByteArray> SearchMatcher::requiredPayloadBytes() const
{
    QList<QByteArray> bytes;
    if (m_query.payloadMode == SearchQuery::PayloadMode::Substring && !m_substring.isEmpty())
        bytes.append(m_substring);
    for (const QByteArrayMatcher &key : m_requiredKeys)
        bytes.append(key.pattern());
    return bytes;
}

bool SearchMatcher::needsProperties() const
{
    return !m_query.userPropertyName.isEmpty() || m_query.userPropertyValue
        || !m_query.contentType.isEmpty() || !m_correlationData.isEmpty();
}

bool SearchMatcher::matchesPayload(QByteArrayView payload) const
{
    if (!m_substring.isEmpty()) {
        if (m_query.payloadMode == SearchQuery::PayloadMode::Substring) {
            if (m_substringMatcher.indexIn(payload) < 0)
                return false;
        } else if (!m_expression.match(QString::fromUtf8(payload)).hasMatch()) {
            return false;
        }
    }
    for (const QByteArrayMatcher &key : m_requiredKeys) {
        if (key.indexIn(payload) < 0)
            return false;
    }
    return m_predicate.isEmpty() || m_predicate.matches(payload);
}

bool SearchMatcher::matchesProperties(const Properties &properties) const
{
    if (!m_query.contentType.isEmpty() && properties.contentType != m_query.contentType)
        return false;
    if (!m_correlationData.isEmpty()
        && (!properties.correlationData
            || !properties.correlationData->contains(m_correlationData)))
        return false;
    if (m_query.userPropertyName.isEmpty() && !m_query.userPropertyValue)
        return true;
    return std::any_of(
        properties.userProperties.begin(), properties.userProperties.end(),
        [this](const UserProperty &p) {
            return (m_query.userPropertyName.isEmpty() || p.first == m_query.userPropertyName)
                && (!m_query.userPropertyValue || p.second == *m_query.userPropertyValue);
        });
}

bool SearchMatcher::matchesContent(QByteArrayView payload, const Properties &properties) const
{
    return matchesPayload(payload) && (!needsProperties() || matchesProperties(properties));
}

} // namespace mqttscope

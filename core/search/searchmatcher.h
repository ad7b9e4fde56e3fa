// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/jsonpredicate.h"
#include "search/searchquery.h"

#include <QByteArray>
#include <QByteArrayMatcher>
#include <QRegularExpression>

namespace mqttscope {

struct Properties;

// A SearchQuery made ready to test messages: the topic filter, expression and predicate parsed
// once. Thread-safe to use from one thread at a time; copy it for another.
class SearchMatcher
{
public:
    // Which part of the query a problem is in, for the field that shows it.
    enum class Part { None, TopicFilter, Payload, JsonPredicate, TimeRange };
    struct Problem
    {
        Part part = Part::None;
        int position = -1; // in the JSON predicate's text, when that is where it is
        QString message; // translated
    };

    explicit SearchMatcher(const SearchQuery &query);

    const SearchQuery &query() const { return m_query; }
    bool isValid() const { return m_problem.part == Part::None; }
    Problem problem() const { return m_problem; }

    bool matchesTopic(QByteArrayView topic) const;
    bool matchesTime(qint64 timeUs) const;
    // The payload substring and the keys the JSON predicate needs: bytes every matching
    // payload contains, for a prefilter (SQL's instr()).
    QList<QByteArray> requiredPayloadBytes() const;
    bool needsProperties() const;
    // The whole query but the topic and time (checked separately, usually first and cheaper).
    bool matchesContent(QByteArrayView payload, const Properties &properties) const;

private:
    bool matchesPayload(QByteArrayView payload) const;
    bool matchesProperties(const Properties &properties) const;

    SearchQuery m_query;
    Problem m_problem;
    QByteArray m_topicFilter;
    QByteArray m_substring;
    QByteArrayMatcher m_substringMatcher;
    QRegularExpression m_expression;
    JsonPredicate m_predicate;
    QList<QByteArrayMatcher> m_requiredKeys;
    QByteArray m_correlationData;
};

} // namespace mqttscope

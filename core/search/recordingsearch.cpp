// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/recordingsearch.h"

#include "recording/messagejson.h"
#include "recording/recordingreader.h"
#include "recording/sqlitestatement.h"
#include "search/recordedpayloadtext.h"
#include "search/searchcontrol.h"
#include "search/searchmatcher.h"
#include "search/searchsink.h"

#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace mqttscope {
namespace {

// Ids per query when walking the table: small enough that a cancel is seen within
// milliseconds, large enough that the query's cost is nothing.
constexpr qint64 IdsPerRange = 50000;
// Read topic by topic when the matching topics hold at most this share of the messages.
constexpr qint64 IndexShareDivisor = 5;

QByteArray topicIn(const std::vector<qint64> &topicIds)
{
    QByteArray list;
    for (qint64 id : topicIds)
        list += (list.isEmpty() ? "" : ",") + QByteArray::number(id);
    return list;
}

// The column's bytes where SQLite holds them, valid until the row changes: most rows do not
// match, and a copy of each would cost ten million allocations on a big file.
QByteArrayView columnView(sqlite3_stmt *row, int column)
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(row, column));
    return QByteArrayView(data, sqlite3_column_bytes(row, column));
}

// What the search asks SQL for, written once; `where` is the part beyond the row selection.
class RecordingQuery
{
public:
    // `text` (null when no topic searched is decoded) reads decoded topics' payloads as JSON;
    // the bytes the matcher requires are looked for in the others' only.
    RecordingQuery(sqlite3 *db, const SearchMatcher &matcher, bool readProperties,
                   const RecordedPayloadText *text, const QByteArray &decodedTopics)
        : m_db(db)
        , m_matcher(matcher)
        , m_readProperties(readProperties || matcher.needsProperties())
        , m_text(text)
    {
        const SearchQuery &q = matcher.query();
        if (q.fromUs)
            m_where += " AND time_us >= " + QByteArray::number(*q.fromUs);
        if (q.toUs)
            m_where += " AND time_us <= " + QByteArray::number(*q.toUs);
        m_needles = matcher.requiredPayloadBytes();
        QByteArray contains;
        for (int i = 0; i < m_needles.size(); ++i)
            contains +=
                " AND instr(payload, ?" + QByteArray::number(i + 1 + NeedleParameter) + ") > 0";
        if (m_text && !contains.isEmpty())
            m_where += " AND (+topic_id IN (" + decodedTopics + ") OR (1" + contains + "))";
        else
            m_where += contains;
        if (matcher.needsProperties())
            m_where += " AND properties IS NOT NULL";
        else
            checkContentInSql();
    }

    // Parameters ?1 and ?2 are the selection's (it need not use them).
    static constexpr int NeedleParameter = 2;

    SqliteStatement prepare(const QByteArray &selection) const
    {
        const QByteArray sql = "SELECT id, time_us, topic_id, qos, retain, dup, payload, "
                               "properties FROM messages WHERE "
            + selection + m_where;
        SqliteStatement statement(m_db, sql.constData());
        for (int i = 0; i < m_needles.size() && statement.isValid(); ++i)
            sqlite3_bind_blob(statement.get(), i + 1 + NeedleParameter, m_needles[i].constData(),
                              int(m_needles[i].size()), SQLITE_STATIC);
        return statement;
    }

    // The payload checks (expression, JSON predicate) as an SQL function in the WHERE clause:
    // a row they refuse is never handed out, which saves SQLite reading its other columns and
    // us a step per row (a third of a JSON search over a big file).
    void checkContentInSql()
    {
        const auto matches = [](sqlite3_context *context, int, sqlite3_value **values) {
            const auto *query = static_cast<const RecordingQuery *>(sqlite3_user_data(context));
            const auto *bytes = static_cast<const char *>(sqlite3_value_blob(values[2]));
            static const Properties none;
            sqlite3_result_int(context,
                               query->contentMatches(
                                   sqlite3_value_int64(values[0]), sqlite3_value_int64(values[1]),
                                   QByteArrayView(bytes, sqlite3_value_bytes(values[2])), none));
        };
        const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY;
        if (sqlite3_create_function(m_db, "mqttscope_matches", 3, flags, this, matches, nullptr,
                                    nullptr)
            != SQLITE_OK)
            return; // checked in C++ then
        m_where += " AND mqttscope_matches(topic_id, time_us, payload)";
        m_contentInSql = true;
    }

    // The payload as the tab reads it: a decoded topic's as its JSON, else the bytes.
    bool contentMatches(qint64 topicId, qint64 timeUs, QByteArrayView payload,
                        const Properties &properties) const
    {
        if (m_text) {
            if (const std::optional<QByteArray> json = m_text->decoded(topicId, timeUs, payload))
                return m_matcher.matchesContent(*json, properties);
        }
        return m_matcher.matchesContent(payload, properties);
    }

    // Checks the current row of `statement` in C++; true when it matches. `properties` is
    // reused from row to row (a Properties is large to build): it holds the row's when they are
    // read, and stays empty when they are not.
    bool rowMatches(sqlite3_stmt *row, QByteArrayView payload, Properties *properties) const
    {
        if (m_readProperties) {
            std::optional<Properties> parsed = sqlite3_column_type(row, 7) == SQLITE_NULL
                ? Properties{}
                : MessageJson::propertiesFromJson(columnView(row, 7), nullptr);
            if (!parsed)
                return false;
            *properties = std::move(*parsed);
        }
        return m_contentInSql
            || contentMatches(sqlite3_column_int64(row, 2), sqlite3_column_int64(row, 1), payload,
                              *properties);
    }

private:
    sqlite3 *m_db;
    const SearchMatcher &m_matcher;
    bool m_readProperties;
    const RecordedPayloadText *m_text;
    bool m_contentInSql = false;
    QByteArray m_where;
    QList<QByteArray> m_needles;
};

class RecordingScan
{
public:
    RecordingScan(RecordingReader &reader, const SearchMatcher &matcher, SearchSink &sink,
                  SearchControl &control, std::shared_ptr<const PayloadDecoder> decoder)
        : m_reader(reader)
        , m_matcher(matcher)
        , m_sink(sink)
        , m_control(control)
        , m_decoder(std::move(decoder))
    {
    }

    QString run()
    {
        const RecordingReader::Summary summary = m_reader.summary();
        m_firstId = summary.firstId;
        m_lastId = summary.lastId;
        if (summary.messageCount == 0)
            return {};
        const QList<RecordingReader::Topic> topics = m_reader.topics();
        m_topicCount = size_t(topics.size());
        for (const RecordingReader::Topic &topic : topics) {
            m_topicNames.resize(std::max<size_t>(m_topicNames.size(), size_t(topic.id) + 1));
            m_topicNames[size_t(topic.id)] = topic.name;
            if (m_matcher.matchesTopic(topic.name))
                m_matchingTopics.push_back(topic.id);
        }
        if (m_matchingTopics.empty())
            return {};
        prepareQuery(topics);
        const bool everyTopic = m_matchingTopics.size() == m_topicCount;
        if (!everyTopic && fewMessagesIn(summary.messageCount))
            return byTopic();
        // The unary + keeps SQLite from answering the IN through the topic index per range.
        return walk(everyTopic ? QByteArray()
                               : " AND +topic_id IN (" + topicIn(m_matchingTopics) + ")");
    }

private:
    // With the topics known: which of those searched are decoded, if any.
    void prepareQuery(const QList<RecordingReader::Topic> &topics)
    {
        std::vector<qint64> decodedTopics;
        if (m_decoder) {
            m_text.emplace(m_decoder, m_reader, topics);
            std::copy_if(m_matchingTopics.begin(), m_matchingTopics.end(),
                         std::back_inserter(decodedTopics),
                         [this](qint64 id) { return m_text->decodes(id); });
            if (decodedTopics.empty())
                m_text.reset(); // the bytes alone, as without a decoder
        }
        m_query.emplace(m_reader.handle(), m_matcher, m_sink.wantsProperties(),
                        m_text ? &*m_text : nullptr, topicIn(decodedTopics));
    }

    // Whether the matching topics hold a small share of the file (counted in the index).
    bool fewMessagesIn(qint64 messageCount)
    {
        SqliteStatement count(m_reader.handle(),
                              "SELECT count(*) FROM messages WHERE topic_id = ?1");
        qint64 sum = 0;
        for (qint64 topic : m_matchingTopics) {
            sqlite3_bind_int64(count.get(), 1, topic);
            sum += count.integer();
            count.reset();
            if (sum > messageCount / IndexShareDivisor || m_control.cancelled())
                return false;
        }
        return true;
    }

    void emitRow(sqlite3_stmt *row)
    {
        Properties &properties = m_properties;
        if (!m_query->rowMatches(row, columnView(row, 6), &properties))
            return;
        const QByteArray payload = columnView(row, 6).toByteArray();
        const qint64 topicId = sqlite3_column_int64(row, 2);
        const qint64 timeUs = sqlite3_column_int64(row, 1);
        const std::optional<QByteArray> decoded = m_text && m_sink.wantsDecoded()
            ? m_text->decoded(topicId, timeUs, payload)
            : std::nullopt;
        const QByteArray &topic =
            size_t(topicId) < m_topicNames.size() ? m_topicNames[size_t(topicId)] : m_unknownTopic;
        m_sink.add({sqlite3_column_int64(row, 0), timeUs, topic, payload,
                    quint8(sqlite3_column_int(row, 3)), sqlite3_column_int(row, 4) != 0,
                    sqlite3_column_int(row, 5) != 0, properties,
                    decoded ? QByteArrayView(*decoded) : QByteArrayView()});
    }

    // The table in id ranges: file order by construction.
    QString walk(const QByteArray &topicCondition)
    {
        SqliteStatement range = m_query->prepare("id > ?1 AND id <= ?2" + topicCondition);
        if (!range.isValid())
            return range.error();
        for (qint64 from = m_firstId - 1; from < m_lastId && !m_control.cancelled();
             from += IdsPerRange) {
            sqlite3_bind_int64(range.get(), 1, from);
            sqlite3_bind_int64(range.get(), 2, from + IdsPerRange);
            int rc;
            while ((rc = range.step()) == SQLITE_ROW)
                emitRow(range.get());
            if (rc != SQLITE_DONE)
                return range.error();
            sqlite3_reset(range.get()); // keeps the needles bound (reset() clears them)
            m_control.report(from + IdsPerRange - m_firstId, m_lastId - m_firstId + 1);
        }
        return {};
    }

    // Topic by topic through the index: the matching ids first, then the rows in id order.
    QString byTopic()
    {
        SqliteStatement topic = m_query->prepare("topic_id = ?1");
        if (!topic.isValid())
            return topic.error();
        std::vector<qint64> ids;
        for (size_t i = 0; i < m_matchingTopics.size() && !m_control.cancelled(); ++i) {
            sqlite3_bind_int64(topic.get(), 1, m_matchingTopics[i]);
            int rc;
            while ((rc = topic.step()) == SQLITE_ROW) {
                if (m_query->rowMatches(topic.get(), columnView(topic.get(), 6), &m_properties))
                    ids.push_back(sqlite3_column_int64(topic.get(), 0));
            }
            if (rc != SQLITE_DONE)
                return topic.error();
            sqlite3_reset(topic.get());
            m_control.report(qint64(i + 1), qint64(m_matchingTopics.size()) * 2);
        }
        std::sort(ids.begin(), ids.end());
        SqliteStatement row = m_query->prepare("id = ?1");
        for (size_t i = 0; i < ids.size() && !m_control.cancelled(); ++i) {
            sqlite3_bind_int64(row.get(), 1, ids[i]);
            if (row.step() == SQLITE_ROW)
                emitRow(row.get());
            sqlite3_reset(row.get());
            if (i % 4096 == 0)
                m_control.report(qint64(ids.size() + i), qint64(ids.size()) * 2);
        }
        return {};
    }

    RecordingReader &m_reader;
    const SearchMatcher &m_matcher;
    SearchSink &m_sink;
    SearchControl &m_control;
    std::shared_ptr<const PayloadDecoder> m_decoder;
    std::optional<RecordedPayloadText> m_text; // when a topic searched is decoded
    std::optional<RecordingQuery> m_query; // once the topics are known
    qint64 m_firstId = 0;
    qint64 m_lastId = 0;
    std::vector<QByteArray> m_topicNames; // by topic id
    std::vector<qint64> m_matchingTopics;
    size_t m_topicCount = 0;
    Properties m_properties; // of the row at hand
    const QByteArray m_unknownTopic;
};

} // namespace

QString RecordingSearch::run(const QString &path, const SearchMatcher &matcher, SearchSink &sink,
                             SearchControl &control, std::shared_ptr<const PayloadDecoder> decoder)
{
    QString error;
    std::unique_ptr<RecordingReader> reader = RecordingReader::open(path, &error);
    if (!reader)
        return error;
    const QString problem =
        RecordingScan(*reader, matcher, sink, control, std::move(decoder)).run();
    control.report(1, 1);
    return problem;
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
// The topic filter's fast paths against plain references: the eight-at-a-time scan against a
// byte-by-byte comparison, the prefilter against RE2 alone, and the whole-store passes (split
// over the cores, states carried from parent to child) against one topic name at a time.
#include "explorer/casefoldedsearch.h"
#include "explorer/expressionprefilter.h"
#include "explorer/topicfilter.h"
#include "explorer/topicstore.h"
#include "messagebuilder.h"

#include <QTest>

#include <re2/re2.h>

using namespace mqttscope;
using namespace mqttscope::test;
using namespace Qt::Literals::StringLiterals;

namespace {

quint8 foldAscii(quint8 c)
{
    return c >= 'A' && c <= 'Z' ? quint8(c + 32) : c;
}

// The definition: some position where every haystack byte, ASCII letters folded, is the
// needle's byte.
bool referenceContains(QByteArrayView haystack, QByteArrayView needle)
{
    for (qsizetype start = 0; start + needle.size() <= haystack.size(); ++start) {
        qsizetype j = 0;
        while (j < needle.size() && foldAscii(quint8(haystack[start + j])) == quint8(needle[j]))
            ++j;
        if (j == needle.size())
            return true;
    }
    return false;
}

// A deterministic generator, so a failure names the same case every run.
class Lcg
{
public:
    quint32 next(quint32 bound)
    {
        m_state = m_state * 6364136223846793005ull + 1442695040888963407ull;
        return quint32((m_state >> 33) % bound);
    }

private:
    quint64 m_state = 14;
};

re2::RE2::Options filterOptions()
{
    re2::RE2::Options options; // as the topic filter compiles them
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    return options;
}

QString matchedTopics(const TopicStore &store, const TopicMatchSet &set)
{
    QStringList topics;
    for (TopicNodeId id = 1; id < store.nodeIdLimit(); ++id) {
        if (set.isMatch(id))
            topics.append(QString::fromUtf8(store.topic(id)));
    }
    topics.sort();
    return topics.join(u' ');
}

// More than two slices' worth of nodes (a slice is at least 65,536), with levels that exercise
// folding: upper case, bytes that only look alike under `| 0x20` ('@' and '`', '[' and '{'),
// UTF-8 with case (Ö, the long s, the Kelvin sign), empty levels and '/' inside a needle.
TopicStore &largeStore()
{
    static TopicStore store;
    if (store.nodeIdLimit() > 1)
        return store;
    const QList<QByteArray> words{"device",
                                  "DEVICE4",
                                  "Sensor",
                                  "ice9",
                                  "@home",
                                  "`home",
                                  "[x]",
                                  "{x}",
                                  "Größe",
                                  "GRÖSSE",
                                  "ſensor",
                                  "\xe2\x84\xaa"
                                  "elvin",
                                  "",
                                  "dev/ice",
                                  "a//b"};
    Lcg random;
    QList<Message> batch;
    for (int i = 0; i < 60'000; ++i) {
        QByteArray topic = "site" + QByteArray::number(i % 97);
        const int depth = 1 + int(random.next(4));
        for (int d = 0; d < depth; ++d) {
            topic += '/' + words[random.next(quint32(words.size()))];
            if (random.next(2) == 0)
                topic += QByteArray::number(i % 13);
        }
        topic += "/device" + QByteArray::number(i);
        QByteArray payload = R"({"value":)" + QByteArray::number(i % 1000) + "}";
        if (i % 7 == 0)
            payload = payload.toUpper() + " ALARM";
        batch.append(message(topic).payload(payload));
    }
    store.ingest(batch, 1);
    return store;
}

} // namespace

class tst_TopicFilter : public QObject
{
    Q_OBJECT

private slots:
    void scanAgreesWithByteByByte();
    void containsAfterCarriesTheState();
    void isAscii();
    void prefilterEngages_data();
    void prefilterEngages();
    void prefilterNeverRulesOutAMatch_data();
    void prefilterNeverRulesOutAMatch();
    void wholeStoreAgreesWithOneTopic_data();
    void wholeStoreAgreesWithOneTopic();
    void payloadAgreesWithByteByByte();
    void regexEdgeCases_data();
    void regexEdgeCases();
};

void tst_TopicFilter::scanAgreesWithByteByByte()
{
    // Every needle length from 1 to 20 against haystacks of 0 to 40 bytes, built from an
    // alphabet where folding and the `| 0x20` trick disagree, so a wrong fast path shows.
    const QByteArray alphabet = "aAbB@`[{zZ/\x80\xc3\xb6";
    Lcg random;
    for (int round = 0; round < 20'000; ++round) {
        QByteArray haystack;
        for (quint32 n = random.next(41); n > 0; --n)
            haystack += alphabet[random.next(quint32(alphabet.size()))];
        QByteArray needle;
        if (random.next(2) == 0 && haystack.size() > 0) {
            // A piece of the haystack, folded, so that matches are frequent too.
            const qsizetype from = random.next(quint32(haystack.size()));
            const qsizetype length =
                1 + random.next(quint32(qMin<qsizetype>(20, haystack.size() - from)));
            for (const char c : haystack.mid(from, length))
                needle += char(foldAscii(quint8(c)));
        } else {
            for (quint32 n = 1 + random.next(20); n > 0; --n)
                needle += char(foldAscii(quint8(alphabet[random.next(quint32(alphabet.size()))])));
        }
        const CaseFoldedSearch search(needle);
        if (search.contains(haystack) != referenceContains(haystack, needle))
            QFAIL(qPrintable(u"needle %1 in %2"_s.arg(QString::fromLatin1(needle.toHex()),
                                                      QString::fromLatin1(haystack.toHex()))));
    }
    // An upper-case byte in a needle (not folded) never matches: the haystack is folded.
    QVERIFY(!CaseFoldedSearch("A").contains("aA"));
    QVERIFY(CaseFoldedSearch("").contains(""));
    QVERIFY(!CaseFoldedSearch("abc").contains(""));
}

void tst_TopicFilter::containsAfterCarriesTheState()
{
    // Whatever the split, feeding the start and asking about the rest agrees with the whole.
    const QByteArray needle = "e/garage/d";
    const CaseFoldedSearch search(needle);
    const QByteArray text = "home/Garage/door";
    for (qsizetype split = 0; split <= text.size(); ++split) {
        const quint32 state = search.feed(CaseFoldedSearch::Start, text.first(split));
        QCOMPARE(search.containsAfter(state, text.sliced(split)), true);
        QCOMPARE(search.containsAfter(state, "x"), search.isMatch(state));
    }
    const CaseFoldedSearch aaab("aaab"); // borders: a partial match restarts inside itself
    QVERIFY(aaab.containsAfter(aaab.feed(CaseFoldedSearch::Start, "aa"), "aaab"));
    QVERIFY(aaab.containsAfter(aaab.feed(CaseFoldedSearch::Start, "aa"), "ab"));
    QVERIFY(!aaab.containsAfter(aaab.feed(CaseFoldedSearch::Start, "aa"), "b"));
}

void tst_TopicFilter::isAscii()
{
    for (int size = 0; size < 24; ++size) {
        const QByteArray plain(size, 'x');
        QVERIFY(CaseFoldedSearch::isAscii(plain));
        for (int at = 0; at < size; ++at) {
            QByteArray high = plain;
            high[at] = char(0x80);
            QVERIFY2(!CaseFoldedSearch::isAscii(high), qPrintable(u"%1 of %2"_s.arg(at).arg(size)));
        }
    }
}

void tst_TopicFilter::prefilterEngages_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("filters");
    QTest::newRow("literal and class") << u"device4[0-9]*7$"_s << true;
    QTest::newRow("alternation") << u"(kitchen|garage)/door"_s << true;
    QTest::newRow("any character") << u"."_s << false;
    QTest::newRow("class only") << u"^[0-9]+$"_s << false;
    QTest::newRow("alternation with a short branch") << u"kitchen|x"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_TopicFilter::prefilterEngages()
{
    QFETCH(QString, pattern);
    QFETCH(bool, filters);
    const re2::RE2 expression(pattern.toStdString(), filterOptions());
    const ExpressionPrefilter prefilter(expression);
    QCOMPARE(prefilter.filters(), filters);
    if (filters)
        QVERIFY(!prefilter.mayMatch("scale/1/sensor5"));
}

void tst_TopicFilter::prefilterNeverRulesOutAMatch_data()
{
    QTest::addColumn<QString>("pattern");
    for (const QString &p :
         {u"device4[0-9]*7$"_s, u"DEVICE4"_s, u"^site1/dev"_s, u"(kitchen|garage)/door"_s,
          u"home/(kitchen|GARAGE)"_s, u"größe"_s, u"GRÖSSE"_s, u"sensor"_s, u"kelvin"_s,
          u"(?-i)Sensor"_s, u"\\[x\\]"_s, u"\\{x\\}"_s, u"@home"_s, u"`home"_s, u"dev/ice"_s,
          u"a//b"_s, u"ice9.*device1[0-9]$"_s, u"(?:abc)+def"_s, u"x{0}device"_s,
          // Letters outside ASCII whose case partners are ASCII: the Kelvin sign and the long s.
          u"\u212Aelvin"_s, u"\u017Fensor"_s})
        QTest::newRow(qPrintable(p)) << p;
}

void tst_TopicFilter::prefilterNeverRulesOutAMatch()
{
    QFETCH(QString, pattern);
    const re2::RE2 expression(pattern.toStdString(), filterOptions());
    QVERIFY(expression.ok());
    const ExpressionPrefilter prefilter(expression);
    // Names chosen to match the patterns, in other case, and through Unicode case folding (the
    // long s matches `s`, the Kelvin sign `k`, which ASCII folding alone would not see).
    const QList<QByteArray> names{"scale/1/device417",
                                  "SCALE/1/DEVICE4007",
                                  "site1/device",
                                  "home/Kitchen/door",
                                  "HOME/GARAGE/DOOR",
                                  "sensors/Größe",
                                  "sensors/GRÖSSE",
                                  "\xc5\xbf"
                                  "ensor",
                                  "\xe2\x84\xaa"
                                  "elvin",
                                  "a/Sensor/b",
                                  "a/sensor/b",
                                  "[x]",
                                  "{x}",
                                  "@home",
                                  "`home",
                                  "dev/ice",
                                  "a//b",
                                  "Kelvin",
                                  "ice9/device12",
                                  "abcabcdef",
                                  "device"};
    int matched = 0;
    for (const QByteArray &name : names) {
        const bool matches = re2::RE2::PartialMatch(
            re2::StringPiece(name.constData(), std::size_t(name.size())), expression);
        if (matches && !prefilter.mayMatch(name))
            QFAIL(qPrintable(u"ruled out %1"_s.arg(QString::fromUtf8(name))));
        matched += matches;
    }
    QVERIFY(matched > 0); // the row says something
}

void tst_TopicFilter::wholeStoreAgreesWithOneTopic_data()
{
    QTest::addColumn<TopicFilter::Mode>("mode");
    QTest::addColumn<QString>("pattern");
    using M = TopicFilter::Mode;
    for (const QString &p : {u"device12"_s, u"ICE9"_s, u"GRÖSSE"_s, u"@home"_s, u"e/dev"_s,
                             u"1//"_s, u"kelvin"_s, u"x"_s})
        QTest::newRow(qPrintable(u"substring "_s + p)) << M::Substring << p;
    for (const QString &p : {u"device4[0-9]*7$"_s, u"^site1/"_s, u"(sensor|ice9)[0-9]/device"_s,
                             u"kelvin"_s, u"DEVICE4[0-9]+/"_s, u"[0-9]{5}$"_s, u"e/dev.*ice"_s,
                             u"sensor.*device1[0-9]$"_s, u"(@home|größe|\\[x)"_s})
        QTest::newRow(qPrintable(u"regex "_s + p)) << M::RegularExpression << p;
}

void tst_TopicFilter::wholeStoreAgreesWithOneTopic()
{
    QFETCH(TopicFilter::Mode, mode);
    QFETCH(QString, pattern);
    const TopicStore &store = largeStore();
    QVERIFY(store.nodeIdLimit() > 2 * 65'536); // so that the passes run in slices
    const TopicFilter filter(mode, pattern);
    QCOMPARE(filter.problem(), QString());
    const TopicMatchSet set = filter.match(store);
    // For expressions RE2 alone is the reference: matches() has a prefilter too.
    const re2::RE2 expression(pattern.toStdString(), filterOptions());
    qint64 count = 0;
    for (TopicNodeId id = 1; id < store.nodeIdLimit(); ++id) {
        const QByteArray topic = store.topic(id);
        const bool expected = mode == TopicFilter::Mode::RegularExpression
            ? re2::RE2::PartialMatch(re2::StringPiece(topic.constData(), std::size_t(topic.size())),
                                     expression)
            : filter.matches(store, id);
        if (set.isMatch(id) != expected || filter.matches(store, id) != expected)
            QFAIL(qPrintable(u"disagree on %1"_s.arg(QString::fromUtf8(topic))));
        count += expected;
    }
    QCOMPARE(set.matchCount(), count);
    QVERIFY(count > 0);
}

void tst_TopicFilter::payloadAgreesWithByteByByte()
{
    const TopicStore &store = largeStore();
    for (const QString &text : {u"\"value\":999}"_s, u"ALARM"_s, u"alarm"_s, u"{\"VALUE\":7}"_s}) {
        const TopicMatchSet set = TopicFilter(TopicFilter::Mode::PayloadText, text).match(store);
        const QByteArray needle = CaseFoldedSearch::fold(text);
        qint64 count = 0;
        for (TopicNodeId id = 1; id < store.nodeIdLimit(); ++id) {
            const bool expected =
                store.hasMessage(id) && referenceContains(store.latestPayload(id), needle);
            QCOMPARE(set.isMatch(id), expected);
            count += expected;
        }
        QCOMPARE(set.matchCount(), count);
        QVERIFY(count > 0);
    }
}

void tst_TopicFilter::regexEdgeCases_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("expected");
    QTest::newRow("alternation") << u"(kitchen|garage)/d"_s << u"home/Garage/door"_s;
    QTest::newRow("case-insensitive") << u"KITCHEN/temp"_s << u"home/kitchen/temperature"_s;
    QTest::newRow("anchored both ends") << u"^office$"_s << u"office"_s;
    QTest::newRow("end anchor") << u"ure$"_s << u"home/kitchen/temperature office/temperature"_s;
    QTest::newRow("UTF-8 name") << u"GRÖSSE|größe"_s << u"sensors/Größe"_s;
    QTest::newRow("long s folds to s") << u"^sensors$"_s << u"sensors ſensors"_s;
    QTest::newRow("Kelvin sign folds to k")
        << u"kitchen/hum"_s << u"home/kitchen/humidity \u212Aitchen/humidity"_s;
    QTest::newRow("empty pattern") << QString()
                                   << u"home home/Garage home/Garage/door home/kitchen "
                                      "home/kitchen/humidity home/kitchen/temperature office "
                                      "office/temperature sensors sensors/Größe ſensors "
                                      "\u212Aitchen \u212Aitchen/humidity"_s;
}

void tst_TopicFilter::regexEdgeCases()
{
    QFETCH(QString, pattern);
    QFETCH(QString, expected);
    TopicStore store;
    QList<Message> batch;
    for (const QString &topic :
         {u"home/kitchen/temperature"_s, u"home/kitchen/humidity"_s, u"home/Garage/door"_s,
          u"office/temperature"_s, u"sensors/Größe"_s, u"ſensors"_s, u"\u212Aitchen/humidity"_s})
        batch.append(message(topic.toUtf8()).payload("x"));
    store.ingest(batch, 1);
    const TopicFilter filter(TopicFilter::Mode::RegularExpression, pattern);
    QCOMPARE(filter.problem(), QString());
    QCOMPARE(matchedTopics(store, filter.match(store)), expected);
}

QTEST_GUILESS_MAIN(tst_TopicFilter)
#include "tst_topicfilter.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Topic names, filters and matching (3.1.1 section 4.7; 5.0 sections 4.7 and 4.8), with the
// examples the specs give.

#include "protocol/topic.h"

#include <QTest>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

namespace {

// `expected` empty: the topic is valid; otherwise the problem must mention it.
void verifyProblem(const QString &actual, const QString &expected)
{
    if (expected.isEmpty())
        QVERIFY2(actual.isEmpty(), qPrintable(actual));
    else
        QVERIFY2(actual.contains(expected), qPrintable(actual));
}

} // namespace

class tst_Topic : public QObject
{
    Q_OBJECT

private slots:
    void name_data();
    void name();
    void filter_data();
    void filter();
    void matches_data();
    void matches();
    void sharePrefix();
};

void tst_Topic::name_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("problem"); // empty when valid, else part of the message

    QTest::newRow("simple") << QByteArray("sport/tennis/player1") << QString();
    QTest::newRow("leading slash")
        << QByteArray("/finance") << QString(); // 4.7.1.1: distinct from "finance"
    QTest::newRow("only a slash") << QByteArray("/") << QString();
    QTest::newRow("space") << QByteArray("a b") << QString(); // 4.7.3: spaces are allowed
    QTest::newRow("$SYS") << QByteArray("$SYS/broker/uptime") << QString();
    QTest::newRow("UTF-8") << QByteArray("häuser/küche") << QString();
    QTest::newRow("max length") << QByteArray(65535, 'a') << QString();
    QTest::newRow("empty") << QByteArray() << u"is empty"_s; // [MQTT-4.7.3-1]
    QTest::newRow("too long") << QByteArray(65536, 'a') << u"longer than 65535"_s; // [MQTT-4.7.3-3]
    QTest::newRow("plus") << QByteArray("sport/+/x") << u"wildcard"_s; // [MQTT-3.3.2-2]
    QTest::newRow("hash") << QByteArray("sport/#") << u"wildcard"_s;
    QTest::newRow("U+0000") << QByteArray("a\0b", 3) << u"U+0000"_s; // [MQTT-4.7.3-2]
    QTest::newRow("surrogate") << QByteArray("a\xED\xA0\x80") << u"surrogate"_s; // [MQTT-1.5.4-1]
}

void tst_Topic::name()
{
    QFETCH(QByteArray, name);
    QFETCH(QString, problem);
    verifyProblem(Topic::nameProblem(name), problem);
}

void tst_Topic::filter_data()
{
    QTest::addColumn<QByteArray>("filter");
    QTest::addColumn<QString>("problem");

    // 4.7.1.2 and 4.7.1.3 examples.
    QTest::newRow("#") << QByteArray("#") << QString();
    QTest::newRow("sport/tennis/#") << QByteArray("sport/tennis/#") << QString();
    QTest::newRow("+") << QByteArray("+") << QString();
    QTest::newRow("+/tennis/#") << QByteArray("+/tennis/#") << QString();
    QTest::newRow("sport/+/player1") << QByteArray("sport/+/player1") << QString();
    QTest::newRow("/+") << QByteArray("/+") << QString();
    QTest::newRow("+/+") << QByteArray("+/+") << QString();
    QTest::newRow("empty levels") << QByteArray("a//b") << QString();
    QTest::newRow("shared") << QByteArray("$share/consumers/sport/#") << QString();
    QTest::newRow("shared single level") << QByteArray("$share/g/+") << QString();
    QTest::newRow("$share without slash is plain") << QByteArray("$share") << QString();
    QTest::newRow("empty") << QByteArray() << u"is empty"_s; // [MQTT-4.7.3-1]
    QTest::newRow("sport/tennis#")
        << QByteArray("sport/tennis#") << u"'#' must be a whole level"_s; // [MQTT-4.7.1-2]
    QTest::newRow("sport/tennis/#/ranking")
        << QByteArray("sport/tennis/#/ranking") << u"'#' must be"_s;
    QTest::newRow("sport+") << QByteArray("sport+")
                            << u"'+' must be a whole level"_s; // [MQTT-4.7.1-3]
    QTest::newRow("+a") << QByteArray("a/+a/b") << u"'+' must be a whole level"_s;
    QTest::newRow("bad UTF-8") << QByteArray("\xC0\x80") << u"overlong"_s;
    // [MQTT-4.8.2-1], [MQTT-4.8.2-2]
    QTest::newRow("share without filter") << QByteArray("$share/group") << u"no topic filter"_s;
    QTest::newRow("share with empty filter") << QByteArray("$share/group/") << u"no topic filter"_s;
    QTest::newRow("share empty name") << QByteArray("$share//a") << u"empty share name"_s;
    QTest::newRow("share name with +")
        << QByteArray("$share/g+/a") << u"share name contains a wildcard"_s;
    QTest::newRow("share name #") << QByteArray("$share/#/a")
                                  << u"share name contains a wildcard"_s;
    QTest::newRow("share with bad filter") << QByteArray("$share/g/a#") << u"'#' must be"_s;
}

void tst_Topic::filter()
{
    QFETCH(QByteArray, filter);
    QFETCH(QString, problem);
    verifyProblem(Topic::filterProblem(filter), problem);
}

void tst_Topic::matches_data()
{
    QTest::addColumn<QByteArray>("filter");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("match");

    const auto row = [](const char *filter, const char *name, bool match) {
        QTest::addRow("%s ~ %s", filter, name) << QByteArray(filter) << QByteArray(name) << match;
    };
    // 4.7.1.2
    row("sport/tennis/player1/#", "sport/tennis/player1", true);
    row("sport/tennis/player1/#", "sport/tennis/player1/ranking", true);
    row("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true);
    row("sport/#", "sport", true); // [MQTT-4.7.1-2] the parent level too
    row("#", "sport/tennis", true);
    row("#", "/", true);
    row("sport/#", "sports", false);
    row("sport/#", "sport/", true);
    // 4.7.1.3
    row("sport/tennis/+", "sport/tennis/player1", true);
    row("sport/tennis/+", "sport/tennis/player2", true);
    row("sport/tennis/+", "sport/tennis/player1/ranking", false);
    row("sport/+", "sport", false);
    row("sport/+", "sport/", true);
    row("+/+", "/finance", true);
    row("/+", "/finance", true);
    row("+", "/finance", false);
    row("+", "finance", true);
    row("+/tennis/#", "sport/tennis/x", true);
    row("+/tennis/#", "sport/golf/x", false);
    // Plain levels.
    row("a/b", "a/b", true);
    row("a/b", "a/b/c", false);
    row("a/b/c", "a/b", false);
    row("a/b", "a/bc", false);
    row("a//b", "a//b", true);
    row("a/+/b", "a//b", true);
    row("A", "a", false); // case sensitive (4.7.3)
    // [MQTT-4.7.2-1]: wildcards in the first level do not match '$' topics.
    row("#", "$SYS/broker", false);
    row("+/monitor/Clients", "$SYS/monitor/Clients", false);
    row("$SYS/#", "$SYS/monitor/Clients", true);
    row("$SYS/monitor/+", "$SYS/monitor/Clients", true);
    row("a/#", "a/$x", true); // only the first level is special
    // Shared subscriptions match on their filter part (4.8.2).
    row("$share/g/sport/+", "sport/tennis", true);
    row("$share/g/#", "anything/at/all", true);
    row("$share/g/#", "$SYS/x", false);
    row("$share/g/a", "$share/g/a", false);
    // Nothing matches an empty name or with an empty filter.
    row("#", "", false);
    row("", "a", false);
}

void tst_Topic::matches()
{
    QFETCH(QByteArray, filter);
    QFETCH(QByteArray, name);
    QFETCH(bool, match);
    QCOMPARE(Topic::matches(filter, name), match);
}

void tst_Topic::sharePrefix()
{
    QCOMPARE(Topic::stripSharePrefix("$share/group/a/b"), QByteArrayView("a/b"));
    QCOMPARE(Topic::stripSharePrefix("a/b"), QByteArrayView("a/b"));
    QCOMPARE(Topic::stripSharePrefix("$share/group"), QByteArrayView("$share/group"));
    QVERIFY(Topic::isShared("$share/g/x"));
    QVERIFY(!Topic::isShared("$shared/g/x"));
    QVERIFY(!Topic::isShared("$SYS/x"));
    QVERIFY(Topic::containsWildcard("a/#"));
    QVERIFY(!Topic::containsWildcard("a/b"));
}

QTEST_APPLESS_MAIN(tst_Topic)
#include "tst_topic.moc"

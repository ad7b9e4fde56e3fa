// SPDX-License-Identifier: GPL-3.0-or-later
// The replay's pure parts: the schedule (due times from the start, pauses shifting what follows)
// and what the options change in a message before it is published.
#include "messagebuilder.h"

#include "replay/messagelistsource.h"
#include "replay/replayoptions.h"
#include "replay/replayschedule.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

class tst_ReplayParts : public QObject
{
    Q_OBJECT
private slots:
    void scheduleScalesOffsets_data();
    void scheduleScalesOffsets();
    void pauseShiftsWhatFollows();
    void remainingTime();
    void rewrite_data();
    void rewrite();
    void overridesAndServerOnlyProperties();
    void listSourceInBatches();
};

void tst_ReplayParts::scheduleScalesOffsets_data()
{
    QTest::addColumn<double>("speed");
    QTest::addColumn<qint64>("recordedOffsetUs");
    QTest::addColumn<qint64>("dueUs");
    QTest::newRow("1x") << 1.0 << qint64(250'000) << qint64(1'250'000);
    QTest::newRow("0.5x") << 0.5 << qint64(250'000) << qint64(1'500'000);
    QTest::newRow("10x") << 10.0 << qint64(250'000) << qint64(1'025'000);
    QTest::newRow("100x, a second") << 100.0 << qint64(1'000'000) << qint64(1'010'000);
    QTest::newRow("before the first") << 1.0 << qint64(-5'000) << qint64(1'000'000);
    // A day at 1x, to the microsecond: no rounding error grows with the offset.
    QTest::newRow("a day") << 1.0 << qint64(86'400'000'000) << qint64(86'401'000'000);
}

void tst_ReplayParts::scheduleScalesOffsets()
{
    QFETCH(double, speed);
    QFETCH(qint64, recordedOffsetUs);
    constexpr qint64 first = 1'700'000'000'000'000;
    ReplaySchedule schedule(speed);
    schedule.start(first, 1'000'000);
    QCOMPARE(schedule.dueUs(first), 1'000'000);
    QTEST(schedule.dueUs(first + recordedOffsetUs), "dueUs");
}

void tst_ReplayParts::pauseShiftsWhatFollows()
{
    ReplaySchedule schedule(2.0);
    schedule.start(0, 0);
    QCOMPARE(schedule.dueUs(1'000'000), 500'000);
    schedule.pause(100'000);
    QVERIFY(schedule.isPaused());
    schedule.pause(150'000); // a second pause while paused changes nothing
    schedule.resume(400'000);
    QCOMPARE(schedule.dueUs(1'000'000), 800'000);
    schedule.pause(900'000);
    schedule.resume(1'000'000);
    QCOMPARE(schedule.dueUs(1'000'000), 900'000);
    schedule.resume(2'000'000); // not paused: no shift
    QCOMPARE(schedule.dueUs(1'000'000), 900'000);
}

void tst_ReplayParts::remainingTime()
{
    ReplaySchedule schedule(10.0);
    schedule.start(0, 0);
    QCOMPARE(schedule.remainingUs(10'000'000, 200'000), 800'000);
    schedule.pause(200'000);
    QCOMPARE(schedule.remainingUs(10'000'000, 5'000'000), 800'000); // frozen while paused
    QCOMPARE(schedule.remainingUs(10'000'000, 0), 800'000);
    schedule.resume(300'000);
    QCOMPARE(schedule.remainingUs(10'000'000, 2'000'000), 0);
}

void tst_ReplayParts::rewrite_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QByteArray>("topic");
    QTest::addColumn<QByteArray>("rewritten");
    QTest::newRow("prefix") << "prod/"_ba
                            << "test/"_ba
                            << "prod/a/b"_ba
                            << "test/a/b"_ba;
    QTest::newRow("not matching") << "prod/"_ba
                                  << "test/"_ba
                                  << "dev/a"_ba
                                  << "dev/a"_ba;
    QTest::newRow("only at the start") << "prod/"_ba
                                       << "test/"_ba
                                       << "x/prod/a"_ba
                                       << "x/prod/a"_ba;
    QTest::newRow("whole topic") << "prod/a"_ba
                                 << "b"_ba
                                 << "prod/a"_ba
                                 << "b"_ba;
    QTest::newRow("put before all") << ""_ba
                                    << "replay/"_ba
                                    << "a"_ba
                                    << "replay/a"_ba;
    QTest::newRow("prefix removed") << "prod/"_ba
                                    << ""_ba
                                    << "prod/a"_ba
                                    << "a"_ba;
    QTest::newRow("none") << ""_ba
                          << ""_ba
                          << "a"_ba
                          << "a"_ba;
}

void tst_ReplayParts::rewrite()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QByteArray, topic);
    ReplayOptions options;
    options.rewriteFrom = from;
    options.rewriteTo = to;
    QTEST(options.rewrittenTopic(topic), "rewritten");
    QTEST(options.messageToPublish(MessageBuilder(topic)).topic, "rewritten");
}

void tst_ReplayParts::overridesAndServerOnlyProperties()
{
    Properties recorded;
    recorded.contentType = u"text/plain"_s;
    recorded.subscriptionIdentifiers = {3, 9};
    recorded.topicAlias = 4;
    Message original = MessageBuilder("a").payload("p").qos(2).retain().properties(recorded);
    original.dup = true;
    original.receivedMsecsSinceEpoch = 1234;

    ReplayOptions asRecorded;
    const Message same = asRecorded.messageToPublish(original);
    QCOMPARE(same.payload, "p");
    QCOMPARE(same.qos, 2);
    QVERIFY(same.retain);
    QVERIFY(!same.dup);
    QCOMPARE(same.receivedMsecsSinceEpoch, 0);
    // [MQTT-3.3.4-6] no Subscription Identifier from a client; the alias was the old link's.
    Properties kept;
    kept.contentType = u"text/plain"_s;
    QCOMPARE(Properties(same.properties), kept);

    ReplayOptions overridden;
    overridden.qos = 0;
    overridden.retain = false;
    overridden.properties = Properties();
    const Message changed = overridden.messageToPublish(original);
    QCOMPARE(changed.qos, 0);
    QVERIFY(!changed.retain);
    QVERIFY(changed.properties.isEmpty());
    QCOMPARE(changed.payload, original.payload);
}

void tst_ReplayParts::listSourceInBatches()
{
    QList<RecordedMessage> messages(5);
    for (int i = 0; i < 5; ++i) {
        messages[i].id = i + 1;
        messages[i].timeUs = i * 10;
    }
    MessageListSource source(messages);
    QCOMPARE(source.messageCount(), 5);
    QCOMPARE(source.lastTimeUs(), 40);
    QCOMPARE(source.read(2).size(), 2);
    const QList<RecordedMessage> rest = source.read(10);
    QCOMPARE(rest.size(), 3);
    QCOMPARE(rest.first().id, 3);
    QVERIFY(source.read(10).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ReplayParts)
#include "tst_replayparts.moc"

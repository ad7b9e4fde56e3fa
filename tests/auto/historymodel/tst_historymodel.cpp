// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/historymodel.h"
#include "models/topictreemodel.h"
#include "messagebuilder.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mqttscope;
using namespace mqttscope::test;
using namespace Qt::Literals::StringLiterals;

namespace {

// When every message of these tests arrived: a fixed time, so that the time column is the same
// on every run.
constexpr qint64 arrival = 1'700'000'000'000;

QStringList payloadColumn(const HistoryModel &model)
{
    QStringList payloads;
    for (int row = 0; row < model.rowCount(); ++row)
        payloads.append(model.index(row, HistoryModel::PayloadColumn).data().toString());
    return payloads;
}

} // namespace

class tst_HistoryModel : public QObject
{
    Q_OBJECT
private slots:
    void showsSelectedTopic();
    void followsArrivalsAndEvictions();
    void columns();
    void propertiesSummary_data();
    void propertiesSummary();
};

void tst_HistoryModel::showsSelectedTopic()
{
    ExplorerData data;
    HistoryModel model(&data.history());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    data.ingest({message("a").payload("1").receivedAt(arrival),
                 message("b").payload("x").receivedAt(arrival),
                 message("a").payload("2").receivedAt(arrival)},
                1);
    QCOMPARE(model.rowCount(), 0);
    model.setTopic(data.store().find("a"));
    QCOMPARE(payloadColumn(model), (QStringList{u"1"_s, u"2"_s}));
    model.setTopic(HistoryModel::NoTopic);
    QCOMPARE(model.rowCount(), 0);
}

void tst_HistoryModel::followsArrivalsAndEvictions()
{
    ExplorerData data({qint64(1) << 30, 3});
    TopicTreeModel tree(&data);
    HistoryModel model(&data.history());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&tree, &TopicTreeModel::flushed, &model, &HistoryModel::refresh);

    tree.enqueue({message("t").payload("1").receivedAt(arrival),
                  message("t").payload("2").receivedAt(arrival)});
    tree.flush();
    model.setTopic(data.store().find("t"));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    // Three more: the count limit (3) evicts 1 and 2; one remove at the top, one insert below.
    tree.enqueue({message("t").payload("3").receivedAt(arrival),
                  message("other").payload("o").receivedAt(arrival),
                  message("t").payload("4").receivedAt(arrival),
                  message("t").payload("5").receivedAt(arrival)});
    tree.flush();
    QCOMPARE(payloadColumn(model), (QStringList{u"3"_s, u"4"_s, u"5"_s}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed[0][1].toInt(), 0);
    QCOMPARE(removed[0][2].toInt(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted[0][1].toInt(), 0);
    QCOMPARE(inserted[0][2].toInt(), 2);

    // Other topics' traffic changes nothing here.
    tree.enqueue({message("other").payload("p").receivedAt(arrival)});
    tree.flush();
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 1);

    // Everything evicted (the topic's history cleared, its latest too): all rows go.
    data.history().clearTopic(data.store().find("t"));
    model.refresh();
    QCOMPARE(model.rowCount(), 0);
}

void tst_HistoryModel::columns()
{
    ExplorerData data;
    Message m = message("t").payload(QByteArray(300, 'a')).receivedAt(arrival);
    m.qos = 2;
    m.retain = true;
    m.properties.edit().contentType = u"text/plain"_s;
    data.ingest({m, message("t").payload("plain").receivedAt(arrival)}, 1);
    HistoryModel model(&data.history());
    model.setTopic(data.store().find("t"));
    QCOMPARE(model.index(0, HistoryModel::QosColumn).data().toInt(), 2);
    QVERIFY(!model.index(0, HistoryModel::RetainColumn).data().toString().isEmpty());
    QVERIFY(model.index(1, HistoryModel::RetainColumn).data().toString().isEmpty());
    QCOMPARE(model.index(0, HistoryModel::SizeColumn).data().toLongLong(), 300);
    QCOMPARE(model.index(0, HistoryModel::PropertiesColumn).data().toString(),
             u"content-type=text/plain"_s);
    QCOMPARE(model.index(1, HistoryModel::PropertiesColumn).data().toString(), QString());
    // The preview is short; the payload role is the whole payload, unaltered.
    QVERIFY(model.index(0, HistoryModel::PayloadColumn).data().toString().size() <= 80);
    QCOMPARE(model.index(0, 0).data(HistoryModel::PayloadRole).toByteArray(), QByteArray(300, 'a'));
    QCOMPARE(model.index(0, 0).data(HistoryModel::ReceivedMsecsRole).toLongLong(),
             1'700'000'000'000);
    QCOMPARE(model.index(0, HistoryModel::TimeColumn).data(Qt::ToolTipRole).toString(),
             u"2023-11-14T22:13:20.000Z"_s);
    QCOMPARE(model.entry(1).payload, QByteArray("plain"));
}

void tst_HistoryModel::propertiesSummary_data()
{
    QTest::addColumn<Properties>("properties");
    QTest::addColumn<QString>("expected");
    Properties all;
    all.payloadFormatIndicator = 1;
    all.contentType = u"application/json"_s;
    all.responseTopic = u"reply/here"_s;
    all.correlationData = QByteArray("\x01\xab", 2);
    all.messageExpiryInterval = 60;
    all.subscriptionIdentifiers = {7, 9};
    all.userProperties = {{u"k"_s, u"v"_s}, {u"k"_s, u"w"_s}};
    QTest::newRow("none") << Properties() << QString();
    QTest::newRow("all") << all
                         << u"payload-format=1; content-type=application/json; "
                            "response-topic=reply/here; correlation-data=01ab; expiry=60s; "
                            "subscription-id=7; subscription-id=9; k=v; k=w"_s;
}

void tst_HistoryModel::propertiesSummary()
{
    QFETCH(Properties, properties);
    QFETCH(QString, expected);
    QCOMPARE(HistoryModel::propertiesSummary(properties), expected);
}

QTEST_MAIN(tst_HistoryModel)
#include "tst_historymodel.moc"

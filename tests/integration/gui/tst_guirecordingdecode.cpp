// SPDX-License-Identifier: GPL-3.0-or-later
// A recording of a Sparkplug B edge node and a MessagePack topic, made by a connection tab from a
// real mosquitto and opened in a recording tab: DATA sent by alias show the names of the BIRTH
// recorded before them, as of the moment shown (a seek before a REBIRTH that renamed an alias,
// Play past it); endpoints show online or offline as of that moment (a seek before the device's
// DDEATH, Play past it); and a search over the file matches the decoded JSON.
#include "connectionrecorder.h"
#include "connectiontab.h"
#include "guitestbench.h"
#include "messagepane.h"
#include "recordingtab.h"
#include "searchpanel.h"
#include "tahu.h"
#include "timelinepanel.h"
#include "decode/formatrule.h"
#include "decode/sparkplugpayload.h"
#include "models/historymodel.h"
#include "models/topictreemodel.h"
#include "recording/recordingreader.h"
#include "views/payloadview.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr int arrivalTimeoutMs = 10000;
const QByteArray Prefix = "spBv1.0/plant";
const QByteArray DData = "spBv1.0/plant/DDATA/edge/pump";
const QByteArray DDeath = "spBv1.0/plant/DDEATH/edge/pump";
const QByteArray NBirth = "spBv1.0/plant/NBIRTH/edge";

// A payload of our own encoder: the REBIRTH that Tahu's session has no step for.
QByteArray payload(const QList<Sparkplug::CommandMetric> &metrics, quint64 seq)
{
    QString error;
    const auto bytes = Sparkplug::encodePayload(metrics, 1700000000000, seq, &error);
    if (!bytes)
        qFatal("%s", qPrintable(error));
    return *bytes;
}

// What a table's row shows in any of its columns.
QString rowText(const QAbstractItemModel *model, int row)
{
    QStringList cells;
    for (int column = 0; column < model->columnCount(); ++column)
        cells.append(model->index(row, column).data().toString());
    return cells.join(u" | "_s);
}

// When the file's first message on `topic` was recorded; 0 when it has none.
qint64 firstRecordedUs(const RecordingReader &reader, const QByteArray &topic)
{
    for (const RecordingReader::Topic &recorded : reader.topics()) {
        if (recorded.name != topic)
            continue;
        const QList<RecordedMessage> messages =
            reader.topicMessages(recorded.id, 0, LLONG_MAX, 100);
        return messages.isEmpty() ? 0 : messages.constFirst().timeUs;
    }
    return 0;
}

} // namespace

class tst_GuiRecordingDecode : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void aliasesAsOfTheMoment();
    void onlineAsOfTheMoment();
    void searchMatchesDecodedJson_data();
    void searchMatchesDecodedJson();

private:
    bool publishAndWait(const QByteArray &topic, const QByteArray &payload);
    QString renderedAfterSelecting(const QByteArray &topic) const;

    GuiTestBench m_bench;
    Tahu m_tahu;
    std::unique_ptr<ConnectionTab> m_tab;
    std::unique_ptr<RecordingTab> m_recording;
    QString m_path;
};

void tst_GuiRecordingDecode::initTestCase()
{
    if (const QString missing = Tahu::missing(); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    QString error;
    QVERIFY2(m_tahu.write(u"session"_s, &error), qPrintable(error));
    QVERIFY2(m_bench.start(&error), qPrintable(error));
    m_tab = std::make_unique<ConnectionTab>(
        m_bench.profile(u"Plant"_s, Subscription{.filter = u"#"_s, .qos = 1}), m_bench.secrets());
    m_tab->decodeTopicsAs(FormatRule{u"rec/packed"_s, PayloadEncoding::MessagePack, {}});
    QVERIFY2(GuiTestBench::showConnected(*m_tab, {1200, 800}, u"#"_s, u"granted QoS 1"_s, &error),
             qPrintable(error));

    // The session, recorded: Tahu's NBIRTH, DBIRTH (Temperature is alias 10) and DDATA by alias;
    // then a REBIRTH that makes alias 10 Pressure, a DDATA by alias, and a MessagePack value.
    m_path = m_bench.filePath(u"plant.mqttrec"_s);
    QVERIFY2(m_tab->startRecording(m_path, {}, &error), qPrintable(error));
    QVERIFY(publishAndWait(Prefix + "/NBIRTH/edge", m_tahu.payload("nbirth")));
    QVERIFY(publishAndWait(Prefix + "/DBIRTH/edge/pump", m_tahu.payload("dbirth")));
    QVERIFY(publishAndWait(DData, m_tahu.payload("ddata"))); // Temperature 21.25
    QTest::qWait(20); // the REBIRTH a few milliseconds later: the names change then
    QVERIFY(publishAndWait(Prefix + "/NBIRTH/edge", payload({{u"bdSeq"_s, u"UInt64"_s, 2}}, 0)));
    QVERIFY(publishAndWait(Prefix + "/DBIRTH/edge/pump",
                           payload({{u"Pressure"_s, u"Float"_s, 3.5, 10}}, 1)));
    QVERIFY(publishAndWait(DData, payload({{{}, u"Float"_s, 4.75, 10}}, 2)));
    QVERIFY(publishAndWait("rec/packed", QByteArray("\x81\xa5value\x2a", 8))); // {"value":42}
    QTest::qWait(20); // then the pump goes offline, a moment after its last DDATA
    QVERIFY(publishAndWait(DDeath, payload({}, 3)));
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->recorder()->status().messagesWritten >= 8, 5000);
    m_tab->stopRecording();

    m_recording.reset(RecordingTab::open(m_path, &error));
    QVERIFY2(m_recording, qPrintable(error));
    m_recording->setPayloadFormats(m_tab->profile());
    m_recording->resize(1200, 800);
    m_recording->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_recording.get()));
}

void tst_GuiRecordingDecode::cleanupTestCase()
{
    m_recording.reset();
    m_tab.reset();
}

bool tst_GuiRecordingDecode::publishAndWait(const QByteArray &topic, const QByteArray &payload)
{
    if (!m_bench.peer().publish(topic, payload, 1))
        return false;
    const TopicStore &store = m_tab->topicStore();
    return QTest::qWaitFor(
        [&] {
            const TopicNodeId node = store.find(topic);
            return node != TopicStore::InvalidId && store.latestPayload(node) == payload;
        },
        arrivalTimeoutMs);
}

QString tst_GuiRecordingDecode::renderedAfterSelecting(const QByteArray &topic) const
{
    m_recording->selectTopic(topic);
    PayloadView *view = m_recording->messagePane()->payloadView();
    if (!QTest::qWaitFor([&] { return view->message().topic == topic; }, 2000))
        return u"<not shown>"_s;
    return view->renderedText();
}

void tst_GuiRecordingDecode::aliasesAsOfTheMoment()
{
    // [tck-id-payloads-alias-data-cmd-requirement] opened at its end: alias 10 is the REBIRTH's.
    QString shown = renderedAfterSelecting(DData);
    QVERIFY2(shown.contains(u"\"Pressure\""_s) && shown.contains(u"4.75"_s), qPrintable(shown));
    QVERIFY2(!shown.contains(u"alias:10"_s), qPrintable(shown));
    // The history reads each DATA with the names of its own time.
    const QAbstractItemModel *history = m_recording->messagePane()->historyModel();
    QCOMPARE(history->rowCount(), 2);
    QVERIFY2(rowText(history, 0).contains(u"Temperature=21.25"_s), qPrintable(rowText(history, 0)));
    QVERIFY2(rowText(history, 1).contains(u"Pressure=4.75"_s), qPrintable(rowText(history, 1)));
    // So does the tree's preview of the latest.
    const TopicStore &store = m_recording->explorerData().store();
    const QModelIndex row = m_recording->topicModel()->indexOf(store.find(DData));
    const QString preview = row.siblingAtColumn(TopicTreeModel::ValueColumn).data().toString();
    QVERIFY2(preview.contains(u"Pressure=4.75"_s), qPrintable(preview));

    // Before the REBIRTH: the first DDATA, with the first DBIRTH's name.
    const qint64 firstDataUs = firstRecordedUs(m_recording->reader(), DData);
    QVERIFY(firstDataUs > 0);
    m_recording->seek(firstDataUs);
    shown = renderedAfterSelecting(DData);
    QVERIFY2(shown.contains(u"\"Temperature\""_s) && shown.contains(u"21.25"_s), qPrintable(shown));
    QVERIFY2(!shown.contains(u"Pressure"_s), qPrintable(shown));

    // Play past the REBIRTH: the names it brings are learnt as it plays.
    m_recording->timelinePanel()->speedBox()->setCurrentIndex(2);
    m_recording->play();
    QTRY_VERIFY_WITH_TIMEOUT(!m_recording->isPlaying(), 5000);
    QCOMPARE(m_recording->selectedTopic(), DData);
    const PayloadView *view = m_recording->messagePane()->payloadView();
    // The pane follows the newest message once the tree's next flush has it.
    QTRY_VERIFY2_WITH_TIMEOUT(view->renderedText().contains(u"4.75"_s),
                              qPrintable(view->renderedText()), 5000);
    QVERIFY2(view->renderedText().contains(u"\"Pressure\""_s), qPrintable(view->renderedText()));
}

// What the tree's row of `topic` says of its Sparkplug endpoint: "online", "offline" or "none".
QString shownOnline(const RecordingTab &recording, const QByteArray &topic)
{
    const TopicStore &store = recording.explorerData().store();
    const QVariant online = recording.topicModel()
                                ->indexOf(store.find(topic))
                                .data(TopicTreeModel::SparkplugOnlineRole);
    return online.isValid() ? (online.toBool() ? u"online"_s : u"offline"_s) : u"none"_s;
}

void tst_GuiRecordingDecode::onlineAsOfTheMoment()
{
    // [tck-id-operational-behavior-edge-node-termination-host-action-ddeath-devices-offline]
    // At the end of the file the pump is offline, its edge node still online; the rows show no
    // issue (a seek reads no DATA).
    m_recording->seek(m_recording->reader().summary().lastTimeUs);
    QCOMPARE(shownOnline(*m_recording, DData), u"offline"_s);
    QCOMPARE(shownOnline(*m_recording, NBirth), u"online"_s);
    const TopicStore &store = m_recording->explorerData().store();
    const QModelIndex pump = m_recording->topicModel()->indexOf(store.find(DData));
    QCOMPARE(pump.data(TopicTreeModel::SparkplugIssueCountRole).toInt(), 0);

    // Before the DDEATH: online, as the live tab showed it then.
    const qint64 deathUs = firstRecordedUs(m_recording->reader(), DDeath);
    QVERIFY(deathUs > 0);
    m_recording->seek(deathUs - 1);
    QCOMPARE(shownOnline(*m_recording, DData), u"online"_s);

    // Play past it: the DDEATH played takes the pump offline.
    m_recording->timelinePanel()->speedBox()->setCurrentIndex(2);
    m_recording->play();
    QTRY_VERIFY_WITH_TIMEOUT(!m_recording->isPlaying(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(shownOnline(*m_recording, DData), u"offline"_s, 5000);
    QCOMPARE(shownOnline(*m_recording, NBirth), u"online"_s);
}

void tst_GuiRecordingDecode::searchMatchesDecodedJson_data()
{
    QTest::addColumn<QString>("predicate");
    QTest::addColumn<QByteArrayList>("topics");
    // The DBIRTH's 20.5 is not over 21; the DDATA's 21.25 by alias is.
    QTest::newRow("sparkplug DDATA by alias")
        << u"metrics.Temperature.value > 21"_s << QByteArrayList{DData};
    QTest::newRow("the REBIRTH's name") << u"metrics.Pressure.value > 3"_s
                                        << QByteArrayList{"spBv1.0/plant/DBIRTH/edge/pump", DData};
    QTest::newRow("messagepack") << u"value == 42"_s << QByteArrayList{"rec/packed"};
}

void tst_GuiRecordingDecode::searchMatchesDecodedJson()
{
    QFETCH(QString, predicate);
    QFETCH(QByteArrayList, topics);
    SearchPanel *search = m_recording->searchPanel();
    search->topicEdit()->clear();
    search->payloadEdit()->clear();
    search->jsonEdit()->setText(predicate);
    QSignalSpy finished(search, &SearchPanel::searchFinished);
    search->startSearch();
    QVERIFY(finished.wait(5000));
    QTableView *results = search->resultsView();
    QCOMPARE(results->model()->rowCount(), topics.size());
    for (int row = 0; row < topics.size(); ++row)
        QVERIFY2(rowText(results->model(), row).contains(QString::fromUtf8(topics[row])),
                 qPrintable(rowText(results->model(), row)));
}

QTEST_MAIN(tst_GuiRecordingDecode)
#include "tst_guirecordingdecode.moc"

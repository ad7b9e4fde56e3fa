// SPDX-License-Identifier: GPL-3.0-or-later
// Decoded payloads beyond the payload view: the tree preview, the history column, diff, plot,
// search and export read what the connection's PayloadDecoder reads. The payloads were made by
// python3-protobuf (protoc-generated modules of Sparkplug B's schema and of fleet.proto), an
// encoder nobody here wrote; their bytes are committed so the fixture stays simple.
#include "decode/payloaddecoder.h"
#include "decode/sparkplugaliasbook.h"
#include "decode/sparkplugstatefeed.h"
#include "explorer/explorerdata.h"
#include "explorer/historyexporter.h"
#include "messagebuilder.h"
#include "messagepane.h"
#include "models/historymodel.h"
#include "models/topictreemodel.h"
#include "search/hitcollector.h"
#include "search/searchjob.h"
#include "views/diffview.h"
#include "views/valueplot.h"

#include <QBuffer>
#include <QMenu>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

constexpr qint64 BaseMsecs = 1764680000000;

// DBIRTH: Temperature (alias 1) 21.5, Pressure (alias 2) 1.25, both Double, seq 1.
const QByteArray sparkplugBirth = QByteArray::fromHex(
    "0880c4fff8ad3312210a0b54656d706572617475726510011880c4fff8ad33200a690000000000803540121e0a"
    "08507265737375726510021880c4fff8ad33200a69000000000000f43f1801");
// DDATA by alias only: seq 2 (22.5, 1.25) and seq 3 (23.75, 1.5).
const QByteArray sparkplugData2 = QByteArray::fromHex(
    "08eacbfff8ad331214100118eacbfff8ad33200a6900000000008036401214100218eacbfff8ad33200a690000"
    "00000000f43f1802");
const QByteArray sparkplugData3 = QByteArray::fromHex(
    "08ebcbfff8ad331214100118ebcbfff8ad33200a690000000000c037401214100218ebcbfff8ad33200a690000"
    "00000000f83f1803");
// fleet.v1.Position{vehicle, latitude, longitude, speed}
const QByteArray truckAt88 =
    QByteArray::fromHex("0a07747275636b2d37110000000000404a40190000000000802a402058");
const QByteArray truckAt91 =
    QByteArray::fromHex("0a07747275636b2d37110000000000404a40190000000000802a40205b");
const QByteArray tractorAt12 =
    QByteArray::fromHex("0a0974726163746f722d39110000000000004840190000000000002740200c");

const QByteArray birthTopic = "spBv1.0/plant/DBIRTH/edge1/press";
const QByteArray dataTopic = "spBv1.0/plant/DDATA/edge1/press";
const QByteArray truckTopic = "fleet/7/position";
const QByteArray tractorTopic = "fleet/9/position";

Message message(const QByteArray &topic, const QByteArray &payload, int second)
{
    return test::MessageBuilder(topic).payload(payload).receivedAt(BaseMsecs + second * 1000);
}

std::shared_ptr<const PayloadDecoder> fleetDecoder()
{
    QList<ProtobufSchemas::Problem> problems;
    auto schemas =
        ProtobufSchemas::load({QFINDTESTDATA("../payloadview/data/fleet.proto")}, {}, &problems);
    return std::make_shared<const PayloadDecoder>(
        QList<FormatRule>{
            {u"fleet/+/position"_s, PayloadEncoding::Protobuf, u"fleet.v1.Position"_s}},
        std::move(schemas));
}

// What a connection tab holds: the data with the fleet rule, and the BIRTH aliases its
// Sparkplug feed learns (on the worker's thread in the tab). Starts with a device's birth and
// data and three positions.
struct Connection
{
    Connection(bool learnBirths = true)
    {
        data.decoded().setDecoder(fleetDecoder());
        data.decoded().setSparkplugAliases(&aliases);
        ingest({message(birthTopic, sparkplugBirth, 0), message(dataTopic, sparkplugData2, 1),
                message(truckTopic, truckAt88, 2), message(truckTopic, truckAt91, 3),
                message(tractorTopic, tractorAt12, 4)},
               learnBirths);
    }
    void ingest(const QList<Message> &messages, bool learnBirths = true)
    {
        data.ingest(messages, messages.last().receivedMsecsSinceEpoch);
        feed.observe(messages);
        if (learnBirths)
            learnBirthsSeen();
    }
    void learnBirthsSeen()
    {
        const SparkplugStateChanges changes = feed.takeChanges();
        for (const SparkplugBirth &birth : changes.births)
            aliases.add(birth);
        data.decoded().forgetDecoded();
    }

    SparkplugStateFeed feed;
    SparkplugAliasBook aliases;
    ExplorerData data;
};

QAction *findAction(QMenu *menu, const QString &text)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->text() == text)
            return action;
        if (action->menu())
            if (QAction *inner = findAction(action->menu(), text))
                return inner;
    }
    return nullptr;
}

SearchResult runSearch(const ExplorerData &data, const SearchQuery &query)
{
    SearchJob job;
    QSignalSpy finished(&job, &SearchJob::finished);
    job.searchHistory(data, SearchMatcher(query), std::make_unique<HitCollector>(100));
    if (finished.isEmpty() && !finished.wait(10000))
        return {{}, -1, false, u"no result within 10 s"_s};
    return finished.first().first().value<SearchResult>();
}

} // namespace

class tst_DecodedViews : public QObject
{
    Q_OBJECT
private slots:
    void historyColumnShowsDecodedText();
    void treePreviewNamesSparkplugMetrics();
    void namesArriveAfterTheData();
    void diffOfDecodedMessagesShowsTheChangedField();
    void plotsSparkplugMetricByName();
    void plotsProtobufField();
    void searchFindsValuesOnlyInDecodedForm();
    void exportWritesDecodedField();
    void oversizedPayloadStaysRaw();
};

void tst_DecodedViews::historyColumnShowsDecodedText()
{
    Connection connection;
    ExplorerData &data = connection.data;
    HistoryModel model(&data.history(), &data.decoded());
    model.setTopic(data.store().find(truckTopic));
    QCOMPARE(model.rowCount(), 2);
    const QString first = model.index(0, HistoryModel::PayloadColumn).data().toString();
    QVERIFY2(first.contains(u"\"vehicle\":\"truck-7\""_s), qPrintable(first));
    QVERIFY2(first.contains(u"\"speed\":88"_s), qPrintable(first));
    // The raw bytes are still what the payload role gives.
    QCOMPARE(model.index(0, 0).data(HistoryModel::PayloadRole).toByteArray(), truckAt88);

    // Without the decoder's table the same bytes are a hex preview.
    HistoryModel raw(&data.history());
    raw.setTopic(data.store().find(truckTopic));
    QVERIFY(!raw.index(0, HistoryModel::PayloadColumn).data().toString().contains(u"speed"_s));
}

// The DDATA sends its metrics by alias only [tck-id-payloads-alias-data-cmd-requirement]; the
// names are the DBIRTH's [tck-id-payloads-alias-birth-requirement].
void tst_DecodedViews::treePreviewNamesSparkplugMetrics()
{
    Connection connection;
    ExplorerData &data = connection.data;
    TopicTreeModel model(&data);
    const TopicNodeId node = data.store().find(dataTopic);
    const QString preview =
        model.indexOf(node, TopicTreeModel::ValueColumn).data(Qt::DisplayRole).toString();
    QCOMPARE(preview, u"seq 2: Pressure=1.25, Temperature=22.5"_s);

    HistoryModel history(&data.history(), &data.decoded());
    history.setTopic(node);
    QCOMPARE(history.index(0, HistoryModel::PayloadColumn).data().toString(), preview);
}

// The tab learns BIRTHs a tick after the tree may have shown their DATA: what was decoded
// without the names is decoded again with them.
void tst_DecodedViews::namesArriveAfterTheData()
{
    Connection connection(false);
    ExplorerData &data = connection.data;
    TopicTreeModel model(&data);
    const QModelIndex value =
        model.indexOf(data.store().find(dataTopic), TopicTreeModel::ValueColumn);
    QCOMPARE(value.data().toString(), u"seq 2: alias:1=22.5, alias:2=1.25"_s);
    connection.learnBirthsSeen();
    QCOMPARE(value.data().toString(), u"seq 2: Pressure=1.25, Temperature=22.5"_s);
    const QString tip = value.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(u"Sparkplug B, "_s), qPrintable(tip));
}

void tst_DecodedViews::diffOfDecodedMessagesShowsTheChangedField()
{
    Connection connection;
    ExplorerData &data = connection.data;
    MessagePane pane(&data);
    pane.setTopic(data.store().find(truckTopic)); // selects the newest: 91 against 88
    auto *diff = pane.findChild<DiffView *>(u"diffView"_s);
    QVERIFY(diff);
    QVERIFY(diff->lines().isEmpty()); // made when its tab is shown
    pane.findChild<QTabWidget *>()->setCurrentWidget(diff);
    QList<DiffLine> changed;
    const QList<DiffLine> lines = diff->lines();
    for (const DiffLine &line : lines) {
        if (line.kind != DiffLine::Same)
            changed.append(line);
    }
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed[0].kind, DiffLine::Removed);
    QVERIFY2(changed[0].text.contains(u"\"speed\": 88"_s), qPrintable(changed[0].text));
    QCOMPARE(changed[1].kind, DiffLine::Added);
    QVERIFY2(changed[1].text.contains(u"\"speed\": 91"_s), qPrintable(changed[1].text));
}

void tst_DecodedViews::plotsSparkplugMetricByName()
{
    Connection connection;
    ExplorerData &data = connection.data;
    MessagePane pane(&data);
    QMenu menu;
    pane.addPlotActions(&menu, data.store().find(dataTopic));
    QAction *temperature = findAction(&menu, u"metrics.Temperature.value"_s);
    QVERIFY(temperature);
    QVERIFY(findAction(&menu, u"metrics.Pressure.value"_s));
    QVERIFY(!findAction(&menu, u"metrics.Temperature.alias"_s)); // values only
    QVERIFY(!findAction(&menu, u"seq"_s));
    temperature->trigger();
    ValuePlot *plot = pane.plot();
    QCOMPARE(plot->seriesCount(), 1);
    QCOMPARE(plot->seriesPoints(0), (QList<QPointF>{{double(BaseMsecs + 1000), 22.5}}));

    // What arrives later is decoded with the same names.
    const QList<Message> later{message(dataTopic, sparkplugData3, 6)};
    connection.ingest(later);
    pane.addToPlot(later);
    QCOMPARE(plot->seriesPoints(0).size(), 2);
    QCOMPARE(plot->seriesPoints(0).last(), QPointF(double(BaseMsecs + 6000), 23.75));
}

void tst_DecodedViews::plotsProtobufField()
{
    Connection connection;
    ExplorerData &data = connection.data;
    MessagePane pane(&data);
    QMenu menu;
    pane.addPlotActions(&menu, data.store().find(truckTopic));
    QVERIFY(findAction(&menu, u"latitude"_s));
    QAction *speed = findAction(&menu, u"speed"_s);
    QVERIFY(speed);
    speed->trigger();
    const QList<QPointF> points = pane.plot()->seriesPoints(0);
    QCOMPARE(points,
             (QList<QPointF>{{double(BaseMsecs + 2000), 88}, {double(BaseMsecs + 3000), 91}}));
}

void tst_DecodedViews::searchFindsValuesOnlyInDecodedForm()
{
    Connection connection;
    ExplorerData &data = connection.data;
    SearchQuery byName; // the metric's name is only in the DBIRTH's bytes, not the DDATA's
    byName.topicFilter = u"spBv1.0/+/DDATA/#"_s;
    byName.payloadText = u"\"Temperature\""_s;
    SearchResult result = runSearch(data, byName);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.total, 1);
    QCOMPARE(result.hits.first().topic, dataTopic);

    SearchQuery byField; // a field name and value no payload's bytes hold
    byField.payloadText = u"\"speed\":12"_s;
    result = runSearch(data, byField);
    QCOMPARE(result.total, 1);
    QCOMPARE(result.hits.first().topic, tractorTopic);
    // The list previews what matched: the decoded JSON, while the size is the payload's.
    QVERIFY2(result.hits.first().payloadPreview.startsWith("{\"vehicle\":\"tractor-9\""),
             result.hits.first().payloadPreview.constData());
    QCOMPARE(result.hits.first().payloadSize, tractorAt12.size());

    SearchQuery predicate;
    predicate.jsonPredicate = u"speed > 80"_s;
    result = runSearch(data, predicate);
    QCOMPARE(result.total, 2);
}

void tst_DecodedViews::exportWritesDecodedField()
{
    Connection connection;
    ExplorerData &data = connection.data;
    HistoryExporter exporter(data.store(), data.history());
    exporter.setDecoded(&data.decoded());
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    const TopicNodeId node = data.store().find(tractorTopic);
    QCOMPARE(exporter.writeJsonLines(out, node, HistoryExporter::Scope::Topic), 1);
    const QByteArray line = out.data();
    // The bytes as `sub --json` writes them, then what they decode to.
    QVERIFY2(line.contains("\"payload\":\"\\n\\ttractor-9\\u0011"), line.constData());
    QVERIFY2(line.contains(",\"decoded\":{\"vehicle\":\"tractor-9\","), line.constData());
    QVERIFY2(line.endsWith("}\n"), line.constData());

    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    exporter.writeCsv(csv, node, HistoryExporter::Scope::Topic);
    const QList<QByteArray> rows = csv.data().split('\n');
    QVERIFY2(rows.first().endsWith(",properties,decoded\r"), rows.first().constData());
    QVERIFY2(rows.at(1).contains("\"{\"\"vehicle\"\":\"\"tractor-9\"\""), rows.at(1).constData());
}

void tst_DecodedViews::oversizedPayloadStaysRaw()
{
    Connection connection;
    ExplorerData &data = connection.data;
    QByteArray huge(PayloadDecoder::MaxDecodeBytes + 1, 'x');
    connection.ingest({message(tractorTopic, huge, 7)});
    const TopicNodeId node = data.store().find(tractorTopic);
    QCOMPARE(data.decoded().text(node, huge), huge);
    HistoryModel model(&data.history(), &data.decoded());
    model.setTopic(node);
    QVERIFY(model.index(1, HistoryModel::PayloadColumn).data().toString().startsWith(u"xxxx"_s));
}

QTEST_MAIN(tst_DecodedViews)
#include "tst_decodedviews.moc"

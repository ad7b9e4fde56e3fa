// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebuilder.h"
#include "views/valueextractor.h"
#include "views/valueplot.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

Message message(const QByteArray &topic, const QByteArray &payload, qint64 time)
{
    return test::message(topic).payload(payload).receivedAt(time);
}

// How many pixels differ from the background colour at the centre-left of the plot area.
int nonBackgroundPixels(const QImage &image, const QColor &background)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixelColor(x, y) != background;
    return count;
}

// Bluish pixels (the first series' colour, antialiased) in the upper middle of a 300 × 200 plot:
// right of the value labels, below the legend, above the middle.
int seriesPixelsInUpperMiddle(const QImage &image)
{
    int count = 0;
    for (int y = 45; y < 95; ++y) {
        for (int x = 100; x < 220; ++x) {
            const QColor c = image.pixelColor(x, y);
            count += c.blue() > c.red() + 40 && c.blue() > c.green() + 20;
        }
    }
    return count;
}

} // namespace

class tst_ValuePlot : public QObject
{
    Q_OBJECT
private slots:
    void extractValue_data();
    void extractValue();
    void numericJsonPaths();
    void seriesAddAndRemove();
    void messagesFeedMatchingSeries();
    void pointsAreBounded();
    void outOfOrderValuesAreSorted();
    void draws();
    void drawsManyPoints();
    void drawsASpikeAmongManyPoints();
    void nonFiniteValuesAreNotPlotted();
    void screenshot();
};

void tst_ValuePlot::extractValue_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("found");
    QTest::addColumn<double>("value");

    QTest::newRow("plain number") << QByteArray("21.5") << QString() << true << 21.5;
    QTest::newRow("padded number") << QByteArray(" -3e2\n") << QString() << true << -300.0;
    QTest::newRow("integer") << QByteArray("42") << QString() << true << 42.0;
    QTest::newRow("text") << QByteArray("online") << QString() << false << 0.0;
    QTest::newRow("nan is not plotted") << QByteArray("nan") << QString() << false << 0.0;
    QTest::newRow("inf is not plotted") << QByteArray("inf") << QString() << false << 0.0;
    QTest::newRow("empty") << QByteArray() << QString() << false << 0.0;
    QTest::newRow("json without path") << QByteArray("{\"t\":1}") << QString() << false << 0.0;

    const QByteArray json = R"({"temperature": 21.5, "ok": true, "id": "s1", "text": "17.25",
        "sensors": [{"value": 1.5}, {"value": -2}], "nested": {"deep": {"x": 7}}, "nothing": null})";
    QTest::newRow("top-level key") << json << u"temperature"_s << true << 21.5;
    QTest::newRow("array index") << json << u"sensors.1.value"_s << true << -2.0;
    QTest::newRow("bracket index") << json << u"sensors[0].value"_s << true << 1.5;
    QTest::newRow("jsonpath root") << json << u"$.nested.deep.x"_s << true << 7.0;
    QTest::newRow("boolean") << json << u"ok"_s << true << 1.0;
    QTest::newRow("numeric string") << json << u"text"_s << true << 17.25;
    QTest::newRow("non-numeric string") << json << u"id"_s << false << 0.0;
    QTest::newRow("null") << json << u"nothing"_s << false << 0.0;
    QTest::newRow("missing key") << json << u"pressure"_s << false << 0.0;
    QTest::newRow("index out of range") << json << u"sensors.2.value"_s << false << 0.0;
    QTest::newRow("key into array") << json << u"sensors.value"_s << false << 0.0;
    QTest::newRow("path into number") << json << u"temperature.x"_s << false << 0.0;
    QTest::newRow("object is not a number") << json << u"nested"_s << false << 0.0;
    QTest::newRow("top-level array") << QByteArray("[10, 20]") << u"1"_s << true << 20.0;
    QTest::newRow("not json") << QByteArray("21.5") << u"temperature"_s << false << 0.0;
}

void tst_ValuePlot::extractValue()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, path);
    QFETCH(bool, found);
    QFETCH(double, value);
    const std::optional<double> extracted = mqttscope::extractValue(payload, path);
    QCOMPARE(extracted.has_value(), found);
    if (found)
        QCOMPARE(*extracted, value);
}

void tst_ValuePlot::numericJsonPaths()
{
    QCOMPARE(
        mqttscope::numericJsonPaths(R"({"t": 1, "name": "x", "s": [{"v": 2}, "y"], "ok": false})"),
        (QStringList{u"ok"_s, u"s.0.v"_s, u"t"_s}));
    QCOMPARE(mqttscope::numericJsonPaths("21.5"), QStringList());
    QCOMPARE(mqttscope::numericJsonPaths("[1,2,3,4]", 2), (QStringList{u"0"_s, u"1"_s}));
}

void tst_ValuePlot::seriesAddAndRemove()
{
    ValuePlot plot;
    QSignalSpy spy(&plot, &ValuePlot::seriesChanged);
    QCOMPARE(plot.addSeries("a/temperature"), 0);
    QCOMPARE(plot.addSeries("a/telemetry", u"humidity"_s), 1);
    QCOMPARE(plot.addSeries("a/temperature"), 0); // already there
    QCOMPARE(plot.seriesCount(), 2);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(plot.seriesName(1), u"a/telemetry › humidity"_s);
    plot.removeSeries(0);
    QCOMPARE(plot.seriesCount(), 1);
    QCOMPARE(plot.seriesTopic(0), QByteArray("a/telemetry"));
    QCOMPARE(plot.seriesJsonPath(0), u"humidity"_s);
    plot.removeSeries(5); // out of range: ignored
    QCOMPARE(spy.count(), 3);
    plot.removeAllSeries();
    QCOMPARE(plot.seriesCount(), 0);
}

void tst_ValuePlot::messagesFeedMatchingSeries()
{
    ValuePlot plot;
    const int temperature = plot.addSeries("s/telemetry", u"temperature"_s);
    const int humidity = plot.addSeries("s/telemetry", u"humidity"_s);
    const int plain = plot.addSeries("s/temperature");
    QCOMPARE(plot.addMessage(message("s/telemetry", R"({"temperature":21.5,"humidity":40})", 1000)),
             2);
    QCOMPARE(plot.addMessage(message("s/telemetry", R"({"temperature":21.7})", 2000)), 1);
    QCOMPARE(plot.addMessage(message("s/temperature", "19.25", 3000)), 1);
    QCOMPARE(plot.addMessage(message("s/temperature", "offline", 4000)), 0);
    QCOMPARE(plot.addMessage(message("other", "1", 5000)), 0);
    QCOMPARE(plot.seriesPoints(temperature), (QList<QPointF>{{1000, 21.5}, {2000, 21.7}}));
    QCOMPARE(plot.seriesPoints(humidity), (QList<QPointF>{{1000, 40}}));
    QCOMPARE(plot.seriesPoints(plain), (QList<QPointF>{{3000, 19.25}}));
    plot.clearValues();
    QCOMPARE(plot.seriesPoints(temperature).size(), 0);
    QCOMPARE(plot.seriesCount(), 3);
}

void tst_ValuePlot::pointsAreBounded()
{
    ValuePlot plot;
    plot.setMaximumPointsPerSeries(100);
    const int series = plot.addSeries("x");
    for (int i = 0; i < 1000; ++i)
        plot.addValue(series, i, i);
    const QList<QPointF> points = plot.seriesPoints(series);
    QVERIFY(points.size() <= 100 + 100 / 8);
    QVERIFY(points.size() >= 100);
    QCOMPARE(points.last(), QPointF(999, 999)); // the newest are kept
    plot.setMaximumPointsPerSeries(10);
    QCOMPARE(plot.seriesPoints(series).size(), 10);
}

void tst_ValuePlot::outOfOrderValuesAreSorted()
{
    ValuePlot plot;
    const int series = plot.addSeries("x");
    plot.addValue(series, 3000, 3);
    plot.addValue(series, 1000, 1);
    plot.addValue(series, 2000, 2);
    QCOMPARE(plot.seriesPoints(series), (QList<QPointF>{{1000, 1}, {2000, 2}, {3000, 3}}));
}

void tst_ValuePlot::draws()
{
    ValuePlot plot;
    plot.resize(400, 240);
    const QColor background = plot.palette().color(QPalette::Base);
    const int emptyInk = nonBackgroundPixels(plot.grab().toImage(), background);
    QVERIFY(emptyInk > 0); // the "no series" hint

    const int a = plot.addSeries("a");
    const int b = plot.addSeries("b");
    for (int i = 0; i < 60; ++i) {
        plot.addValue(a, 1700000000000 + i * 1000, 20 + std::sin(i / 5.0));
        plot.addValue(b, 1700000000000 + i * 1000, 22 + std::cos(i / 7.0));
    }
    const QImage image = plot.grab().toImage();
    QCOMPARE(image.size(), QSize(400, 240));
    QCOMPARE(plot.seriesCount(), 2);
    QVERIFY(nonBackgroundPixels(image, background) > emptyInk);
}

void tst_ValuePlot::drawsManyPoints()
{
    ValuePlot plot;
    plot.resize(300, 200);
    const int series = plot.addSeries("x");
    for (int i = 0; i < ValuePlot::defaultMaximumPoints; ++i)
        plot.addValue(series, 1700000000000 + i * 10, i % 97);
    QVERIFY(!plot.grab().isNull());
}

void tst_ValuePlot::drawsASpikeAmongManyPoints()
{
    // 10,000 values into a plot 300 pixels wide: drawn decimated, the one high value in the
    // middle must still reach the top. A first value as high fixes the scale for both images.
    const auto draw = [](bool withSpike) {
        ValuePlot plot;
        plot.resize(300, 200);
        const int series = plot.addSeries("x");
        for (int i = 0; i < ValuePlot::defaultMaximumPoints; ++i) {
            const bool high = i == 0 || (withSpike && i == ValuePlot::defaultMaximumPoints / 2);
            plot.addValue(series, 1700000000000 + i * 10, high ? 100 : i % 3);
        }
        return plot.grab().toImage();
    };
    QCOMPARE(seriesPixelsInUpperMiddle(draw(false)), 0);
    QVERIFY(seriesPixelsInUpperMiddle(draw(true)) > 20);
}

void tst_ValuePlot::nonFiniteValuesAreNotPlotted()
{
    ValuePlot plot;
    plot.resize(300, 200);
    const int series = plot.addSeries("x");
    plot.addValue(series, 1700000000000, 1);
    plot.addValue(series, 1700000001000, std::nan(""));
    plot.addValue(series, 1700000002000, HUGE_VAL);
    plot.addValue(series, 1700000003000, 3);
    QCOMPARE(plot.seriesPoints(series), (QList<QPointF>{{1700000000000, 1}, {1700000003000, 3}}));
    QVERIFY(!plot.grab().isNull());
}

void tst_ValuePlot::screenshot()
{
    const QString dir = qEnvironmentVariable("MQTTSCOPE_GRAB_DIR");
    if (dir.isEmpty())
        QSKIP("set MQTTSCOPE_GRAB_DIR to save screenshots");
    ValuePlot plot;
    plot.resize(560, 300);
    const int t = plot.addSeries("demo/factory/line1/sensor-042/telemetry", u"temperature"_s);
    const int h = plot.addSeries("demo/factory/line1/sensor-042/telemetry", u"humidity"_s);
    const int r = plot.addSeries("demo/factory/line1/sensor-007/temperature");
    const qint64 start = 1700000000000;
    for (int i = 0; i < 240; ++i) {
        plot.addValue(t, start + i * 500, 21 + 2 * std::sin(i / 20.0));
        plot.addValue(h, start + i * 500, 45 + 5 * std::cos(i / 30.0));
        if (i % 4 == 0)
            plot.addValue(r, start + i * 500, 30 - i / 20.0);
    }
    QVERIFY(plot.grab().save(dir + u"/plot.png"_s));
}

QTEST_MAIN(tst_ValuePlot)
#include "tst_valueplot.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebuilder.h"
#include "views/plotdecimation.h"
#include "views/plotseriesstore.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using mqttscope::test::message;

namespace {

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

// Points at x = 0, 1, 2, ... with the values given.
QList<QPointF> pointsOf(const QList<double> &values)
{
    QList<QPointF> points;
    for (qsizetype i = 0; i < values.size(); ++i)
        points.append(QPointF(double(i), values[i]));
    return points;
}

// Every decimated point is an input point, in time order, each at most once.
bool isOrderedSubsetOf(const QList<QPointF> &decimated, const QList<QPointF> &points)
{
    qsizetype at = 0;
    for (const QPointF &point : decimated) {
        while (at < points.size() && points[at] != point)
            ++at;
        if (at == points.size())
            return false;
        ++at;
    }
    return true;
}

} // namespace

class tst_PlotSeries : public QObject
{
    Q_OBJECT
private slots:
    void seriesAreKeyedByTopicAndPath();
    void seriesName();
    void valuesAreBounded();
    void evictionDropsTheOldestInChunks();
    void loweringTheMaximumTrimsAtOnce();
    void outOfOrderValuesTakeTheirPlace();
    void nonFiniteValuesAreRefused_data();
    void nonFiniteValuesAreRefused();
    void messagesFeedEverySeriesOfTheirTopic();
    void rangesSpanEverySeries();
    void timeRangeFollowsEviction();

    void decimationOfNothing();
    void decimationKeepsFewPointsAsTheyAre();
    void decimationKeepsFirstLowestHighestLastPerColumn();
    void decimationKeepsASpike();
    void decimationLeavesOutNonFinitePoints();
    void decimationBoundsPointsOutsideTheWindow();
    void decimationOfAnEmptyWindowOrNoColumns();
    void decimationOfLargeInputsIsBounded_data();
    void decimationOfLargeInputsIsBounded();
};

void tst_PlotSeries::seriesAreKeyedByTopicAndPath()
{
    PlotSeriesStore store;
    QVERIFY(store.isEmpty());
    QCOMPARE(store.addSeries("a", {}), 0);
    QCOMPARE(store.addSeries("a", u"x"_s), 1);
    QCOMPARE(store.addSeries("a", {}), 0);
    QCOMPARE(store.count(), 2);
    QCOMPARE(store.series(1).jsonPath(), u"x"_s);
    QCOMPARE(store.series(7).topic(), QByteArray()); // out of range: an empty series
    QVERIFY(!store.removeSeries(2));
    QVERIFY(!store.removeSeries(-1));
    QVERIFY(store.removeSeries(0));
    QCOMPARE(store.series(0).jsonPath(), u"x"_s);
    store.removeAllSeries();
    QVERIFY(store.isEmpty());
}

void tst_PlotSeries::seriesName()
{
    QCOMPARE(PlotSeries("s/t", {}).name(), u"s/t"_s);
    QCOMPARE(PlotSeries("s/t", u"a.b"_s).name(), u"s/t › a.b"_s);
}

void tst_PlotSeries::valuesAreBounded()
{
    PlotSeriesStore store;
    QCOMPARE(store.maximumPointsPerSeries(), PlotSeriesStore::defaultMaximumPoints);
    store.setMaximumPointsPerSeries(100);
    const int series = store.addSeries("x", {});
    for (int i = 0; i < 100000; ++i) {
        QVERIFY(store.addValue(series, i, i));
        QVERIFY(store.series(series).points().size() <= 100 + 100 / 8);
    }
    const QList<QPointF> points = store.series(series).points();
    QVERIFY(points.size() >= 100);
    QCOMPARE(points.constLast(), QPointF(99999, 99999));
    QCOMPARE(points.constFirst().x(), double(100000 - points.size())); // no gaps: the oldest went
}

void tst_PlotSeries::evictionDropsTheOldestInChunks()
{
    PlotSeries series("x", {});
    const int maximum = 16; // slack: 16 / 8 = 2 points over the maximum before a trim
    for (int i = 0; i < 18; ++i)
        series.add(i, i, maximum);
    QCOMPARE(series.points().size(), 18);
    series.add(18, 18, maximum);
    QCOMPARE(series.points().size(), maximum);
    QCOMPARE(series.points().constFirst(), QPointF(3, 3));
    QCOMPARE(series.points().constLast(), QPointF(18, 18));
}

void tst_PlotSeries::loweringTheMaximumTrimsAtOnce()
{
    PlotSeriesStore store;
    const int a = store.addSeries("a", {});
    const int b = store.addSeries("b", {});
    for (int i = 0; i < 50; ++i) {
        store.addValue(a, i, i);
        if (i < 5)
            store.addValue(b, i, -i);
    }
    store.setMaximumPointsPerSeries(10);
    QCOMPARE(store.series(a).points().size(), 10);
    QCOMPARE(store.series(a).points().constFirst(), QPointF(40, 40));
    QCOMPARE(store.series(b).points().size(), 5);
    store.setMaximumPointsPerSeries(0);
    QCOMPARE(store.maximumPointsPerSeries(), 2);
    QCOMPARE(store.series(a).points(), (QList<QPointF>{{48, 48}, {49, 49}}));
}

void tst_PlotSeries::outOfOrderValuesTakeTheirPlace()
{
    PlotSeries series("x", {});
    series.add(3000, 3, 100);
    series.add(1000, 1, 100);
    series.add(2000, 2, 100);
    series.add(2000, 2.5, 100); // same time: after the one that came first
    QCOMPARE(series.points(), (QList<QPointF>{{1000, 1}, {2000, 2}, {2000, 2.5}, {3000, 3}}));
}

void tst_PlotSeries::nonFiniteValuesAreRefused_data()
{
    QTest::addColumn<double>("value");
    QTest::newRow("nan") << notANumber;
    QTest::newRow("inf") << infinity;
    QTest::newRow("-inf") << -infinity;
}

void tst_PlotSeries::nonFiniteValuesAreRefused()
{
    QFETCH(double, value);
    PlotSeriesStore store;
    const int series = store.addSeries("x", {});
    QVERIFY(!store.addValue(series, 1000, value));
    QVERIFY(store.series(series).points().isEmpty());
    QVERIFY(store.timeRange().isEmpty());
    QVERIFY(store.valueRange().isEmpty());
    QVERIFY(store.addValue(series, 2000, 5));
    QVERIFY(!store.addValue(series, 3000, value));
    QCOMPARE(store.valueRange(), (PlotRange{5, 5}));
    QVERIFY(!store.addValue(series + 1, 2000, 5)); // no such series
}

void tst_PlotSeries::messagesFeedEverySeriesOfTheirTopic()
{
    PlotSeriesStore store;
    const int temperature = store.addSeries("s/telemetry", u"temperature"_s);
    const int humidity = store.addSeries("s/telemetry", u"humidity"_s);
    const int plain = store.addSeries("s/plain", {});
    const qint64 now = 9000;
    const Message telemetry =
        message("s/telemetry").payload(R"({"temperature":21.5,"humidity":40})").receivedAt(1000);
    QCOMPARE(store.addMessage(telemetry, now), 2);
    QCOMPARE(store.addMessage(message("s/plain").payload("7"), now), 1); // no time: now
    QCOMPARE(store.addMessage(message("s/plain").payload("nan").receivedAt(2000), now), 0);
    QCOMPARE(store.addMessage(message("other").payload("1").receivedAt(3000), now), 0);
    QCOMPARE(store.series(temperature).points(), (QList<QPointF>{{1000, 21.5}}));
    QCOMPARE(store.series(humidity).points(), (QList<QPointF>{{1000, 40}}));
    QCOMPARE(store.series(plain).points(), (QList<QPointF>{{9000, 7}}));
    store.clearValues();
    QVERIFY(store.series(temperature).points().isEmpty());
    QCOMPARE(store.count(), 3);
}

void tst_PlotSeries::rangesSpanEverySeries()
{
    PlotSeriesStore store;
    QVERIFY(store.timeRange().isEmpty());
    const int a = store.addSeries("a", {});
    store.addSeries("empty", {}); // a series without points counts for nothing
    const int c = store.addSeries("c", {});
    QVERIFY(store.timeRange().isEmpty());
    QVERIFY(store.valueRange().isEmpty());
    store.addValue(a, 2000, 5);
    QCOMPARE(store.timeRange(), (PlotRange{2000, 2000}));
    QCOMPARE(store.valueRange(), (PlotRange{5, 5}));
    store.addValue(a, 3000, -2);
    store.addValue(c, 1000, 7);
    store.addValue(c, 2500, 1);
    QCOMPARE(store.timeRange(), (PlotRange{1000, 3000}));
    QCOMPARE(store.valueRange(), (PlotRange{-2, 7}));
}

void tst_PlotSeries::timeRangeFollowsEviction()
{
    PlotSeriesStore store;
    store.setMaximumPointsPerSeries(10);
    const int series = store.addSeries("x", {});
    for (int i = 0; i < 100; ++i)
        store.addValue(series, 1000 * i, i == 0 ? 1e6 : i);
    const PlotRange time = store.timeRange();
    QCOMPARE(time.high, 99000.0);
    QVERIFY(time.low >= 1000 * (99 - 10 - 10 / 8));
    QVERIFY(store.valueRange().high < 100); // the evicted outlier no longer counts
}

void tst_PlotSeries::decimationOfNothing()
{
    QCOMPARE(decimateForColumns({}, {0, 100}, 10), QList<QPointF>());
    QCOMPARE(decimateForColumns({{5, 1}}, {0, 100}, 10), (QList<QPointF>{{5, 1}}));
}

void tst_PlotSeries::decimationKeepsFewPointsAsTheyAre()
{
    const QList<QPointF> points = pointsOf({3, 1, 4, 1, 5, 9, 2, 6, 5, 3});
    QCOMPARE(decimateForColumns(points, {0, 9}, 5), points); // two a column: nothing to gain
    QCOMPARE(decimateForColumns(points, {0, 9}, 100), points);
}

void tst_PlotSeries::decimationKeepsFirstLowestHighestLastPerColumn()
{
    // Two columns over [0, 10): x 0..4 in the first, 5..9 in the second.
    const QList<QPointF> points = pointsOf({5, 1, 9, 3, 4, 2, 2, 2, 2, 2});
    QCOMPARE(decimateForColumns(points, {0, 10}, 2),
             (QList<QPointF>{{0, 5}, {1, 1}, {2, 9}, {4, 4}, {5, 2}, {9, 2}}));
    // The highest before the lowest keeps its time order.
    const QList<QPointF> falling = pointsOf({5, 9, 1, 3, 4, 2, 2, 2, 2, 2});
    QCOMPARE(decimateForColumns(falling, {0, 10}, 2),
             (QList<QPointF>{{0, 5}, {1, 9}, {2, 1}, {4, 4}, {5, 2}, {9, 2}}));
}

void tst_PlotSeries::decimationKeepsASpike()
{
    QList<double> values(100000, 0.0);
    values[31337] = 1000;
    values[77777] = -1000;
    const QList<QPointF> points = pointsOf(values);
    const QList<QPointF> decimated = decimateForColumns(points, {0, 99999}, 300);
    QVERIFY(decimated.size() <= 4 * (300 + 2));
    QVERIFY(decimated.contains(QPointF(31337, 1000)));
    QVERIFY(decimated.contains(QPointF(77777, -1000)));
    QCOMPARE(decimated.constFirst(), points.constFirst());
    QCOMPARE(decimated.constLast(), points.constLast());
    QVERIFY(isOrderedSubsetOf(decimated, points));
}

void tst_PlotSeries::decimationLeavesOutNonFinitePoints()
{
    QCOMPARE(decimateForColumns(pointsOf({1, notANumber, 3}), {0, 2}, 10),
             (QList<QPointF>{{0, 1}, {2, 3}}));
    QList<double> values(1000, 1.0);
    for (qsizetype i = 0; i < values.size(); i += 3)
        values[i] = i % 2 ? infinity : notANumber;
    values[500] = 50;
    const QList<QPointF> decimated = decimateForColumns(pointsOf(values), {0, 999}, 10);
    QVERIFY(!decimated.isEmpty());
    for (const QPointF &point : decimated)
        QVERIFY2(std::isfinite(point.y()), qPrintable(QString::number(point.x())));
    QVERIFY(decimated.contains(QPointF(500, 50)));
    QCOMPARE(decimateForColumns(pointsOf(QList<double>(100, notANumber)), {0, 99}, 10),
             QList<QPointF>());
}

void tst_PlotSeries::decimationBoundsPointsOutsideTheWindow()
{
    // Everything before the window is one column, everything after another.
    QList<QPointF> points;
    for (int i = -5000; i < 15000; ++i)
        points.append(QPointF(i, i % 7));
    const QList<QPointF> decimated = decimateForColumns(points, {0, 10000}, 10);
    QVERIFY(decimated.size() <= 4 * (10 + 2));
    QCOMPARE(decimated.constFirst(), points.constFirst());
    QCOMPARE(decimated.constLast(), points.constLast());
    QVERIFY(isOrderedSubsetOf(decimated, points));
}

void tst_PlotSeries::decimationOfAnEmptyWindowOrNoColumns()
{
    const QList<QPointF> points = pointsOf({4, 8, 1, 9, 0, 3, 7});
    // A window with no width puts every point in one column.
    QCOMPARE(decimateForColumns(points, {5, 5}, 2),
             (QList<QPointF>{{0, 4}, {3, 9}, {4, 0}, {6, 7}}));
    // No columns counts as one.
    QCOMPARE(decimateForColumns(points, {0, 7}, 0),
             (QList<QPointF>{{0, 4}, {3, 9}, {4, 0}, {6, 7}}));
}

void tst_PlotSeries::decimationOfLargeInputsIsBounded_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("columns");
    QTest::newRow("1k into 1") << 1000 << 1;
    QTest::newRow("100k into 300") << 100000 << 300;
    QTest::newRow("1M into 1920") << 1000000 << 1920;
    QTest::newRow("1M into 4000") << 1000000 << 4000;
}

void tst_PlotSeries::decimationOfLargeInputsIsBounded()
{
    QFETCH(int, count);
    QFETCH(int, columns);
    QList<QPointF> points;
    points.reserve(count);
    for (int i = 0; i < count; ++i)
        points.append(QPointF(1700000000000.0 + i * 10.0, std::sin(i / 1000.0) * (i % 101)));
    const PlotRange window{points.constFirst().x(), points.constLast().x()};
    const QList<QPointF> decimated = decimateForColumns(points, window, columns);
    QVERIFY(decimated.size() <= 4 * (qsizetype(columns) + 2));
    const auto byValue = [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); };
    QCOMPARE(std::min_element(decimated.cbegin(), decimated.cend(), byValue)->y(),
             std::min_element(points.cbegin(), points.cend(), byValue)->y());
    QCOMPARE(std::max_element(decimated.cbegin(), decimated.cend(), byValue)->y(),
             std::max_element(points.cbegin(), points.cend(), byValue)->y());
    QVERIFY(isOrderedSubsetOf(decimated, points));
}

QTEST_APPLESS_MAIN(tst_PlotSeries)
#include "tst_plotseries.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/plotdecimation.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <iterator>

namespace mqttscope {

namespace {

bool isFinite(const QPointF &point)
{
    return std::isfinite(point.x()) && std::isfinite(point.y());
}

QList<QPointF> finitePoints(const QList<QPointF> &points)
{
    if (std::all_of(points.cbegin(), points.cend(), isFinite))
        return points; // shared, not copied
    QList<QPointF> result;
    std::copy_if(points.cbegin(), points.cend(), std::back_inserter(result), isFinite);
    return result;
}

// The pixel column of time x; everything before the window shares column -1 and everything after
// it column `columns`, which keeps the output bounded whatever the input.
int columnOf(double x, const PlotRange &window, int columns)
{
    if (!(window.span() > 0))
        return 0;
    const double column = std::floor((x - window.low) / window.span() * columns);
    return int(qBound(-1.0, column, double(columns)));
}

// The points of one pixel column that a line through it has to pass, by index.
struct ColumnExtremes
{
    int column = INT_MIN;
    qsizetype first = 0;
    qsizetype lowest = 0;
    qsizetype highest = 0;
    qsizetype last = 0;

    void start(int newColumn, qsizetype index)
    {
        column = newColumn;
        first = lowest = highest = last = index;
    }
    void add(qsizetype index, const QList<QPointF> &points)
    {
        if (points[index].y() < points[lowest].y())
            lowest = index;
        if (points[index].y() > points[highest].y())
            highest = index;
        last = index;
    }
    void appendTo(QList<QPointF> *result, const QList<QPointF> &points) const
    {
        if (column == INT_MIN)
            return;
        std::array<qsizetype, 4> indices{first, lowest, highest, last};
        std::sort(indices.begin(), indices.end());
        const auto end = std::unique(indices.begin(), indices.end());
        for (auto it = indices.begin(); it != end; ++it)
            result->append(points[*it]);
    }
};

} // namespace

QList<QPointF> decimateForColumns(const QList<QPointF> &points, const PlotRange &window,
                                  int columns)
{
    columns = qMax(1, columns);
    if (points.size() <= 2 * qsizetype(columns))
        return finitePoints(points);
    QList<QPointF> result;
    result.reserve(4 * (qsizetype(columns) + 2));
    ColumnExtremes extremes;
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (!isFinite(points[i]))
            continue;
        const int column = columnOf(points[i].x(), window, columns);
        if (column == extremes.column) {
            extremes.add(i, points);
            continue;
        }
        extremes.appendTo(&result, points);
        extremes.start(column, i);
    }
    extremes.appendTo(&result, points);
    return result;
}

} // namespace mqttscope

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/plotrange.h"

#include <QList>
#include <QPointF>

namespace mqttscope {

// Reduces time-ordered points (x: time, y: value) to what `columns` pixel columns across the time
// `window` can show: in each column its first, lowest, highest and last point, in time order and
// each once. A line through them covers the same pixels as a line through all of them, so a
// one-sample spike stays visible, and drawing costs O(columns) rather than O(points).
//
// At most 4 points per column are returned, plus 4 for everything before the window and 4 for
// everything after it. Points whose time or value is not finite are left out. Input that has no
// more than two points per column is returned as it is (without the non-finite points).
QList<QPointF> decimateForColumns(const QList<QPointF> &points, const PlotRange &window,
                                  int columns);

} // namespace mqttscope

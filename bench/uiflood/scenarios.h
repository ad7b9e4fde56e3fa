// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientoptions.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mqttscope::bench {

struct ScenarioOptions
{
    QString loadServer; // path of mqttscope-loadserver
    VersionChoice version = VersionChoice::V5;
    double rate = 50000; // flood: messages per second
    double seconds = 30; // flood: how long; idle: how long to measure
    int topics = 100000; // flood/idle: topics the messages spread over; scale: distinct topics
    int payload = 47; // bytes per message
    QString prefix = QStringLiteral("bench"); // flood: first levels of every topic
    int keepAlive = 2; // flood: seconds, short so that many pings fall inside the run
    int expandDepth = -1; // flood: expand the tree to this depth once all topics are in (-1: no)
    QString recordingFile; // reopen: the recording to open
    bool record = false; // flood: record everything into a file, as the tab's Record button does
    bool sparkplug = false; // flood: Sparkplug B DDATA (see the load server's --sparkplug)
    // flood: a first lap fills the tree with all topics before the probe starts, so that what is
    // measured is the steady stream, not the burst of new topics (the ceiling's steps).
    bool steady = false;
    double ceilingMaxRate = 2e6; // ceiling: the highest rate tried
    int ceilingSteps = 12; // ceiling: at most this many steps
    double ceilingBudgetSeconds = 300; // ceiling: no new step starts after this long
    bool showDiff = false; // bigpayload: the "Diff with previous" tab shown instead of the payload
    bool startPage = false; // idle: the window with no connection open
};

// A result row that says why a scenario could not run; run_bench.py shows it in the table.
inline QJsonObject errorRow(const QString &name, const QString &error)
{
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("error"), error}};
}

// Each returns the result rows (one JSON object each), or a row with "error" when it could not run.
QList<QJsonObject> runFlood(const ScenarioOptions &options);
QList<QJsonObject> runCeiling(const ScenarioOptions &options);
QList<QJsonObject> runBigPayload(const ScenarioOptions &options);
QList<QJsonObject> runScale(const ScenarioOptions &options);
QList<QJsonObject> runIdle(const ScenarioOptions &options);
QList<QJsonObject> runReopen(const ScenarioOptions &options);

} // namespace mqttscope::bench

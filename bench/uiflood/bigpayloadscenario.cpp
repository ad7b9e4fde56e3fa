// SPDX-License-Identifier: GPL-3.0-or-later
// Big payloads on the selected topic: one topic of JSON documents (1 MiB by default) arriving at
// a steady rate, selected in the tree as a user would, so that the payload view shows each new
// one and the history fills; the GUI thread probed all along, RSS sampled against the history's
// byte budget. With --diff the "Diff with previous" tab is the one shown.
#include "benchwindow.h"
#include "eventloopprobe.h"
#include "loadsource.h"
#include "processstats.h"
#include "scenarios.h"
#include "threadcosts.h"

#include "connectiontab.h"
#include "messagepane.h"
#include "models/historymodel.h"
#include "views/payloadview.h"
#include "views/renderpacer.h"

#include <QTabWidget>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {
namespace {

constexpr char Topic[] = "bench/dev0/sensor0";
// Different documents the server sends in turn: enough that consecutive ones differ.
constexpr int DistinctPayloads = 8;

// Shows the diff tab of the tab's message pane, as a click on it would.
bool showDiffTab(MainWindow &window)
{
    auto *diff = window.findChild<QWidget *>(u"diffView"_s);
    for (QWidget *w = diff; w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            tabs->setCurrentWidget(diff);
            return true;
        }
    }
    return false;
}

// VmRSS every 100 ms while it runs: the highest and the last.
class RssSampler
{
public:
    RssSampler()
    {
        m_timer.setInterval(100);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { sample(); });
        sample();
        m_timer.start();
    }
    void sample()
    {
        m_last = ProcessStats::rssMiB();
        m_peak = qMax(m_peak, m_last);
    }
    double peak() const { return m_peak; }
    double last() const { return m_last; }

private:
    QTimer m_timer;
    double m_peak = 0;
    double m_last = 0;
};

} // namespace

QList<QJsonObject> runBigPayload(const ScenarioOptions &options)
{
    const QString name = u"big payloads, %1 KiB at %2 msg/s, topic selected%3"_s.arg(
        QString::number(options.payload / 1024), QString::number(options.rate),
        options.showDiff ? u", diff shown"_s : QString());
    const qint64 messages = qMax<qint64>(1, qint64(options.rate * options.seconds));
    LoadSource source;
    BenchWindow bench;
    QString error;
    ConnectionTab *tab = bench.openOn(source, options.loadServer,
                                      {u"--messages"_s, QString::number(messages), u"--topics"_s,
                                       u"1"_s, u"--payload"_s, QString::number(options.payload),
                                       u"--rate"_s, QString::number(options.rate), u"--distinct"_s,
                                       QString::number(DistinctPayloads), u"--json-fill"_s},
                                      {0, options.version, 60, {}}, &error);
    if (!tab)
        return {errorRow(name, error)};
    if (options.showDiff && !showDiffTab(bench.window()))
        return {errorRow(name, u"the window has no diff tab"_s)};
    const ExplorerData &data = tab->explorerData();
    if (!BenchWindow::waitUntil([&] { return tab->topicStore().topicCount() >= 1; }, 10000))
        return {errorRow(name, u"the topic did not arrive"_s)};
    tab->selectTopic(Topic);
    // The window set up and its first payload shown: what the stream adds is measured from here.
    const double rssBefore = ProcessStats::rssMiB();
    const RenderPacer *pacer = tab->findChild<MessagePane *>()->renderPacer();
    const int rendersBefore = pacer->renders();
    const qint64 renderNsBefore = pacer->totalCostNs();

    RssSampler rss;
    EventLoopProbe probe;
    ThreadCosts costs(source.processId());
    probe.start();
    const Statistics &statistics = data.statistics();
    BenchWindow::waitUntil([&] { return statistics.total(Statistics::MessagesIn) >= messages; },
                           int(options.seconds * 1000) + 60000);
    BenchWindow::runFor(200); // the last flush shown
    probe.stop();
    rss.sample();
    QJsonObject row = costs.figures();
    const qint64 received = statistics.total(Statistics::MessagesIn);
    const EventLoopProbe::Summary probed = probe.summary();
    const MessageHistory &history = data.history();
    const double budgetMiB = double(history.limits().byteBudget) / (1024 * 1024);
    row.insert(u"name"_s, name);
    row.insert(u"msg_per_s"_s, options.rate);
    row.insert(u"payload_bytes"_s, options.payload);
    row.insert(u"probe_p50_ms"_s, probed.p50Ms);
    row.insert(u"probe_p99_ms"_s, probed.p99Ms);
    row.insert(u"probe_max_ms"_s, probed.maxMs);
    row.insert(u"probe_over_16ms"_s, probed.over16Ms);
    row.insert(u"received"_s, double(received));
    row.insert(u"rss_before_mib"_s, rssBefore);
    row.insert(u"rss_peak_mib"_s, rss.peak());
    row.insert(u"rss_end_mib"_s, rss.last());
    row.insert(u"history_budget_mib"_s, budgetMiB);
    row.insert(u"history_mib"_s, double(history.bytesUsed()) / (1024 * 1024));
    row.insert(u"history_rows"_s, tab->historyModel()->rowCount());
    // What the payloads could add at most: the history's budget for the older ones (and the
    // store's latest and a payload in flight).
    row.insert(u"rss_peak_over_budget_mib"_s, rss.peak() - rssBefore - budgetMiB);
    row.insert(u"shown_payload_bytes"_s, double(tab->payloadView()->message().payload.size()));
    // How often the message views rendered (at most once per flush, paced by their cost).
    const int renders = pacer->renders() - rendersBefore;
    row.insert(u"renders"_s, renders);
    row.insert(u"render_mean_ms"_s,
               renders > 0 ? double(pacer->totalCostNs() - renderNsBefore) / renders / 1e6 : 0.0);
    row.insert(u"render_max_ms"_s, double(pacer->maxCostNs()) / 1e6);
    tab->disconnectFromBroker();
    const QJsonObject server = source.waitForReport(10000);
    const double sent = server.value(u"sent"_s).toDouble(-1);
    row.insert(u"sent"_s, sent);
    row.insert(u"dropped"_s, sent - double(received));
    return {row};
}

} // namespace mqttscope::bench
